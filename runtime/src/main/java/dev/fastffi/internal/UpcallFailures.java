package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What Java callbacks threw, held until the fastffi call they belong to returns and throws it as
 * {@code CALLBACK_FAILED}. FFM ends the JVM when an upcall throws, so every stub catches
 * everything, records it here and returns zero to C.
 *
 * <p>Attribution: a callback that fails on a thread that is inside a call from Java (the usual
 * case, including a callback C stored earlier and runs during a later call) belongs to that
 * thread, and the next fastffi call to return on it throws. A callback that fails on a thread C
 * started (no Java frames below the upcall) belongs to no call: the failure goes at once, on that
 * thread, to the handler {@code FastFfi.onCallbackFailure} set, by default the thread's
 * uncaught-exception handler, and never to a call on another thread.
 */
public final class UpcallFailures {
    /** More than this many failures of one call are counted, not kept. */
    private static final int KEPT = 8;
    /** Failures not yet thrown: while it is 0, which it nearly always is, a call looks at nothing else. */
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static final ThreadLocal<Failures> OWN = new ThreadLocal<>();
    /** Receives the failures on threads C started; null for the thread's uncaught-exception handler. */
    private static volatile Consumer<FfiException> handler;

    private UpcallFailures() {}

    /**
     * Called after every downcall that may have run a callback: one volatile read, which the JIT
     * inlines, unless a failure is pending somewhere.
     */
    public static void check(NativeSymbol site) {
        if (PENDING.get() != 0) {
            claim(site);
        }
    }

    /**
     * As {@link #check(NativeSymbol)}, after a call through one of a generated class's
     * {@link ConstantAddresses#lazy sites}, a {@code static final} constant: nothing of the binding
     * the call came through has to stay live across the call for the rare failure, whose message
     * the site names (with its library, unless its class binds many).
     */
    public static void check(MutableCallSite site) {
        if (PENDING.get() != 0) {
            claim(ConstantAddresses.describe(site));
        }
    }

    /** Whether any failure waits to be thrown; for tests that must leave none behind. */
    static boolean anyPending() {
        return PENDING.get() != 0;
    }

    /**
     * Sets what receives a failure on a thread C started; null restores the default, the thread's
     * uncaught-exception handler.
     */
    public static void handler(Consumer<FfiException> failures) {
        handler = failures;
    }

    /**
     * Records what the callback {@code callback} (its interface and method) threw; runs inside the
     * upcall, so it must not throw itself.
     */
    static void record(String callback, Throwable thrown) {
        if (!insideJavaCall()) {
            deliver(new Failures(thrown).toException(callback + ", on thread " + Thread.currentThread().getName()
                    + " that C started, outside any fastffi call"));
            return;
        }
        Failures own = OWN.get();
        if (own == null) {
            OWN.set(new Failures(thrown));
            PENDING.incrementAndGet();
        } else {
            own.add(thrown);
        }
    }

    /**
     * Hands the failure of a callback on a thread C started to the handler, on that thread. What
     * the handler throws cannot reach C either: it goes, with the failure, to the thread's
     * uncaught-exception handler, and what that throws is dropped.
     */
    private static void deliver(FfiException failure) {
        Consumer<FfiException> failures = handler;
        if (failures != null) {
            try {
                failures.accept(failure);
                return;
            } catch (Throwable thrown) {
                failure.addSuppressed(thrown);
            }
        }
        try {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
        } catch (Throwable ignored) {
            // nothing is left to tell, and the upcall must return to C
        }
    }

    /** Throws what is pending for the call that just returned; {@code site} names its function in the message. */
    private static void claim(Object site) {
        Failures own = OWN.get();
        if (own != null) {
            OWN.remove();
            PENDING.decrementAndGet();
            throw own.toException(site);
        }
    }

    /**
     * A thread inside a call from Java has Java frames below the upcall; a thread C started has
     * none. Only walked when a callback fails.
     */
    private static boolean insideJavaCall() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().startsWith(UpcallFailures.class.getPackageName() + "."))
                .findAny()
                .isPresent());
    }

    /** The failures of one call: the first is the cause, a few more are kept as suppressed, the rest counted. */
    private static final class Failures {
        private final List<Throwable> kept = new ArrayList<>();
        private int count;

        Failures(Throwable first) {
            add(first);
        }

        void add(Throwable thrown) {
            count++;
            if (kept.size() < KEPT) {
                kept.add(thrown);
            }
        }

        FfiException toException(Object site) {
            Throwable first = kept.get(0);
            String more = count == 1 ? "" : " (and " + (count - 1) + " more callback failure"
                    + (count == 2 ? "" : "s") + " during the call)";
            // a stub whose object is gone explains itself; anything else is what the callback threw
            String what = first instanceof UpcallStubs.Collected
                    ? first.getMessage() : "a Java callback threw " + first;
            FfiException failure = new FfiException(FfiException.Code.CALLBACK_FAILED,
                    site + ": " + what + more + "; it returned 0 to C", first);
            kept.subList(1, kept.size()).forEach(failure::addSuppressed);
            return failure;
        }
    }
}

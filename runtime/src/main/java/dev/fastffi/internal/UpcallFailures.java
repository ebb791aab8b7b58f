package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A failure during a downcall fastffi did not make (plain FFM, JNI) waits for the next fastffi
 * call on its thread. Should that thread end first, no call can throw it any more: while anything
 * is pending, a call that finds nothing of its own looks, at most every {@link #SWEEP_NANOS}, for
 * failures of threads that ended, and hands them to the handler, so that nothing is lost and the
 * check after each call is one volatile read again.
 */
public final class UpcallFailures {
    /** More than this many failures of one call are counted, not kept. */
    private static final int KEPT = 8;
    /** Failures not yet thrown: while it is 0, which it nearly always is, a call looks at nothing else. */
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static final ThreadLocal<Failures> OWN = new ThreadLocal<>();
    /** Receives the failures on threads C started; null for the thread's uncaught-exception handler. */
    private static volatile Consumer<FfiException> handler;
    /** How often, at most, calls look for failures of threads that ended: 100 ms. */
    static final long SWEEP_NANOS = 100_000_000L;
    /** When the next look for failures of threads that ended may be, in {@link System#nanoTime()}. */
    private static volatile long nextSweep = System.nanoTime();

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
            own = new Failures(thrown);
            Holders.ALL.put(own, Thread.currentThread());
            OWN.set(own);
            PENDING.incrementAndGet();
        } else {
            own.add(thrown);
        }
    }

    /**
     * Hands a failure no call can throw (a callback's on a thread C started, on that thread, or one
     * a thread that ended left) to the handler, on the current thread. What the handler throws
     * cannot reach C or the call either: it goes, with the failure, to the thread's
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
            Holders.ALL.remove(own);
            PENDING.decrementAndGet();
            throw own.toException(site);
        }
        if (System.nanoTime() - nextSweep >= 0) {
            sweep();
        }
    }

    /**
     * Hands the failures of threads that ended to the handler, on this thread: they were waiting
     * for a fastffi call on their own thread, which can no longer come.
     */
    static void sweep() {
        nextSweep = System.nanoTime() + SWEEP_NANOS;
        Holders.ALL.forEach((failures, thread) -> {
            // a thread that ended cannot claim its own failures, so only this removal can succeed
            if (!thread.isAlive() && Holders.ALL.remove(failures, thread)) {
                PENDING.decrementAndGet();
                deliver(failures.toException("a downcall fastffi did not make, on thread " + name(thread)
                        + ", which ended before a fastffi call on it could throw this"));
            }
        });
    }

    /** A thread's name, or its id where it has none (a virtual thread's default). */
    private static String name(Thread thread) {
        return thread.getName().isEmpty() ? "#" + thread.threadId() : thread.getName();
    }

    /** The failures pending, with their threads; loaded by the first failure, not by the first call. */
    private static final class Holders {
        static final ConcurrentHashMap<Failures, Thread> ALL = new ConcurrentHashMap<>();
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

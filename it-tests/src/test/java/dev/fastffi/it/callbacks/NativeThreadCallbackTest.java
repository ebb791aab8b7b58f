package dev.fastffi.it.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Callbacks run on a thread C starts: they work, and a failure there goes to the handler set with
 * {@code FastFfi.onCallbackFailure}, by default the thread's uncaught-exception handler, never to
 * a call, not even the one that waits for that thread.
 */
class NativeThreadCallbackTest {
    private static final IllegalStateException BOOM = new IllegalStateException("on a native thread");

    private static Library library;
    private static Callbacks callbacks;

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        callbacks = library.bind(Callbacks.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void callbackRunsOnTheNativeThread() {
        Thread caller = Thread.currentThread();
        Thread[] ranOn = {null};
        try (Upcall<IntOp> twice = Upcall.of(IntOp.class, x -> {
            ranOn[0] = Thread.currentThread();
            return 2 * x;
        })) {
            assertEquals(42, callbacks.cb_apply_in_thread(twice, 21));
        }
        assertNotSame(caller, ranOn[0]);
        assertEquals(8, callbacks.applyInThreadTransient(x -> 2 * x, 4));
    }

    @Test
    void failureOnANativeThreadGoesToTheHandlerAndNeverToTheCallThatWaits() {
        List<FfiException> received = new CopyOnWriteArrayList<>();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        FastFfi.onCallbackFailure(failure -> {
            received.add(failure);
            ranOn.add(Thread.currentThread());
        });
        try (Upcall<IntOp> failing = Upcall.of(IntOp.class, x -> {
            throw BOOM;
        })) {
            // the callback returned 0 to C, and the call that waited for its thread returns that
            assertEquals(0, callbacks.cb_apply_in_thread(failing, 1));
            assertEquals(0, callbacks.applyInThreadTransient(x -> {
                throw BOOM;
            }, 1));
        } finally {
            FastFfi.onCallbackFailure(null);
        }
        assertEquals(2, received.size(), received.toString());
        for (int i = 0; i < 2; i++) {
            FfiException failure = received.get(i);
            assertEquals(FfiException.Code.CALLBACK_FAILED, failure.code());
            assertSame(BOOM, failure.getCause());
            assertEquals("CALLBACK_FAILED: IntOp.apply, on thread " + ranOn.get(i).getName() + " that C started,"
                    + " outside any fastffi call: a Java callback threw " + BOOM + "; it returned 0 to C",
                    failure.getMessage());
            assertNotSame(Thread.currentThread(), ranOn.get(i));
        }
        // nothing was left behind for a later call
        assertEquals(-1, callbacks.applyInThreadTransient(x -> -x, 1));
    }

    @Test
    void aFailureNamesTheCallbackInterfaceAlsoWhereASuperInterfaceDeclaresItsMethod() {
        List<FfiException> received = new CopyOnWriteArrayList<>();
        FastFfi.onCallbackFailure(received::add);
        try {
            assertEquals(0, callbacks.applyInheritedInThread(x -> {
                throw BOOM;
            }, 1));
        } finally {
            FastFfi.onCallbackFailure(null);
        }
        assertEquals(1, received.size(), received.toString());
        assertTrue(received.get(0).getMessage().startsWith("CALLBACK_FAILED: InheritedOp.applyAsInt, on thread "),
                received.get(0).getMessage());
    }

    @Test
    void withoutAHandlerTheFailureGoesToTheThreadsUncaughtExceptionHandler() {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, thrown) -> uncaught.add(thrown));
        try {
            assertEquals(0, callbacks.applyInThreadTransient(x -> {
                throw BOOM;
            }, 1));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertEquals(1, uncaught.size(), uncaught.toString());
        FfiException failure = assertInstanceOf(FfiException.class, uncaught.get(0));
        assertEquals(FfiException.Code.CALLBACK_FAILED, failure.code());
        assertSame(BOOM, failure.getCause());
    }

    @Test
    void whatTheHandlerThrowsGoesWithTheFailureToTheUncaughtExceptionHandler() {
        IllegalStateException broken = new IllegalStateException("the handler broke");
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, thrown) -> uncaught.add(thrown));
        FastFfi.onCallbackFailure(failure -> {
            throw broken;
        });
        try {
            assertEquals(0, callbacks.applyInThreadTransient(x -> {
                throw BOOM;
            }, 1));
        } finally {
            FastFfi.onCallbackFailure(null);
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertEquals(1, uncaught.size(), uncaught.toString());
        FfiException failure = assertInstanceOf(FfiException.class, uncaught.get(0));
        assertSame(BOOM, failure.getCause());
        assertArrayEquals(new Throwable[] {broken}, failure.getSuppressed());
    }
}

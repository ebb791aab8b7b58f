package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertCallbackFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.fastffi.Library;
import dev.fastffi.Upcall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Callbacks run on a thread C starts: they work, and a failure there fails the call that waits for it. */
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
    void failureOnTheNativeThreadFailsTheCallThatWaitsForIt() {
        try (Upcall<IntOp> failing = Upcall.of(IntOp.class, x -> {
            throw BOOM;
        })) {
            assertCallbackFailed("cb_apply_in_thread", BOOM, () -> callbacks.cb_apply_in_thread(failing, 1));
        }
        assertCallbackFailed("cb_apply_in_thread", BOOM, () -> callbacks.applyInThreadTransient(x -> {
            throw BOOM;
        }, 1));
        assertEquals(-1, callbacks.applyInThreadTransient(x -> -x, 1));
    }
}

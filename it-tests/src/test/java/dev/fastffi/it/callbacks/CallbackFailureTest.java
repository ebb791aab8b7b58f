package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertCallbackFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A callback that throws never crashes the JVM: C gets zero, the call during which it ran throws
 * CALLBACK_FAILED with it as cause, and the next calls work.
 */
class CallbackFailureTest {
    private static final IllegalStateException BOOM = new IllegalStateException("boom");
    private static final IntOp THROWS = x -> {
        throw BOOM;
    };

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
    void throwingRegisteredCallbackFailsTheFastCallAndTheNextCallWorks() {
        try (Upcall<IntOp> failing = Upcall.of(IntOp.class, THROWS); Upcall<IntOp> fine = Upcall.of(IntOp.class, x -> -x)) {
            assertCallbackFailed("cb_apply", BOOM, () -> callbacks.cb_apply(failing, 1));
            assertEquals(-7, callbacks.cb_apply(fine, 7));
        }
    }

    @Test
    void throwingCallbackObjectFailsTheCompatCall() {
        assertCallbackFailed("cb_apply", BOOM, () -> callbacks.applyTransient(THROWS, 1));
        assertEquals(3, callbacks.applyTransient(x -> x, 3));
    }

    @Test
    void everyFailureOfOneCallIsCountedAndTheFirstIsTheCause() {
        IllegalArgumentException second = new IllegalArgumentException("second");
        int[] calls = {0};
        IntOp failsTwice = x -> {
            throw ++calls[0] == 1 ? BOOM : second;
        };
        FfiException thrown = assertCallbackFailed("cb_apply_twice", BOOM, () -> callbacks.cb_apply_twice(failsTwice, 1));
        assertTrue(thrown.getMessage().contains("(and 1 more callback failure during the call)"), thrown.getMessage());
        assertSame(second, thrown.getSuppressed()[0]);
    }

    @Test
    void callbackThatFailsReturnsZeroToC() {
        int[] seen = {-1};
        int[] calls = {0};
        IntOp failsFirst = x -> {
            if (calls[0]++ == 0) {
                throw BOOM;
            }
            seen[0] = x;
            return x;
        };
        assertCallbackFailed("cb_apply_twice", BOOM, () -> callbacks.cb_apply_twice(failsFirst, 5));
        assertEquals(0, seen[0]);
    }

    @Test
    void storedCallbackThatThrowsFailsTheLaterCallWithoutCallbackArgument() {
        try (Upcall<IntOp> failing = Upcall.of(IntOp.class, THROWS)) {
            callbacks.cb_store(failing);
            assertCallbackFailed("cb_call_stored", BOOM, () -> callbacks.cb_call_stored(1));
            assertCallbackFailed("cb_call_stored", BOOM, () -> callbacks.callStoredCompat(1));
            assertCallbackFailed("cb_call_stored", BOOM,
                    () -> library.function("cb_call_stored", "i32(i32)").invoke(1));
            MethodHandle handle = library.function("cb_call_stored", "i32(i32)").handle();
            assertCallbackFailed("cb_call_stored", BOOM, () -> {
                int ignored = (int) handle.invokeExact(1);
            });
        } finally {
            callbacks.cb_store(null);
        }
    }

    @Test
    void outOfRangeResultFailsTheCallWithInvalidArgumentAsCause() {
        try (Upcall<U8Op> tooBig = Upcall.of(U8Op.class, x -> 300)) {
            FfiException thrown = CallbackFixture.assertFfiException(FfiException.Code.CALLBACK_FAILED,
                    () -> callbacks.cb_apply_u8(tooBig, 1));
            FfiException cause = assertInstanceOf(FfiException.class, thrown.getCause());
            assertEquals("INVALID_ARGUMENT: a callback returned 300 as u8, which is outside 0..255", cause.getMessage());
        }
    }

    @Test
    void failureInsideANestedCallFailsTheInnerCallThenTheOuter() {
        IntOp nested = x -> callbacks.applyTransient(THROWS, x);
        FfiException outer = CallbackFixture.assertFfiException(FfiException.Code.CALLBACK_FAILED,
                () -> callbacks.applyTransient(nested, 1));
        FfiException inner = assertInstanceOf(FfiException.class, outer.getCause());
        assertEquals(FfiException.Code.CALLBACK_FAILED, inner.code());
        assertSame(BOOM, inner.getCause());
    }

    @Test
    void nestedCallsFromACallbackWork() {
        IntOp nested = x -> callbacks.applyTransient(y -> y * 10, x) + 1;
        assertEquals(21, callbacks.applyTransient(nested, 2));
    }

    @Test
    void errorsAreCaughtToo() {
        StackOverflowError error = new StackOverflowError("deep");
        assertCallbackFailed("cb_apply", error, () -> callbacks.applyTransient(x -> {
            throw error;
        }, 1));
    }
}

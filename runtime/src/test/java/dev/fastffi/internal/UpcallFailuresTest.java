package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** A callback's failure is thrown by the call it belongs to and then no longer pending anywhere. */
class UpcallFailuresTest {
    private static final IllegalStateException BOOM = new IllegalStateException("boom");

    /** qsort's comparator over ints. */
    @NativeCallback("i32(pointer, pointer)")
    public interface IntCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    /** Bound without the processor: the compatibility path. */
    public interface LibC {
        @NativeFunction("void(pointer, usize, usize, function)")
        void qsort(MemorySegment base, long count, long size, IntCompare compare);
    }

    private final LibC libc = Library.system().bind(LibC.class);

    @Test
    void proxyBindingThrowsCallbackFailedAndLeavesNothingPending() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            FfiException thrown = assertThrows(FfiException.class, () -> libc.qsort(values, 3, 4, (a, b) -> {
                throw BOOM;
            }));
            assertEquals(FfiException.Code.CALLBACK_FAILED, thrown.code());
            assertSame(BOOM, thrown.getCause());
            assertTrue(thrown.getMessage().startsWith("CALLBACK_FAILED: system qsort: a Java callback threw "
                    + BOOM), thrown.getMessage());
            assertFalse(UpcallFailures.anyPending());
            // the next call on the thread has nothing left to throw
            libc.qsort(values, 3, 4, (a, b) -> 0);
        }
    }
}

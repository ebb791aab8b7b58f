package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertCallbackFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Errno;
import dev.fastffi.FastFfi;
import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * Callbacks and errno through the binding {@code FastFfi.load} returns, whose FAST methods call
 * handles with the address bound in: the same results and failures as on a closeable library.
 */
class GlobalCallbackTest {
    @NativeLibrary("fastffi_fixture")
    interface GlobalCallbacks extends Callbacks {}

    private static final int ENOENT = 2;

    @Test
    void aRegisteredCallbackRunsAndItsFailureBecomesCallbackFailed() {
        GlobalCallbacks callbacks = FastFfi.load(GlobalCallbacks.class);
        try (Upcall<IntOp> triple = Upcall.of(IntOp.class, x -> x * 3)) {
            assertEquals(15, callbacks.cb_apply(triple, 5));
        }
        IllegalStateException cause = new IllegalStateException("refused");
        try (Upcall<IntOp> failing = Upcall.of(IntOp.class, x -> {
            throw cause;
        })) {
            assertCallbackFailed("cb_apply", cause, () -> callbacks.cb_apply(failing, 5));
            try (Upcall<IntOp> triple = Upcall.of(IntOp.class, x -> x * 3)) {
                assertEquals(21, callbacks.cb_apply(triple, 7), "the failure is thrown once");
            }
        }
    }

    @Test
    void aCallbackThatCStoredFailsTheLaterCallThatRunsIt() {
        GlobalCallbacks callbacks = FastFfi.load(GlobalCallbacks.class);
        IllegalArgumentException cause = new IllegalArgumentException("stored and failing");
        try (Upcall<IntOp> failing = Upcall.of(IntOp.class, x -> {
            throw cause;
        })) {
            callbacks.cb_store(failing);
            assertCallbackFailed("cb_call_stored", cause, () -> callbacks.cb_call_stored(1));
        } finally {
            callbacks.cb_store(null);
        }
    }

    @Test
    @SuppressWarnings("restricted") // C hands the comparator zero-length pointers, as in QsortTest
    void qsortWithAJavaComparatorSortsThroughTheGlobalBindingOfTheCLibrary() {
        LibC libc = FastFfi.load(LibC.class);
        try (Arena arena = Arena.ofConfined();
                Upcall<Compare> ascending = Upcall.of(Compare.class, (a, b) -> Integer.compare(
                        a.reinterpret(4).get(ValueLayout.JAVA_INT, 0), b.reinterpret(4).get(ValueLayout.JAVA_INT, 0)))) {
            MemorySegment ints = arena.allocateFrom(ValueLayout.JAVA_INT, 5, -1, 3, 0);
            libc.qsort(ints, 4, Integer.BYTES, ascending);
            assertEquals(java.util.List.of(-1, 0, 3, 5),
                    java.util.Arrays.stream(ints.toArray(ValueLayout.JAVA_INT)).boxed().toList());
        }
    }

    @Test
    void errnoIsCapturedRightAfterTheCall() {
        LibC libc = FastFfi.load(LibC.class);
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(-1, libc.open(arena.allocateFrom("/nonexistent/fastffi/global-errno"), 0));
            assertEquals(ENOENT, Errno.last());
        }
    }
}

package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code Upcall.close()} while a call holds the stub, and from several threads at once. */
class UpcallCloseTest {
    @NativeCallback("i32(pointer, pointer)")
    public interface IntCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    public interface LibC {
        @NativeFunction("void(pointer, usize, usize, function)")
        void qsort(MemorySegment base, long count, long size, Upcall<IntCompare> compare);
    }

    private final LibC libc = Library.system().bind(LibC.class);

    @SuppressWarnings("restricted")
    private static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    @Test
    void closingAnUpcallFromItsOwnCallbackSaysTheCallStillHoldsItAndClosingAfterwardsFreesIt() {
        AtomicReference<Upcall<IntCompare>> self = new AtomicReference<>();
        AtomicReference<IllegalStateException> refused = new AtomicReference<>();
        Upcall<IntCompare> upcall = Upcall.of(IntCompare.class, (a, b) -> {
            if (refused.get() == null) {
                refused.set(assertThrows(IllegalStateException.class, () -> self.get().close()));
            }
            return Integer.compare(read(a), read(b));
        });
        self.set(upcall);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            libc.qsort(values, 3, 4, upcall);
            assertArrayEquals(new int[] {1, 2, 3}, values.toArray(ValueLayout.JAVA_INT), "the call ran to its end");
        }
        assertNotNull(refused.get());
        assertEquals("Upcall<IntCompare>[closed]: a call that was passed this upcall is still running, and FFM keeps"
                + " its stub until that call returns; close it again after that to free it", refused.get().getMessage());
        assertFalse(upcall.isOpen(), "a refused close marks the upcall closed all the same");
        upcall.close();
        FfiException thrown = assertThrows(FfiException.class, upcall::address);
        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
    }

    @Test
    void threadsClosingOneUpcallAtOnceNeverThrow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 500; round++) {
                Upcall<IntCompare> upcall = Upcall.of(IntCompare.class, (a, b) -> 0);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> closers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    closers.add(pool.submit(() -> {
                        start.await();
                        upcall.close();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> closer : closers) {
                    closer.get();
                }
                assertFalse(upcall.isOpen());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

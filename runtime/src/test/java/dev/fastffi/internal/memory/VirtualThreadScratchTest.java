package dev.fastffi.internal.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.Library;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Scratch memory on virtual threads: each frame borrows a block from a shared pool and its reset
 * gives it back, so no virtual thread keeps native memory; the block stays with the frame however
 * the thread blocks, and a nested call gets a block of its own. Platform threads keep theirs.
 */
class VirtualThreadScratchTest {
    private final ScratchPool shared = Scratch.virtualThreadPool();

    /** libc's qsort over a copied buffer, with a comparator that makes calls of its own. */
    public interface LibC {
        @NativeFunction("void(buffer, usize, usize, function)")
        void qsort(int[] values, long count, long size, IntCompare compare);

        @NativeFunction("usize(string)")
        long strlen(String text);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface IntCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    @SuppressWarnings("restricted")
    private static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    private static <T> T onVirtualThread(Callable<T> task) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            return executor.submit(task).get();
        }
    }

    private void assertEverythingGivenBack() {
        assertEquals(shared.pooled(), shared.idle(), "pooled blocks still lent");
        assertEquals(0, shared.ownOpen(), "blocks of their own still open");
        assertTrue(shared.pooled() <= shared.capacity(), () -> shared.pooled() + " blocks in a pool of " + shared.capacity());
    }

    @Test
    void aPlatformThreadKeepsItsOwnBlockBetweenCalls() {
        Scratch first = Scratch.current();
        long mark = first.mark();
        first.reset(mark);
        assertSame(first, Scratch.current());
        assertFalse(first.lent());
    }

    @Test
    void aVirtualThreadsFrameBorrowsABlockThatItsResetGivesBack() throws Exception {
        boolean[] seen = onVirtualThread(() -> {
            Scratch scratch = Scratch.current();
            long mark = scratch.mark();
            boolean lent = scratch.lent();
            boolean out = shared.idle() < shared.pooled();
            scratch.allocate(64).fill((byte) 1);
            scratch.reset(mark);
            return new boolean[] {lent, mark == 0, out, shared.idle() == shared.pooled()};
        });
        assertArrayEquals(new boolean[] {true, true, true, true}, seen, "lent, empty, out during the frame, back after");
        assertEverythingGivenBack();
    }

    @Test
    void aNestedFrameOnTheSameVirtualThreadGetsAnotherBlockAndLeavesTheOuterDataAlone() throws Exception {
        byte[] outerAfter = onVirtualThread(() -> {
            Scratch outer = Scratch.current();
            long outerMark = outer.mark();
            MemorySegment outerData = outer.allocate(32);
            outerData.fill((byte) 5);
            Scratch inner = Scratch.current();
            long innerMark = inner.mark();
            assertNotSame(outer, inner);
            inner.allocate(32).fill((byte) 9);
            inner.reset(innerMark);
            byte[] seen = outerData.toArray(ValueLayout.JAVA_BYTE);
            outer.reset(outerMark);
            return seen;
        });
        byte[] fives = new byte[32];
        Arrays.fill(fives, (byte) 5);
        assertArrayEquals(fives, outerAfter);
        assertEverythingGivenBack();
    }

    @Test
    void aFrameKeepsItsBlockWhileItsVirtualThreadBlocksAndOthersRunFrames() throws Exception {
        CountDownLatch othersDone = new CountDownLatch(1000);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> blocked = executor.submit(() -> {
                Scratch scratch = Scratch.current();
                long mark = scratch.mark();
                MemorySegment data = scratch.allocate(256);
                data.fill((byte) 42);
                othersDone.await();   // unmounts: no native frame pins it
                byte[] seen = data.toArray(ValueLayout.JAVA_BYTE);
                scratch.reset(mark);
                return seen;
            });
            for (int i = 0; i < 1000; i++) {
                executor.execute(() -> {
                    Scratch scratch = Scratch.current();
                    long mark = scratch.mark();
                    scratch.allocate(256).fill((byte) 7);
                    scratch.reset(mark);
                    othersDone.countDown();
                });
            }
            byte[] expected = new byte[256];
            Arrays.fill(expected, (byte) 42);
            assertArrayEquals(expected, blocked.get());
        }
        assertEverythingGivenBack();
    }

    @Test
    void manyVirtualThreadsCallingWithBlockingCallbacksThatCallAgainGiveEveryBlockBack() throws Exception {
        LibC libc = Library.system().bind(LibC.class);
        List<Future<int[]>> sorted = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int task = 0; task < 2000; task++) {
                int offset = task;
                sorted.add(executor.submit(() -> {
                    int[] values = {offset + 3, offset + 1, offset + 2, offset};
                    libc.qsort(values, values.length, 4, (a, b) -> {
                        // a call from the callback, inside the outer call's frame, then a pause in it
                        if (libc.strlen("abc") != 3) {
                            throw new IllegalStateException("strlen inside a callback");
                        }
                        Thread.yield();
                        return Integer.compare(read(a), read(b));
                    });
                    return values;
                }));
            }
            for (int task = 0; task < sorted.size(); task++) {
                assertArrayEquals(new int[] {task, task + 1, task + 2, task + 3}, sorted.get(task).get());
            }
        }
        assertEverythingGivenBack();
    }

    @Test
    void whenThePoolIsOutAFrameGetsABlockOfItsOwnThatItsResetFrees() {
        ScratchPool pool = new ScratchPool(2);
        Scratch first = pool.borrow();
        Scratch second = pool.borrow();
        Scratch third = pool.borrow();
        assertEquals(2, pool.pooled());
        assertEquals(1, pool.ownOpen());
        MemorySegment ownData = third.allocate(16);
        third.reset(0);
        assertFalse(ownData.scope().isAlive(), "a block of its own is freed with its frame");
        assertEquals(0, pool.ownOpen());
        second.reset(0);
        first.reset(0);
        assertEquals(2, pool.idle());
        assertEquals(Set.of(first, second), Set.of(pool.borrow(), pool.borrow()),
                "idle blocks are lent again, no new one is made");
        assertEquals(2, pool.pooled());
        assertEquals(0, pool.ownOpen());
    }

    @Test
    void aLentBlockGrowsToTheBoundAndWhatIsAboveItIsFreedWithTheFrame() {
        ScratchPool pool = new ScratchPool(1);
        Scratch scratch = pool.borrow();
        MemorySegment atTheBound = scratch.allocate(Scratch.MAX_RETAINED);
        MemorySegment aboveTheBound = scratch.allocate(Scratch.MAX_RETAINED + 1);
        scratch.reset(0);
        assertFalse(aboveTheBound.scope().isAlive());
        assertTrue(atTheBound.scope().isAlive(), "the pool keeps the grown block");
        assertEquals(Scratch.MAX_RETAINED, scratch.retainedBytes());
        assertEquals(1, pool.idle());
        assertSame(scratch, pool.borrow());
    }

    @Test
    void thePoolIsAPowerOfTwoAndHoldsNoMoreBlocksThanItsSlots() {
        assertEquals(List.of(1, 2, 4, 4, 8), IntStream.of(1, 2, 3, 4, 5).mapToObj(n -> new ScratchPool(n).capacity()).toList());
        ScratchPool pool = new ScratchPool(4);
        List<Scratch> lent = IntStream.range(0, 10).mapToObj(i -> pool.borrow()).toList();
        assertEquals(4, pool.pooled());
        assertEquals(6, pool.ownOpen());
        lent.forEach(scratch -> scratch.reset(0));
        assertEquals(4, pool.idle());
        assertEquals(0, pool.ownOpen());
    }
}

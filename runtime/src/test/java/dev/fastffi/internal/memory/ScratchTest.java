package dev.fastffi.internal.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The retention bound of the thread's scratch block, read directly, and the behaviour the
 * integration tests observe it by: what does not fit a bounded block lives in an arena that the
 * frame's reset closes.
 */
class ScratchTest {
    private final Scratch scratch = Scratch.current();

    @Test
    void theBlockGrowsToTheBoundAndKeepsWhatFitsAliveAfterTheReset() {
        assertEquals(0, scratch.mark(), "no frame is open between tests");
        MemorySegment atTheBound = scratch.allocate(Scratch.MAX_RETAINED);
        scratch.reset(0);
        assertEquals(Scratch.MAX_RETAINED, scratch.retainedBytes());
        assertTrue(atTheBound.scope().isAlive());
    }

    @Test
    void anAllocationAboveTheBoundHasAnArenaOfItsOwnThatTheResetCloses() {
        long mark = scratch.mark();
        MemorySegment aboveTheBound = scratch.allocate(Scratch.MAX_RETAINED + 1);
        assertTrue(aboveTheBound.scope().isAlive());
        scratch.reset(mark);
        assertFalse(aboveTheBound.scope().isAlive());
        assertTrue(scratch.retainedBytes() <= Scratch.MAX_RETAINED, () -> "retained " + scratch.retainedBytes());
    }

    @Test
    void aLargeArrayIsCopiedBothWaysWithoutStayingInTheBlock() {
        byte[] large = new byte[8 << 20];
        Arrays.fill(large, (byte) 7);
        long mark = scratch.mark();
        long address = Buffers.in(large, scratch);
        scratch.segmentAt(address, large.length).fill((byte) 9);
        Buffers.out(large, scratch, address);
        scratch.reset(mark);
        byte[] expected = new byte[large.length];
        Arrays.fill(expected, (byte) 9);
        assertArrayEquals(expected, large);
        assertTrue(scratch.retainedBytes() <= Scratch.MAX_RETAINED, () -> "retained " + scratch.retainedBytes());
    }

    @Test
    void aNestedFrameLeavesTheOuterFramesOversizedAllocationAlive() {
        long outer = scratch.mark();
        MemorySegment outerLarge = scratch.allocate(Scratch.MAX_RETAINED + 1);
        // a callback during the outer call makes a call of its own on this thread
        long inner = scratch.mark();
        MemorySegment innerSmall = scratch.allocate(8);
        MemorySegment innerLarge = scratch.allocate(Scratch.MAX_RETAINED + 1);
        scratch.reset(inner);
        assertFalse(innerLarge.scope().isAlive());
        assertTrue(outerLarge.scope().isAlive(), "the outer call's memory, which C may still use");
        assertEquals(outerLarge.address(), scratch.segmentAt(outerLarge.address(), 16).address());
        assertTrue(innerSmall.scope().isAlive(), "the block itself is never freed by a reset");
        scratch.reset(outer);
        assertFalse(outerLarge.scope().isAlive());
    }

    @Test
    void aNestedFrameWithoutOversizedAllocationsLeavesTheOuterOnesAlive() {
        long outer = scratch.mark();
        MemorySegment first = scratch.allocate(Scratch.MAX_RETAINED + 1);
        MemorySegment second = scratch.allocate(Scratch.MAX_RETAINED + 1);
        long inner = scratch.mark();
        scratch.allocate(16);
        scratch.reset(inner);
        assertTrue(first.scope().isAlive());
        assertTrue(second.scope().isAlive());
        scratch.reset(outer);
        assertFalse(first.scope().isAlive());
        assertFalse(second.scope().isAlive());
    }
}

package dev.fastffi.internal.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.ArrayDeque;

/**
 * Per-thread native memory that buffer and string arguments are copied into for the duration of
 * one call. Allocation is a bump of {@code top}; {@link #mark()} and {@link #reset(long)} nest, so
 * a callback that makes another call on the same thread allocates above the outer call's data.
 *
 * <p>The retained block grows to at most {@link #MAX_RETAINED} bytes; a call that needs more gets
 * a confined arena of its own, closed when the call's frame is reset, so one huge array never pins
 * huge memory. A platform thread's block lives in an automatic arena and is freed when its thread
 * is gone. A virtual thread has none: {@link #current()} lends each frame a block from a small
 * shared pool, and resetting the frame to its start gives it back, so virtual threads, which come
 * and go by the million, hold no native memory between calls. Every {@code current()} must
 * therefore be followed by {@code reset(mark())} of the same frame, as every call does in a
 * {@code finally}.
 *
 * <p>As a {@link SegmentAllocator} it is what FFM writes a struct result into, valid until the
 * frame is reset, so a struct returned by value costs no allocation beyond the Java value read out.
 */
public final class Scratch implements SegmentAllocator {
    /** The largest block a thread keeps between calls. */
    public static final long MAX_RETAINED = 256 * 1024;
    private static final long INITIAL = 4 * 1024;
    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(() -> new Scratch(null, null));
    private static final ScratchPool VIRTUAL = ScratchPool.forVirtualThreads();

    /** The pool a virtual thread's frame borrowed this block from, or null for a platform thread's. */
    private final ScratchPool pool;
    /** The arena of a frame's block of its own when the pool had none left, closed with the frame; else null. */
    private final Arena own;
    private MemorySegment block;
    private long base;
    private long top;
    /**
     * Oversized allocations of the frames still open, innermost last. They do not move {@code top},
     * so a mark also counts them: a nested frame's reset then closes its own and never an outer
     * frame's, whose memory C may still be using.
     */
    private final ArrayDeque<Overflow> overflows = new ArrayDeque<>();
    /** How many {@link #overflows} there are: a field, as every mark and reset reads it. */
    private int open;

    /** The low bits of a mark: {@code top}, which the retained block's size keeps far below 2^32. */
    private static final long TOP_BITS = 0xFFFF_FFFFL;

    private record Overflow(Arena arena, MemorySegment segment) {}

    Scratch(ScratchPool pool, Arena own) {
        this.pool = pool;
        this.own = own;
        this.block = (own == null ? Arena.ofAuto() : own).allocate(INITIAL, 16);
        this.base = block.address();
    }

    /**
     * The calling thread's scratch memory; on a virtual thread, a block lent to the frame that is
     * about to open, given back when that frame is reset.
     */
    public static Scratch current() {
        return Thread.currentThread().isVirtual() ? VIRTUAL.borrow() : CURRENT.get();
    }

    /**
     * Where the next frame starts: the block's {@code top} and, above it, how many oversized
     * allocations are open. Pass it to {@link #reset(long)} when the call is done; it is 0 only for
     * a frame with nothing below it.
     */
    public long mark() {
        return (long) open << 32 | top;
    }

    /** Frees everything allocated since {@code mark}; a lent block goes back when its frame's start is reset. */
    public void reset(long mark) {
        top = mark & TOP_BITS;
        int outer = (int) (mark >>> 32);
        while (open > outer) {
            open--;
            overflows.removeLast().arena().close();
        }
        if (mark == 0 && pool != null) {
            giveBack();
        }
    }

    private void giveBack() {
        if (own == null) {
            pool.giveBack(this);
        } else {
            own.close();
            pool.ownClosed();
        }
    }

    /** {@code bytes} of memory aligned to 16, valid until the frame is reset. */
    @Override
    public MemorySegment allocate(long bytes) {
        long address = reserve(bytes);
        return segmentAt(address, bytes);
    }

    /** As {@link #allocate(long)}; any alignment up to 16, which every C scalar and struct fits. */
    @Override
    public MemorySegment allocate(long bytes, long alignment) {
        if (alignment > 16) {
            throw new IllegalArgumentException("scratch memory is aligned to 16, not " + alignment);
        }
        return allocate(bytes);
    }

    /**
     * Reserves {@code bytes} aligned to 16 and returns their address, valid until the frame is
     * reset; allocation-free unless the block cannot hold them.
     */
    long reserve(long bytes) {
        long size = (Math.max(bytes, 1) + 15) & ~15L;
        if (top + size > block.byteSize()) {
            grow(size);
        }
        if (top + size <= block.byteSize()) {
            long address = base + top;
            top += size;
            return address;
        }
        Arena arena = Arena.ofConfined();
        MemorySegment segment = arena.allocate(bytes, 16);
        overflows.addLast(new Overflow(arena, segment));
        open++;
        return segment.address();
    }

    /** The memory at {@code address}, which {@link #reserve} returned in a frame still open. */
    MemorySegment segmentAt(long address, long bytes) {
        if (address >= base && address + bytes <= base + block.byteSize()) {
            return block.asSlice(address - base, bytes);
        }
        for (Overflow overflow : overflows) {
            if (overflow.segment().address() == address) {
                return overflow.segment().asSlice(0, bytes);
            }
        }
        throw new IllegalStateException("address " + address + " is not scratch memory of this thread or frame");
    }

    /** The retained block and its address, for allocation-free copies by {@link Buffers}. */
    MemorySegment block() {
        return block;
    }

    long base() {
        return base;
    }

    /** Replaces the block by a larger one when nothing is allocated from it and the size may be retained. */
    private void grow(long size) {
        if (top == 0 && size <= MAX_RETAINED) {
            long capacity = Math.min(MAX_RETAINED, Math.max(size, block.byteSize() * 2));
            block = (own == null ? Arena.ofAuto() : own).allocate(capacity, 16);
            base = block.address();
        }
    }

    /** The size of the block kept between calls, for tests of the retention bound. */
    long retainedBytes() {
        return block.byteSize();
    }

    /** The pool that lends virtual threads their blocks; for tests. */
    static ScratchPool virtualThreadPool() {
        return VIRTUAL;
    }

    /** Whether this block is lent to one frame rather than kept by a platform thread; for tests. */
    boolean lent() {
        return pool != null;
    }
}

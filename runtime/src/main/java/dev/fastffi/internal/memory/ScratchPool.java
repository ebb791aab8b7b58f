package dev.fastffi.internal.memory;

import java.lang.foreign.Arena;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The scratch memory of virtual threads: a bounded set of blocks that a call borrows for its frame
 * and gives back when the frame is reset, so a million virtual threads share a few blocks instead
 * of each holding one until the GC finds it.
 *
 * <p>A block belongs to the frame, not to the carrier: a virtual thread that unmounts inside the
 * frame (argument conversion may block, and so may a callback's Java code) keeps its block, and a
 * callback that makes another call borrows another. At most {@link #capacity()} blocks are ever
 * made for the pool; when every one is out, a frame gets a block in a confined arena of its own,
 * closed when the frame is reset, so nothing outlives the frame and nothing waits for the GC.
 *
 * <p>Idle blocks sit in slots that a borrow takes with one compare-and-set and a return fills
 * with one; a slot's content is the ownership of its block, so a block is never handed out twice.
 * Each thread starts looking at a slot of its own, which spreads concurrent calls over the slots.
 */
final class ScratchPool {
    private final AtomicReferenceArray<Scratch> idle;
    private final int mask;
    /** Blocks made for the pool, idle or borrowed; never more than the slots. */
    private final AtomicInteger pooled = new AtomicInteger();
    /** Frames on a block of their own that are still open. */
    private final AtomicInteger ownOpen = new AtomicInteger();

    /** A pool of {@code capacity} blocks, rounded up to a power of two. */
    ScratchPool(int capacity) {
        int slots = capacity <= 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.idle = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    /**
     * Enough blocks for every carrier thread to be in a call with a nested call in a callback, and
     * a few frames that unmounted: more would only hold memory that no frame is in.
     */
    static ScratchPool forVirtualThreads() {
        return new ScratchPool(4 * Runtime.getRuntime().availableProcessors());
    }

    /** A block for one frame, empty: an idle one, a new one while the pool is not full, else one of its own. */
    Scratch borrow() {
        int start = (int) Thread.currentThread().threadId();
        for (int i = 0; i <= mask; i++) {
            int slot = (start + i) & mask;
            Scratch scratch = idle.get(slot);
            if (scratch != null && idle.compareAndSet(slot, scratch, null)) {
                return scratch;
            }
        }
        if (pooled.getAndUpdate(n -> n <= mask ? n + 1 : n) <= mask) {
            return new Scratch(this, null);
        }
        ownOpen.incrementAndGet();
        return new Scratch(this, Arena.ofConfined());
    }

    /** Takes back a pooled block whose frame is reset. */
    void giveBack(Scratch scratch) {
        int start = (int) Thread.currentThread().threadId();
        // a pooled block that is out leaves at least one slot empty; two sweeps find it however others race
        for (int i = 0; i <= 2 * mask + 1; i++) {
            int slot = (start + i) & mask;
            if (idle.get(slot) == null && idle.compareAndSet(slot, null, scratch)) {
                return;
            }
        }
        // others emptied and filled slots behind the sweeps all along: forget the block, the GC frees it
        pooled.decrementAndGet();
    }

    /** A frame on a block of its own was reset and its arena closed. */
    void ownClosed() {
        ownOpen.decrementAndGet();
    }

    /** How many blocks the pool may hold. */
    int capacity() {
        return mask + 1;
    }

    /** Blocks made for the pool so far, idle or borrowed; for tests. */
    int pooled() {
        return pooled.get();
    }

    /** Pooled blocks not borrowed now; for tests. */
    int idle() {
        int count = 0;
        for (int i = 0; i <= mask; i++) {
            if (idle.get(i) != null) {
                count++;
            }
        }
        return count;
    }

    /** Frames on a block of their own whose arena is not closed yet; for tests. */
    int ownOpen() {
        return ownOpen.get();
    }
}

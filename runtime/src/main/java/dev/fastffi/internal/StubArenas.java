package dev.fastffi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the stubs of callback objects on the calling thread, each in an automatic arena of its
 * own, and counts the stubs that may still take room in the code heap.
 *
 * <p>An automatic arena is the only kind a thread can make a stub in and leave for any other
 * thread to drop: a confined one could be closed by its maker only, which for a virtual thread
 * may never come back, and closing a shared one stops every platform thread at a handshake (some
 * 35 µs on an idle two-core machine, tens of milliseconds with eight busy threads). A thread that
 * made the stubs for every caller would free them at once, but each new callback object would wait
 * for it, and while collections follow one another each hand-off waits for one: four threads
 * passing a new lambda per call under back-to-back collections went from seconds to many minutes.
 *
 * <p>A dropped stub is freed when the collector finds its arena unreachable, so a dropped stub
 * counts as {@link #held} until the next collection that {@link TransientUpcalls} asks for; the
 * segment handed out is the arena's own, which a downcall keeps alive for as long as it runs.
 */
final class StubArenas {
    /**
     * A stub of callback interface {@code type}: its address, valid until {@code arena} is
     * collected, calling the object {@code target} refers to.
     */
    record Stub(MemorySegment address, Arena arena, UpcallStubs.Target target, CallbackType type) {}

    /** Stubs made and not yet dropped before the last collection. */
    private static final AtomicInteger HELD = new AtomicInteger();
    /** Stubs dropped since the last collection, which may still take room until the next one. */
    private static final AtomicInteger DROPPED = new AtomicInteger();
    /** Stubs made so far. */
    private static final AtomicLong MADE = new AtomicLong();

    private StubArenas() {}

    /**
     * A stub calling the object {@code target} refers to.
     *
     * @throws OutOfMemoryError when the JVM has no code heap left for it
     */
    static Stub make(CallbackType type, Reference<?> target) {
        Arena arena = Arena.ofAuto();
        UpcallStubs.Target calls = new UpcallStubs.Target();
        calls.refer(target);
        MemorySegment stub = UpcallStubs.createWeak(type, calls, arena);
        HELD.incrementAndGet();
        MADE.incrementAndGet();
        return new Stub(stub, arena, calls, type);
    }

    /**
     * Counts {@code stub} as dropped: nothing of the runtime holds it any more, and the next
     * collection frees it. Until then it refers to no object, so that it returns zero.
     */
    static void drop(Stub stub) {
        stub.target().clear();
        DROPPED.incrementAndGet();
    }

    /**
     * Called right after a collection: the stubs dropped before it are freed (their arenas' cleaner
     * runs once the collection found them unreachable), so they no longer count as held.
     */
    static void collected(int droppedBefore) {
        DROPPED.addAndGet(-droppedBefore);
        HELD.addAndGet(-droppedBefore);
    }

    /** Stubs dropped since the last collection. */
    static int dropped() {
        return DROPPED.get();
    }

    /** How many stubs may take room in the code heap: those not dropped, and those dropped since the last collection. */
    static int held() {
        return HELD.get();
    }

    /** How many stubs were made so far. */
    static long made() {
        return MADE.get();
    }
}

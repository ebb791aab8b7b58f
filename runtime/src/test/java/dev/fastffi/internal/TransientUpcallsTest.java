package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Callback objects passed as their interface: one stub per object, kept while Java keeps the
 * object and given to a new object of the interface after it is collected, with libc's qsort as
 * the C function that calls them.
 */
class TransientUpcallsTest {
    /** qsort's comparator over ints, read through the pointers C passes. */
    @NativeCallback("i32(pointer, pointer)")
    public interface IntCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    /**
     * Comparators of interfaces each of which one test alone passes, so that the spare stubs of
     * each are that test's own: a new object takes a spare of its interface when there is one.
     */
    @NativeCallback("i32(pointer, pointer)")
    public interface GraceCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface ManyCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface OftenCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface SpecializedCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface IdleCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    /** Bound without the processor, so every call takes the compatibility path that makes the stubs. */
    public interface LibC {
        @NativeFunction("void(pointer, usize, usize, function)")
        void qsort(MemorySegment base, long count, long size, IntCompare compare);

        @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
        void qsortAddress(MemorySegment base, long count, long size, MemorySegment compare);
    }

    private final LibC libc = Library.system().bind(LibC.class);

    /** The int C's pointer points to. */
    @SuppressWarnings("restricted")
    static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    /** A comparator that is a new object on every call: ascending for a positive sign, else descending. */
    private static IntCompare comparator(int sign) {
        return (a, b) -> Integer.signum(sign) * Integer.compare(read(a), read(b));
    }

    /** Sorts 3, 1, 2 with {@code compare} and returns the result. */
    private int[] sort(IntCompare compare) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            libc.qsort(values, 3, 4, compare);
            return values.toArray(ValueLayout.JAVA_INT);
        }
    }

    /**
     * Collects until {@code done} holds, at most 50 times; each time waits until the reference
     * handler has enqueued what that collection cleared, so the answer does not depend on timing.
     */
    static boolean collectUntil(BooleanSupplier done) throws InterruptedException {
        for (int round = 0; round < 50; round++) {
            collect();
            if (done.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static void collect() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        System.gc();
        queue.remove(1_000);
        Reference.reachabilityFence(sentinel);
    }

    @Test
    void theSameObjectGetsTheSameStubEveryTime() {
        IntCompare compare = comparator(1);
        MemorySegment stub = TransientUpcalls.stub(compare, null, 3);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(new int[] {1, 2, 3}, sort(compare));
            assertEquals(stub, TransientUpcalls.stub(compare, null, 3));
        }
        assertNotEquals(stub, TransientUpcalls.stub(comparator(1), null, 3), "one stub per object, not per class");
    }

    @Test
    void aStubOutlivesThousandsOfOtherCallbacksAndCollectionsWhileItsObjectIsHeld() throws InterruptedException {
        IntCompare kept = comparator(-1);
        MemorySegment stub = TransientUpcalls.stub(kept, null, 3);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 1_000; i++) {
                assertArrayEquals(new int[] {1, 2, 3}, sort(comparator(1)));
            }
            collect();
            assertEquals(stub, TransientUpcalls.stub(kept, null, 3));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
                libc.qsortAddress(values, 3, 4, stub);
                assertArrayEquals(new int[] {3, 2, 1}, values.toArray(ValueLayout.JAVA_INT));
            }
        }
        Reference.reachabilityFence(kept);
    }

    @Test
    void anObjectThatBecomesUnreachableHasItsStubFreed() throws InterruptedException {
        List<IntCompare> held = new ArrayList<>();
        List<WeakReference<IntCompare>> watched = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            IntCompare compare = comparator(i + 1);
            held.add(compare);
            watched.add(new WeakReference<>(compare));
            assertArrayEquals(new int[] {1, 2, 3}, sort(compare));
        }
        int whileHeld = TransientUpcalls.liveStubs();
        assertTrue(whileHeld >= 100, "stubs while held: " + whileHeld);
        held.clear();
        assertTrue(collectUntil(() -> watched.stream().allMatch(w -> w.get() == null)
                && TransientUpcalls.liveStubs() <= whileHeld - 100),
                () -> "stubs after the objects went: " + TransientUpcalls.liveStubs() + ", while held: " + whileHeld);
    }

    @Test
    void twentyThousandTransientCallbacksLeaveABoundedNumberOfStubs() throws InterruptedException {
        collect();
        int before = TransientUpcalls.liveStubs();
        long madeBefore = StubArenas.made();
        for (int i = 0; i < 20_000; i++) {
            int sign = i % 2 == 0 ? i + 1 : -i;
            assertArrayEquals(sign > 0 ? new int[] {1, 2, 3} : new int[] {3, 2, 1}, sort(comparator(sign)));
        }
        long made = StubArenas.made() - madeBefore;
        assertTrue(made <= TransientUpcalls.COLLECT_AT_MOST + TransientUpcalls.GRACE,
                () -> made + " stubs made for 20,000 objects: the stubs of collected ones go to new ones");
        assertTrue(collectUntil(() -> TransientUpcalls.liveStubs() <= before + 16),
                () -> "stubs: " + TransientUpcalls.liveStubs() + ", before: " + before);
        TransientUpcalls.collect(true);
        TransientUpcalls.collect(true);
        assertTrue(TransientUpcalls.heldStubs()
                        <= TransientUpcalls.liveStubs() + TransientUpcalls.GRACE + TransientUpcalls.spareStubs(),
                () -> "held: " + TransientUpcalls.heldStubs() + ", live: " + TransientUpcalls.liveStubs()
                        + ", spare: " + TransientUpcalls.spareStubs());
        assertTrue(TransientUpcalls.spareStubs() <= TransientUpcalls.SPARE_AT_MOST);
    }

    /**
     * Asks for a collection as a threshold does, which also removes the entries that the
     * reference handler has not queued yet, until {@code done} holds; at most 50 times.
     */
    private static boolean expungeUntil(BooleanSupplier done) {
        for (int round = 0; round < 50; round++) {
            TransientUpcalls.collect(true);
            if (done.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aStubLeavingTheGraceQueueIsGivenToTheNextNewObjectOfItsInterface() {
        TransientUpcalls.collect(true);
        int liveBefore = TransientUpcalls.liveStubs();
        int sign = 1;
        // a lambda that captures is a new object each time it is evaluated
        GraceCompare first = (a, b) -> sign * Integer.compare(read(a), read(b));
        MadeStub made = madeStub(first);
        WeakReference<GraceCompare> watched = new WeakReference<>(first);
        first = null;
        assertTrue(expungeUntil(() -> watched.get() == null && TransientUpcalls.liveStubs() == liveBefore));
        try (Arena values = Arena.ofConfined()) {
            MemorySegment ints = values.allocateFrom(ValueLayout.JAVA_INT, 2, 1);
            FfiException thrown = assertThrows(FfiException.class,
                    () -> libc.qsortAddress(ints, 2, 4, MemorySegment.ofAddress(made.address())));
            assertEquals(FfiException.Code.CALLBACK_FAILED, thrown.code());
            assertInstanceOf(UpcallStubs.Collected.class, thrown.getCause());
            assertArrayEquals(new int[] {2, 1}, ints.toArray(ValueLayout.JAVA_INT), "a forgotten callback returns 0");
        }
        for (int i = 0; i < TransientUpcalls.GRACE; i++) {
            TransientUpcalls.stub(comparator(i + 2), null, 3);
        }
        // once GRACE more stubs went the same way it is spare, and the next new comparator of its
        // interface gets it, calling the new object
        assertTrue(expungeUntil(() -> TransientUpcalls.liveStubs() == liveBefore));
        GraceCompare descending = (a, b) -> -sign * Integer.compare(read(a), read(b));
        MadeStub next = madeStub(descending);
        assertEquals(made.address(), next.address());
        assertSame(made.arena().get(), next.arena().get());
        try (Arena values = Arena.ofConfined()) {
            MemorySegment ints = values.allocateFrom(ValueLayout.JAVA_INT, 1, 3, 2);
            libc.qsortAddress(ints, 3, 4, MemorySegment.ofAddress(made.address()));
            assertArrayEquals(new int[] {3, 2, 1}, ints.toArray(ValueLayout.JAVA_INT));
        }
        assertFalse(UpcallFailures.anyPending());
        Reference.reachabilityFence(descending);
    }

    /** Calls the stub at {@code address} through qsort until {@code counted} says it ran {@code times} times. */
    private void callStub(long address, int[] counted, int times) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ints = arena.allocate(ValueLayout.JAVA_INT, 2);
            while (counted[0] < times) {
                ints.setAtIndex(ValueLayout.JAVA_INT, 0, 2);
                ints.setAtIndex(ValueLayout.JAVA_INT, 1, 1);
                libc.qsortAddress(ints, 2, 4, MemorySegment.ofAddress(address));
            }
        }
    }

    /** Lets the stubs of objects that are gone now leave the grace queue: as many others follow them. */
    private static void passTheGraceQueue(int liveBefore) {
        assertTrue(expungeUntil(() -> TransientUpcalls.liveStubs() == liveBefore));
        for (int i = 0; i < TransientUpcalls.GRACE; i++) {
            TransientUpcalls.stub(comparator(i + 2), null, 3);
        }
        assertTrue(expungeUntil(() -> TransientUpcalls.liveStubs() == liveBefore));
    }

    @Test
    void aStubCalledTooOftenToBeSpareWithoutTheJdkSpecializingItIsDropped() {
        TransientUpcalls.collect(true);
        int liveBefore = TransientUpcalls.liveStubs();
        int[] counted = {0};
        OftenCompare often = (a, b) -> ++counted[0] > 0 ? Integer.compare(read(a), read(b)) : 0;
        MadeStub made = madeStub(often);
        callStub(made.address(), counted, TransientUpcalls.REUSED_CALLS_AT_MOST);
        assertTrue(counted[0] < UpcallStubs.Target.SPECIALIZED, "calls: " + counted[0]);
        often = null;
        passTheGraceQueue(liveBefore);
        assertTrue(expungeUntil(() -> made.arena().get() == null), "dropped, so a collection frees it");
        OftenCompare next = (a, b) -> counted[0] * Integer.compare(read(a), read(b));
        assertNotEquals(made.address(), madeStub(next).address());
        Reference.reachabilityFence(next);
    }

    @Test
    void aStubTheJdkSpecializedAlreadyIsSpare() {
        TransientUpcalls.collect(true);
        int liveBefore = TransientUpcalls.liveStubs();
        int[] counted = {0};
        SpecializedCompare busy = (a, b) -> ++counted[0] > 0 ? Integer.compare(read(a), read(b)) : 0;
        MadeStub made = madeStub(busy);
        callStub(made.address(), counted, UpcallStubs.Target.SPECIALIZED);
        busy = null;
        passTheGraceQueue(liveBefore);
        SpecializedCompare next = (a, b) -> counted[0] * Integer.compare(read(a), read(b));
        assertEquals(made.address(), madeStub(next).address());
        Reference.reachabilityFence(next);
    }

    @Test
    void theSparesOfAnInterfaceNoNewObjectTakesAreDroppedAfterTwoCollections() {
        TransientUpcalls.collect(true);
        int liveBefore = TransientUpcalls.liveStubs();
        int sign = 1;
        IdleCompare idle = (a, b) -> sign * Integer.compare(read(a), read(b));
        MadeStub made = madeStub(idle);
        idle = null;
        passTheGraceQueue(liveBefore);
        int spares = TransientUpcalls.spareStubs();
        TransientUpcalls.collect(true);
        assertNotNull(made.arena().get(), "spare for one more collection");
        assertTrue(expungeUntil(() -> made.arena().get() == null), "dropped, so a collection frees it");
        assertTrue(TransientUpcalls.spareStubs() < spares);
    }

    @Test
    void sparesBeyondTheCapAreDroppedAndACollectionFreesThem() {
        int count = 300;
        TransientUpcalls.spareAtMost = 10;
        try {
            TransientUpcalls.collect(true);
            int heldBefore = TransientUpcalls.heldStubs();
            int liveBefore = TransientUpcalls.liveStubs();
            List<ManyCompare> kept = new ArrayList<>();
            List<WeakReference<Arena>> arenas = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int sign = i + 1;
                ManyCompare compare = (a, b) -> Integer.signum(sign) * Integer.compare(read(a), read(b));
                kept.add(compare);
                TransientUpcalls.stub(compare, null, 3);
                arenas.add(new WeakReference<>(TransientUpcalls.arena(compare)));
            }
            assertTrue(TransientUpcalls.heldStubs() >= heldBefore + count - TransientUpcalls.spareStubs());
            kept.clear();
            assertTrue(expungeUntil(() -> TransientUpcalls.liveStubs() == liveBefore));
            // the stubs leave the grace queue as others come after them, then go to the spares or are dropped
            for (int i = 0; i < TransientUpcalls.GRACE; i++) {
                TransientUpcalls.stub(comparator(i + 1), null, 3);
            }
            assertTrue(expungeUntil(() -> TransientUpcalls.liveStubs() == liveBefore
                    && arenas.stream().filter(arena -> arena.get() == null).count() >= count - 10),
                    () -> arenas.stream().filter(arena -> arena.get() != null).count() + " of " + count
                            + " arenas left, spares " + TransientUpcalls.spareStubs());
            assertTrue(TransientUpcalls.heldStubs() <= heldBefore + TransientUpcalls.GRACE + 10,
                    () -> "held " + TransientUpcalls.heldStubs() + ", before " + heldBefore);
        } finally {
            TransientUpcalls.spareAtMost = TransientUpcalls.SPARE_AT_MOST;
        }
    }

    /** A stub's address, and its arena held weakly, so that the test does not keep it. */
    private record MadeStub(long address, WeakReference<Arena> arena) {}

    private static MadeStub madeStub(Object target) {
        long address = TransientUpcalls.stub(target, null, 3).address();
        return new MadeStub(address, new WeakReference<>(TransientUpcalls.arena(target)));
    }

    @Test
    void theCollectionThresholdNeverExceedsItsCapWhileAProgramKeepsMoreCallbacksThanThat() {
        int made = TransientUpcalls.COLLECT_AT_MOST + 3 * TransientUpcalls.COLLECT_APART;
        List<IntCompare> kept = new ArrayList<>();
        int collectionsBefore = TransientUpcalls.collections();
        for (int i = 0; i < made; i++) {
            IntCompare compare = comparator(i + 1);
            kept.add(compare);
            TransientUpcalls.stub(compare, null, 3);
            assertTrue(TransientUpcalls.collectAt() <= TransientUpcalls.COLLECT_AT_MOST,
                    () -> "threshold " + TransientUpcalls.collectAt() + " after " + kept.size() + " stubs");
        }
        int collections = TransientUpcalls.collections() - collectionsBefore;
        assertTrue(collections >= 1, "the stubs held passed the cap, which asks for a collection");
        assertTrue(collections <= made / TransientUpcalls.COLLECT_APART + 1,
                () -> collections + " collections for " + made + " stubs, each of which stays held");
        assertTrue(TransientUpcalls.heldStubs() >= made);
        Reference.reachabilityFence(kept);
    }

    @Test
    void threadsPassingCallbacksWhileCollectionsRunEachKeepTheirOwnStub() throws Exception {
        int threads = 4;
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> collector = pool.submit(() -> {
                while (!done.get()) {
                    System.gc();
                }
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int sign = t % 2 == 0 ? 1 : -1;
                workers.add(pool.submit(() -> {
                    IntCompare kept = comparator(sign);
                    MemorySegment stub = TransientUpcalls.stub(kept, null, 3);
                    int[] expected = sign > 0 ? new int[] {1, 2, 3} : new int[] {3, 2, 1};
                    for (int i = 0; i < 2_000; i++) {
                        assertArrayEquals(new int[] {3, 2, 1}, sort(comparator(-1)));
                        assertArrayEquals(expected, sort(kept));
                        assertEquals(stub, TransientUpcalls.stub(kept, null, 3));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            done.set(true);
            collector.get();
        } finally {
            done.set(true);
            pool.shutdown();
        }
        assertFalse(UpcallFailures.anyPending());
    }

    @Test
    void aStubWhoseObjectIsGoneReturnsZeroAndFailsTheCallWithCallbackFailed() {
        WeakReference<Object> gone = new WeakReference<>(comparator(1));
        gone.clear();
        UpcallStubs.Target target = new UpcallStubs.Target();
        target.refer(gone);
        MemorySegment stub = UpcallStubs.createWeak(CallbackType.of(IntCompare.class), target, Arena.ofAuto());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 2, 1);
            FfiException thrown = assertThrows(FfiException.class, () -> libc.qsortAddress(values, 2, 4, stub));
            assertEquals(FfiException.Code.CALLBACK_FAILED, thrown.code());
            assertInstanceOf(UpcallStubs.Collected.class, thrown.getCause());
            assertEquals("CALLBACK_FAILED: system qsort: C called the function pointer of a callback object"
                    + " (IntCompare) that was garbage-collected; Java must keep a reference to a callback object"
                    + " for as long as C keeps its pointer, or pass an Upcall and close it once C is done with it;"
                    + " it returned 0 to C", thrown.getMessage());
            assertArrayEquals(new int[] {2, 1}, values.toArray(ValueLayout.JAVA_INT),
                    "the comparison returned 0, which keeps the order");
        }
        assertFalse(UpcallFailures.anyPending());
    }
}

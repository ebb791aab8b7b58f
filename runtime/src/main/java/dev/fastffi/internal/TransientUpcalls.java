package dev.fastffi.internal;

import dev.fastffi.internal.StubArenas.Stub;
import dev.fastffi.model.NativeType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stubs for callback objects passed as their interface rather than as an {@code Upcall}: one stub
 * per object, valid while Java holds the object strongly and freed after it is collected, so C may
 * keep the pointer as long as Java keeps the object.
 *
 * <p>The stub calls the object through a weak reference: a stub holds its handle, and so anything
 * the handle holds, until its arena is closed, so a strong reference would keep the object alive
 * for ever. The {@link StubTable} holds each stub strongly and its object weakly; once the object
 * is collected the entry goes, and the stub is kept until {@link #GRACE} more stubs went the same
 * way, so a C library that calls a callback Java forgot gets zero and {@code CALLBACK_FAILED}
 * rather than freed code for a while. Then it is dropped, and its automatic arena
 * ({@link StubArenas}) frees it at the next collection.
 *
 * <p>Stubs live in the JVM's code heap, which is small, which the garbage collector does not watch
 * and which the JIT compiler needs too: a program that makes a new lambda per call fills it long
 * before the Java heap asks for a collection. So when the stubs held reach a threshold, the next
 * new stub asks for one, as direct buffers do when their memory runs short, which frees the stubs
 * dropped before it, and removes the entries of every object it cleared. The next threshold is
 * twice the stubs then held (those dropped since count until the next collection frees them),
 * within {@link #COLLECT_AT_LEAST} and {@link #COLLECT_AT_MOST}, and collections are at least
 * {@link #COLLECT_APART} new stubs apart, so that a program that keeps more callbacks than the cap
 * does not ask on every new one. Should
 * the code heap still be full, the stub is asked for once more after a collection, then the
 * argument is refused with {@code INVALID_ARGUMENT} rather than the JVM's {@code OutOfMemoryError}.
 *
 * <p>A call that passes an object that has its stub already takes no lock and allocates nothing.
 */
final class TransientUpcalls {
    /** How many stubs of collected objects stay callable (returning zero) before they are dropped. */
    static final int GRACE = 512;
    /**
     * The lowest threshold of stubs held that makes a new stub ask for a collection: at some 800
     * bytes each, about 3.2 MB, a little more than the 2 MB or so that the code heap's part for
     * code other than compiled methods (some 5.5 MB by default) has free once the JVM has started.
     * Each collection is a full one, so a program that makes a new callback object per call pays
     * one per few thousand calls: half as many as 2,048 would ask for, which cost a single thread
     * passing a million new lambdas a third more time.
     */
    static final int COLLECT_AT_LEAST = 4_096;
    /**
     * The highest threshold, some 6.5 MB of stubs: a fixed cap, as the JVM tells the code heap's
     * size only through {@code java.management}, which this module does not require. Stubs beyond
     * the part for code other than compiled methods take room from compiled methods; this cap is a
     * small share of the smallest code heap the JVM sizes by default (48 MB, without tiered
     * compilation), and a code heap with no room left stops the JIT compiler.
     */
    static final int COLLECT_AT_MOST = 8_192;
    /** The fewest new stubs between two collections that a threshold asks for. */
    static final int COLLECT_APART = 1_024;

    private static final StubTable STUBS = new StubTable();
    /** The keys of collected objects, whose entries are removed on the next {@link #stub}. */
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    /** Stubs whose objects are gone, kept for {@link #GRACE}, oldest first. */
    private static final ConcurrentLinkedQueue<Stub> GONE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger GONE_COUNT = new AtomicInteger();
    /**
     * Held while asking for a collection, so that threads over the threshold ask once between them;
     * a lock rather than a monitor, which a virtual thread waits for on its carrier before JDK 24.
     */
    private static final ReentrantLock COLLECTING = new ReentrantLock();
    private static volatile int collectAt = COLLECT_AT_LEAST;
    /** The count of stubs made before which no threshold asks for a collection. */
    private static volatile long collectAfter;
    /** Collections asked for so far. */
    private static volatile int collections;

    private static final ClassValue<List<Class<?>>> CALLBACK_INTERFACES = new ClassValue<>() {
        @Override
        protected List<Class<?>> computeValue(Class<?> type) {
            return allInterfaces(type).stream().filter(CallbackType::isCallback).distinct().toList();
        }
    };

    /**
     * An object, weakly; the stub dispatches through it. The stub's handle holds it until the stub
     * is freed, so it must not hold the stub or its arena.
     */
    static final class Key extends WeakReference<Object> {
        /** The object's identity hash, which finds its entry once the object is gone. */
        final int hash;

        Key(Object target) {
            super(target, COLLECTED);
            this.hash = System.identityHashCode(target);
        }
    }

    private TransientUpcalls() {}

    /** The stub for a callback object passed as argument {@code index}; refuses objects of no callback interface. */
    static MemorySegment stub(Object target, NativeSymbol site, int index) {
        expunge();
        Stub stub = STUBS.get(target);
        return stub != null ? stub.address() : made(target, site, index);
    }

    private static MemorySegment made(Object target, NativeSymbol site, int index) {
        CallbackType type = CallbackType.of(callbackInterface(target, site, index));
        if (StubArenas.held() >= collectAt && StubArenas.made() >= collectAfter) {
            collect(false);
        }
        Key key = new Key(target);
        // made outside any lock: two threads passing one new object may both make a stub, and the
        // one that loses the race drops its own
        Stub made = make(type, key, site, index);
        Stub raced = STUBS.putIfAbsent(target, key, made);
        if (raced != null) {
            key.clear();
            StubArenas.drop(made);
            return raced.address();
        }
        // the key must not be cleared before it is in the map, where a collection finds it cleared
        Reference.reachabilityFence(target);
        return made.address();
    }

    /**
     * A new stub. When the code heap is full, asks for a collection, unless another thread's
     * collection ended since, and tries once more before refusing the argument.
     */
    private static Stub make(CallbackType type, Key key, NativeSymbol site, int index) {
        int seen = collections;
        try {
            return StubArenas.make(type, key);
        } catch (OutOfMemoryError full) {
            collect(collections == seen);
            try {
                return StubArenas.make(type, key);
            } catch (OutOfMemoryError still) {
                throw Args.invalid(site, index, NativeType.FUNCTION, "the JVM's code heap is full, so this "
                        + type.iface().getSimpleName() + " callback object got no stub (" + heldStubs()
                        + " stubs of callback objects held); pass the same callback object on every call, or an"
                        + " Upcall that you keep, rather than a new object per call", still);
            }
        }
    }

    /** How many objects have a stub now, once the entries of collected objects are removed. */
    static int liveStubs() {
        expunge();
        return STUBS.size();
    }

    /**
     * How many stubs may still take room in the code heap: those of live objects, at most
     * {@link #GRACE} more, and those dropped since the last collection.
     */
    static int heldStubs() {
        expunge();
        return StubArenas.held();
    }

    /** The stubs held that make the next new stub ask for a collection. */
    static int collectAt() {
        return collectAt;
    }

    /** How many collections the stubs asked for. */
    static int collections() {
        return collections;
    }

    /** The arena of {@code target}'s stub, or null when it has none. */
    static Arena arena(Object target) {
        Stub stub = STUBS.get(target);
        return stub == null ? null : stub.arena();
    }

    private static void expunge() {
        for (Object gone = COLLECTED.poll(); gone != null; gone = COLLECTED.poll()) {
            Stub stub = STUBS.remove((Key) gone, ((Key) gone).hash);
            if (stub != null) {
                retire(stub);
            }
        }
    }

    /**
     * Removes the entry of every object the collector cleared, also those the reference handler
     * has not yet queued, whose keys {@link #expunge} then finds gone already.
     */
    private static void expungeAll() {
        expunge();
        for (Stub stub : STUBS.removeGone()) {
            retire(stub);
        }
    }

    /** Keeps the stub of a collected object for {@link #GRACE} more, and drops the oldest beyond it. */
    private static void retire(Stub stub) {
        GONE.add(stub);
        if (GONE_COUNT.incrementAndGet() > GRACE) {
            Stub oldest = GONE.poll();
            if (oldest != null) {
                GONE_COUNT.decrementAndGet();
                StubArenas.drop(oldest);
            }
        }
    }

    /**
     * Asks for a collection, which frees the stubs dropped before it, and removes the entries of
     * every object it cleared, so that the next threshold counts only the stubs that may still take
     * room.
     *
     * @param always whether to collect even below the threshold, as when the code heap is full
     */
    static void collect(boolean always) {
        COLLECTING.lock();
        try {
            if (!always && (StubArenas.held() < collectAt || StubArenas.made() < collectAfter)) {
                return;
            }
            int droppedBefore = StubArenas.dropped();
            WeakReference<Object> sentinel = new WeakReference<>(new Object());
            System.gc();
            // the arenas of stubs dropped before are freed now, unless no collection ran (as under
            // -XX:+DisableExplicitGC), which a sentinel still there tells
            if (sentinel.refersTo(null)) {
                StubArenas.collected(droppedBefore);
            }
            expungeAll();
            collectAt = Math.min(COLLECT_AT_MOST, Math.max(COLLECT_AT_LEAST, 2 * StubArenas.held()));
            collectAfter = StubArenas.made() + COLLECT_APART;
            collections++;
        } finally {
            COLLECTING.unlock();
        }
    }

    private static Class<?> callbackInterface(Object target, NativeSymbol site, int index) {
        List<Class<?>> interfaces = CALLBACK_INTERFACES.get(target.getClass());
        if (interfaces.size() != 1) {
            throw Args.invalid(site, index, NativeType.FUNCTION, Conversions.describe(target) + (interfaces.isEmpty()
                    ? " implements no @NativeCallback interface; pass an Upcall, a MemorySegment or a callback"
                    : " implements several @NativeCallback interfaces " + names(interfaces)
                            + "; pass Upcall.of(TheInterface.class, target)"));
        }
        return interfaces.get(0);
    }

    private static List<Class<?>> allInterfaces(Class<?> type) {
        if (type == null) {
            return List.of();
        }
        List<Class<?>> direct = Arrays.asList(type.getInterfaces());
        return java.util.stream.Stream.of(direct, direct.stream().flatMap(i -> allInterfaces(i).stream()).toList(),
                        allInterfaces(type.getSuperclass()))
                .flatMap(List::stream)
                .toList();
    }

    private static String names(List<Class<?>> interfaces) {
        return interfaces.stream().map(Class::getSimpleName).toList().toString();
    }
}

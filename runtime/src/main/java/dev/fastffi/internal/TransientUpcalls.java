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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stubs for callback objects passed as their interface rather than as an {@code Upcall}: one stub
 * per object, valid while Java holds the object strongly, so C may keep the pointer as long as Java
 * keeps the object.
 *
 * <p>The stub calls the object through a weak reference: a stub holds its handle, and so anything
 * the handle holds, until its arena is closed, so a strong reference would keep the object alive
 * for ever. The {@link StubTable} holds each stub strongly and its object weakly; once the object
 * is collected the entry goes, and the stub is kept until {@link #GRACE} more stubs went the same
 * way or for {@link #GRACE_NANOS}, whichever comes first, so a C library that calls a callback
 * Java forgot gets zero and {@code CALLBACK_FAILED} rather than another object's callback for a
 * while. Then the stub is spare: the next new object of the same interface gets it, its target
 * changed, instead of a new stub. Spares beyond {@link #SPARE_AT_MOST}, those of an interface no
 * new object took one of for {@link #IDLE_COLLECTIONS} collections, and those of an interface no
 * new object was passed of for {@link #SPARE_IDLE_NANOS} are dropped, and their automatic arenas
 * ({@link StubArenas}) free them at a later collection.
 *
 * <p>Every stub keeps its callback interface, and so its class loader, reachable: the JDK holds
 * an upcall's handle from native code until the stub is freed. So that a program that stops
 * passing callback objects (a web application that is undeployed, a plugin that is unloaded)
 * does not keep them for ever, a daemon thread runs while any stub of a callback object is held:
 * every {@link #REAP_MILLIS} it removes the entries of collected objects and moves on the stubs
 * whose time is up, then ends once no stub is held; the next new callback object starts it again.
 *
 * <p>Stubs live in the JVM's code heap, which is small, which the garbage collector does not watch
 * and which the JIT compiler needs too: a program that makes a new lambda per call fills it long
 * before the Java heap asks for a collection. So when the stubs held reach a threshold and no spare
 * is left, the next new object asks for one, as direct buffers do when their memory runs short,
 * which clears the objects that are gone; their stubs go through the grace queue to the spares.
 * Giving stubs back this way needs no thread but the callers' (the reaper only sees to the stubs of
 * a program that stopped making new callback objects): freeing them is the JDK's single
 * cleaner thread's work, which hundreds of threads each making a new callback object per call
 * outrun until the code heap is full. The next threshold is twice the stubs then held that are not
 * spare, within {@link #COLLECT_AT_LEAST} and {@link #COLLECT_AT_MOST}, and collections are at
 * least {@link #COLLECT_APART} new objects apart, so that a program that keeps more callbacks than
 * the cap does not ask on every new one. Should the code heap still be full, a spare or a new stub
 * is asked for once more after a collection, then the argument is refused with
 * {@code INVALID_ARGUMENT} rather than the JVM's {@code OutOfMemoryError}.
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
    /** The fewest new objects given a stub between two collections that a threshold asks for. */
    static final int COLLECT_APART = 1_024;
    /**
     * The most spare stubs kept, of all interfaces together: as many as the highest threshold, so
     * that a program passing a new object per call makes no new stub once it has that many.
     */
    static final int SPARE_AT_MOST = COLLECT_AT_MOST;
    /**
     * The calls after which a stub is no longer spare, unless the JDK has specialized its code
     * already. Every stub the JDK calls 128 times gets a class and compiled code of its own, which
     * a stub made for one object seldom reaches and a spare handed from object to object would
     * always reach, each: thousands of classes, tens of megabytes of compiled code and slower
     * collections for a program passing a new object per call.
     */
    static final int REUSED_CALLS_AT_MOST = 64;
    /** The collections in a row during which no new object took a spare of an interface that drop its spares. */
    static final int IDLE_COLLECTIONS = 2;
    /**
     * How long a stub of a collected object stays in the grace queue when fewer than {@link #GRACE}
     * others follow it, as when a program passes few callback objects or none any more: 5 s.
     */
    static final long GRACE_NANOS = 5_000_000_000L;
    /** How long the spares of an interface are kept after the last new object of it was passed: 5 s. */
    static final long SPARE_IDLE_NANOS = 5_000_000_000L;
    /** How often the reaper thread looks at the stubs while any is held: every second. */
    static final long REAP_MILLIS = 1_000;
    /** The most spare stubs kept now: {@link #SPARE_AT_MOST}, fewer in a test. */
    static volatile int spareAtMost = SPARE_AT_MOST;
    /** {@link #GRACE_NANOS}, shorter in a test. */
    static volatile long graceNanos = GRACE_NANOS;
    /** {@link #SPARE_IDLE_NANOS}, shorter in a test. */
    static volatile long spareIdleNanos = SPARE_IDLE_NANOS;
    /** {@link #REAP_MILLIS}, shorter in a test. */
    static volatile long reapMillis = REAP_MILLIS;

    private static final StubTable STUBS = new StubTable();
    /** The keys of collected objects, whose entries the next {@link #stub} or the reaper removes. */
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    /** Stubs whose objects are gone, kept for {@link #GRACE} or {@link #GRACE_NANOS}, oldest first. */
    private static final ConcurrentLinkedQueue<Retired> GONE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger GONE_COUNT = new AtomicInteger();
    /** Stubs past their grace, by callback interface, for the next new objects of it. */
    private static final ClassValue<Spares> SPARE = new ClassValue<>() {
        @Override
        protected Spares computeValue(Class<?> iface) {
            return new Spares();
        }
    };
    /** The interfaces that have spares, which a collection drops where no new object took one since the last. */
    private static final Set<Spares> WITH_SPARES = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger SPARE_COUNT = new AtomicInteger();
    /** New objects given a stub so far, a new one or a spare. */
    private static final AtomicLong GIVEN = new AtomicLong();
    /**
     * Held while asking for a collection, so that threads over the threshold ask once between them;
     * a lock rather than a monitor, which a virtual thread waits for on its carrier before JDK 24.
     */
    private static final ReentrantLock COLLECTING = new ReentrantLock();
    private static volatile int collectAt = COLLECT_AT_LEAST;
    /** The count of objects given a stub before which no threshold asks for a collection. */
    private static volatile long collectAfter;
    /** Collections asked for so far. */
    private static volatile int collections;
    /** Whether the reaper thread runs, which it does while any stub of a callback object is held. */
    private static final AtomicBoolean REAPING = new AtomicBoolean();

    private static final ClassValue<List<Class<?>>> CALLBACK_INTERFACES = new ClassValue<>() {
        @Override
        protected List<Class<?>> computeValue(Class<?> type) {
            return allInterfaces(type).stream().filter(CallbackType::isCallback).distinct().toList();
        }
    };

    /**
     * An object, weakly; the stub dispatches through it. The stub's target holds it until the stub
     * is given to another object or dropped, so it must not hold the stub or its arena.
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
        Key key = new Key(target);
        // given outside any lock: two threads passing one new object may both get a stub, and the
        // one that loses the race gives its own back
        Stub given = give(type, key, site, index);
        Stub raced = STUBS.putIfAbsent(target, key, given);
        if (raced != null) {
            key.clear();
            spare(given);
            return raced.address();
        }
        // after the entry is in the map, where a reaper about to end finds it
        reapLater();
        // the key must not be cleared before it is in the map, where a collection finds it cleared
        Reference.reachabilityFence(target);
        return given.address();
    }

    /**
     * A stub calling the object {@code key} refers to: a spare of its interface, or a new one. With
     * no spare left and the stubs held over the threshold, asks for a collection first.
     */
    private static Stub give(CallbackType type, Key key, NativeSymbol site, int index) {
        GIVEN.incrementAndGet();
        Spares spares = SPARE.get(type.iface());
        spares.wanted = System.nanoTime();
        Stub spare = reuse(spares, key);
        if (spare != null) {
            return spare;
        }
        if (overThreshold()) {
            collect(false);
            spare = reuse(spares, key);
            if (spare != null) {
                return spare;
            }
        }
        return make(type, spares, key, site, index);
    }

    private static boolean overThreshold() {
        return StubArenas.held() >= collectAt && GIVEN.get() >= collectAfter;
    }

    /** One of {@code spares}, now calling the object {@code key} refers to; null when none is left. */
    private static Stub reuse(Spares spares, Key key) {
        Stub spare = spares.stubs.poll();
        if (spare != null) {
            spares.taken = true;
            SPARE_COUNT.decrementAndGet();
            spare.target().refer(key);
        }
        return spare;
    }

    /**
     * Keeps {@code stub}, which no object has, for the next new object of its interface; drops it
     * beyond {@link #spareAtMost}, or when more calls would make the JDK specialize its code.
     */
    private static void spare(Stub stub) {
        stub.target().clear();
        int calls = stub.target().calls();
        if (calls >= REUSED_CALLS_AT_MOST && calls < UpcallStubs.Target.SPECIALIZED) {
            StubArenas.drop(stub);
        } else if (SPARE_COUNT.incrementAndGet() > spareAtMost) {
            SPARE_COUNT.decrementAndGet();
            StubArenas.drop(stub);
        } else {
            Spares spares = SPARE.get(stub.type().iface());
            spares.stubs.add(stub);
            WITH_SPARES.add(spares);
            reapLater();
        }
    }

    /**
     * A new stub. When the code heap is full, asks for a collection, unless another thread's
     * collection ended since, and tries a spare, then a new stub, once more before refusing the
     * argument.
     */
    private static Stub make(CallbackType type, Spares spares, Key key, NativeSymbol site, int index) {
        int seen = collections;
        try {
            return StubArenas.make(type, key);
        } catch (OutOfMemoryError full) {
            collect(collections == seen);
            Stub spare = reuse(spares, key);
            if (spare != null) {
                return spare;
            }
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
     * {@link #GRACE} more, the spares, and those dropped since the last collection.
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

    /** Keeps the stub of a collected object for {@link #GRACE} more, and makes the oldest beyond it spare. */
    private static void retire(Stub stub) {
        GONE.add(new Retired(stub, System.nanoTime()));
        if (GONE_COUNT.incrementAndGet() > GRACE) {
            Retired oldest = GONE.poll();
            if (oldest != null) {
                GONE_COUNT.decrementAndGet();
                spare(oldest.stub);
            }
        }
        // counted before this looks: a reaper that counted nothing held has stopped running by now
        reapLater();
    }

    /** A stub in the grace queue, and when its object was found gone. */
    private static final class Retired {
        final Stub stub;
        final long at;

        Retired(Stub stub, long at) {
            this.stub = stub;
            this.at = at;
        }
    }

    /**
     * Starts the reaper thread unless it runs. Called after a stub is counted as held, so that
     * either the reaper, about to end, counts it, or this finds the reaper ended and starts one.
     */
    private static void reapLater() {
        if (REAPING.get() || !REAPING.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread reaper = Thread.ofPlatform().name("fastffi-callback-stubs").daemon(true)
                    .inheritInheritableThreadLocals(false).unstarted(TransientUpcalls::reap);
            // not the context loader of the thread that passed the first callback object
            reaper.setContextClassLoader(TransientUpcalls.class.getClassLoader());
            reaper.start();
        } catch (OutOfMemoryError noThread) {
            // the JVM has no thread to give now: the next new callback object asks again
            REAPING.set(false);
        }
    }

    /**
     * The reaper thread: every {@link #reapMillis} removes the entries of collected objects and
     * moves on the stubs whose time is up; ends once no stub is held, unless a new callback object
     * came meanwhile (which found it still running, so did not start another).
     */
    private static void reap() {
        while (true) {
            try {
                Thread.sleep(reapMillis);
            } catch (InterruptedException e) {
                // no one interrupts this thread; a stray interrupt only makes this pass come early
            }
            expunge();
            expire(System.nanoTime());
            if (heldNone()) {
                REAPING.set(false);
                if (heldNone() || !REAPING.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    /** Whether no stub of a callback object is held: none of a live object, in grace or spare. */
    private static boolean heldNone() {
        return GONE_COUNT.get() == 0 && SPARE_COUNT.get() == 0 && STUBS.size() == 0;
    }

    /**
     * Makes the stubs in grace for {@link #graceNanos} spare, and drops the spares of every
     * interface no new object was passed of for {@link #spareIdleNanos}.
     */
    private static void expire(long now) {
        COLLECTING.lock();
        try {
            for (Retired oldest = GONE.peek(); oldest != null && now - oldest.at >= graceNanos; oldest = GONE.peek()) {
                // a thread retiring a stub may have taken this one already
                if (GONE.remove(oldest)) {
                    GONE_COUNT.decrementAndGet();
                    spare(oldest.stub);
                }
            }
            for (Spares spares : WITH_SPARES) {
                if (now - spares.wanted >= spareIdleNanos) {
                    dropAll(spares);
                }
            }
        } finally {
            COLLECTING.unlock();
        }
    }

    /** How many spare stubs are kept for new objects. */
    static int spareStubs() {
        return SPARE_COUNT.get();
    }

    /** How many spare stubs are kept for new objects of {@code iface}. */
    static int spareStubs(Class<?> iface) {
        return SPARE.get(iface).stubs.size();
    }

    /**
     * Asks for a collection, which frees the stubs dropped before it, and removes the entries of
     * every object it cleared, whose stubs go through the grace queue to the spares, so that the
     * next threshold counts only the stubs that may still take room and are not spare.
     *
     * @param always whether to collect even below the threshold, as when the code heap is full
     */
    static void collect(boolean always) {
        COLLECTING.lock();
        try {
            if (!always && !overThreshold()) {
                return;
            }
            dropIdleSpares();
            int droppedBefore = StubArenas.dropped();
            WeakReference<Object> sentinel = new WeakReference<>(new Object());
            System.gc();
            // the arenas of stubs dropped before are freed now, unless no collection ran (as under
            // -XX:+DisableExplicitGC), which a sentinel still there tells
            if (sentinel.refersTo(null)) {
                StubArenas.collected(droppedBefore);
            }
            expungeAll();
            int notSpare = StubArenas.held() - SPARE_COUNT.get();
            collectAt = Math.min(COLLECT_AT_MOST, Math.max(COLLECT_AT_LEAST, 2 * notSpare));
            collectAfter = GIVEN.get() + COLLECT_APART;
            collections++;
        } finally {
            COLLECTING.unlock();
        }
    }

    /**
     * Drops the spares of every interface no new object took one of during the last two intervals
     * between collections, so that spares wait only for interfaces in use: the collection about to
     * run frees them. An interface no longer used keeps no spare stubs (nor, through them, its
     * class) once other interfaces go on asking for collections.
     */
    private static void dropIdleSpares() {
        for (Spares spares : WITH_SPARES) {
            if (spares.taken) {
                spares.taken = false;
                spares.idle = 0;
                continue;
            }
            if (++spares.idle >= IDLE_COLLECTIONS) {
                dropAll(spares);
            }
        }
    }

    /** Drops every spare of one interface; under {@link #COLLECTING}. */
    private static void dropAll(Spares spares) {
        // out of the set first: a spare added while this drains registers the interface again
        WITH_SPARES.remove(spares);
        spares.idle = 0;
        for (Stub idle = spares.stubs.poll(); idle != null; idle = spares.stubs.poll()) {
            SPARE_COUNT.decrementAndGet();
            StubArenas.drop(idle);
        }
    }

    /** The spare stubs of one callback interface. */
    private static final class Spares {
        final ConcurrentLinkedQueue<Stub> stubs = new ConcurrentLinkedQueue<>();
        /** Whether a new object took one since the last collection. */
        volatile boolean taken;
        /** When a new object of the interface was last passed, by {@link System#nanoTime()}. */
        volatile long wanted;
        /** Collections since one was last taken; changed only under {@link #COLLECTING}. */
        int idle;
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

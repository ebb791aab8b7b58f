package dev.fastffi.internal;

import dev.fastffi.model.NativeType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stubs for callback objects passed as their interface rather than as an {@code Upcall}: one stub
 * per object, valid while Java holds the object strongly and freed after it is collected, so C may
 * keep the pointer as long as Java keeps the object.
 *
 * <p>The stub calls the object through a weak reference: a stub holds its handle, and so anything
 * the handle holds, until its arena is closed, so a strong reference would keep the object alive
 * for ever. The map holds each stub strongly and its object weakly; once the object is collected
 * the entry goes, and the stub is kept until {@link #GRACE} more stubs went the same way, so a C
 * library that calls a callback Java forgot gets zero and {@code CALLBACK_FAILED} rather than freed
 * code for a while. Then it is dropped, and its automatic arena frees it at the next collection.
 *
 * <p>Stubs live in the JVM's code heap, which is small and which the garbage collector does not
 * watch: a program that makes a new lambda per call fills it long before the Java heap asks for a
 * collection. So when the stubs held pass a limit, the next new stub asks for one, as direct
 * buffers do when their memory runs short.
 */
final class TransientUpcalls {
    /** How many stubs of collected objects stay callable (returning zero) before they are dropped. */
    static final int GRACE = 512;
    /**
     * The fewest stubs held that make a new stub ask for a collection: at some 800 bytes each,
     * about 1.6 MB, well inside the 5 MB or so of code heap the JVM keeps for code other than
     * compiled methods.
     */
    static final int COLLECT_AT_LEAST = 2_048;

    private static final ConcurrentHashMap<Object, MemorySegment> STUBS = new ConcurrentHashMap<>();
    /** The keys of collected objects, whose entries are removed on the next {@link #stub}. */
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    /** Stubs whose objects are gone, kept for {@link #GRACE}, oldest first. */
    private static final ConcurrentLinkedQueue<MemorySegment> GONE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger GONE_COUNT = new AtomicInteger();
    /** Stubs held: those in the map and those in {@link #GONE}. */
    private static final AtomicInteger HELD = new AtomicInteger();
    /** Held while asking for a collection, so that threads over the limit ask once between them. */
    private static final Object COLLECTING = new Object();
    private static volatile int collectAt = COLLECT_AT_LEAST;

    private static final ClassValue<List<Class<?>>> CALLBACK_INTERFACES = new ClassValue<>() {
        @Override
        protected List<Class<?>> computeValue(Class<?> type) {
            return allInterfaces(type).stream().filter(CallbackType::isCallback).distinct().toList();
        }
    };

    /**
     * A stored key: the object weakly, by identity; the stub dispatches through it. The stub's
     * handle holds it until the stub is freed, so it must not hold the stub or its arena.
     */
    static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object target) {
            super(target, COLLECTED);
            this.hash = System.identityHashCode(target);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object target = get();
            return target != null && other instanceof Key key && key.get() == target;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A lookup key that allocates no reference: maps compare the key they are given with the keys
     * they hold ({@code probe.equals(stored)}), so a probe finds the {@link Key} of its object.
     */
    private record Probe(Object target) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.get() == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }

    private TransientUpcalls() {}

    /** The stub for a callback object passed as argument {@code index}; refuses objects of no callback interface. */
    static MemorySegment stub(Object target, NativeSymbol site, int index) {
        expunge();
        MemorySegment stub = STUBS.get(new Probe(target));
        if (stub != null) {
            return stub;
        }
        CallbackType type = CallbackType.of(callbackInterface(target, site, index));
        if (HELD.get() >= collectAt) {
            collect();
        }
        Key key = new Key(target);
        // made outside any lock: two threads passing one new object may both make a stub, and the
        // one that loses the race drops its own, which its automatic arena frees
        MemorySegment made = UpcallStubs.createWeak(type, key, Arena.ofAuto());
        MemorySegment raced = STUBS.putIfAbsent(key, made);
        if (raced != null) {
            key.clear();
            return raced;
        }
        HELD.incrementAndGet();
        return made;
    }

    /** How many objects have a stub now, once the entries of collected objects are removed. */
    static int liveStubs() {
        expunge();
        return STUBS.size();
    }

    /** How many stubs are held: those of live objects and at most {@link #GRACE} more. */
    static int heldStubs() {
        expunge();
        return HELD.get();
    }

    private static void expunge() {
        for (Object gone = COLLECTED.poll(); gone != null; gone = COLLECTED.poll()) {
            MemorySegment stub = STUBS.remove(gone);
            if (stub == null) {
                continue;
            }
            GONE.add(stub);
            if (GONE_COUNT.incrementAndGet() > GRACE && GONE.poll() != null) {
                GONE_COUNT.decrementAndGet();
                HELD.decrementAndGet();
            }
        }
    }

    /**
     * Asks for a collection, which clears the objects that are gone and frees the stubs dropped
     * before, then drops what it found and sets the next limit to twice the stubs held, so that a
     * program that keeps many callbacks does not ask on every new one.
     */
    private static void collect() {
        synchronized (COLLECTING) {
            if (HELD.get() < collectAt) {
                return;
            }
            ReferenceQueue<Object> processed = new ReferenceQueue<>();
            WeakReference<Object> sentinel = new WeakReference<>(new Object(), processed);
            System.gc();
            try {
                // the reference handler enqueues what the collection cleared; the sentinel is among it
                processed.remove(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Reference.reachabilityFence(sentinel);
            expunge();
            collectAt = Math.max(COLLECT_AT_LEAST, 2 * HELD.get());
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

package dev.fastffi.internal;

import dev.fastffi.model.NativeType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stubs for callback objects passed as their interface rather than as an {@code Upcall}: one stub
 * per object, valid while Java holds the object strongly and freed after it is collected, so C may
 * keep the pointer as long as Java keeps the object.
 *
 * <p>The stub calls the object through a weak reference: a stub holds its handle, and so anything
 * the handle holds, until its arena is freed, so a strong reference would keep the object alive for
 * ever. The map holds each stub strongly and its object weakly; once the object is collected its
 * entry goes, and the stub, in an automatic arena, is freed once no running call holds it.
 */
final class TransientUpcalls {
    private static final ConcurrentHashMap<Object, MemorySegment> STUBS = new ConcurrentHashMap<>();
    /** The keys of collected objects, whose entries are removed on the next {@link #stub}. */
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();

    private static final ClassValue<List<Class<?>>> CALLBACK_INTERFACES = new ClassValue<>() {
        @Override
        protected List<Class<?>> computeValue(Class<?> type) {
            return allInterfaces(type).stream().filter(CallbackType::isCallback).distinct().toList();
        }
    };

    /** A stored key: the object weakly, by identity; the stub dispatches through it. */
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
        Key key = new Key(target);
        // made outside any lock: two threads passing one new object may both make a stub, and the
        // one that loses the race is dropped, freed with its automatic arena
        MemorySegment made = UpcallStubs.createWeak(type, key, Arena.ofAuto());
        MemorySegment raced = STUBS.putIfAbsent(key, made);
        return raced == null ? made : raced;
    }

    /** How many objects have a stub now, once the entries of collected objects are removed. */
    static int liveStubs() {
        expunge();
        return STUBS.size();
    }

    private static void expunge() {
        for (Object key = COLLECTED.poll(); key != null; key = COLLECTED.poll()) {
            STUBS.remove(key);
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

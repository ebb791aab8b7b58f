package dev.fastffi.internal;

import dev.fastffi.model.NativeType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stubs for callbacks passed as their interface on the compatibility path, cached per target
 * object so that passing the same lambda again reuses its stub. The cache is bounded; a stub lives
 * in an automatic arena, so one dropped from the cache is freed only once no running call holds it.
 */
public final class TransientUpcalls {
    /** How many targets keep their stub between calls. */
    public static final int CACHED = 64;

    private static final Map<Key, MemorySegment> STUBS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, MemorySegment> eldest) {
            return size() > CACHED;
        }
    };

    private static final ClassValue<List<Class<?>>> CALLBACK_INTERFACES = new ClassValue<>() {
        @Override
        protected List<Class<?>> computeValue(Class<?> type) {
            return allInterfaces(type).stream().filter(CallbackType::isCallback).distinct().toList();
        }
    };

    /** Identity, not equals: two equal targets may still be different callbacks. */
    private record Key(Class<?> iface, Object target) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.iface == iface && key.target == target;
        }

        @Override
        public int hashCode() {
            return 31 * iface.hashCode() + System.identityHashCode(target);
        }
    }

    private TransientUpcalls() {}

    /** The stub for a callback object passed as argument {@code index}; refuses objects of no callback interface. */
    static MemorySegment stub(Object target, NativeSymbol site, int index) {
        List<Class<?>> interfaces = CALLBACK_INTERFACES.get(target.getClass());
        if (interfaces.size() != 1) {
            throw Args.invalid(site, index, NativeType.FUNCTION, Conversions.describe(target) + (interfaces.isEmpty()
                    ? " implements no @NativeCallback interface; pass an Upcall, a MemorySegment or a callback"
                    : " implements several @NativeCallback interfaces " + names(interfaces)
                            + "; pass Upcall.of(TheInterface.class, target)"));
        }
        Class<?> iface = interfaces.get(0);
        CallbackType type = CallbackType.of(iface);
        Key key = new Key(iface, target);
        synchronized (STUBS) {
            return STUBS.computeIfAbsent(key, k -> UpcallStubs.create(type, target, Arena.ofAuto()));
        }
    }

    /** How many stubs the cache holds now, for tests of reuse and of the bound. */
    public static int cachedCount() {
        synchronized (STUBS) {
            return STUBS.size();
        }
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

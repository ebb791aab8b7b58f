package dev.fastffi.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the class the processor generated for an interface. The generated class registers a
 * factory from its static initializer, so finding it takes {@code Class.forName} and no reflective
 * access to a package-private class, which also works inside named modules.
 */
public final class Bindings {
    /** The suffix of every generated binding: {@code com.example.Zlib} binds as {@code com.example.Zlib$FastFfi}. */
    public static final String SUFFIX = "$FastFfi";

    /** Creates a binding of one interface for one library. */
    @FunctionalInterface
    public interface Factory<T> {
        T create(Binder binder);
    }

    private static final Map<Class<?>, Factory<?>> FACTORIES = new ConcurrentHashMap<>();

    private Bindings() {}

    /** Called by the static initializer of each generated class. */
    public static <T> void register(Class<T> iface, Factory<T> factory) {
        FACTORIES.put(iface, factory);
    }

    /** The factory for {@code iface}, or empty when the processor did not run for it. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<Factory<T>> find(Class<T> iface) {
        Factory<?> known = FACTORIES.get(iface);
        if (known == null && initialize(iface.getName() + SUFFIX, iface.getClassLoader())) {
            known = FACTORIES.get(iface);
        }
        return Optional.ofNullable((Factory<T>) known);
    }

    private static boolean initialize(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

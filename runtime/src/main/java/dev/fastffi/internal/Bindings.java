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

    /** A generated binding: its factory and whether it was compiled with the fast path on. */
    public record Registration<T>(Factory<T> factory, boolean fastPath) {}

    private static final Map<Class<?>, Registration<?>> REGISTERED = new ConcurrentHashMap<>();

    private Bindings() {}

    /** Called by the static initializer of each generated class. */
    public static <T> void register(Class<T> iface, boolean fastPath, Factory<T> factory) {
        REGISTERED.put(iface, new Registration<>(factory, fastPath));
    }

    /** The generated binding of {@code iface}, or empty when the processor did not run for it. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<Registration<T>> find(Class<T> iface) {
        Registration<?> known = REGISTERED.get(iface);
        if (known == null && initialize(iface.getName() + SUFFIX, iface.getClassLoader())) {
            known = REGISTERED.get(iface);
        }
        return Optional.ofNullable((Registration<T>) known);
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

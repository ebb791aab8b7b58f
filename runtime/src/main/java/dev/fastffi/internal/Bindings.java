package dev.fastffi.internal;

import java.lang.invoke.MethodHandles;
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

    /**
     * The suffix of the view the processor generates for every {@code @NativeCallback} interface:
     * {@code com.example.Compare} views a C function pointer as {@code com.example.Compare$FastFfiView}.
     */
    public static final String VIEW_SUFFIX = "$FastFfiView";

    /** Creates a view of one C function pointer, a symbol of the library it belongs to. */
    @FunctionalInterface
    public interface ViewFactory<T> {
        T create(NativeSymbol function);
    }

    /** Creates a binding of one interface for one library. */
    @FunctionalInterface
    public interface Factory<T> {
        T create(Binder binder);
    }

    /** Which paths the processor generated: {@code -Afastffi.fast=false} puts every method on the compatibility path. */
    public enum Paths {
        /** Every method the type table allows on the fast path is FAST, the rest COMPAT. */
        FAST_WHERE_ELIGIBLE,
        /** Compiled with {@code -Afastffi.fast=false}: every method is COMPAT. */
        COMPAT_ONLY
    }

    /**
     * A generated binding: its factory, the paths it was compiled with, the names of the
     * interface's {@code @NativeLibrary} (null without one), and the lookup of the generated class,
     * whose class file is the {@link BindingTemplate} of the bindings to every library but the one
     * {@code FastFfi.load} chose, whose FAST methods hold that library's addresses as constants
     * (null when the interface has no synchronous FAST method).
     */
    public record Registration<T>(Factory<T> factory, Paths paths, String[] libraries, MethodHandles.Lookup lookup) {
        /** Whether the processor ran with the fast path on. */
        public boolean fastPath() {
            return paths == Paths.FAST_WHERE_ELIGIBLE;
        }

        /**
         * The factory for {@code library}: the generated class as itself for the library
         * {@code FastFfi.load} chose, else the template's hidden class for {@code library} where
         * one can be defined.
         */
        public Factory<T> factoryFor(Class<T> iface, LibraryState library) {
            if (lookup == null || GLOBAL_LIBRARIES.get(iface) == library) {
                return factory;
            }
            return template(iface, lookup).factoryFor(library, factory);
        }
    }

    private static final Map<Class<?>, Registration<?>> REGISTERED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ViewFactory<?>> VIEWS = new ConcurrentHashMap<>();
    /** Each interface's template, one per interface, so that its class file is read once. */
    private static final Map<Class<?>, BindingTemplate<?>> TEMPLATES = new ConcurrentHashMap<>();
    /** The library {@code FastFfi.load} bound each interface to; it is never closed. */
    private static final Map<Class<?>, LibraryState> GLOBAL_LIBRARIES = new ConcurrentHashMap<>();

    private Bindings() {}

    /**
     * Called by the static initializer of each generated class; {@code lookup} is the generated
     * class's own, whose class file is the {@link BindingTemplate} of bindings to closeable
     * libraries (null when it has no direct method). The template's hidden classes run the same
     * static initializer, and are not registered.
     */
    public static <T> void register(Class<T> iface, Paths paths, String[] libraries, MethodHandles.Lookup lookup,
            Factory<T> factory) {
        if (lookup != null && lookup.lookupClass().isHidden()) {
            return;
        }
        REGISTERED.put(iface, new Registration<>(factory, paths, libraries, lookup));
    }

    /**
     * The template of {@code iface}'s bindings to closeable libraries, made on the first such
     * bind: a program that only calls {@code FastFfi.load} never loads its class.
     */
    @SuppressWarnings("unchecked")
    private static <T> BindingTemplate<T> template(Class<T> iface, MethodHandles.Lookup lookup) {
        BindingTemplate<?> known = TEMPLATES.get(iface);
        if (known == null) {
            BindingTemplate<T> made = new BindingTemplate<>(lookup);
            known = TEMPLATES.putIfAbsent(iface, made);
            if (known == null) {
                return made;
            }
        }
        return (BindingTemplate<T>) known;
    }

    /**
     * Records that {@code FastFfi.load} bound {@code iface} to {@code library}, which is global.
     * {@code FastFfi.load} chooses the library from the interface alone, so it is always the same one.
     */
    public static void loadedGlobally(Class<?> iface, LibraryState library) {
        if (!library.isGlobal()) {
            throw new IllegalArgumentException(library + " is not global");
        }
        GLOBAL_LIBRARIES.putIfAbsent(iface, library);
    }

    /** The generated binding of {@code iface}, or empty when the processor did not run for it. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<Registration<T>> find(Class<T> iface) {
        Registration<?> known = REGISTERED.get(iface);
        if (known == null && initialize(iface.getName().concat(SUFFIX), iface.getClassLoader())) {
            known = REGISTERED.get(iface);
        }
        return Optional.ofNullable((Registration<T>) known);
    }

    /** Called by the static initializer of each generated view. */
    public static <T> void registerView(Class<T> callback, ViewFactory<T> factory) {
        VIEWS.put(callback, factory);
    }

    /** The generated view of {@code callback}, or empty when the processor did not run for it. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<ViewFactory<T>> findView(Class<T> callback) {
        ViewFactory<?> known = VIEWS.get(callback);
        if (known == null && initialize(callback.getName() + VIEW_SUFFIX, callback.getClassLoader())) {
            known = VIEWS.get(callback);
        }
        return Optional.ofNullable((ViewFactory<T>) known);
    }

    /** Loads and initializes the class {@code name}, which registers it if generated; false when there is none. */
    static boolean initialize(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

package dev.fastffi.internal;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the class the processor generated for an interface. The generated class registers a
 * factory from its static initializer, so finding it takes {@code Class.forName} and no reflective
 * access to a package-private class, which also works inside named modules. Registering hands over
 * the class's own lookup too, which reaches every class of its module: {@link UserAccess} reaches
 * the user's classes through it in packages their module neither exports nor opens.
 */
public final class Bindings {
    /** The suffix of every generated binding: {@code com.example.Zlib} binds as {@code com.example.Zlib$FastFfi}. */
    public static final String SUFFIX = "$FastFfi";

    /**
     * The suffix of the view the processor generates for every {@code @NativeCallback} interface:
     * {@code com.example.Compare} views a C function pointer as {@code com.example.Compare$FastFfiView}.
     */
    public static final String VIEW_SUFFIX = "$FastFfiView";

    /**
     * Creates the views of one {@code @NativeCallback} interface: the generated view's nested
     * {@code Factory$}, to which {@link #registerView} hands the callback's signature.
     */
    public abstract static class ViewFactory<T> {
        private String signature;

        protected ViewFactory() {}

        /** A new view calling {@code function}, a symbol of the library the function pointer belongs to. */
        public abstract T create(NativeSymbol function);

        /** The callback's C signature as generated code spells it, which the processor checked. */
        public final String signature() {
            return signature;
        }
    }

    /**
     * Creates the bindings of one interface: the generated class's nested {@code Factory$}, to
     * which {@link #register} hands what else the processor decided, so that registering a
     * binding loads no class of its own.
     */
    public abstract static class Factory<T> {
        private boolean fastPath;
        private String[] libraries;
        private MethodHandles.Lookup template;

        protected Factory() {}

        /** A new instance of the generated class as itself, with {@code binder}'s symbols. */
        public abstract T create(Binder binder);

        /** Whether the processor ran with the fast path on ({@code -Afastffi.fast=false} turns it off). */
        public final boolean fastPath() {
            return fastPath;
        }

        /** The names of the interface's {@code @NativeLibrary}, or null without one. */
        public final String[] libraries() {
            return libraries;
        }

        /**
         * A new binding of {@code iface} to {@code library}: the generated class as itself for the
         * library {@code FastFfi.load} chose, else the {@link BindingTemplate}'s hidden class for
         * {@code library} where one can be defined.
         */
        public final T bind(Class<T> iface, LibraryState library, Binder binder) {
            if (template == null || GLOBAL_LIBRARIES.get(iface) == library) {
                return create(binder);
            }
            return template(iface, template).create(library, binder, this);
        }
    }

    private static final Map<Class<?>, Factory<?>> REGISTERED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ViewFactory<?>> VIEWS = new ConcurrentHashMap<>();
    /** A full-privilege lookup of a generated class, per module (one unnamed module per class loader). */
    private static final Map<Module, MethodHandles.Lookup> GRANTED = new ConcurrentHashMap<>();
    /** Each interface's template, one per interface, so that its class file is read once. */
    private static final Map<Class<?>, BindingTemplate<?>> TEMPLATES = new ConcurrentHashMap<>();
    /** The library {@code FastFfi.load} bound each interface to; it is never closed. */
    private static final Map<Class<?>, LibraryState> GLOBAL_LIBRARIES = new ConcurrentHashMap<>();

    private Bindings() {}

    /**
     * Called by the static initializer of each generated binding class with its own {@code lookup}
     * (granted as {@link #registerView} does): {@code fastPath} is false where the processor ran
     * with {@code -Afastffi.fast=false}, {@code template} whether the class is the
     * {@link BindingTemplate} of bindings to closeable libraries (it has a direct method),
     * {@code libraries} the names of the interface's {@code @NativeLibrary} (null without one). The
     * template's hidden classes run the same static initializer, and are not registered.
     */
    public static <T> void register(MethodHandles.Lookup lookup, Class<T> iface, boolean fastPath, boolean template,
            String[] libraries, Factory<T> factory) {
        if (lookup.lookupClass().isHidden()) {
            return;
        }
        grant(lookup);
        factory.fastPath = fastPath;
        factory.template = template ? lookup : null;
        factory.libraries = libraries;
        // the map publishes the fields with the factory
        REGISTERED.put(iface, factory);
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
    public static <T> Optional<Factory<T>> find(Class<T> iface) {
        Factory<?> known = REGISTERED.get(iface);
        if (known == null && initialize(iface.getName().concat(SUFFIX), iface.getClassLoader())) {
            known = REGISTERED.get(iface);
        }
        return Optional.ofNullable((Factory<T>) known);
    }

    /**
     * Called by the static initializer of each generated view with its own {@code lookup} and the
     * callback's C {@code signature}. The lookup, as every generated class's, is granted: it
     * reaches every class of its module, so that {@link UserAccess} reaches the user's callbacks,
     * records and default methods in packages their module neither exports nor opens.
     */
    public static <T> void registerView(MethodHandles.Lookup lookup, Class<T> callback, String signature,
            ViewFactory<T> factory) {
        grant(lookup);
        factory.signature = signature;
        // the map publishes the field with the factory
        VIEWS.put(callback, factory);
    }

    private static void grant(MethodHandles.Lookup lookup) {
        if (!lookup.hasFullPrivilegeAccess()) {
            throw new IllegalArgumentException(lookup + " has no full privilege access to its module");
        }
        GRANTED.putIfAbsent(lookup.lookupClass().getModule(), lookup);
    }

    /** The lookup a generated class of {@code module} granted, or null while none has. */
    static MethodHandles.Lookup granted(Module module) {
        return GRANTED.get(module);
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

package dev.fastffi.internal;

import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import java.lang.invoke.MethodHandles;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Finds the class the processor generated for an interface. The generated class registers a
 * factory from its static initializer, so finding it takes {@code Class.forName} and no reflective
 * access to a package-private class, which also works inside named modules. Registering hands over
 * the class's own lookup too, which reaches every class of its module: {@link UserAccess} reaches
 * the user's classes through it in packages their module neither exports nor opens.
 *
 * <p>What is known of an interface lives in its generated class's factory, which that class holds
 * in a static field: the maps here hold interfaces, modules and factories weakly, so a class
 * loader that unloads (a plugin's, a redeployed application's) is not kept by the runtime's.
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
        /** The view class's lookup, which {@link #granted} hands out: held here, as the class holds its factory. */
        private MethodHandles.Lookup lookup;

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
        /** The generated class's lookup, which {@link #granted} hands out: held here, as the class holds its factory. */
        private MethodHandles.Lookup lookup;
        /** The template of the interface's bindings to closeable libraries, made on the first such bind. */
        private BindingTemplate<T> bindingTemplate;
        /** The library {@code FastFfi.load} bound the interface to; it is never closed. */
        private volatile LibraryState globalLibrary;

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
            if (template == null || globalLibrary == library) {
                return create(binder);
            }
            return template().create(library, binder, this);
        }

        /**
         * Records that {@code FastFfi.load} binds the interface to {@code library}, which is
         * global. {@code FastFfi.load} chooses the library from the interface alone, so it is
         * always the same one.
         */
        public final void loadedGlobally(LibraryState library) {
            if (!library.isGlobal()) {
                throw new IllegalArgumentException(library + " is not global");
            }
            if (globalLibrary == null) {
                globalLibrary = library;
            }
        }

        /**
         * The template of bindings to closeable libraries, made on the first such bind, once per
         * interface so that its class file is read once: a program that only calls
         * {@code FastFfi.load} never loads its class.
         */
        private synchronized BindingTemplate<T> template() {
            if (bindingTemplate == null) {
                bindingTemplate = new BindingTemplate<>(template);
            }
            return bindingTemplate;
        }
    }

    /** Each interface's factory, weakly, as the generated class holds it. */
    private static final Map<Class<?>, WeakReference<Factory<?>>> REGISTERED =
            Collections.synchronizedMap(new WeakHashMap<>());
    /** Each callback interface's view factory, weakly, as the view class holds it. */
    private static final Map<Class<?>, WeakReference<ViewFactory<?>>> VIEWS =
            Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * A full-privilege lookup of a generated class, per module (one unnamed module per class
     * loader), weakly, as the class's factory holds it.
     */
    private static final Map<Module, WeakReference<MethodHandles.Lookup>> GRANTED =
            Collections.synchronizedMap(new WeakHashMap<>());

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
        factory.lookup = lookup;
        // the map publishes the fields with the factory
        REGISTERED.put(iface, new WeakReference<>(factory));
    }

    /** The generated binding of {@code iface}, or empty when the processor did not run for it. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<Factory<T>> find(Class<T> iface) {
        Factory<?> known = registered(REGISTERED, iface);
        if (known == null && initialize(iface.getName().concat(SUFFIX), iface.getClassLoader())) {
            known = registered(REGISTERED, iface);
        }
        return Optional.ofNullable((Factory<T>) known);
    }

    private static <K, V> V registered(Map<K, WeakReference<V>> map, K key) {
        WeakReference<V> known = map.get(key);
        return known == null ? null : known.get();
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
        factory.lookup = lookup;
        // the map publishes the fields with the factory
        VIEWS.put(callback, new WeakReference<>(factory));
    }

    /** Grants {@code lookup}, which the caller's factory holds as long as its class lives. */
    private static void grant(MethodHandles.Lookup lookup) {
        if (!lookup.hasFullPrivilegeAccess()) {
            throw new IllegalArgumentException(lookup + " has no full privilege access to its module");
        }
        Module module = lookup.lookupClass().getModule();
        synchronized (GRANTED) {
            if (registered(GRANTED, module) == null) {
                GRANTED.put(module, new WeakReference<>(lookup));
            }
        }
    }

    /** The lookup a generated class of {@code module} granted, or null while none has. */
    static MethodHandles.Lookup granted(Module module) {
        return registered(GRANTED, module);
    }

    /** The generated view of {@code callback}, or empty when the processor did not run for it. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<ViewFactory<T>> findView(Class<T> callback) {
        ViewFactory<?> known = registered(VIEWS, callback);
        if (known == null && initialize(callback.getName() + VIEW_SUFFIX, callback.getClassLoader())) {
            known = registered(VIEWS, callback);
        }
        return Optional.ofNullable((ViewFactory<T>) known);
    }

    /**
     * Whether generated code may be used: unless {@code -Dfastffi.fast=false}. Any value but
     * {@code true} or {@code false} is refused, as the processor refuses its option: a misspelt
     * value would otherwise leave a test of the compatibility path on the fast one.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} naming the value
     */
    public static boolean fastEnabled() {
        String value = System.getProperty(FastFfi.FAST_PROPERTY);
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "-D" + FastFfi.FAST_PROPERTY + " must be 'true' or"
                + " 'false', but it is '" + value + "'");
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

package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reaches the user's classes that fastffi calls without generated code: callback methods, record
 * accessors and constructors, default methods of proxies. In a named module these usually sit in
 * packages the module neither exports nor opens; every class the processor generates hands over
 * its own lookup from its static initializer, which reaches every class of its module, so such a
 * module needs no {@code exports} or {@code opens} for fastffi. Without generated code the
 * package must be exported (public types) or opened to {@code dev.fastffi}, and the error says which.
 */
public final class ModuleAccess {
    private static final Module RUNTIME = ModuleAccess.class.getModule();
    /** A full-privilege lookup of a generated class, per module (one unnamed module per class loader). */
    private static final Map<Module, MethodHandles.Lookup> GRANTED = new ConcurrentHashMap<>();
    /** Per interface, the handles of its default methods called on a proxy, {@code (proxy, args...)}. */
    private static final ClassValue<Map<Method, MethodHandle>> DEFAULTS = new ClassValue<>() {
        @Override
        protected Map<Method, MethodHandle> computeValue(Class<?> iface) {
            return new ConcurrentHashMap<>();
        }
    };

    private ModuleAccess() {}

    /** Called first by the static initializer of every generated class, with {@code MethodHandles.lookup()}. */
    public static void grant(MethodHandles.Lookup lookup) {
        if (!lookup.hasFullPrivilegeAccess()) {
            throw new IllegalArgumentException(lookup + " has no full privilege access to its module");
        }
        GRANTED.putIfAbsent(lookup.lookupClass().getModule(), lookup);
    }

    /**
     * A lookup that can use every member of {@code type} that fastffi calls: a generated class's
     * lookup when its module has one, else this module's own where the package is open or exported to it.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} naming the {@code opens} or {@code exports}
     *     directive to add when neither is the case
     */
    static MethodHandles.Lookup lookup(Class<?> type) {
        Module module = type.getModule();
        String pkg = type.getPackageName();
        try {
            MethodHandles.Lookup granted = granted(type);
            if (granted != null) {
                return MethodHandles.privateLookupIn(type, granted);
            }
            if (module.isOpen(pkg, RUNTIME)) {
                RUNTIME.addReads(module);
                return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            }
            if (module.isExported(pkg, RUNTIME) && Modifier.isPublic(type.getModifiers())) {
                RUNTIME.addReads(module);
                return MethodHandles.lookup();
            }
        } catch (IllegalAccessException e) {
            throw inaccessible(type, e);
        }
        throw inaccessible(type, null);
    }

    /** A handle of {@code method}, a public method of a class fastffi calls into. */
    static MethodHandle unreflect(Method method) {
        try {
            return lookup(method.getDeclaringClass()).unreflect(method);
        } catch (IllegalAccessException e) {
            throw inaccessible(method.getDeclaringClass(), e);
        }
    }

    /** Calls the default method {@code method} on the proxy {@code proxy}, as the proxy's interface declares it. */
    static Object invokeDefault(Object proxy, Method method, Object[] args) throws Throwable {
        Class<?> iface = method.getDeclaringClass();
        if (granted(iface) == null) {
            try {
                return InvocationHandler.invokeDefault(proxy, method, args);
            } catch (IllegalAccessException e) {
                throw inaccessible(iface, e);
            }
        }
        MethodHandle handle = DEFAULTS.get(iface).computeIfAbsent(method, ModuleAccess::defaultMethod);
        Object[] arguments = new Object[method.getParameterCount() + 1];
        arguments[0] = proxy;
        if (args != null) {
            System.arraycopy(args, 0, arguments, 1, args.length);
        }
        return handle.invokeWithArguments(arguments);
    }

    private static MethodHandle defaultMethod(Method method) {
        Class<?> iface = method.getDeclaringClass();
        try {
            return lookup(iface).unreflectSpecial(method, iface).asType(MethodType
                    .methodType(method.getReturnType(), method.getParameterTypes())
                    .insertParameterTypes(0, Object.class));
        } catch (IllegalAccessException e) {
            throw inaccessible(iface, e);
        }
    }

    /**
     * The lookup granted for {@code type}'s module, initializing the classes generated for
     * {@code type} itself first when the module has none yet: a compatibility binding made with
     * {@code -Dfastffi.fast=false} never initializes its generated class otherwise.
     */
    private static MethodHandles.Lookup granted(Class<?> type) {
        Module module = type.getModule();
        MethodHandles.Lookup granted = GRANTED.get(module);
        if (granted == null && module.isNamed()) {
            initialize(type.getName() + Bindings.SUFFIX, type.getClassLoader());
            initialize(type.getName() + Bindings.VIEW_SUFFIX, type.getClassLoader());
            granted = GRANTED.get(module);
        }
        return granted;
    }

    private static void initialize(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
        } catch (ClassNotFoundException absent) {
            // the processor did not generate it: nothing to initialize
        }
    }

    private static FfiException inaccessible(Class<?> type, IllegalAccessException cause) {
        String pkg = type.getPackageName();
        String directive = Modifier.isPublic(type.getModifiers())
                ? "exports " + pkg + " to " + RUNTIME.getName() + ";"
                : "opens " + pkg + " to " + RUNTIME.getName() + ";";
        return new FfiException(FfiException.Code.INVALID_ARGUMENT, type.getName() + " is not accessible to"
                + " fastffi: " + type.getModule() + " does not open or export package " + pkg + " to "
                + RUNTIME + ", and the fastffi processor generated no class in it; add '" + directive
                + "' to its module-info.java, or compile it with the fastffi processor", cause);
    }
}

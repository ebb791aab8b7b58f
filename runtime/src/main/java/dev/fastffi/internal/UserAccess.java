package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reaches the user's classes that fastffi calls without generated code: callback methods, record
 * accessors and constructors, default methods of proxies. In a named module these usually sit in
 * packages the module neither exports nor opens; every class the processor generates hands over
 * its own lookup from its static initializer ({@link Bindings#register}), which reaches every
 * class of its module, so such a module needs no {@code exports} or {@code opens} for fastffi. Without
 * generated code the package must be exported (public types) or opened to {@code dev.fastffi},
 * and the error says which.
 */
public final class UserAccess {
    private static final Module RUNTIME = UserAccess.class.getModule();
    private static final String CLASS_FILE = ".class";

    /** Per interface, the handles of its default methods called on a proxy, {@code (proxy, args...)}. */
    private static final ClassValue<Map<Method, MethodHandle>> DEFAULTS = new ClassValue<>() {
        @Override
        protected Map<Method, MethodHandle> computeValue(Class<?> iface) {
            return new ConcurrentHashMap<>();
        }
    };

    private UserAccess() {}

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
        MethodHandle handle = DEFAULTS.get(iface).computeIfAbsent(method, UserAccess::defaultMethod);
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
     * The lookup granted for {@code type}'s module. A named module that has granted none yet may
     * still hold generated classes no one initialized: a compatibility binding made with
     * {@code -Dfastffi.fast=false}, or a record read before any binding of its module was made. The
     * classes generated for {@code type} itself are tried first, then any generated class the
     * module contains.
     */
    private static MethodHandles.Lookup granted(Class<?> type) {
        Module module = type.getModule();
        MethodHandles.Lookup granted = Bindings.granted(module);
        if (granted == null && module.isNamed()) {
            ClassLoader loader = type.getClassLoader();
            if (!Bindings.initialize(type.getName() + Bindings.SUFFIX, loader)
                    && !Bindings.initialize(type.getName() + Bindings.VIEW_SUFFIX, loader)) {
                anyGeneratedClass(module).ifPresent(name -> Bindings.initialize(name, loader));
            }
            granted = Bindings.granted(module);
        }
        return granted;
    }

    /** The binary name of a class the processor generated in {@code module}, found by listing its contents. */
    private static Optional<String> anyGeneratedClass(Module module) {
        Optional<ResolvedModule> resolved = Optional.ofNullable(module.getLayer())
                .flatMap(layer -> layer.configuration().findModule(module.getName()));
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        try (ModuleReader reader = resolved.get().reference().open(); Stream<String> entries = reader.list()) {
            return entries.filter(entry -> entry.endsWith(Bindings.SUFFIX + CLASS_FILE)
                            || entry.endsWith(Bindings.VIEW_SUFFIX + CLASS_FILE))
                    .sorted()
                    .findFirst()
                    .map(entry -> entry.substring(0, entry.length() - CLASS_FILE.length()).replace('/', '.'));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
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

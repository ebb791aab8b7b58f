package dev.fastffi.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds an interface without generated code: a proxy whose methods call {@link CompatFunction}s.
 * Serves interfaces the processor did not see and {@code -Dfastffi.fast=false}.
 */
public final class CompatBinding implements InvocationHandler {
    private final Class<?> iface;
    private final LibraryState library;
    private final Map<Method, CompatFunction> functions = new HashMap<>();

    private CompatBinding(Class<?> iface, LibraryState library) {
        this.iface = iface;
        this.library = library;
        Binder binder = new Binder(library);
        for (NativeMethod method : NativeMethod.of(iface)) {
            functions.put(method.method(), binder.compat(method.symbol(), method.signature().toString(),
                    method.method().getAnnotation(dev.fastffi.annotations.NativeFunction.class).errno()));
        }
    }

    /** A proxy implementing {@code iface} on the compatibility path; resolves every symbol now. */
    public static <T> T create(Class<T> iface, LibraryState library) {
        CompatBinding handler = new CompatBinding(iface, library);
        return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        CompatFunction function = functions.get(method);
        if (function != null) {
            Object[] values = args == null ? new Object[0] : args;
            return function.symbol().signature().variadic()
                    ? function.invokeVariadic(method.getReturnType(), (Object[]) values[values.length - 1],
                            Arrays.copyOf(values, values.length - 1))
                    : function.invoke(method.getReturnType(), values);
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> iface.getName() + " bound to " + library.name() + " (compatibility path)";
            default -> throw new IllegalStateException("unexpected method " + method);
        };
    }
}

package dev.fastffi.internal;

import dev.fastffi.annotations.NativeFunction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Binds an interface without generated code: a proxy whose methods call {@link CompatFunction}s.
 * Serves interfaces the processor did not see and {@code -Dfastffi.fast=false}.
 */
public final class CompatBinding implements InvocationHandler {
    private final Map<Method, Bound> functions = new HashMap<>();

    /** A method's function and the Java type its result is converted to (R's type for a future). */
    private record Bound(CompatFunction function, Class<?> resultType, boolean async) {}

    private CompatBinding(Class<?> iface, Binder binder) {
        for (NativeMethod method : NativeMethod.of(iface)) {
            NativeFunction annotation = method.method().getAnnotation(NativeFunction.class);
            String signature = method.signature().toString();
            CompatFunction function = binder.compat(method.symbol(), signature, annotation.errno(),
                    annotation.optional(), annotation.free());
            Optional<Class<?>> async = AsyncResult.of(method.method(), method.signature().returnType());
            functions.put(method.method(), new Bound(function, async.orElse(method.method().getReturnType()),
                    async.isPresent()));
        }
    }

    /** A proxy implementing {@code iface} on the compatibility path; resolves every symbol now. */
    public static <T> T create(Class<T> iface, LibraryState library) {
        Binder binder = new Binder(library);
        CompatBinding handler = new CompatBinding(iface, binder);
        T proxy = iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler));
        return binder.remember(proxy, iface);
    }

    private static Object call(CompatFunction function, Class<?> resultType, Object[] values) {
        return function.symbol().signature().variadic()
                ? function.invokeVariadic(resultType, (Object[]) values[values.length - 1],
                        Arrays.copyOf(values, values.length - 1))
                : function.invoke(resultType, values);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Bound bound = functions.get(method);
        if (bound != null) {
            Object[] values = args == null ? new Object[0] : args;
            CompatFunction function = bound.function();
            return bound.async()
                    ? Async.call(function, () -> call(function, bound.resultType(), values))
                    : call(function, bound.resultType(), values);
        }
        if (method.isDefault()) {
            return UserAccess.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> BoundInterfaces.describe(proxy);
            default -> throw new IllegalStateException("unexpected method " + method);
        };
    }
}

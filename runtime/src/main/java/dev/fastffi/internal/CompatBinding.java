package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeFunction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binds an interface without generated code: a proxy whose methods call {@link CompatFunction}s.
 * Serves interfaces the processor did not see and {@code -Dfastffi.fast=false}.
 */
public final class CompatBinding implements InvocationHandler {
    /** From this many methods on, a refused proxy is most likely too large a class. */
    private static final int LARGE = 1_000;

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
            Bound bound = new Bound(function, async.orElse(method.method().getReturnType()), async.isPresent());
            functions.put(method.method(), bound);
            NativeMethod.objectMethod(method.method()).ifPresent(object -> functions.put(object, bound));
        }
    }

    /**
     * A proxy implementing {@code iface} on the compatibility path; resolves every symbol now.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} when the JDK cannot make a proxy of
     *     {@code iface}: a proxy class, like any class, holds at most 64 KiB of code in its static
     *     initializer, which looks up each method, so about 1,800 methods of two arguments
     */
    public static <T> T create(Class<T> iface, LibraryState library) {
        Binder binder = new Binder(library);
        CompatBinding handler = new CompatBinding(iface, binder);
        T proxy;
        try {
            proxy = iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler));
        } catch (IllegalArgumentException e) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, proxyRefused(iface, e), e);
        }
        return binder.remember(proxy, iface);
    }

    /** Why {@code iface} has no compatibility binding, with the JDK's reason and, for a large interface, what to do. */
    static String proxyRefused(Class<?> iface, IllegalArgumentException reason) {
        int methods = iface.getMethods().length;
        String text = "cannot bind " + iface.getName() + " on the compatibility path: java.lang.reflect.Proxy"
                + " could not implement its " + String.format(Locale.ROOT, "%,d", methods)
                + (methods == 1 ? " method (" : " methods (") + reason.getMessage() + ")";
        if (methods < LARGE) {
            return text;
        }
        return text + "; a proxy class holds about 1,800 methods of two arguments, so bind the interface"
                + " through its generated binding (the fastffi annotation processor, without"
                + " -Dfastffi.fast=false), or split it into smaller interfaces";
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

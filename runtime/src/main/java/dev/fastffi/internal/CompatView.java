package dev.fastffi.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * A view of a C function pointer without generated code: a proxy whose one abstract method calls
 * the function through {@link CompatFunction}, converting to the method's own types.
 */
final class CompatView implements InvocationHandler {
    private final Class<?> callback;
    private final CompatFunction function;
    /** The method's result as the interface instantiates it, which the {@code Method} of a generic one erases. */
    private final Class<?> resultType;

    private CompatView(Class<?> callback, CompatFunction function, Class<?> resultType) {
        this.callback = callback;
        this.function = function;
        this.resultType = resultType;
    }

    static <T> T create(Class<T> callback, NativeSymbol symbol, Class<?> resultType) {
        CompatView handler = new CompatView(callback, CompatFunction.of(symbol, false), resultType);
        return callback.cast(Proxy.newProxyInstance(callback.getClassLoader(), new Class<?>[] {callback}, handler));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault()) {
            return UserAccess.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) {
            case "equals" -> method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class
                    ? proxy == args[0] : call(method, args);
            case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy) : call(method, args);
            case "toString" -> method.getParameterCount() == 0 ? Views.describe(callback, function.symbol())
                    : call(method, args);
            default -> call(method, args);
        };
    }

    private Object call(Method method, Object[] args) {
        if (!Modifier.isAbstract(method.getModifiers())) {
            throw new IllegalStateException("unexpected method " + method);
        }
        return function.invoke(resultType, args == null ? new Object[0] : args);
    }
}

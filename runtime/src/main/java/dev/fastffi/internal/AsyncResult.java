package dev.fastffi.internal;

import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The result of a method returning {@code CompletableFuture<R>} as the type table sees it
 * ({@link JavaTypes#asyncResult}): {@code Void} as {@code void}, a box as its primitive when the C
 * result allows that primitive, any other {@code R} as itself. The processor applies the same rule
 * to type mirrors.
 */
public final class AsyncResult {
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
            "short", short.class, "char", char.class, "int", int.class, "long", long.class, "float", float.class,
            "double", double.class, "void", void.class);

    private AsyncResult() {}

    /** Whether {@code method} is called asynchronously. */
    public static boolean isAsync(Method method) {
        return method.getReturnType() == CompletableFuture.class;
    }

    /**
     * What the future of {@code method}, with a {@code result} C result, completes with as the type
     * table names it: a raw future as itself and a wildcard or type variable as written, which no C
     * type accepts. With {@code result} null (the signature did not parse) a box stays itself.
     */
    static String typeName(Method method, NativeType result) {
        if (!(method.getGenericReturnType() instanceof ParameterizedType generic)) {
            return CompletableFuture.class.getName();
        }
        Type r = generic.getActualTypeArguments()[0];
        if (!(r instanceof Class<?> type)) {
            return r.getTypeName();
        }
        String name = NativeMethod.typeName(type);
        return result != null || type == Void.class ? JavaTypes.asyncResult(result, name) : name;
    }

    /**
     * The Java type the native result of a method {@link NativeMethod} accepted is converted to
     * before it completes the future; empty for a method that is not asynchronous.
     */
    public static Optional<Class<?>> of(Method method, NativeType result) {
        if (!isAsync(method)) {
            return Optional.empty();
        }
        Class<?> r = (Class<?>) ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
        return Optional.of(PRIMITIVES.getOrDefault(typeName(method, result), r));
    }
}

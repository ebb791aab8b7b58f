package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The result of a method returning {@code CompletableFuture<R>} as the type table sees it:
 * {@code Void} as {@code void}, a box as its primitive when the C result allows that primitive
 * ({@code Integer} for i32 as {@code int}, which is fast), any other {@code R} as itself
 * ({@code Short} for i8 stays {@code Short}). The processor applies the same rule to type mirrors.
 */
public final class AsyncResult {
    private static final Map<Class<?>, Class<?>> UNBOXED = Map.of(Boolean.class, boolean.class, Byte.class, byte.class,
            Short.class, short.class, Character.class, char.class, Integer.class, int.class, Long.class, long.class,
            Float.class, float.class, Double.class, double.class, Void.class, void.class);

    private AsyncResult() {}

    /** Whether {@code method} is called asynchronously. */
    public static boolean isAsync(Method method) {
        return method.getReturnType() == CompletableFuture.class;
    }

    /**
     * The Java type the native result is converted to before it completes the future; empty for a
     * method that is not asynchronous.
     *
     * @throws FfiException {@code INVALID_SIGNATURE} when {@code R} is not a class (raw type, wildcard, type variable)
     */
    public static Optional<Class<?>> of(Method method, NativeType result) {
        if (!isAsync(method)) {
            return Optional.empty();
        }
        Type declared = method.getGenericReturnType();
        if (declared instanceof ParameterizedType generic && generic.getActualTypeArguments()[0] instanceof Class<?> r) {
            Class<?> primitive = UNBOXED.getOrDefault(r, r);
            boolean allowed = primitive == void.class
                    || JavaTypes.result(result, primitive.getName()) != JavaTypes.Support.NONE;
            return Optional.of(allowed ? primitive : r);
        }
        throw new FfiException(FfiException.Code.INVALID_SIGNATURE, method.getDeclaringClass().getSimpleName() + "."
                + method.getName() + " returns " + declared.getTypeName() + "; declare CompletableFuture<R> with R"
                + " the boxed result type, e.g. CompletableFuture<Integer> for i32");
    }
}

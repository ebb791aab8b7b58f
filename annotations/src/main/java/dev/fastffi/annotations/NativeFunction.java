package dev.fastffi.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an interface method calls a C function with the given signature.
 *
 * <p>A method returning {@code CompletableFuture<R>}, with {@code R} the boxed form of the result's
 * Java type ({@code Integer} for i32, {@code Void} for void), makes the call on the runtime's pool
 * of daemon threads and never throws: every failure completes the future.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NativeFunction {
    /** The C signature, for example {@code "u64(u64, buffer, u32)"}. */
    String value();

    /** The C symbol; the method name when empty. */
    String symbol() default "";

    /**
     * Links the function as critical ({@code Linker.Option.critical(true)}): heap arrays are
     * passed zero-copy. The function must be short, must not block and must not call back into
     * Java.
     */
    boolean critical() default false;

    /** Captures {@code errno} right after the call; read it with {@code Errno.last()}. */
    boolean errno() default false;

    /** Makes it a compile-time error when the method is not fast-path eligible. */
    boolean requireFast() default false;

    /**
     * A missing symbol does not fail binding; calling the method then throws
     * {@code SYMBOL_NOT_FOUND}. {@code FastFfi.isAvailable(binding, methodName)} tells in advance.
     */
    boolean optional() default false;

    /**
     * The C function that frees the result, for a {@code string} or struct-pointer ({@code Name*},
     * {@code {...}*}) result that C allocated for the caller: the value is read into Java first,
     * then its address is passed to this {@code void(pointer)} function, looked up in the same
     * library or else in the C library (e.g. {@code "free"}); a NULL result is never passed. The
     * symbol is resolved when the interface is bound. Empty: the caller does not own the result.
     */
    String free() default "";
}

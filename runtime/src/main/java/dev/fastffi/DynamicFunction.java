package dev.fastffi;

import dev.fastffi.internal.CompatFunction;
import dev.fastffi.internal.DynamicHandles;
import dev.fastffi.internal.NativeSymbol;
import java.lang.invoke.MethodHandle;

/**
 * A C function whose signature is known only at run time, from {@link Library#function}.
 *
 * <p>{@link #invoke} takes and returns boxed values; {@link #handle()} is an exact
 * {@link MethodHandle} for {@code invokeExact} at fast-path speed. Both throw
 * {@code LIBRARY_CLOSED} once the library is closed, before any native code runs.
 */
public final class DynamicFunction {
    private final CompatFunction compat;
    private final MethodHandle handle;

    DynamicFunction(NativeSymbol symbol, boolean errno) {
        this.compat = CompatFunction.of(symbol, errno);
        this.handle = DynamicHandles.exact(symbol, errno);
    }

    /**
     * Calls the function with boxed arguments, each of a Java type the type table allows for its
     * C type (a same-width integer passes its raw bits; others are range-checked).
     *
     * @return i8 as Byte, u8 as Integer, i16 as Short, u16 as Integer, i32 as Integer, u32 as Long,
     *     i64 and isize as Long, u64 and usize as BigInteger, f32 as Float, f64 as Double, bool as
     *     Boolean, pointer as MemorySegment (zero length; {@code MemorySegment.NULL} for NULL), void as null
     * @throws FfiException {@code INVALID_ARGUMENT} for a wrong count, null for a primitive C type,
     *     a wrong Java type or an out-of-range value; {@code LIBRARY_CLOSED} after close
     */
    public Object invoke(Object... args) {
        return compat.invoke(Object.class, args);
    }

    /**
     * An exact handle: bool as boolean, i8 and u8 as byte (raw bits), i16 as short, u16 as char,
     * i32 and u32 as int, the 64-bit types as long, f32 as float, f64 as double, pointer as
     * MemorySegment (null is NULL). Call it with {@code invokeExact}.
     */
    public MethodHandle handle() {
        return handle;
    }

    /** The signature in canonical form. */
    public String signature() {
        return compat.symbol().signature().toString();
    }

    @Override
    public String toString() {
        return compat.symbol() + " " + signature();
    }
}

package dev.fastffi;

import dev.fastffi.internal.Async;
import dev.fastffi.internal.BoxedCall;
import dev.fastffi.internal.CompatFunction;
import dev.fastffi.internal.DynamicHandles;
import dev.fastffi.internal.NativeSymbol;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.CompletableFuture;

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
    /** The call when every argument is exactly its carrier's box; null where the signature has no such call. */
    private final BoxedCall boxed;

    DynamicFunction(NativeSymbol symbol, boolean errno) {
        this.compat = CompatFunction.of(symbol, errno);
        this.handle = symbol.signature().variadic() ? null : DynamicHandles.exact(symbol, errno);
        this.boxed = handle == null ? null : BoxedCall.of(symbol.signature(), handle);
    }

    /**
     * Calls the function with boxed arguments, each of a Java type the type table allows for its
     * C type (the box of the C type's carrier passes its raw bits, {@code Byte} -1 as u8 255; any
     * other integer is range-checked, {@code Short} -1 for a u16 too).
     *
     * <p>A variadic function ({@code ...}) takes its fixed arguments, then any number of values
     * typed by their Java class: Integer as i32, Long as i64, Double as f64, MemorySegment or null
     * as pointer, String as string; Float is promoted to f64, and Byte, Short and Character to i32,
     * as C promotes them. Each shape of call is linked once and cached.
     *
     * <p>A struct argument ({@code {i32, f64}}) takes a record whose components match its fields or
     * an {@code Object[]} of the field values, nested structs as nested records or arrays; a struct
     * is returned as an {@code Object[]} of its fields boxed as results are, nested structs and
     * fixed arrays as nested {@code Object[]}. Pass a lone {@code Object[]} as {@code (Object) fields}
     * so that Java does not spread it into the varargs.
     *
     * @return i8 as Byte, u8 as Integer, i16 as Short, u16 as Integer, i32 as Integer, u32 as Long,
     *     i64 and isize as Long, u64 and usize as BigInteger, f32 as Float, f64 as Double, bool as
     *     Boolean, pointer as MemorySegment (zero length; {@code MemorySegment.NULL} for NULL), void as null
     * @throws FfiException {@code INVALID_ARGUMENT} for a wrong count, null for a primitive C type,
     *     a wrong Java type or an out-of-range value; {@code LIBRARY_CLOSED} after close;
     *     {@code CALLBACK_FAILED} when a Java callback threw during the call
     */
    public Object invoke(Object... args) {
        BoxedCall call = boxed;
        if (call != null && call.accepts(args)) {
            return call.call(args);
        }
        return compat.invoke(Object.class, args);
    }

    /**
     * As {@link #invoke}, on the runtime's pool of asynchronous-call threads: never on the caller's
     * thread, and it never throws; a bad argument, a closed library or a failed callback completes
     * the future with the {@code FfiException} {@link #invoke} would throw, and a full queue with a
     * {@link java.util.concurrent.RejectedExecutionException} (see {@link FastFfi}). The arguments
     * are read when the call starts; the array itself is copied now.
     */
    public CompletableFuture<Object> invokeAsync(Object... args) {
        Object[] copy = args == null ? null : args.clone();
        return Async.call(compat, () -> compat.invoke(Object.class, copy));
    }

    /**
     * An exact handle: bool as boolean, i8 and u8 as byte (raw bits), i16 as short, u16 as char,
     * i32 and u32 as int, the 64-bit types as long, f32 as float, f64 as double, pointer as
     * MemorySegment (null is NULL), a struct as a MemorySegment holding it; a struct result, as in
     * FFM, takes a leading {@code SegmentAllocator} for its memory. Call it with {@code invokeExact}. Like {@link #invoke}, it
     * throws {@code CALLBACK_FAILED} when a Java callback threw during the call.
     *
     * @throws FfiException {@code INVALID_SIGNATURE} for a variadic function, which has one
     *     handle per shape of call; call {@link #invoke} instead
     */
    public MethodHandle handle() {
        if (handle == null) {
            throw new FfiException(FfiException.Code.INVALID_SIGNATURE, this + " is variadic, so it has no single"
                    + " exact handle; call invoke(...), which links each shape of call once");
        }
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

package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.internal.memory.Scratch;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One function on the compatibility path: converts boxed arguments, calls through an erased
 * handle and converts the result to the Java type asked for. Used by generated COMPAT methods,
 * {@code DynamicFunction.invoke} and bindings without generated code.
 */
public final class CompatFunction {
    private final NativeSymbol symbol;
    private final MethodHandle generic;
    /** Per call shape handles of a variadic function; null otherwise. */
    private final Variadics variadics;
    /** Whether arguments are copied into scratch memory: buffers, strings and structs, or a struct returned there. */
    private final boolean copies;
    /** Whether the handle takes FFM's allocator for a struct result after the address. */
    private final boolean returnsStruct;
    /**
     * Per fixed argument, the box of its carrier when a value of exactly that class passes
     * unchanged ({@code Integer} for i32 and u32, …); null where every value needs converting.
     */
    private final Class<?>[] carrierBoxes;
    /** The carrier's box and primitive of the result: asked for as either, the carrier is the answer. */
    private final Class<?> resultBox;
    private final Class<?> resultCarrier;
    /** Whether {@code invoke}'s documented boxing of the result is the carrier's own box. */
    private final boolean resultBoxedAsCarrier;

    /** Frees an owned string or struct-pointer result once it is read; null when the caller does not own it. */
    private final FreeFunction free;

    /** Links {@code symbol} for the compatibility path, capturing errno after each call if asked. */
    public static CompatFunction of(NativeSymbol symbol, boolean errno) {
        return new CompatFunction(symbol, errno, null);
    }

    /** As {@link #of(NativeSymbol, boolean)}, passing each result's address to {@code free} once it is read. */
    public static CompatFunction of(NativeSymbol symbol, boolean errno, FreeFunction free) {
        return new CompatFunction(symbol, errno, free);
    }

    private CompatFunction(NativeSymbol symbol, boolean errno, FreeFunction free) {
        this.symbol = symbol;
        this.free = free;
        Signature signature = symbol.signature();
        this.returnsStruct = signature.returnType() == NativeType.STRUCT;
        this.variadics = signature.variadic() ? new Variadics(signature, errno) : null;
        this.generic = signature.variadic() ? null : Downcalls.linkCapturing(signature, Downcalls.carriers(signature),
                errno).asType(MethodType.genericMethodType(signature.arity() + (returnsStruct ? 2 : 1)));
        // a variadic String is copied too, so variadic calls always take a scratch frame
        this.copies = signature.variadic() || returnsStruct || signature.parameters().stream()
                .anyMatch(type -> type == NativeType.BUFFER || type == NativeType.STRING || type.hasStruct());
        this.carrierBoxes = signature.parameters().stream().map(CompatFunction::passesUnchanged)
                .toArray(Class<?>[]::new);
        this.resultBox = passesUnchanged(signature.returnType());
        this.resultCarrier = resultBox == null ? null : signature.returnType().carrier();
        this.resultBoxedAsCarrier = switch (signature.returnType()) {
            case VOID, BOOL, I8, I16, I32, I64, ISIZE, F32, F64 -> true;
            default -> false;
        };
    }

    /** The box of {@code type}'s carrier if a value of exactly that class needs no conversion. */
    private static Class<?> passesUnchanged(NativeType type) {
        Class<?> carrier = type.carrier();
        return carrier.isPrimitive() && carrier != void.class
                ? MethodType.methodType(carrier).wrap().returnType() : null;
    }

    /**
     * Calls the function.
     *
     * @param resultType the Java type to return the result as; {@code Object.class} boxes as
     *     {@code DynamicFunction.invoke} documents, {@code void.class} returns null
     * @param args one value per C argument, each of a Java type the type table allows, then the
     *     variadic values of a variadic function
     * @throws dev.fastffi.FfiException {@code CALLBACK_FAILED} when a Java callback threw during the call
     */
    public Object invoke(Class<?> resultType, Object... args) {
        MemorySegment address = symbol.open();
        Object[] values = args == null ? new Object[] {null} : args;
        if (variadics == null && !copies && allCarriers(values)) {
            // the common case of invoke(40, 2) on i32(i32, i32): nothing to convert either way
            Object raw = call(generic, address, values, symbol, values);
            UpcallFailures.check(symbol);
            return resultAsIs(resultType) ? raw : finish(raw, resultType);
        }
        checkCount(values);
        List<NativeType> types = variadics == null ? symbol.signature().parameters() : variadics.types(values, symbol);
        MethodHandle handle = variadics == null ? generic : variadics.handle(types);
        if (!copies) {
            Object raw = call(handle, address, carriers(values, types, null), symbol, values);
            // a callback object's stub lives only while the object does: keep it for the whole call
            Reference.reachabilityFence(values);
            UpcallFailures.check(symbol);
            return finish(raw, resultType);
        }
        Scratch scratch = Scratch.current();
        long mark = scratch.mark();
        try {
            Object[] carriers = carriers(values, types, scratch);
            Object raw = call(handle, address, returnsStruct ? prepend(scratch, carriers) : carriers, symbol,
                    values);
            for (int i = 0; i < symbol.signature().arity(); i++) {
                if (types.get(i) == NativeType.BUFFER) {
                    Conversions.copyBack(values[i], (MemorySegment) carriers[i], symbol.library());
                } else if (types.get(i) == NativeType.STRUCT_POINTER && values[i] instanceof Record[] records) {
                    StructValues.pointerArrayOut(records, (MemorySegment) carriers[i], symbol.signature().struct(i),
                            symbol.library());
                }
            }
            UpcallFailures.check(symbol);
            return finish(raw, resultType);
        } finally {
            scratch.reset(mark);
            Reference.reachabilityFence(values);
        }
    }

    /** A variadic method of a bound interface: the fixed arguments, then the {@code Object...} array. */
    public Object invokeVariadic(Class<?> resultType, Object[] variadic, Object... fixed) {
        Object[] all = Arrays.copyOf(fixed, fixed.length + (variadic == null ? 0 : variadic.length));
        if (variadic != null) {
            System.arraycopy(variadic, 0, all, fixed.length, variadic.length);
        }
        return invoke(resultType, all);
    }

    private boolean allCarriers(Object[] values) {
        if (values.length != carrierBoxes.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].getClass() != carrierBoxes[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean resultAsIs(Class<?> resultType) {
        return resultType == Object.class ? resultBoxedAsCarrier
                : resultType == resultBox || resultType == resultCarrier;
    }

    /**
     * The result as {@code resultType}; a struct is read out of scratch memory before its frame is
     * reset, and an owned result is freed once read.
     */
    private Object finish(Object raw, Class<?> resultType) {
        if (returnsStruct) {
            return StructValues.read((MemorySegment) raw, 0, symbol.signature().returnStruct(), resultType,
                    symbol.library());
        }
        if (symbol.signature().returnType() == NativeType.FUNCTION && CallbackType.isCallback(resultType)) {
            return Views.result(resultType, symbol, (MemorySegment) raw);
        }
        if (free == null) {
            return ownedResult(raw, resultType);
        }
        // the address is C's to free also when reading it throws (a record's constructor may)
        try {
            return ownedResult(raw, resultType);
        } finally {
            free.release((MemorySegment) raw);
        }
    }

    /** A string or struct-pointer result read from C's memory, or any other result converted. */
    private Object ownedResult(Object raw, Class<?> resultType) {
        return symbol.signature().returnType() == NativeType.STRUCT_POINTER
                ? StructValues.pointerResult((MemorySegment) raw, symbol.signature().returnStruct(), resultType,
                        symbol.library())
                : Conversions.result(raw, symbol.signature().returnType(), resultType);
    }

    public NativeSymbol symbol() {
        return symbol;
    }

    private void checkCount(Object[] args) {
        Signature signature = symbol.signature();
        if (signature.variadic() ? args.length < signature.arity() : args.length != signature.arity()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, symbol + ": expected "
                    + (signature.variadic() ? "at least " : "") + signature.arity()
                    + " argument" + (signature.arity() == 1 ? "" : "s") + " for " + signature + " but got "
                    + args.length + describeAll(args));
        }
    }

    private Object[] carriers(Object[] args, List<NativeType> types, Scratch scratch) {
        Object[] carriers = new Object[args.length];
        int fixed = symbol.signature().arity();
        for (int i = 0; i < args.length; i++) {
            Object value = i < fixed ? args[i] : Variadics.promote(args[i]);
            carriers[i] = Conversions.argument(value, types.get(i), symbol, i, scratch);
        }
        return carriers;
    }

    private static String describeAll(Object[] args) {
        return args.length == 0 ? "" : Arrays.stream(args)
                .map(a -> a == null ? "null" : Conversions.describe(a))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    /**
     * An arity switch keeps {@code invokeExact} off the slow {@code invokeWithArguments} for common
     * arities. {@code values} are the caller's arguments, which a refusal of one of them names.
     */
    private static Object call(MethodHandle generic, MemorySegment address, Object[] a, NativeSymbol symbol,
            Object[] values) {
        try {
            return switch (a.length) {
                case 0 -> generic.invokeExact((Object) address);
                case 1 -> generic.invokeExact((Object) address, a[0]);
                case 2 -> generic.invokeExact((Object) address, a[0], a[1]);
                case 3 -> generic.invokeExact((Object) address, a[0], a[1], a[2]);
                case 4 -> generic.invokeExact((Object) address, a[0], a[1], a[2], a[3]);
                case 5 -> generic.invokeExact((Object) address, a[0], a[1], a[2], a[3], a[4]);
                case 6 -> generic.invokeExact((Object) address, a[0], a[1], a[2], a[3], a[4], a[5]);
                default -> generic.invokeWithArguments(prepend(address, a));
            };
        } catch (Throwable t) {
            throw Rethrow.unchecked(t, symbol, values);
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

}

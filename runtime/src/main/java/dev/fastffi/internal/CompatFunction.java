package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.internal.signature.NativeType;
import dev.fastffi.internal.signature.Signature;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One function on the compatibility path: converts boxed arguments, calls through an erased
 * handle and converts the result to the Java type asked for. Used by generated COMPAT methods,
 * {@code DynamicFunction.invoke} and bindings without generated code.
 */
public final class CompatFunction {
    private final NativeSymbol symbol;
    private final MethodHandle generic;
    /** Whether arguments are copied into scratch memory: buffers and strings. */
    private final boolean copies;

    /** Links {@code symbol} for the compatibility path, capturing errno after each call if asked. */
    public static CompatFunction of(NativeSymbol symbol, boolean errno) {
        return new CompatFunction(symbol, errno);
    }

    private CompatFunction(NativeSymbol symbol, boolean errno) {
        this.symbol = symbol;
        Signature signature = symbol.signature();
        MethodHandle exact = Downcalls.linkCapturing(signature, Downcalls.carriers(signature), errno);
        this.generic = exact.asType(MethodType.genericMethodType(signature.arity() + 1));
        this.copies = signature.parameters().stream()
                .anyMatch(type -> type == NativeType.BUFFER || type == NativeType.STRING);
    }

    /**
     * Calls the function.
     *
     * @param resultType the Java type to return the result as; {@code Object.class} boxes as
     *     {@code DynamicFunction.invoke} documents, {@code void.class} returns null
     * @param args one value per C argument, each of a Java type the type table allows
     */
    public Object invoke(Class<?> resultType, Object... args) {
        symbol.checkOpen();
        Object[] values = args == null ? new Object[] {null} : args;
        checkCount(values);
        if (!copies) {
            return finish(call(symbol.address(), carriers(values, null)), resultType);
        }
        Scratch scratch = Scratch.current();
        long mark = scratch.mark();
        try {
            Object[] carriers = carriers(values, scratch);
            Object raw = call(symbol.address(), carriers);
            for (int i = 0; i < values.length; i++) {
                if (symbol.signature().parameter(i) == NativeType.BUFFER) {
                    Conversions.copyBack(values[i], (MemorySegment) carriers[i]);
                }
            }
            return finish(raw, resultType);
        } finally {
            scratch.reset(mark);
        }
    }

    private Object finish(Object raw, Class<?> resultType) {
        return Conversions.result(raw, symbol.signature().returnType(), resultType);
    }

    public NativeSymbol symbol() {
        return symbol;
    }

    private void checkCount(Object[] args) {
        Signature signature = symbol.signature();
        if (args.length != signature.arity()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, symbol + ": expected " + signature.arity()
                    + " argument" + (signature.arity() == 1 ? "" : "s") + " for " + signature + " but got "
                    + args.length + describeAll(args));
        }
    }

    private Object[] carriers(Object[] args, Scratch scratch) {
        Object[] carriers = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            carriers[i] = Conversions.argument(args[i], symbol.signature().parameter(i), symbol, i, scratch);
        }
        return carriers;
    }

    private static String describeAll(Object[] args) {
        return args.length == 0 ? "" : Arrays.stream(args)
                .map(a -> a == null ? "null" : Conversions.describe(a))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    /** An arity switch keeps {@code invokeExact} off the slow {@code invokeWithArguments} for common arities. */
    private Object call(MemorySegment address, Object[] a) {
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
            throw Rethrow.unchecked(t);
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

}

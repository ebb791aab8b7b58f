package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variadic arguments of one C function: each is classified by its Java type, promoted as C
 * promotes arguments of {@code ...} (float to double, narrower integers to int), and every call
 * shape gets one erased handle linked with {@code Linker.Option.firstVariadicArg}.
 */
final class Variadics {
    private final Signature signature;
    private final boolean errno;
    private final Map<List<NativeType>, MethodHandle> shapes = new ConcurrentHashMap<>();

    Variadics(Signature signature, boolean errno) {
        this.signature = signature;
        this.errno = errno;
    }

    /**
     * The C types of a call: the fixed ones, then one per variadic value as its Java type
     * classifies it; {@code INVALID_SIGNATURE} when they are more than the platform's linker takes.
     */
    List<NativeType> types(Object[] values, NativeSymbol site) {
        List<NativeType> types = new ArrayList<>(signature.parameters());
        for (int i = signature.arity(); i < values.length; i++) {
            types.add(classify(values[i], site, i));
        }
        Signatures.checkSlots(site.toString(), signature, types, errno);
        return types;
    }

    /** The erased handle {@code (address, carriers...) -> Object} of this call shape, linked on first use. */
    MethodHandle handle(List<NativeType> types) {
        return shapes.computeIfAbsent(List.copyOf(types), shape -> {
            // variadic values are never structs, so the fixed arguments' structs are all there are
            Signature full = new Signature(signature.returnType(), shape, false, signature.structs());
            List<Linker.Option> options = new ArrayList<>(List.of(Downcalls.options(false, errno)));
            options.add(Linker.Option.firstVariadicArg(signature.arity()));
            MethodHandle exact = Downcalls.linkCapturing(full, Downcalls.carriers(full), errno,
                    options.toArray(Linker.Option[]::new));
            int allocator = full.returnType() == NativeType.STRUCT ? 1 : 0;
            return exact.asType(MethodType.genericMethodType(shape.size() + 1 + allocator));
        });
    }

    /** A variadic value as C receives it after the default argument promotions. */
    static Object promote(Object value) {
        return switch (value) {
            case Byte b -> (int) b;
            case Short s -> (int) s;
            case Character c -> (int) c;
            case Float f -> (double) f;
            case null, default -> value;
        };
    }

    private static NativeType classify(Object value, NativeSymbol site, int index) {
        return switch (promote(value)) {
            case Integer i -> NativeType.I32;
            case Long l -> NativeType.I64;
            case Double d -> NativeType.F64;
            case String s -> NativeType.STRING;
            case MemorySegment m -> NativeType.POINTER;
            case null -> NativeType.POINTER;
            default -> throw new FfiException(FfiException.Code.INVALID_ARGUMENT, site + ", argument " + index
                    + " (...): " + Conversions.describe(value) + " cannot be passed as a variadic argument; pass"
                    + " an int, long, double (float, byte, short and char are promoted), MemorySegment or String");
        };
    }
}

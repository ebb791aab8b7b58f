package dev.fastffi.processor;

import com.palantir.javapoet.TypeName;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.UnionLayout;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The function descriptors the runtime links, as GraalVM's metadata writes them: the runtime's
 * {@code Downcalls.descriptor} rule for each C type and carrier, with every layout in the syntax
 * of {@code foreign} entries ({@code jint}, {@code void*}, {@code struct(jint, padding(4), jlong)}).
 */
final class ForeignCalls {
    /** No {@code firstVariadicArg}. */
    static final int FIXED = -1;

    /**
     * One descriptor and its linker options.
     *
     * @param firstVariadicArg the index of the first variadic argument, or {@link #FIXED}
     */
    record Call(String returnType, List<String> parameterTypes, boolean critical, boolean captureCallState,
            int firstVariadicArg) {
        Call {
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    private ForeignCalls() {}

    /**
     * The downcalls linked for {@code signature} with these carriers ({@code long} for a pointer or
     * buffer passed as an address). A {@code u8} argument carried as {@code byte} is passed as a
     * zero-extended {@code jint} on every platform but macOS on AArch64, which gets {@code jbyte}:
     * such a signature has two descriptors, one per platform group.
     */
    static List<Call> downcalls(Signature signature, List<TypeName> carriers, TypeName resultCarrier, boolean critical,
            boolean errno, int firstVariadicArg) {
        List<Call> calls = new ArrayList<>();
        calls.add(downcall(signature, carriers, resultCarrier, critical, errno, firstVariadicArg, true));
        if (widensU8(signature, carriers)) {
            calls.add(downcall(signature, carriers, resultCarrier, critical, errno, firstVariadicArg, false));
        }
        return calls;
    }

    /** The downcalls of the compatibility path: every C type at its own carrier. */
    static List<Call> compatDowncalls(Signature signature, boolean errno) {
        return downcalls(signature, natural(signature), TypeName.get(signature.returnType().carrier()), false, errno,
                signature.variadic() ? signature.arity() : FIXED);
    }

    /** The upcall stub of a callback with {@code signature}: every C type at its own carrier, nothing widened. */
    static Call upcall(Signature signature) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < signature.arity(); i++) {
            parameters.add(signature.parameter(i) == NativeType.STRUCT
                    ? layout(signature.struct(i).layout())
                    : layout(signature.parameter(i), false, false));
        }
        return new Call(result(signature, false), parameters, false, false, FIXED);
    }

    /** The {@code void(pointer)} function that frees an owned result. */
    static Call free() {
        return new Call("void", List.of("void*"), false, false, FIXED);
    }

    private static Call downcall(Signature signature, List<TypeName> carriers, TypeName resultCarrier, boolean critical,
            boolean errno, int firstVariadicArg, boolean widen) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < signature.arity(); i++) {
            NativeType type = signature.parameter(i);
            parameters.add(type == NativeType.STRUCT
                    ? layout(signature.struct(i).layout())
                    : layout(type, carriers.get(i).equals(TypeName.LONG) && isAddress(type),
                            widen && type == NativeType.U8 && carriers.get(i).equals(TypeName.BYTE)));
        }
        boolean resultAsAddress = resultCarrier.equals(TypeName.LONG) && isAddress(signature.returnType());
        return new Call(result(signature, resultAsAddress), parameters, critical, errno, firstVariadicArg);
    }

    private static String result(Signature signature, boolean asAddress) {
        return switch (signature.returnType()) {
            case VOID -> "void";
            case STRUCT -> layout(signature.returnStruct().layout());
            default -> layout(signature.returnType(), asAddress, false);
        };
    }

    /** A scalar's layout; a struct pointer is an address, whatever it points to. */
    private static String layout(NativeType type, boolean asAddress, boolean widened) {
        if (asAddress) {
            return "jlong";
        }
        if (widened) {
            return "jint";
        }
        return layout(type.valueLayout());
    }

    private static boolean isAddress(NativeType type) {
        return type == NativeType.POINTER || type == NativeType.BUFFER;
    }

    private static boolean widensU8(Signature signature, List<TypeName> carriers) {
        for (int i = 0; i < signature.arity(); i++) {
            if (signature.parameter(i) == NativeType.U8 && carriers.get(i).equals(TypeName.BYTE)) {
                return true;
            }
        }
        return false;
    }

    private static List<TypeName> natural(Signature signature) {
        return signature.parameters().stream().map(type -> TypeName.get(type.carrier())).toList();
    }

    /**
     * {@code layout} in GraalVM's layout syntax. Values are named by their JNI type, which has the
     * same size on every platform; names of struct members play no part in linking and are dropped.
     */
    static String layout(MemoryLayout layout) {
        return switch (layout) {
            case StructLayout struct -> group("struct", struct.memberLayouts());
            case UnionLayout union -> group("union", union.memberLayouts());
            case SequenceLayout sequence -> "sequence(" + sequence.elementCount() + ", "
                    + layout(sequence.elementLayout()) + ")";
            case PaddingLayout padding -> "padding(" + padding.byteSize() + ")";
            case AddressLayout address -> "void*";
            case ValueLayout value -> "j" + value.carrier().getName();
        };
    }

    private static String group(String kind, List<MemoryLayout> members) {
        return members.stream().map(ForeignCalls::layout).collect(Collectors.joining(", ", kind + "(", ")"));
    }
}

package dev.fastffi.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.fastffi.internal.Args;
import dev.fastffi.internal.signature.JavaTypes;
import dev.fastffi.internal.signature.NativeType;
import java.util.Set;

/**
 * The native-type table of generated fast-path code: which carrier each C type travels as in the
 * holder's {@code MethodType}, and the conversion around {@code invokeExact} when the Java type
 * differs from the carrier. It mirrors {@code Downcalls.carrier}, which links the handle.
 */
final class Carriers {
    private static final ClassName ARGS = ClassName.get(Args.class);
    private static final ClassName SEGMENT = ClassName.get("java.lang.foreign", "MemorySegment");
    private static final Set<NativeType> NARROW = Set.of(NativeType.I8, NativeType.U8, NativeType.I16, NativeType.U16);

    private Carriers() {}

    /** The carrier of {@code type} when the Java side is {@code javaType}: a pointer may travel as its address. */
    static TypeName carrier(NativeType type, String javaType) {
        if (type == NativeType.POINTER && javaType.equals("long")) {
            return TypeName.LONG;
        }
        return switch (type) {
            case VOID -> TypeName.VOID;
            case BOOL -> TypeName.BOOLEAN;
            case I8, U8 -> TypeName.BYTE;
            case I16 -> TypeName.SHORT;
            case U16 -> TypeName.CHAR;
            case I32, U32 -> TypeName.INT;
            case I64, U64, ISIZE, USIZE -> TypeName.LONG;
            case F32 -> TypeName.FLOAT;
            case F64 -> TypeName.DOUBLE;
            case POINTER, BUFFER, FUNCTION, STRING -> SEGMENT;
        };
    }

    /**
     * The value passed to {@code invokeExact} for argument {@code index}: the parameter itself when
     * it already is the carrier, otherwise a range check or NULL mapping from {@code Args}.
     */
    static CodeBlock argument(NativeType type, String javaType, String parameter, String symbol, int index) {
        boolean narrowInt = NARROW.contains(type) && javaType.equals("int");
        boolean u32Long = type == NativeType.U32 && javaType.equals("long");
        boolean segment = type == NativeType.POINTER && javaType.equals(JavaTypes.SEGMENT);
        if (narrowInt || u32Long) {
            return CodeBlock.of("$T.$L($N, $N, $L)", ARGS, type.cName(), parameter, symbol, index);
        }
        if (segment) {
            return CodeBlock.of("$T.pointer($N, $N, $L)", ARGS, parameter, symbol, index);
        }
        return CodeBlock.of("$N", parameter);
    }

    /**
     * The Java result from {@code call}, an {@code invokeExact} expression: cast to the carrier,
     * then sign-extended by widening (i8, i16 as int) or zero-extended (u8, u16 as int, u32 as long).
     */
    static CodeBlock result(NativeType type, String javaType, CodeBlock call) {
        CodeBlock exact = CodeBlock.of("($T) $L", carrier(type, javaType), call);
        if (type == NativeType.U8 && javaType.equals("int")) {
            return CodeBlock.of("$T.toUnsignedInt($L)", Byte.class, exact);
        }
        if (type == NativeType.U32 && javaType.equals("long")) {
            return CodeBlock.of("$T.toUnsignedLong($L)", Integer.class, exact);
        }
        return exact;
    }
}

package dev.fastffi.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The native-type table of generated fast-path code: the carrier each C type travels as in the
 * handle's {@code MethodType}, and the conversion around {@code invokeExact} when the Java type
 * differs from the carrier. It agrees with {@code Downcalls}, which links the handle.
 */
final class Carriers {
    static final ClassName SEGMENT = ClassName.get("java.lang.foreign", "MemorySegment");
    private static final ClassName ARGS = RuntimeTypes.ARGS;
    private static final ClassName BUFFERS = RuntimeTypes.BUFFERS;
    private static final Set<NativeType> NARROW = Set.of(NativeType.I8, NativeType.U8, NativeType.I16, NativeType.U16);
    /** Each type's carrier as a {@link TypeName}, made once: the generator asks for one per argument. */
    private static final Map<NativeType, TypeName> CARRIERS = new EnumMap<>(NativeType.class);

    static {
        for (NativeType type : NativeType.values()) {
            CARRIERS.put(type, TypeName.get(type.carrier()));
        }
    }

    private Carriers() {}

    /**
     * The carrier of {@code type} when the Java side is {@code javaType}. A pointer may travel as
     * its address; so does an array copied into scratch memory, which keeps segment objects off
     * the hot path, while a critical call passes the array's own heap segment.
     */
    static TypeName carrier(NativeType type, String javaType, boolean critical) {
        if (type == NativeType.POINTER && javaType.equals("long")) {
            return TypeName.LONG;
        }
        if (type == NativeType.BUFFER && (isArray(javaType) && !critical || javaType.equals(JavaTypes.SEGMENTS))) {
            return TypeName.LONG;
        }
        return CARRIERS.get(type);
    }

    /**
     * Whether the argument is copied into the thread's scratch memory for the call (a buffer also
     * back after it). Arrays of references are copied even for a critical call: C needs the
     * addresses they hold, not the Java array.
     */
    static boolean usesScratch(NativeType type, String javaType, boolean critical) {
        return type == NativeType.STRING || type == NativeType.BUFFER && !(critical && isArray(javaType));
    }

    /**
     * The value passed to {@code invokeExact} for an argument that does not use scratch memory:
     * the parameter itself when it already is the carrier, otherwise a range check, the NULL
     * mapping of pointers, a registered callback's stub, or a critical call's heap segment. A
     * check names the function, from {@code symbol}, in its message; only a check asks for it.
     */
    static CodeBlock argument(NativeType type, String javaType, String parameter, Supplier<String> symbol, int index) {
        boolean narrowInt = NARROW.contains(type) && javaType.equals("int");
        boolean u32Long = type == NativeType.U32 && javaType.equals("long");
        if (narrowInt || u32Long) {
            return CodeBlock.of("$T.$L($N, $N, $L)", ARGS, type.cName(), parameter, symbol.get(), index);
        }
        if ((type == NativeType.POINTER || type == NativeType.FUNCTION) && javaType.equals(JavaTypes.SEGMENT)) {
            return CodeBlock.of("$T.pointer($N, $N, $L)", ARGS, parameter, symbol.get(), index);
        }
        if (type == NativeType.FUNCTION && javaType.equals(JavaTypes.UPCALL)) {
            return CodeBlock.of("$T.function($N, $N, $L)", ARGS, parameter, symbol.get(), index);
        }
        if (type == NativeType.BUFFER) {
            return CodeBlock.of("$T.critical($N)", BUFFERS, parameter);
        }
        return CodeBlock.of("$N", parameter);
    }

    /**
     * Copies a buffer argument into scratch memory; its value is the carrier passed to the call. An
     * array of segments or strings is checked element by element, naming the function from {@code symbol}.
     */
    static CodeBlock bufferIn(String javaType, String parameter, String scratch, boolean critical,
            Supplier<String> symbol, int index) {
        if (javaType.equals(JavaTypes.SEGMENTS)) {
            return CodeBlock.of("$T.in($N, $N, $N, $L)", BUFFERS, parameter, scratch, symbol.get(), index);
        }
        if (javaType.equals(JavaTypes.STRINGS)) {
            return CodeBlock.of("$T.inAll($N, $N, $N, $L)", RuntimeTypes.STRINGS, parameter, scratch, symbol.get(),
                    index);
        }
        return isArray(javaType)
                ? CodeBlock.of("$T.in($N, $N)", BUFFERS, parameter, scratch)
                : CodeBlock.of("$T.in($N, $N, $L)", BUFFERS, parameter, scratch, critical);
    }

    /** Copies what C wrote into the scratch copy back into the caller's buffer; null for a {@code String[]}, which is not copied back. */
    static CodeBlock bufferOut(String javaType, String parameter, String scratch, String passed) {
        if (javaType.equals(JavaTypes.STRINGS)) {
            return null;
        }
        return isArray(javaType) || javaType.equals(JavaTypes.SEGMENTS)
                ? CodeBlock.of("$T.out($N, $N, $N)", BUFFERS, parameter, scratch, passed)
                : CodeBlock.of("$T.out($N, $N)", BUFFERS, parameter, passed);
    }

    /**
     * The Java result from {@code call}, an {@code invokeExact} expression: cast to the carrier,
     * then sign-extended by widening (i8, i16 as int) or zero-extended (u8, u16 as int, u32 as long).
     */
    static CodeBlock result(NativeType type, String javaType, CodeBlock call) {
        CodeBlock exact = CodeBlock.of("($T) $L", carrier(type, javaType, false), call);
        if (type == NativeType.U8 && javaType.equals("int")) {
            return CodeBlock.of("$T.toUnsignedInt($L)", Byte.class, exact);
        }
        if (type == NativeType.U32 && javaType.equals("long")) {
            return CodeBlock.of("$T.toUnsignedLong($L)", Integer.class, exact);
        }
        return exact;
    }

    /** Whether {@code javaType} is an array of primitives, which a critical call passes as its heap memory. */
    private static boolean isArray(String javaType) {
        return javaType.endsWith("[]") && javaType.indexOf('.') < 0;
    }
}

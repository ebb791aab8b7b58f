package dev.fastffi.internal;

import dev.fastffi.internal.signature.NativeType;
import dev.fastffi.internal.signature.Signature;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Links address-less downcall handles: {@code (MemorySegment address, carriers...) -> carrier}.
 * The one place that maps C types to layouts and Java carriers, for generated and dynamic calls.
 */
public final class Downcalls {
    private static final Linker LINKER = Linker.nativeLinker();

    /*
     * FFM sign-extends a JAVA_BYTE argument into its register, but clang-built callees taking a
     * uint8_t assume the caller zero-extended it to 32 bits (gcc re-extends, clang does not).
     * Where arguments occupy at least 4 bytes in registers and on the stack (every 64-bit ABI
     * but Apple's arm64, which packs stack arguments), a u8 passed as a zero-extended int is
     * the same call with the bits the callee expects.
     */
    private static final boolean WIDEN_U8 = !(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")
            && System.getProperty("os.arch", "").equals("aarch64"));

    private static final MethodHandle BYTE_TO_UNSIGNED_INT;
    private static final MethodHandle ERRNO_STATE;

    static {
        try {
            BYTE_TO_UNSIGNED_INT = MethodHandles.lookup().findStatic(Byte.class, "toUnsignedInt",
                    MethodType.methodType(int.class, byte.class));
            ERRNO_STATE = MethodHandles.lookup().findStatic(ErrnoState.class, "current",
                    MethodType.methodType(MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Downcalls() {}

    /**
     * The handle a generated holder keeps in a {@code static final} field.
     *
     * @param signature the C signature, already checked by the processor
     * @param carriers the Java types of the call without the address: each C type's carrier
     *     ({@link #carrier}), or {@code long} for a pointer or buffer passed as an address
     * @param critical link with {@code Linker.Option.critical(true)}
     */
    public static MethodHandle handle(String signature, MethodType carriers, boolean critical) {
        return handle(signature, carriers, critical, false);
    }

    /**
     * As {@link #handle(String, MethodType, boolean)}; with {@code errno} the handle captures errno
     * into a segment passed right after the address ({@link ErrnoState#current()}).
     */
    public static MethodHandle handle(String signature, MethodType carriers, boolean critical, boolean errno) {
        return link(Signature.parse(signature), carriers, options(critical, errno));
    }

    static Linker.Option[] options(boolean critical, boolean errno) {
        List<Linker.Option> options = new ArrayList<>();
        if (critical) {
            options.add(Linker.Option.critical(true));
        }
        if (errno) {
            options.add(ErrnoState.option());
        }
        return options.toArray(Linker.Option[]::new);
    }

    /** Links {@code signature} with the given carriers; the result takes the address first. */
    static MethodHandle link(Signature signature, MethodType carriers, Linker.Option... options) {
        MethodHandle handle = LINKER.downcallHandle(descriptor(signature, carriers, true), options);
        // the address comes first, then the capture segment if errno is captured
        int first = handle.type().parameterCount() - signature.arity();
        for (int i = 0; i < signature.arity(); i++) {
            if (widened(signature.parameter(i), carriers.parameterType(i))) {
                handle = MethodHandles.filterArguments(handle, first + i, BYTE_TO_UNSIGNED_INT);
            }
        }
        return handle;
    }

    /**
     * The descriptor of {@code signature} with the given carriers; {@code downcall} widens u8
     * arguments for callees that expect it, which an upcall, being the callee, does not need.
     */
    static FunctionDescriptor descriptor(Signature signature, MethodType carriers, boolean downcall) {
        if (carriers.parameterCount() != signature.arity()) {
            throw new IllegalArgumentException(carriers + " does not fit " + signature);
        }
        List<MemoryLayout> arguments = new ArrayList<>();
        for (int i = 0; i < signature.arity(); i++) {
            arguments.add(layout(signature.parameter(i), carriers.parameterType(i), downcall));
        }
        return signature.returnType() == NativeType.VOID
                ? FunctionDescriptor.ofVoid(arguments.toArray(MemoryLayout[]::new))
                : FunctionDescriptor.of(layout(signature.returnType(), carriers.returnType(), false),
                        arguments.toArray(MemoryLayout[]::new));
    }

    /**
     * A handle of the same type as {@code link(signature, carriers)} that captures errno into the
     * calling thread's {@link ErrnoState} when {@code errno} is set.
     */
    static MethodHandle linkCapturing(Signature signature, MethodType carriers, boolean errno) {
        return linkCapturing(signature, carriers, errno, options(false, errno));
    }

    /** As {@link #linkCapturing(Signature, MethodType, boolean)} with {@code options}, which must include errno's. */
    static MethodHandle linkCapturing(Signature signature, MethodType carriers, boolean errno, Linker.Option... options) {
        MethodHandle handle = link(signature, carriers, options);
        return errno ? MethodHandles.foldArguments(handle, 1, ERRNO_STATE) : handle;
    }

    /** The Java type FFM uses for {@code type}; pointers may also travel as {@code long}. */
    public static Class<?> carrier(NativeType type) {
        return switch (type) {
            case VOID -> void.class;
            case BOOL -> boolean.class;
            case I8, U8 -> byte.class;
            case I16 -> short.class;
            case U16 -> char.class;
            case I32, U32 -> int.class;
            case I64, U64, ISIZE, USIZE -> long.class;
            case F32 -> float.class;
            case F64 -> double.class;
            case POINTER, BUFFER, FUNCTION, STRING -> MemorySegment.class;
        };
    }

    /** The exact type of {@code DynamicFunction.handle()}: every C type at its carrier. */
    public static MethodType carriers(Signature signature) {
        List<Class<?>> parameters = signature.parameters().stream().<Class<?>>map(Downcalls::carrier).toList();
        return MethodType.methodType(carrier(signature.returnType()), parameters);
    }

    private static boolean widened(NativeType type, Class<?> carrier) {
        return WIDEN_U8 && type == NativeType.U8 && carrier == byte.class;
    }

    private static MemoryLayout layout(NativeType type, Class<?> carrier, boolean argument) {
        if ((type == NativeType.POINTER || type == NativeType.BUFFER) && carrier == long.class) {
            return ValueLayout.JAVA_LONG;
        }
        if (carrier != carrier(type)) {
            throw new IllegalArgumentException(type.cName() + " cannot be carried as " + carrier);
        }
        if (argument && widened(type, carrier)) {
            return ValueLayout.JAVA_INT;
        }
        return switch (type) {
            case BOOL -> ValueLayout.JAVA_BOOLEAN;
            case I8, U8 -> ValueLayout.JAVA_BYTE;
            case I16 -> ValueLayout.JAVA_SHORT;
            case U16 -> ValueLayout.JAVA_CHAR;
            case I32, U32 -> ValueLayout.JAVA_INT;
            case I64, U64, ISIZE, USIZE -> ValueLayout.JAVA_LONG;
            case F32 -> ValueLayout.JAVA_FLOAT;
            case F64 -> ValueLayout.JAVA_DOUBLE;
            case POINTER, BUFFER, FUNCTION, STRING -> ValueLayout.ADDRESS;
            case VOID -> throw new IllegalArgumentException("void has no layout");
        };
    }
}

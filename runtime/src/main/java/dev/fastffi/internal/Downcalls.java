package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.ArgumentSlots;
import dev.fastffi.model.Message;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructType;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

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
    private static final MethodHandle UNAVAILABLE;
    private static final MethodHandle NULL_AS_NULL;
    private static final MethodHandle LINK;
    /** How many lazy handles have linked, for the cold-start probe that shows only called functions link. */
    private static final AtomicInteger LINKED = new AtomicInteger();

    static {
        try {
            BYTE_TO_UNSIGNED_INT = MethodHandles.lookup().findStatic(Byte.class, "toUnsignedInt",
                    MethodType.methodType(int.class, byte.class));
            ERRNO_STATE = MethodHandles.lookup().findStatic(ErrnoState.class, "current",
                    MethodType.methodType(MemorySegment.class));
            NULL_AS_NULL = MethodHandles.lookup().findStatic(Downcalls.class, "nullAsNull",
                    MethodType.methodType(MemorySegment.class, MemorySegment.class));
            UNAVAILABLE = MethodHandles.lookup().findVirtual(NativeSymbol.class, "unavailable",
                    MethodType.methodType(FfiException.class));
            LINK = MethodHandles.lookup().findVirtual(Lazy.class, "link", MethodType.methodType(MethodHandle.class));
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
     *     ({@code carrier}), or {@code long} for a pointer or buffer passed as an address
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
        Signature parsed = Signatures.generated(signature);
        MethodHandle handle = link(parsed, carriers, options(critical, errno));
        return errno ? ErrnoState.capturing(handle, captureIndex(parsed)) : handle;
    }

    /**
     * What a generated binding keeps in a {@code static final} field per function: a handle of the
     * type {@link #handle(String, MethodType, boolean, boolean)} returns that links on its first
     * call, so that loading a binding links nothing and a function never called is never linked.
     * It is the dynamic invoker of a {@link MutableCallSite} that then targets the linked handle
     * for good, so the JIT inlines through it as through a {@code static final} handle; a class per
     * function holding the handle does the same at the cost of a class each.
     */
    public static MethodHandle lazy(String signature, MethodType carriers, boolean critical, boolean errno) {
        return new Lazy(signature, carriers, critical, errno).site.dynamicInvoker();
    }

    /** How many handles from {@link #lazy} have linked in this JVM so far. */
    public static int linkedCount() {
        return LINKED.get();
    }

    /** FFM's order: address, allocator of a struct result, capture segment, arguments. */
    private static int captureIndex(Signature signature) {
        return signature.returnType() == NativeType.STRUCT ? 2 : 1;
    }

    /**
     * {@code handle} with {@code symbol}'s address bound in as its first argument, as
     * {@code Linker.downcallHandle(address, ...)} does; for a missing optional symbol, a handle of
     * the same type that throws {@code SYMBOL_NOT_FOUND} without calling anything.
     */
    public static MethodHandle bind(MethodHandle handle, NativeSymbol symbol) {
        if (symbol.isAvailable()) {
            return MethodHandles.insertArguments(handle, 0, symbol.address());
        }
        MethodType type = handle.type().dropParameterTypes(0, 1);
        MethodHandle thrower = MethodHandles.collectArguments(
                MethodHandles.throwException(type.returnType(), FfiException.class), 0,
                UNAVAILABLE.bindTo(symbol));
        return MethodHandles.dropArguments(thrower, 0, type.parameterList());
    }

    /** One lazily linked handle: its call site starts at a handle that links, retargets the site, then calls. */
    private static final class Lazy {
        private final String signature;
        private final MethodType carriers;
        private final boolean critical;
        private final boolean errno;
        private final MutableCallSite site;
        private boolean done;

        Lazy(String signature, MethodType carriers, boolean critical, boolean errno) {
            this.signature = signature;
            this.carriers = carriers;
            this.critical = critical;
            this.errno = errno;
            MethodType type = carriers.insertParameterTypes(0, MemorySegment.class);
            boolean structResult = Signatures.generated(signature).returnType() == NativeType.STRUCT;
            if (structResult) {
                type = type.insertParameterTypes(1, SegmentAllocator.class);
            }
            if (errno) {
                type = type.insertParameterTypes(structResult ? 2 : 1, MemorySegment.class);
            }
            this.site = new MutableCallSite(MethodHandles.foldArguments(MethodHandles.exactInvoker(type),
                    LINK.bindTo(this)));
        }

        /** The linked handle; the first caller links it, later ones (and racing ones) reuse it. */
        synchronized MethodHandle link() {
            if (!done) {
                site.setTarget(handle(signature, carriers, critical, errno));
                done = true;
                LINKED.incrementAndGet();
            }
            return site.getTarget();
        }
    }

    static Linker.Option[] options(boolean critical, boolean errno) {
        List<Linker.Option> options = new ArrayList<>();
        if (critical) {
            options.add(Linker.Option.critical(true));
        }
        if (errno) {
            options.add(ErrnoState.option());
        }
        return options.toArray(new Linker.Option[0]);
    }

    /** Links {@code signature} with the given carriers; the result takes the address first. */
    static MethodHandle link(Signature signature, MethodType carriers, Linker.Option... options) {
        MethodHandle handle = downcallHandle(signature, descriptor(signature, carriers, true), options);
        if (signature.returnType() == NativeType.STRUCT_POINTER) {
            handle = MethodHandles.filterReturnValue(handle, NULL_AS_NULL);
        }
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
     * The linker's handle. {@code ArgumentSlots} refuses signatures beyond the linker's limit before
     * they get here; where a platform spreads arguments over more slots than it counts, FFM's own
     * refusal becomes the same {@code INVALID_SIGNATURE} rather than a raw JDK exception.
     */
    private static MethodHandle downcallHandle(Signature signature, FunctionDescriptor descriptor,
            Linker.Option... options) {
        try {
            return LINKER.downcallHandle(descriptor, options);
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith("bad parameter count")) {
                throw new FfiException(FfiException.Code.INVALID_SIGNATURE, "\"" + signature + "\" has "
                        + Message.count(signature.arity(), "argument") + ", more than the platform's linker takes ("
                        + e.getMessage() + "); " + ArgumentSlots.ADVICE);
            }
            throw e;
        }
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
            if (signature.parameter(i) == NativeType.STRUCT) {
                arguments.add(structLayout(signature.struct(i), carriers.parameterType(i)));
            } else if (signature.parameter(i) == NativeType.STRUCT_POINTER && !downcall) {
                // a struct pointer C hands to a callback arrives sized to the struct, as a returned one does
                arguments.add(structPointer(signature.struct(i), carriers.parameterType(i)));
            } else {
                arguments.add(layout(signature.parameter(i), carriers.parameterType(i), downcall));
            }
        }
        MemoryLayout[] layouts = arguments.toArray(new MemoryLayout[0]);
        return switch (signature.returnType()) {
            case VOID -> FunctionDescriptor.ofVoid(layouts);
            case STRUCT -> FunctionDescriptor.of(structLayout(signature.returnStruct(), carriers.returnType()), layouts);
            case STRUCT_POINTER -> FunctionDescriptor.of(structPointer(signature.returnStruct(),
                    carriers.returnType()), layouts);
            default -> FunctionDescriptor.of(layout(signature.returnType(), carriers.returnType(), false), layouts);
        };
    }

    /**
     * A handle of the same type as {@code link(signature, carriers)} that captures errno into the
     * calling thread's {@link ErrnoState} when {@code errno} is set.
     */
    static MethodHandle linkCapturing(Signature signature, MethodType carriers, boolean errno) {
        return linkCapturing(signature, carriers, errno, options(false, errno));
    }

    /**
     * As {@link #linkCapturing(Signature, MethodType, boolean)} with {@code options}, which must
     * include errno's. A struct result keeps FFM's {@code SegmentAllocator} after the address.
     */
    static MethodHandle linkCapturing(Signature signature, MethodType carriers, boolean errno, Linker.Option... options) {
        MethodHandle handle = link(signature, carriers, options);
        if (!errno) {
            return handle;
        }
        int capture = captureIndex(signature);
        return MethodHandles.foldArguments(ErrnoState.capturing(handle, capture), capture, ERRNO_STATE);
    }

    /** The exact type of {@code DynamicFunction.handle()}: every C type at its carrier. */
    public static MethodType carriers(Signature signature) {
        Class<?>[] parameters = new Class<?>[signature.parameters().size()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = signature.parameter(i).carrier();
        }
        return MethodType.methodType(signature.returnType().carrier(), parameters);
    }

    /**
     * A returned struct pointer arrives as a segment sized to the struct, so that Java reads it
     * without {@code reinterpret}; byte-aligned, so that FFM never refuses C's address.
     */
    private static MemoryLayout structPointer(StructType struct, Class<?> carrier) {
        if (carrier != MemorySegment.class) {
            throw new IllegalArgumentException(struct + "* cannot be carried as " + carrier);
        }
        return ValueLayout.ADDRESS.withTargetLayout(
                MemoryLayout.sequenceLayout(struct.layout().byteSize(), ValueLayout.JAVA_BYTE));
    }

    /** A NULL struct pointer, which FFM sizes like any other, as the zero-length {@code MemorySegment.NULL}. */
    static MemorySegment nullAsNull(MemorySegment segment) {
        return segment.address() == 0 ? MemorySegment.NULL : segment;
    }

    /** A struct travels as a segment holding it, for arguments and results alike. */
    private static MemoryLayout structLayout(StructType struct, Class<?> carrier) {
        if (carrier != MemorySegment.class) {
            throw new IllegalArgumentException(struct + " cannot be carried as " + carrier);
        }
        return struct.layout();
    }

    private static boolean widened(NativeType type, Class<?> carrier) {
        return WIDEN_U8 && type == NativeType.U8 && carrier == byte.class;
    }

    private static MemoryLayout layout(NativeType type, Class<?> carrier, boolean argument) {
        if ((type == NativeType.POINTER || type == NativeType.BUFFER) && carrier == long.class) {
            return ValueLayout.JAVA_LONG;
        }
        if (carrier != type.carrier()) {
            throw new IllegalArgumentException(type.cName() + " cannot be carried as " + carrier);
        }
        if (argument && widened(type, carrier)) {
            return ValueLayout.JAVA_INT;
        }
        return type.valueLayout();
    }
}

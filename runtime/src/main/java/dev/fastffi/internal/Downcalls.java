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
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
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

    /**
     * The adapters some signatures need, looked up on first use rather than with this class: a
     * call that needs none (most) spins no lambda form and loads no errno state for them.
     */
    private static final class Filters {
        static final MethodHandle BYTE_TO_UNSIGNED_INT;
        static final MethodHandle ERRNO_STATE;
        static final MethodHandle NULL_AS_NULL;

        static {
            try {
                BYTE_TO_UNSIGNED_INT = MethodHandles.lookup().findStatic(Byte.class, "toUnsignedInt",
                        MethodType.methodType(int.class, byte.class));
                ERRNO_STATE = MethodHandles.lookup().findStatic(ErrnoState.class, "current",
                        MethodType.methodType(MemorySegment.class));
                NULL_AS_NULL = MethodHandles.lookup().findStatic(Downcalls.class, "nullAsNull",
                        MethodType.methodType(MemorySegment.class, MemorySegment.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private Downcalls() {}

    /**
     * An address-less downcall handle, {@code (MemorySegment address, carriers...) -> carrier}; what
     * a generated binding's {@link #lazy} site links to.
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
        return ConstantAddresses.handle(signature, carriers, critical, errno);
    }

    /**
     * As {@link #handle(String, MethodType, boolean, boolean)}, through the parsed signature: for the
     * functions whose carriers alone do not fix their layouts ({@link ConstantAddresses#byCarriers}).
     */
    static MethodHandle parsed(String signature, MethodType carriers, boolean critical, boolean errno) {
        Signature parsed = Signatures.generated(signature);
        MethodHandle handle = link(parsed, carriers, options(critical, errno));
        return errno ? ErrnoState.capturing(handle, captureIndex(parsed)) : handle;
    }

    /**
     * What a generated binding keeps in a {@code static final} field per function: a call site
     * from which {@link #target} reads the handle {@link #handle(String, MethodType, boolean, boolean)}
     * returns, linked on the first call, so that loading a binding links nothing and a function
     * never called is never linked. The JIT treats the target of a constant call site as a constant
     * (and recompiles if it changes), and the handle the linked target returns is a constant of it,
     * so a compiled call inlines the downcall as through a {@code static final} handle.
     *
     * <p>Every site has one type, {@code (MutableCallSite) -> MethodHandle}, and until linked the
     * same target: creating one costs an object and no method handle, whatever the function's
     * types, so that neither a binding of thousands of functions nor one of many signatures loads
     * slowly. The carriers come as a method descriptor ({@code "(IJ)I"}), parsed on the first call,
     * so that each field's initializer is a few bytes of the static initializer, whose code the
     * class file format limits to 64 KiB.
     *
     * @param carriers the descriptor of the carriers {@link #handle(String, MethodType, boolean, boolean)} takes
     */
    public static MutableCallSite lazy(String signature, String carriers, boolean critical, boolean errno) {
        return LazySite.of(signature + carriers, critical, errno);
    }

    /**
     * The sites of many functions at once, in order, as {@link #lazy(String, String, boolean, boolean)}
     * returns them: a generated class creates all of its sites with one call, since javac's time on
     * a static initializer grows with its calls times the class's members. {@code packed} holds one
     * {@linkplain Binder#lines line} per function: its C signature, the carriers' descriptor, then
     * {@value Binder#CRITICAL} and {@value Binder#ERRNO} where set ({@code "i32(i32, i32)(II)I errno"}).
     */
    public static MutableCallSite[] lazy(String... packed) {
        String[] entries = Binder.lines(packed);
        MutableCallSite[] sites = new MutableCallSite[entries.length];
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            sites[i] = LazySite.of(Binder.function(entry), Binder.hasFlag(entry, Binder.CRITICAL),
                    Binder.hasFlag(entry, Binder.ERRNO));
        }
        return sites;
    }

    /** The handle {@code site}, from {@link #lazy}, holds: linked on its first call, a JIT constant after. */
    public static MethodHandle target(MutableCallSite site) {
        try {
            return (MethodHandle) site.getTarget().invokeExact(site);
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }

    /** How many handles from {@link #lazy} and {@link ConstantAddresses#lazy} have linked in this JVM so far. */
    public static int linkedCount() {
        return ConstantAddresses.linkedCount();
    }

    /** FFM's order: address, allocator of a struct result, capture segment, arguments. */
    static int captureIndex(Signature signature) {
        return signature.returnType() == NativeType.STRUCT ? 2 : 1;
    }

    /** The first call of a {@link LazySite}: here, in a class already initialized, for the reason {@link LazySite} gives. */
    private static MethodHandle linkSite(MutableCallSite site) {
        return ((LazySite) site).link();
    }

    /**
     * A linked site's target, bound to the handle, which the JIT then takes as a constant: a
     * direct handle bound to a value spins no lambda form on the way to a first call.
     */
    private static MethodHandle linkedSite(MethodHandle handle, MutableCallSite site) {
        return handle;
    }

    /**
     * One lazily linked handle: until the first call, its target is the linker every site shares.
     * Only {@link #of} names this class, and it returns the supertype: a class that mentions this
     * one only in code the verifier checks by name (a cast) does not load it, so a binding whose
     * direct methods all have constant addresses never does.
     */
    private static final class LazySite extends MutableCallSite {
        /*
         * Handles of Downcalls' methods, not this class's: a handle of a static method of a class
         * not yet initialized (as this one is, in its initializer) gets a lambda form that
         * initializes the class first, which the JDK has not pregenerated and must spin.
         */
        private static final MethodHandle LINK;
        private static final MethodHandle LINKED_TARGET;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                LINK = lookup.findStatic(Downcalls.class, "linkSite",
                        MethodType.methodType(MethodHandle.class, MutableCallSite.class));
                LINKED_TARGET = lookup.findStatic(Downcalls.class, "linkedSite",
                        MethodType.methodType(MethodHandle.class, MethodHandle.class, MutableCallSite.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** The C signature followed by the carriers' descriptor, as {@link ConstantAddresses#linkLazily} takes it. */
        private final String function;
        private final boolean critical;
        private final boolean errno;

        private LazySite(String function, boolean critical, boolean errno) {
            super(LINK);
            this.function = function;
            this.critical = critical;
            this.errno = errno;
        }

        static MutableCallSite of(String function, boolean critical, boolean errno) {
            return new LazySite(function, critical, errno);
        }

        /** The handle from now on; the first caller links it, later ones (and racing ones) reuse it. */
        private MethodHandle link() {
            synchronized (this) {
                if (getTarget() == LINK) {
                    MethodHandle handle = ConstantAddresses.linkLazily(function, critical, errno);
                    setTarget(LINKED_TARGET.bindTo(handle));
                    return handle;
                }
            }
            return target(this);
        }
    }

    static Linker.Option[] options(boolean critical, boolean errno) {
        return ConstantAddresses.options(critical, errno);
    }

    /** Links {@code signature} with the given carriers; the result takes the address first. */
    static MethodHandle link(Signature signature, MethodType carriers, Linker.Option... options) {
        MethodHandle handle = downcallHandle(signature, descriptor(signature, carriers, true), options);
        if (signature.returnType() == NativeType.STRUCT_POINTER) {
            handle = MethodHandles.filterReturnValue(handle, Filters.NULL_AS_NULL);
        }
        // the address comes first, then the capture segment if errno is captured
        int first = handle.type().parameterCount() - signature.arity();
        for (int i = 0; i < signature.arity(); i++) {
            if (widened(signature.parameter(i), carriers.parameterType(i))) {
                handle = MethodHandles.filterArguments(handle, first + i, Filters.BYTE_TO_UNSIGNED_INT);
            }
        }
        return handle;
    }

    /** The linker's handle; FFM's refusal of a signature is an {@code INVALID_SIGNATURE} ({@link #refusal}). */
    private static MethodHandle downcallHandle(Signature signature, FunctionDescriptor descriptor,
            Linker.Option... options) {
        try {
            return LINKER.downcallHandle(descriptor, options);
        } catch (IllegalArgumentException e) {
            throw refusal(signature, e);
        }
    }

    /**
     * FFM's refusal to link {@code signature}, a downcall's or an upcall's, as the exception to
     * throw. {@code ArgumentSlots} refuses signatures beyond the linker's limit before they get
     * here; where a platform spreads arguments over more slots than it counts, FFM's own refusal
     * becomes the same {@code INVALID_SIGNATURE} rather than a raw JDK exception. So does its
     * refusal of a struct by value too large to classify (on x86-64, one of 16 GiB or more), which
     * {@code ArgumentSlots} keeps calls from reaching too: an argument that large needs more slots
     * than there are, and a struct result is at most {@code ArgumentSlots.MAX_STRUCT_RESULT}. Any
     * other exception is returned as it is.
     */
    static RuntimeException refusal(Signature signature, IllegalArgumentException e) {
        String refusal = String.valueOf(e.getMessage());
        if (refusal.startsWith("bad parameter count")) {
            return new FfiException(FfiException.Code.INVALID_SIGNATURE, "\"" + signature + "\" has "
                    + Message.count(signature.arity(), "argument") + ", more than the platform's linker takes: it has "
                    + ArgumentSlots.LIMIT + " argument slots (FFM refused the call: " + refusal + "); "
                    + ArgumentSlots.ADVICE, e);
        }
        if (refusal.startsWith("GroupLayout is too large")) {
            return new FfiException(FfiException.Code.INVALID_SIGNATURE, "\"" + signature + "\" passes or returns"
                    + " a struct by value larger than the platform's linker takes; pass a pointer to the struct"
                    + " instead", e);
        }
        return e;
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
        // comparisons, not a switch: a switch on another class's enum loads a class of its own
        NativeType result = signature.returnType();
        if (result == NativeType.VOID) {
            return FunctionDescriptor.ofVoid(layouts);
        } else if (result == NativeType.STRUCT) {
            return FunctionDescriptor.of(structLayout(signature.returnStruct(), carriers.returnType()), layouts);
        } else if (result == NativeType.STRUCT_POINTER) {
            return FunctionDescriptor.of(structPointer(signature.returnStruct(), carriers.returnType()), layouts);
        }
        return FunctionDescriptor.of(layout(result, carriers.returnType(), false), layouts);
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
        return MethodHandles.foldArguments(ErrnoState.capturing(handle, capture), capture, Filters.ERRNO_STATE);
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

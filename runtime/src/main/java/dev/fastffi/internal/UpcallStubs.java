package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;

/**
 * Makes upcall stubs: the callback's method, adapted from C carriers to its Java types and back,
 * guarded so that nothing it throws reaches FFM, which would end the JVM. The only place that
 * calls {@code Linker.upcallStub}.
 */
public final class UpcallStubs {
    private static final MethodHandle RECORD;
    private static final MethodHandle RESULT;
    private static final MethodHandle REFERENT;
    private static final MethodHandle READ_STRUCT;
    private static final MethodHandle WRITE_STRUCT;
    private static final MethodHandle STRUCT_POINTER;
    /**
     * Per callback interface, {@code (Target, carriers...) -> carrier}: the guarded template called
     * on the object the target refers to now, which returns zero and records {@link Collected}
     * when the object is gone.
     */
    private static final ClassValue<MethodHandle> WEAK_TEMPLATES = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> iface) {
            CallbackType type = CallbackType.of(iface);
            // the template takes the interface that declares the method, which may be a super-interface
            MethodHandle referent = MethodHandles.insertArguments(REFERENT, 1, iface)
                    .asType(MethodType.methodType(type.template().type().parameterType(0), Target.class));
            // the template guards the callback itself; this guard catches only the referent's Collected
            return guard(MethodHandles.filterArguments(type.template(), 0, referent), type.signature(),
                    iface.getSimpleName());
        }
    };

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RECORD = lookup.findStatic(UpcallFailures.class, "record",
                    MethodType.methodType(void.class, String.class, Throwable.class));
            RESULT = lookup.findStatic(Conversions.class, "result",
                    MethodType.methodType(Object.class, Object.class, NativeType.class, Class.class));
            REFERENT = lookup.findStatic(UpcallStubs.class, "referent",
                    MethodType.methodType(Object.class, Target.class, Class.class));
            READ_STRUCT = lookup.findStatic(StructValues.class, "read",
                    MethodType.methodType(Object.class, MemorySegment.class, long.class, StructType.class, Class.class));
            STRUCT_POINTER = lookup.findStatic(UpcallStubs.class, "structPointer",
                    MethodType.methodType(Object.class, MemorySegment.class, StructType.class, Class.class));
            WRITE_STRUCT = lookup.findVirtual(UpcallResults.StructResult.class, "write",
                    MethodType.methodType(MemorySegment.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Makes the linker's stubs; a test puts one in its place that fails as a full code heap does. */
    static volatile Maker maker = new LinkerMaker();

    /** {@code Linker.upcallStub}, without options. */
    @FunctionalInterface
    interface Maker {
        MemorySegment make(MethodHandle target, FunctionDescriptor function, Arena arena);
    }

    /** The linker itself; a class rather than a lambda, which would be linked when the first stub is made. */
    private static final class LinkerMaker implements Maker {
        @Override
        public MemorySegment make(MethodHandle target, FunctionDescriptor function, Arena arena) {
            return Linker.nativeLinker().upcallStub(target, function, arena);
        }
    }

    private UpcallStubs() {}

    /**
     * A stub calling {@code target} that lives as long as {@code arena}: {@code Upcall.of}'s. When
     * the code heap is full, asks for a collection, which frees the stubs of collected callback
     * objects, and tries once more.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} when the code heap is still full
     */
    public static MemorySegment create(CallbackType type, Object target, Arena arena) {
        MethodHandle bound = type.template().bindTo(target);
        try {
            return upcallStub(type, bound, arena);
        } catch (OutOfMemoryError full) {
            TransientUpcalls.collect(true);
            try {
                return upcallStub(type, bound, arena);
            } catch (OutOfMemoryError still) {
                throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "Upcall.of(" + type.iface().getSimpleName()
                        + "): the JVM's code heap is full, so no stub could be made; close the Upcalls that C no"
                        + " longer calls, or give the JVM a larger code heap (-XX:ReservedCodeCacheSize)", still);
            }
        }
    }

    /**
     * What a stub made by {@link #createWeak} calls: the object a reference refers to, which the
     * stub does not keep alive, and which may be changed to give the stub to another object of
     * the same interface once nothing calls it for the first one.
     */
    static final class Target {
        /**
         * The calls after which the JDK has specialized the stub's code to it, as it does for a
         * method handle called through an invoker 127 times (the default of the system property
         * {@code java.lang.invoke.MethodHandle.CUSTOMIZE_THRESHOLD}): it spins a class and
         * compiles it, for each stub once.
         */
        static final int SPECIALIZED = 128;

        /** A reference to no object: a stub that refers to it returns zero. */
        private static final Reference<Object> NONE = new WeakReference<>(null);

        private volatile Reference<?> reference = NONE;
        /**
         * The stub's calls so far, up to {@link #SPECIALIZED}; threads calling it at once may
         * count fewer, which is all right for what it tells.
         */
        private int calls;

        /** The stub's calls so far, or {@link #SPECIALIZED} once its code is specialized. */
        int calls() {
            return calls;
        }

        /** Makes the stub call the object {@code to} refers to. */
        void refer(Reference<?> to) {
            reference = to;
        }

        /** Makes the stub return zero, as for an object that is gone. */
        void clear() {
            reference = NONE;
        }
    }

    /**
     * A stub calling the object {@code target} refers to, that lives as long as {@code arena} and
     * does not keep the object alive; called while it refers to none, as after the object is
     * collected, it returns zero to C and the failure is thrown as {@code CALLBACK_FAILED}.
     */
    static MemorySegment createWeak(CallbackType type, Target target, Arena arena) {
        return upcallStub(type, WEAK_TEMPLATES.get(type.iface()).bindTo(target), arena);
    }

    /**
     * The linker's stub; FFM's refusal of the signature is an {@code INVALID_SIGNATURE}, as for a
     * downcall, should a platform spread the arguments over more slots than {@code ArgumentSlots}
     * counts, which refuses every callback beyond the limit before it gets here.
     */
    private static MemorySegment upcallStub(CallbackType type, MethodHandle bound, Arena arena) {
        try {
            return maker.make(bound, type.descriptor(), arena);
        } catch (IllegalArgumentException e) {
            throw Downcalls.refusal(type.signature(), e);
        }
    }

    private static Object referent(Target target, Class<?> iface) {
        int calls = target.calls;
        if (calls < Target.SPECIALIZED) {
            target.calls = calls + 1;
        }
        Object referent = target.reference.get();
        if (referent == null) {
            throw new Collected(iface);
        }
        return referent;
    }

    /** What a stub records when C calls it after its callback object was garbage-collected. */
    static final class Collected extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Collected(Class<?> iface) {
            super("C called the function pointer of a callback object (" + iface.getSimpleName() + ") that was"
                    + " garbage-collected; Java must keep a reference to a callback object for as long as C keeps"
                    + " its pointer, or pass an Upcall and close it once C is done with it");
        }
    }

    /**
     * {@code (iface, carriers...) -> carrier}: the interface method with every conversion inside
     * a catch that records the throwable and returns zero (NULL for pointers).
     */
    static MethodHandle template(CallbackMethod callback, Signature signature) {
        try {
            return adapted(callback, signature);
        } catch (IllegalArgumentException e) {
            // too many parameters for a method handle: the interface method's, or those of an adapter around it
            throw Downcalls.refusal(signature, e);
        }
    }

    private static MethodHandle adapted(CallbackMethod callback, Signature signature) {
        Method method = callback.method();
        // a method a generic super-interface declares takes and returns erased types (compare(Object, Object)
        // of Comparator<MemorySegment>): the handle casts them to the types the callback interface binds
        MethodHandle handle = unreflect(method).asType(MethodType.methodType(callback.returnType(),
                callback.parameterTypes()).insertParameterTypes(0, method.getDeclaringClass()));
        for (int i = 0; i < signature.arity(); i++) {
            Class<?> java = callback.parameterTypes().get(i);
            NativeType type = signature.parameter(i);
            if (type == NativeType.STRUCT) {
                // FFM's segment of a struct argument is valid only during the upcall: read it right away
                MethodHandle read = MethodHandles.insertArguments(READ_STRUCT, 1, 0L, signature.struct(i), java)
                        .asType(MethodType.methodType(java, MemorySegment.class));
                handle = MethodHandles.filterArguments(handle, i + 1, read);
            } else if (type == NativeType.STRUCT_POINTER) {
                MethodHandle read = MethodHandles.insertArguments(STRUCT_POINTER, 1, signature.struct(i), java)
                        .asType(MethodType.methodType(java, MemorySegment.class));
                handle = MethodHandles.filterArguments(handle, i + 1, read);
            } else if (java != type.carrier()) {
                MethodHandle convert = MethodHandles.insertArguments(RESULT, 1, type, java)
                        .asType(MethodType.methodType(java, type.carrier()));
                handle = MethodHandles.filterArguments(handle, i + 1, convert);
            }
        }
        MethodHandle result = signature.returnType() == NativeType.STRUCT
                ? WRITE_STRUCT.bindTo(new UpcallResults.StructResult(signature.returnStruct(),
                        callback.name()))
                        .asType(MethodType.methodType(MemorySegment.class, callback.returnType()))
                : resultConversion(signature.returnType(), callback.returnType());
        return guard(result == null ? handle : MethodHandles.filterReturnValue(handle, result), signature,
                callback.name());
    }

    /**
     * A struct pointer C passes to a callback: the segment sized to the struct, or the record read
     * from it right away, as C may change or free the memory once the callback returns; NULL is
     * {@code MemorySegment.NULL} or null.
     */
    private static Object structPointer(MemorySegment segment, StructType struct, Class<?> java) {
        if (segment.address() == 0) {
            return java == MemorySegment.class ? MemorySegment.NULL : null;
        }
        return java == MemorySegment.class ? segment : StructValues.read(segment, 0, struct, java);
    }

    /** {@code handle} returning zero to C instead of throwing; what it threw is recorded for {@code callback}. */
    private static MethodHandle guard(MethodHandle handle, Signature signature, String callback) {
        Class<?> result = handle.type().returnType();
        MethodHandle zero = result == MemorySegment.class
                ? MethodHandles.constant(MemorySegment.class, zeroSegment(signature))
                : MethodHandles.zero(result);
        MethodHandle handler = MethodHandles.foldArguments(MethodHandles.dropArguments(zero, 0, Throwable.class),
                RECORD.bindTo(callback));
        handler = MethodHandles.dropArguments(handler, 1, handle.type().parameterList());
        return MethodHandles.catchException(handle, Throwable.class, handler);
    }

    /**
     * What a failed upcall returns: NULL for a pointer, a zeroed struct for a struct, which FFM
     * copies to C and so must have the struct's size.
     */
    private static MemorySegment zeroSegment(Signature signature) {
        return signature.returnType() == NativeType.STRUCT
                ? Arena.global().allocate(signature.returnStruct().layout()).asReadOnly()
                : MemorySegment.NULL;
    }

    /** Java result to carrier, or null when the Java type is the carrier. */
    private static MethodHandle resultConversion(NativeType type, Class<?> java) {
        String name = switch (type) {
            case I8, U8, I16, U16 -> java == int.class ? type.cName() : null;
            case U32 -> java == long.class ? "u32" : null;
            case POINTER, FUNCTION -> java == long.class ? "address" : "pointer";
            case STRUCT_POINTER -> "pointer";
            default -> null;
        };
        if (name == null) {
            return null;
        }
        try {
            return MethodHandles.lookup().findStatic(UpcallResults.class, name,
                    MethodType.methodType(type.carrier(), java));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The interface may be package-private or in a package its module keeps to itself; a handle
     * made once per interface needs no reflection per call.
     */
    private static MethodHandle unreflect(Method method) {
        try {
            return MethodHandles.publicLookup().unreflect(method);
        } catch (IllegalAccessException notPublic) {
            return UserAccess.unreflect(method);
        }
    }
}

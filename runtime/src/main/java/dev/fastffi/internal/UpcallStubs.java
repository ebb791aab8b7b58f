package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Makes upcall stubs: the callback's method, adapted from C carriers to its Java types and back,
 * guarded so that nothing it throws reaches FFM, which would end the JVM. The only place that
 * calls {@code Linker.upcallStub}.
 */
public final class UpcallStubs {
    private static final MethodHandle RECORD;
    private static final MethodHandle RESULT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RECORD = lookup.findStatic(UpcallFailures.class, "record",
                    MethodType.methodType(void.class, Throwable.class));
            RESULT = lookup.findStatic(Conversions.class, "result",
                    MethodType.methodType(Object.class, Object.class, NativeType.class, Class.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private UpcallStubs() {}

    /** A stub calling {@code target} that lives as long as {@code arena}. */
    public static MemorySegment create(CallbackType type, Object target, Arena arena) {
        MethodHandle bound = type.template().bindTo(target);
        return Linker.nativeLinker().upcallStub(bound, type.descriptor(), arena);
    }

    /**
     * {@code (iface, carriers...) -> carrier}: the interface method with every conversion inside
     * a catch that records the throwable and returns zero (NULL for pointers).
     */
    static MethodHandle template(Method method, Signature signature) {
        MethodHandle handle = unreflect(method);
        for (int i = 0; i < signature.arity(); i++) {
            Class<?> java = method.getParameterTypes()[i];
            NativeType type = signature.parameter(i);
            if (java != type.carrier()) {
                MethodHandle convert = MethodHandles.insertArguments(RESULT, 1, type, java)
                        .asType(MethodType.methodType(java, type.carrier()));
                handle = MethodHandles.filterArguments(handle, i + 1, convert);
            }
        }
        MethodHandle result = resultConversion(signature.returnType(), method.getReturnType());
        return guard(result == null ? handle : MethodHandles.filterReturnValue(handle, result));
    }

    private static MethodHandle guard(MethodHandle handle) {
        Class<?> result = handle.type().returnType();
        MethodHandle zero = result == MemorySegment.class
                ? MethodHandles.constant(MemorySegment.class, MemorySegment.NULL)
                : MethodHandles.zero(result);
        MethodHandle handler = MethodHandles.foldArguments(MethodHandles.dropArguments(zero, 0, Throwable.class), RECORD);
        handler = MethodHandles.dropArguments(handler, 1, handle.type().parameterList());
        return MethodHandles.catchException(handle, Throwable.class, handler);
    }

    /** Java result to carrier, or null when the Java type is the carrier. */
    private static MethodHandle resultConversion(NativeType type, Class<?> java) {
        String name = switch (type) {
            case I8, U8, I16, U16 -> java == int.class ? type.cName() : null;
            case U32 -> java == long.class ? "u32" : null;
            case POINTER, FUNCTION -> java == long.class ? "address" : "pointer";
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

    /** The interface may be package-private; a handle made once per interface needs no reflection per call. */
    private static MethodHandle unreflect(Method method) {
        try {
            return MethodHandles.publicLookup().unreflect(method);
        } catch (IllegalAccessException notPublic) {
            if (!method.trySetAccessible()) {
                throw new FfiException(FfiException.Code.INVALID_ARGUMENT, method.getDeclaringClass().getName()
                        + " is not accessible to fastffi; make it public or open its package to fastffi");
            }
            try {
                return MethodHandles.lookup().unreflect(method);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

package dev.fastffi.internal;

import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigInteger;

/**
 * The common call of {@code DynamicFunction.invoke}, kept small enough to inline into its caller:
 * every argument is exactly the box of its carrier ({@code Integer} for i32 and u32, {@code Long}
 * for the 64-bit types, …), so nothing needs converting or checking, and the exact handle, erased to
 * {@code Object}s, is called through an arity switch. Any other argument goes to the compatibility
 * path, which converts, range-checks and explains. The exact handle checks that the library is
 * open before it calls, and a result whose documented box is not its carrier's (u8, u16, u32, u64,
 * usize) is converted by a filter on the handle.
 */
public final class BoxedCall {
    /** The arities the switch in {@link #call} spells out. */
    private static final int MAX_ARITY = 6;

    private static final MethodHandle U8;
    private static final MethodHandle U16;
    private static final MethodHandle U32;
    private static final MethodHandle U64;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            U8 = lookup.findStatic(Byte.class, "toUnsignedInt", MethodType.methodType(int.class, byte.class));
            U16 = MethodHandles.identity(int.class).asType(MethodType.methodType(int.class, char.class));
            U32 = lookup.findStatic(Integer.class, "toUnsignedLong", MethodType.methodType(long.class, int.class));
            U64 = lookup.findStatic(Conversions.class, "unsigned64",
                    MethodType.methodType(BigInteger.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The exact handle with its result converted, taking and returning {@code Object}s. */
    private final MethodHandle erased;
    /** Per argument, the only class that takes this path. */
    private final Class<?>[] boxes;

    private BoxedCall(MethodHandle erased, Class<?>[] boxes) {
        this.erased = erased;
        this.boxes = boxes;
    }

    /**
     * The boxed call of a function whose arguments are all primitives and whose result is a
     * primitive or void, through {@code exact} (as {@link DynamicHandles#exact} builds it); null
     * for any other function, which always takes the compatibility path.
     */
    public static BoxedCall of(Signature signature, MethodHandle exact) {
        if (signature.variadic() || signature.arity() > MAX_ARITY || !primitive(signature.returnType())) {
            return null;
        }
        Class<?>[] boxes = new Class<?>[signature.arity()];
        for (int i = 0; i < boxes.length; i++) {
            NativeType type = signature.parameter(i);
            if (type == NativeType.VOID || !primitive(type)) {
                return null;
            }
            boxes[i] = MethodType.methodType(type.carrier()).wrap().returnType();
        }
        MethodHandle converted = switch (signature.returnType()) {
            case U8 -> MethodHandles.filterReturnValue(exact, U8);
            case U16 -> MethodHandles.filterReturnValue(exact, U16);
            case U32 -> MethodHandles.filterReturnValue(exact, U32);
            case U64, USIZE -> MethodHandles.filterReturnValue(exact, U64);
            default -> exact;
        };
        return new BoxedCall(converted.asType(MethodType.genericMethodType(boxes.length)), boxes);
    }

    private static boolean primitive(NativeType type) {
        return type.carrier().isPrimitive();
    }

    /** Whether every argument is exactly its carrier's box, so that {@link #call} may take them. */
    public boolean accepts(Object[] args) {
        Class<?>[] expected = boxes;
        if (args == null || args.length != expected.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null || arg.getClass() != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Calls the function with arguments {@link #accepts} took; the result boxed as {@code invoke} documents. */
    public Object call(Object[] a) {
        MethodHandle handle = erased;
        try {
            return switch (a.length) {
                case 0 -> handle.invokeExact();
                case 1 -> handle.invokeExact(a[0]);
                case 2 -> handle.invokeExact(a[0], a[1]);
                case 3 -> handle.invokeExact(a[0], a[1], a[2]);
                case 4 -> handle.invokeExact(a[0], a[1], a[2], a[3]);
                case 5 -> handle.invokeExact(a[0], a[1], a[2], a[3], a[4]);
                default -> handle.invokeExact(a[0], a[1], a[2], a[3], a[4], a[5]);
            };
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }
}

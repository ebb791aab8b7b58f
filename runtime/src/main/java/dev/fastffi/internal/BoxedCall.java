package dev.fastffi.internal;

import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * The common call of {@code DynamicFunction.invoke}, kept small enough to inline into its caller:
 * every argument is exactly the box of its carrier ({@code Integer} for i32 and u32, {@code Long}
 * for the 64-bit types, …), so nothing needs converting or checking. Any other argument goes to
 * the compatibility path, which converts, range-checks and explains. The exact handle checks that
 * the library is open before it calls.
 *
 * <p>Every argument and the result cross the handle as the raw bits of their carrier in a
 * {@code long}: the boxes are opened, and the result boxed as {@code invoke} documents, in this
 * class's own code, which inlines into the caller with {@code invoke}. The handle is not a
 * constant there, so a box passed into it would escape and be allocated; opened before, the
 * boxes {@code invoke}'s varargs array holds need not exist at all.
 */
public final class BoxedCall {
    /** The arities the switch in {@link #call} spells out. */
    private static final int MAX_ARITY = 6;

    private static final MethodHandle FLOAT_OF;
    private static final MethodHandle DOUBLE_OF;
    private static final MethodHandle FLOAT_BITS;
    private static final MethodHandle DOUBLE_BITS;
    /** The result of a void function, as the handle returns it. */
    private static final MethodHandle NO_RESULT = MethodHandles.constant(long.class, 0L);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FLOAT_OF = lookup.findStatic(BoxedCall.class, "floatOf", MethodType.methodType(float.class, long.class));
            DOUBLE_OF = lookup.findStatic(Double.class, "longBitsToDouble", MethodType.methodType(double.class, long.class));
            FLOAT_BITS = lookup.findStatic(Float.class, "floatToRawIntBits", MethodType.methodType(int.class, float.class));
            DOUBLE_BITS = lookup.findStatic(Double.class, "doubleToRawLongBits",
                    MethodType.methodType(long.class, double.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The exact handle with every argument and the result carried as a {@code long}. */
    private final MethodHandle handle;
    /** Per argument, the only class that takes this path. */
    private final Class<?>[] boxes;
    /** The C result type, which says how {@link #box} boxes the result's bits. */
    private final NativeType result;

    private BoxedCall(MethodHandle handle, Class<?>[] boxes, NativeType result) {
        this.handle = handle;
        this.boxes = boxes;
        this.result = result;
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
        MethodHandle handle = exact;
        for (int i = 0; i < boxes.length; i++) {
            NativeType type = signature.parameter(i);
            if (type == NativeType.VOID || !primitive(type)) {
                return null;
            }
            boxes[i] = MethodType.methodType(type.carrier()).wrap().returnType();
            // a float's bits are not its value: reinterpreted here; every other carrier is cast below
            if (type == NativeType.F32) {
                handle = MethodHandles.filterArguments(handle, i, FLOAT_OF);
            } else if (type == NativeType.F64) {
                handle = MethodHandles.filterArguments(handle, i, DOUBLE_OF);
            }
        }
        handle = switch (signature.returnType()) {
            case VOID -> MethodHandles.filterReturnValue(handle, NO_RESULT);
            case F32 -> MethodHandles.filterReturnValue(handle, FLOAT_BITS);
            case F64 -> MethodHandles.filterReturnValue(handle, DOUBLE_BITS);
            default -> handle;
        };
        // narrowing a long to byte, char, short or int keeps the bits the box gave; to boolean, the
        // low bit; widening the result sign-extends (char zero-extends), and box reads what it needs
        Class<?>[] longs = new Class<?>[boxes.length];
        Arrays.fill(longs, long.class);
        handle = MethodHandles.explicitCastArguments(handle, MethodType.methodType(long.class, longs));
        return new BoxedCall(handle, boxes, signature.returnType());
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
        MethodHandle handle = this.handle;
        long result;
        try {
            result = switch (a.length) {
                case 0 -> (long) handle.invokeExact();
                case 1 -> (long) handle.invokeExact(bits(a[0]));
                case 2 -> (long) handle.invokeExact(bits(a[0]), bits(a[1]));
                case 3 -> (long) handle.invokeExact(bits(a[0]), bits(a[1]), bits(a[2]));
                case 4 -> (long) handle.invokeExact(bits(a[0]), bits(a[1]), bits(a[2]), bits(a[3]));
                case 5 -> (long) handle.invokeExact(bits(a[0]), bits(a[1]), bits(a[2]), bits(a[3]), bits(a[4]));
                default -> (long) handle.invokeExact(bits(a[0]), bits(a[1]), bits(a[2]), bits(a[3]), bits(a[4]),
                        bits(a[5]));
            };
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
        return box(result);
    }

    /** The raw bits of a carrier's box, one {@link #accepts} took, widened to a {@code long}. */
    private static long bits(Object box) {
        if (box instanceof Long l) {
            return l;
        } else if (box instanceof Integer i) {
            return i;
        } else if (box instanceof Double d) {
            return Double.doubleToRawLongBits(d);
        } else if (box instanceof Float f) {
            return Float.floatToRawIntBits(f);
        } else if (box instanceof Byte b) {
            return b;
        } else if (box instanceof Short s) {
            return s;
        } else if (box instanceof Character c) {
            return c;
        }
        return (Boolean) box ? 1 : 0;
    }

    /** The result, whose carrier's bits are {@code bits}, boxed as {@code invoke} documents. */
    private Object box(long bits) {
        return switch (result) {
            case VOID -> null;
            case BOOL -> Boolean.valueOf(bits != 0);
            case I8 -> Byte.valueOf((byte) bits);
            case U8 -> Integer.valueOf((int) bits & 0xFF);
            case I16 -> Short.valueOf((short) bits);
            case U16 -> Integer.valueOf((int) bits & 0xFFFF);
            case I32 -> Integer.valueOf((int) bits);
            case U32 -> Long.valueOf(bits & 0xFFFF_FFFFL);
            case I64, ISIZE -> Long.valueOf(bits);
            case U64, USIZE -> Conversions.unsigned64(bits);
            case F32 -> Float.valueOf(Float.intBitsToFloat((int) bits));
            case F64 -> Double.valueOf(Double.longBitsToDouble(bits));
            default -> throw new IllegalStateException("fastffi bug: no boxed call returns " + result);
        };
    }

    /** A float argument from the bits {@link #bits} gave it. */
    private static float floatOf(long bits) {
        return Float.intBitsToFloat((int) bits);
    }
}

package dev.fastffi.internal;

import dev.fastffi.Upcall;
import dev.fastffi.internal.memory.Buffers;
import dev.fastffi.internal.memory.Scratch;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The compatibility path's conversions between Java values and C carriers, shared by
 * {@code DynamicFunction.invoke}, generated COMPAT methods and bindings without generated code.
 * Range checks and messages are those of {@link Args}, so both paths reject alike.
 *
 * <p>The box of the carrier FFM passes a C type as keeps its raw bits, as that primitive does on
 * the fast path: {@code Byte} for i8 and u8 ({@code (byte) -1} is u8 255), {@code Short} for i16,
 * {@code Character} for u16, {@code Integer} for i32 and u32, {@code Long} for the 64-bit types.
 * Any other integer is range-checked against the C type, a box of the same width too: the fast
 * path takes no {@code short} for u16 nor {@code char} for i16, so {@code Short} -1 for a u16 is
 * out of range rather than 65535.
 */
public final class Conversions {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private Conversions() {}

    /**
     * Converts an argument to its boxed carrier ({@code Byte} for i8 and u8, {@code Character} for
     * u16, a segment for pointers, buffers and strings); buffers and strings are copied into
     * {@code scratch}, which may be null for signatures without them.
     */
    public static Object argument(Object value, NativeType type, NativeSymbol site, int index, Scratch scratch) {
        switch (type.kind()) {
            case POINTER:
                return pointer(value, site, index);
            case BUFFER:
                return buffer(value, site, index, scratch);
            case FUNCTION:
                return function(value, site, index);
            case STRUCT:
                return StructValues.in(value, site.signature().struct(index), site, index, scratch);
            case STRUCT_POINTER:
                return StructValues.pointerIn(value, site.signature().struct(index), site, index, scratch);
            case STRING:
                if (value == null || value instanceof String) {
                    return Strings.in((String) value, scratch, site, index);
                }
                throw wrongType(value, type, site, index);
            default:
                break;
        }
        if (value == null) {
            throw Args.invalid(site, index, type, "null cannot be passed as " + type.cName());
        }
        if (!JavaTypes.acceptsValue(type, value.getClass())) {
            throw wrongType(value, type, site, index);
        }
        return switch (type.kind()) {
            case BOOL -> {
                if (value instanceof Boolean) {
                    yield value;
                }
                throw wrongType(value, type, site, index);
            }
            case INTEGER -> integer(value, type, site, index);
            case FLOAT -> floating(value, type, site, index);
            default -> throw Args.invalid(site, index, type, "'" + type.cName() + "' is not supported yet");
        };
    }

    private static Object integer(Object value, NativeType type, NativeSymbol site, int index) {
        long bits;
        if (value instanceof BigInteger big) {
            bits = bigIntegerBits(big, type, site, index);
        } else if (boxesCarrier(value, type)) {
            bits = ((Number) asNumber(value)).longValue();
        } else {
            bits = Args.checkRange(((Number) asNumber(value)).longValue(), type, site, index);
        }
        return boxCarrier(bits, type);
    }

    private static long bigIntegerBits(BigInteger value, NativeType type, NativeSymbol site, int index) {
        if (value.signum() < 0 || value.compareTo(TWO_TO_64) >= 0) {
            throw Args.invalid(site, index, type, value + " is outside 0.." + TWO_TO_64.subtract(BigInteger.ONE));
        }
        return value.longValue();
    }

    private static Object floating(Object value, NativeType type, NativeSymbol site, int index) {
        if (type == NativeType.F32 && value instanceof Float) {
            return value;
        }
        if (type == NativeType.F64 && value instanceof Double) {
            return value;
        }
        throw wrongType(value, type, site, index);
    }

    private static MemorySegment buffer(Object value, NativeSymbol site, int index, Scratch scratch) {
        return switch (value) {
            case null -> MemorySegment.NULL;
            case MemorySegment segment -> Buffers.in(segment, scratch, false);
            case ByteBuffer buffer -> Buffers.in(buffer, scratch, false);
            case Record[] records -> StructValues.arrayIn(records, site, index, scratch);
            case MemorySegment[] pointers -> Buffers.copyIn(pointers, scratch, site, index);
            case String[] texts -> Strings.inAll(texts, scratch, site, index);
            case String text -> throw Args.invalid(site, index, NativeType.BUFFER, describe(text) + " is never"
                    + " turned into a buffer; pass text.getBytes(UTF_8) with a trailing 0, or declare the argument"
                    + " as 'string'");
            default -> {
                if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()
                        && value.getClass() != boolean[].class) {
                    MemorySegment source = Buffers.critical(value);
                    yield scratch.allocate(source.byteSize()).copyFrom(source);
                }
                throw wrongType(value, NativeType.BUFFER, site, index);
            }
        };
    }

    /** Copies what C wrote into a buffer argument's scratch copy back into the caller's object. */
    public static void copyBack(Object value, MemorySegment passed) {
        copyBack(value, passed, SystemLibrary.state());
    }

    /**
     * As {@link #copyBack(Object, MemorySegment)}, records' {@code function} fields of a callback
     * interface read as views closed with {@code library}, that of the function called.
     */
    static void copyBack(Object value, MemorySegment passed, LibraryState library) {
        switch (value) {
            case MemorySegment segment -> Buffers.out(segment, passed);
            case ByteBuffer buffer -> Buffers.out(buffer, passed);
            case Record[] records -> StructValues.arrayOut(records, passed, library);
            case MemorySegment[] pointers -> Buffers.out(pointers, passed);
            case String[] texts -> { }
            case null -> { }
            default -> Buffers.critical(value).copyFrom(passed);
        }
    }

    private static MemorySegment pointer(Object value, NativeSymbol site, int index) {
        NativeType type = NativeType.POINTER;
        if (value == null || value instanceof MemorySegment) {
            return Args.pointer((MemorySegment) value, type, site, index);
        }
        if (value instanceof Long address) {
            return MemorySegment.ofAddress(address);
        }
        if (value instanceof BigInteger big) {
            return MemorySegment.ofAddress(bigIntegerBits(big, type, site, index));
        }
        if (value instanceof String) {
            throw Args.invalid(site, index, type, describe(value) + " is never turned into a pointer; pass a"
                    + " MemorySegment (e.g. arena.allocateFrom(text)) or declare the argument as 'string'");
        }
        if (value.getClass().isArray() || value instanceof ByteBuffer) {
            throw Args.invalid(site, index, type, describe(value) + " is a buffer; declare the argument as"
                    + " 'buffer' to pass Java memory");
        }
        throw wrongType(value, type, site, index);
    }

    /**
     * A function pointer: a segment, an {@code Upcall}, a view of a C function pointer as the
     * address it calls (refused once its library is closed), or any other callback object, which
     * has one stub while it lives.
     */
    private static MemorySegment function(Object value, NativeSymbol site, int index) {
        return switch (value) {
            case null -> MemorySegment.NULL;
            case MemorySegment segment -> Args.pointer(segment, NativeType.FUNCTION, site, index);
            case Upcall<?> upcall -> Args.function(upcall, site, index);
            default -> {
                NativeSymbol viewed = Views.function(value);
                yield viewed != null ? viewed.open() : TransientUpcalls.stub(value, site, index);
            }
        };
    }

    /** The carrier of {@code type} holding the low bits of {@code bits}. */
    private static Object boxCarrier(long bits, NativeType type) {
        return switch (type) {
            case I8, U8 -> (byte) bits;
            case I16 -> (short) bits;
            case U16 -> (char) bits;
            case I32, U32 -> (int) bits;
            default -> bits;
        };
    }

    /** Whether {@code value} is the box of the primitive FFM carries {@code type} as. */
    private static boolean boxesCarrier(Object value, NativeType type) {
        Class<?> carrier = type.carrier();
        return switch (value) {
            case Byte b -> carrier == byte.class;
            case Short s -> carrier == short.class;
            case Character c -> carrier == char.class;
            case Integer i -> carrier == int.class;
            case Long l -> carrier == long.class;
            default -> false;
        };
    }

    private static Object asNumber(Object value) {
        return value instanceof Character c ? Integer.valueOf(c) : value;
    }

    private static RuntimeException wrongType(Object value, NativeType type, NativeSymbol site, int index) {
        return Args.invalid(site, index, type, describe(value) + " cannot be passed as " + type.cName()
                + "; pass " + String.join(", ", acceptedTypes(type)));
    }

    private static List<String> acceptedTypes(NativeType type) {
        return JavaTypes.allowedArguments(type).stream().map(JavaTypes::simpleName).distinct().toList();
    }

    /**
     * A value as messages show it: its Java type and, for short texts and numbers, the value; for
     * a segment its address and size, which a closed one still has.
     */
    static String describe(Object value) {
        if (value instanceof MemorySegment segment) {
            return "MemorySegment 0x" + Long.toHexString(segment.address()) + " of " + segment.byteSize() + " bytes";
        }
        if (value.getClass().isArray()) {
            return value.getClass().getComponentType().getName() + "[" + java.lang.reflect.Array.getLength(value) + "]";
        }
        if (value instanceof String s) {
            return "String \"" + (s.length() > 32 ? s.substring(0, 32) + "…" : s) + "\"";
        }
        return value.getClass().getSimpleName() + " " + value;
    }

    /**
     * Converts a carrier returned by the downcall to {@code javaType}: {@code Object.class} boxes as
     * {@code DynamicFunction.invoke} documents (u32 as Long, u64 as BigInteger, …); any other type
     * of the type table gets the value the fast path would return.
     */
    public static Object result(Object carrier, NativeType type, Class<?> javaType) {
        if (type == NativeType.VOID) {
            return null;
        }
        if (type == NativeType.POINTER) {
            return pointerResult((MemorySegment) carrier, javaType);
        }
        if (type == NativeType.STRING) {
            return Strings.read((MemorySegment) carrier);
        }
        if (type.kind() != NativeType.Kind.INTEGER) {
            return carrier;
        }
        long value = numericValue(carrier, type);
        Class<?> target = javaType == Object.class ? defaultResultType(type) : javaType;
        if (target == byte.class || target == Byte.class) {
            return (byte) value;
        } else if (target == short.class || target == Short.class) {
            return (short) value;
        } else if (target == char.class || target == Character.class) {
            return (char) value;
        } else if (target == int.class || target == Integer.class) {
            return (int) value;
        } else if (target == BigInteger.class) {
            return type.isSigned() ? BigInteger.valueOf(value) : unsigned64(value);
        }
        return value;
    }

    /**
     * The unsigned value of {@code bits}: one {@code BigInteger} and its magnitude, with no
     * intermediate values ({@code valueOf} shares its cached small values).
     */
    static BigInteger unsigned64(long bits) {
        if (bits >= 0) {
            return BigInteger.valueOf(bits);
        }
        byte[] magnitude = new byte[Long.BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            magnitude[i] = (byte) (bits >>> (Long.SIZE - Byte.SIZE * (i + 1)));
        }
        return new BigInteger(1, magnitude);
    }

    /** The C value as a long: sign- or zero-extended as the C type says (u64 keeps its raw bits). */
    private static long numericValue(Object carrier, NativeType type) {
        return switch (carrier) {
            case Byte b -> type.isSigned() ? b : Byte.toUnsignedInt(b);
            case Short s -> type.isSigned() ? s : Short.toUnsignedInt(s);
            case Character c -> c;
            case Integer i -> type.isSigned() ? i : Integer.toUnsignedLong(i);
            default -> (Long) carrier;
        };
    }

    private static Class<?> defaultResultType(NativeType type) {
        return switch (type) {
            case I8 -> Byte.class;
            case I16 -> Short.class;
            case U8, U16, I32 -> Integer.class;
            case U64, USIZE -> BigInteger.class;
            default -> Long.class;
        };
    }

    private static Object pointerResult(MemorySegment segment, Class<?> javaType) {
        if (javaType == long.class || javaType == Long.class) {
            return segment.address();
        }
        if (javaType == BigInteger.class) {
            long address = segment.address();
            return unsigned64(address);
        }
        return segment.address() == 0 ? MemorySegment.NULL : segment;
    }
}

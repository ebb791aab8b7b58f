package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.Upcall;
import dev.fastffi.model.NativeType;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Array;

/**
 * Per-argument checks of the fast path: tiny static methods the JIT inlines into generated code.
 * Message text is built only when throwing, and the compatibility path throws the same text.
 */
public final class Args {
    private Args() {}

    public static byte i8(int value, NativeSymbol site, int index) {
        return (byte) checkRange(value, NativeType.I8, site, index);
    }

    public static byte u8(int value, NativeSymbol site, int index) {
        return (byte) checkRange(value, NativeType.U8, site, index);
    }

    public static short i16(int value, NativeSymbol site, int index) {
        return (short) checkRange(value, NativeType.I16, site, index);
    }

    public static char u16(int value, NativeSymbol site, int index) {
        return (char) checkRange(value, NativeType.U16, site, index);
    }

    public static int u32(long value, NativeSymbol site, int index) {
        return (int) checkRange(value, NativeType.U32, site, index);
    }

    /**
     * A pointer argument, or a buffer or string passed as a segment to {@code DynamicFunction.handle()}:
     * {@code null} is NULL; a heap segment is refused, as FFM can pass only native memory there.
     */
    public static MemorySegment pointer(MemorySegment value, NativeSymbol site, int index) {
        // the C type only names the argument in the message: a first call parses no signature
        if (value != null && !value.isNative()) {
            return pointer(value, site.signature().parameter(index), site, index);
        }
        return value == null ? MemorySegment.NULL : value;
    }

    /** As {@link #pointer(MemorySegment, NativeSymbol, int)} for an argument of C type {@code type}, also variadic. */
    static MemorySegment pointer(MemorySegment value, NativeType type, NativeSymbol site, int index) {
        if (value == null) {
            return MemorySegment.NULL;
        }
        if (!value.isNative()) {
            throw invalid(site, index, type, heapProblem(type));
        }
        return value;
    }

    /**
     * A {@code pointer} field of struct argument {@code index} held in a segment: NULL for null; a
     * heap segment is refused under its field, as the compatibility path refuses it, since C would
     * read its bits as an address.
     */
    public static MemorySegment pointerField(MemorySegment value, NativeSymbol site, int index, int field) {
        return segmentField(value, NativeType.POINTER, site, index, field);
    }

    /** As {@link #pointerField} for a {@code function} field. */
    public static MemorySegment functionField(MemorySegment value, NativeSymbol site, int index, int field) {
        return segmentField(value, NativeType.FUNCTION, site, index, field);
    }

    private static MemorySegment segmentField(MemorySegment value, NativeType type, NativeSymbol site, int index,
            int field) {
        if (value == null) {
            return MemorySegment.NULL;
        }
        if (!value.isNative()) {
            throw invalidField(site, index, field, type, heapProblem(type));
        }
        return value;
    }

    private static String heapProblem(NativeType type) {
        return switch (type) {
            case POINTER -> "a heap MemorySegment cannot be passed as a pointer; declare the argument as"
                    + " 'buffer' or pass memory from an Arena";
            case FUNCTION -> "a heap MemorySegment cannot be a function pointer; pass Upcall.address()";
            case STRUCT_POINTER -> "a heap MemorySegment cannot be passed as a pointer to a struct; pass memory"
                    + " from an Arena, or the record";
            default -> "a heap MemorySegment cannot be passed through handle(); pass memory from an Arena,"
                    + " or call invoke(...), which copies it";
        };
    }

    /** A registered callback: its stub's address; NULL for null; a closed one is refused before any native code runs. */
    public static MemorySegment function(Upcall<?> upcall, NativeSymbol site, int index) {
        if (upcall == null) {
            return MemorySegment.NULL;
        }
        if (!upcall.isOpen()) {
            throw invalid(site, index, NativeType.FUNCTION, closedUpcall(upcall));
        }
        return upcall.address();
    }

    /** What is wrong with {@code upcall} once closed, also when FFM finds it closed after this class checked it. */
    static String closedUpcall(Upcall<?> upcall) {
        return upcall + " was closed; its stub is freed";
    }

    /** Returns {@code value} if {@code type} can represent it, otherwise throws {@code INVALID_ARGUMENT}. */
    public static long checkRange(long value, NativeType type, NativeSymbol site, int index) {
        if (value < type.minValue() || value > type.maxValue()) {
            throw invalid(site, index, type, value + " is outside " + type.minValue() + ".." + type.maxValue());
        }
        return value;
    }

    /** A u8 field of struct argument {@code index} held in an {@code int}: the low byte, range-checked. */
    public static byte u8(int value, NativeSymbol site, int index, int field) {
        return (byte) checkField(value, NativeType.U8, site, index, field);
    }

    public static byte i8(int value, NativeSymbol site, int index, int field) {
        return (byte) checkField(value, NativeType.I8, site, index, field);
    }

    public static short i16(int value, NativeSymbol site, int index, int field) {
        return (short) checkField(value, NativeType.I16, site, index, field);
    }

    public static char u16(int value, NativeSymbol site, int index, int field) {
        return (char) checkField(value, NativeType.U16, site, index, field);
    }

    public static int u32(long value, NativeSymbol site, int index, int field) {
        return (int) checkField(value, NativeType.U32, site, index, field);
    }

    /** As {@link #checkRange} for field {@code field} of struct argument {@code index}. */
    static long checkField(long value, NativeType type, NativeSymbol site, int index, int field) {
        if (value < type.minValue() || value > type.maxValue()) {
            throw invalidField(site, index, field, type, value + " is outside " + type.minValue() + ".."
                    + type.maxValue());
        }
        return value;
    }

    /**
     * {@code INVALID_ARGUMENT: lib symbol, argument i ({u8, i32}), field 0 (u8): problem}: a scalar
     * field of a struct argument, named by its index in the struct that holds it and its C type.
     */
    public static FfiException invalidField(NativeSymbol site, int index, int field, NativeType type, String problem) {
        return new FfiException(FfiException.Code.INVALID_ARGUMENT, site + ", argument " + index + " ("
                + site.signature().describeParameter(index) + "), field " + field + " (" + type.cName() + "): "
                + problem);
    }

    /**
     * {@code rejected}, thrown by {@link Conversions#argument} for a value of C type {@code type}
     * standing for argument {@code index}, placed under field {@code field} of that struct argument.
     * This class writes that message's one format, so the problem is what follows its prefix.
     */
    static FfiException inField(FfiException rejected, NativeSymbol site, int index, int field, NativeType type) {
        String prefix = FfiException.Code.INVALID_ARGUMENT + ": " + site + ", argument " + index + " ("
                + type.cName() + "): ";
        String message = rejected.getMessage();
        if (rejected.code() != FfiException.Code.INVALID_ARGUMENT || !message.startsWith(prefix)) {
            return rejected;
        }
        return invalidField(site, index, field, type, message.substring(prefix.length()));
    }

    /** A struct argument, which cannot be NULL: the record itself, or {@code INVALID_ARGUMENT}. */
    public static <R> R struct(R value, NativeSymbol site, int index) {
        if (value == null) {
            throw invalidStruct(site, index, "null cannot be passed as a struct");
        }
        return value;
    }

    /** A fixed array field of a struct argument: the array itself when it has exactly {@code length} elements. */
    public static <A> A array(A value, int length, NativeSymbol site, int index) {
        if (value == null || Array.getLength(value) != length) {
            throw invalidStruct(site, index, "an array field needs exactly " + length + " elements, not "
                    + (value == null ? "null" : Conversions.describe(value)));
        }
        return value;
    }

    /** As {@link #invalid} for struct argument {@code index}, named by its fields. */
    public static FfiException invalidStruct(NativeSymbol site, int index, String problem) {
        return new FfiException(FfiException.Code.INVALID_ARGUMENT,
                site + ", argument " + index + " (" + site.signature().describeParameter(index) + "): " + problem);
    }

    /** {@code INVALID_ARGUMENT: lib symbol, argument i (type): problem}, the one format of all paths. */
    public static FfiException invalid(NativeSymbol site, int index, NativeType type, String problem) {
        return invalid(site, index, type, problem, null);
    }

    /** {@link #invalid(NativeSymbol, int, NativeType, String)} with the failure that caused it. */
    static FfiException invalid(NativeSymbol site, int index, NativeType type, String problem, Throwable cause) {
        String described = type.hasStruct() ? site.signature().describeParameter(index) : type.cName();
        return new FfiException(FfiException.Code.INVALID_ARGUMENT,
                site + ", argument " + index + " (" + described + "): " + problem, cause);
    }
}

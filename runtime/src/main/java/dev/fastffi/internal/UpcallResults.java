package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.NativeType;
import java.lang.foreign.MemorySegment;

/**
 * What a Java callback returns, checked and narrowed to the C carrier inside the upcall, where a
 * throw is caught and reported: FFM would end the JVM on a bad value found after it.
 */
public final class UpcallResults {
    private UpcallResults() {}

    static byte i8(int value) {
        return (byte) check(value, NativeType.I8);
    }

    static byte u8(int value) {
        return (byte) check(value, NativeType.U8);
    }

    static short i16(int value) {
        return (short) check(value, NativeType.I16);
    }

    static char u16(int value) {
        return (char) check(value, NativeType.U16);
    }

    static int u32(long value) {
        return (int) check(value, NativeType.U32);
    }

    static MemorySegment address(long value) {
        return MemorySegment.ofAddress(value);
    }

    /** null is NULL; a heap segment has no address C could use. */
    static MemorySegment pointer(MemorySegment value) {
        if (value == null) {
            return MemorySegment.NULL;
        }
        if (!value.isNative()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT,
                    "a callback returned a heap MemorySegment, which has no address C could use");
        }
        return value;
    }

    private static long check(long value, NativeType type) {
        if (value < type.minValue() || value > type.maxValue()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "a callback returned " + value + " as "
                    + type.cName() + ", which is outside " + type.minValue() + ".." + type.maxValue());
        }
        return value;
    }
}

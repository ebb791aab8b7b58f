package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

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

    /** null is NULL; a heap segment has no address C could use, and a closed arena's memory is freed. */
    static MemorySegment pointer(MemorySegment value) {
        if (value == null) {
            return MemorySegment.NULL;
        }
        if (!value.isNative()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT,
                    "a callback returned a heap MemorySegment, which has no address C could use");
        }
        if (!value.scope().isAlive()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "a callback returned a MemorySegment whose"
                    + " arena is closed, so its memory is freed and C must not use it");
        }
        return value;
    }

    /**
     * Where a callback's struct result is written for FFM, which copies it to C as soon as the
     * upcall returns: one segment per thread and callback type, reused by every call.
     */
    static final class StructResult {
        private final StructType struct;
        private final String callback;
        private final NativeSymbol site;
        private final ThreadLocal<MemorySegment> memory;

        StructResult(StructType struct, String callback) {
            this.struct = struct;
            this.callback = callback;
            // the site StructValues names in its messages; only the text after its prefix is kept
            this.site = new NativeSymbol(new LibraryState(callback, null, true), "result",
                    new Signature(NativeType.VOID, List.of(NativeType.STRUCT), false, List.of(struct)), null);
            this.memory = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(struct.layout()));
        }

        /** {@code value}, a record of the struct, written into this thread's segment. */
        MemorySegment write(Object value) {
            if (value == null) {
                throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "a callback (" + callback
                        + ") returned null for the struct " + struct + "; return a record of its fields");
            }
            MemorySegment segment = memory.get();
            try {
                StructValues.write(segment, 0, struct, value, site, 0);
            } catch (FfiException e) {
                String message = e.getMessage();
                throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "a callback (" + callback + ") returned "
                        + Conversions.describe(value) + " for the struct " + struct + ": "
                        + message.substring(message.indexOf("): ") + 3));
            }
            return segment;
        }
    }

    private static long check(long value, NativeType type) {
        if (value < type.minValue() || value > type.maxValue()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, "a callback returned " + value + " as "
                    + type.cName() + ", which is outside " + type.minValue() + ".." + type.maxValue());
        }
        return value;
    }
}

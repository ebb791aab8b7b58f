package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Buffers on the compatibility path: a boxed length makes each method COMPAT, so its buffers go
 * through the runtime's conversions, as {@code invoke} arguments do.
 */
interface CompatBuffers {
    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i8")
    Long sumI8(byte[] values, Long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void increment(byte[] values, Long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void increment(ByteBuffer bytes, Long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void increment(MemorySegment bytes, Long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_i32")
    void incrementInts(int[] values, Long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_f64")
    void incrementDoubles(double[] values, Long n);

    @NativeFunction(value = "i64(buffer, buffer, usize)", symbol = "add_into_i32")
    Long addInto(int[] to, MemorySegment from, Long n);

    @NativeFunction(value = "i32(buffer)", symbol = "is_null")
    Integer isNull(byte[] values);
}

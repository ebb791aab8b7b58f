package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Segments and byte buffers as buffers: native memory passes as it is, heap memory is copied
 * unless the call is critical.
 */
interface MemoryBuffers {
    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_u8")
    long sum(MemorySegment bytes, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_u8")
    long sum(ByteBuffer bytes, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void increment(MemorySegment bytes, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void increment(ByteBuffer bytes, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8", critical = true)
    void incrementCritical(MemorySegment bytes, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8", critical = true)
    void incrementCritical(ByteBuffer bytes, long n);

    @NativeFunction(value = "usize(buffer)", symbol = "pointer_to_address")
    long addressSeenByC(MemorySegment bytes);

    @NativeFunction(value = "usize(buffer)", symbol = "pointer_to_address")
    long addressSeenByC(ByteBuffer bytes);

    @NativeFunction(value = "i32(buffer)", symbol = "is_null")
    int isNull(MemorySegment bytes);

    @NativeFunction(value = "i32(buffer)", symbol = "is_null")
    int isNull(ByteBuffer bytes);

    @NativeFunction(value = "i64(buffer, buffer, usize)", symbol = "add_into_i32")
    long addInto(MemorySegment to, ByteBuffer from, long n);

    @NativeFunction(value = "i64(buffer, buffer, usize)", symbol = "add_into_i32")
    long addInto(int[] to, MemorySegment from, long n);
}

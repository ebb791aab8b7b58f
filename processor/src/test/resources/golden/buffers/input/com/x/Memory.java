package com.x;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/** Buffers copied through scratch memory, and passed zero-copy when critical. */
public interface Memory {
    @NativeFunction("u64(u64, buffer, u32)")
    long crc32(long crc, byte[] data, int length);

    @NativeFunction(value = "u64(u64, buffer, u32)", symbol = "crc32", critical = true)
    long crc32Critical(long crc, byte[] data, int length);

    @NativeFunction(value = "pointer(buffer, i32, usize)", symbol = "memset")
    MemorySegment fill(int[] data, int value, long bytes);

    @NativeFunction(value = "void(buffer, buffer, usize)", symbol = "memcpy")
    void copy(MemorySegment to, ByteBuffer from, long bytes);

    @NativeFunction(value = "pointer(buffer, buffer, usize)", symbol = "memcpy", critical = true)
    long copyCritical(MemorySegment to, double[] from, long bytes);
}

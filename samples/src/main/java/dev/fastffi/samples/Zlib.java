package dev.fastffi.samples;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import java.lang.foreign.MemorySegment;

/** zlib's checksums and sizes: {@code uLong} is u64 and {@code uInt} is u32 on 64-bit Linux. */
@NativeLibrary({"libz.so.1", "z"})
public interface Zlib {
    /** A byte[] buffer: copied into per-thread scratch memory for the call, no allocation. */
    @NativeFunction("u64(u64, buffer, u32)")
    long crc32(long crc, byte[] data, int length);

    /** Off-heap memory goes as it is. */
    @NativeFunction("u64(u64, buffer, u32)")
    long adler32(long adler, MemorySegment data, int length);

    @NativeFunction("u64(u64)")
    long compressBound(long sourceLength);

    @NativeFunction("u64()")
    long zlibCompileFlags();
}

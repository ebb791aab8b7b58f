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

    /** {@code int compress2(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen, int level)}. */
    @NativeFunction("i32(buffer, buffer, buffer, u64, i32)")
    int compress2(byte[] destination, long[] destinationLength, byte[] source, long sourceLength, int level);

    /** {@code int uncompress(Bytef *dest, uLongf *destLen, const Bytef *source, uLong sourceLen)}. */
    @NativeFunction("i32(buffer, buffer, buffer, u64)")
    int uncompress(byte[] destination, long[] destinationLength, byte[] source, long sourceLength);

    @NativeFunction("u64()")
    long zlibCompileFlags();
}

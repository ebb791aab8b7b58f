package dev.fastffi.it.modules.internal;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;

/** zlib's checksum: {@code uLong} is u64 and {@code uInt} is u32 on 64-bit Linux. */
@NativeLibrary({"libz.so.1", "z"})
public interface Zlib {
    @NativeFunction("u64(u64, buffer, u32)")
    long crc32(long crc, byte[] data, int length);
}

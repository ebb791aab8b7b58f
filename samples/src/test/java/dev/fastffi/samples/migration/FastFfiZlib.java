package dev.fastffi.samples.migration;

import dev.fastffi.FastFfi;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;

/** The guide's "after": the same call through fastffi. */
final class FastFfiZlib {
    private FastFfiZlib() {}

    // tag::fastffi[]
    @NativeLibrary("z")
    public interface Zlib {
        @NativeFunction("u64(u64, buffer, u32)")   // the C signature, checked against the Java types
        long crc32(long crc, byte[] data, int length);
    }

    static long checksum(byte[] data) {
        return FastFfi.load(Zlib.class).crc32(0, data, data.length);   // generated FAST binding
    }
    // end::fastffi[]
}

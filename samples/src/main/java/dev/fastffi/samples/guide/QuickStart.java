package dev.fastffi.samples.guide;

import dev.fastffi.FastFfi;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;

/** The README's example. */
public final class QuickStart {
    private QuickStart() {}

    // tag::interface[]
    @NativeLibrary({"libz.so.1", "z"})
    public interface Zlib {
        @NativeFunction("u64(u64, buffer, u32)")
        long crc32(long crc, byte[] data, int length);

        @NativeFunction("string()")
        String zlibVersion();
    }
    // end::interface[]

    public static long checksum() {
        // tag::call[]
        Zlib zlib = FastFfi.load(Zlib.class);   // the generated binding; libz stays loaded
        byte[] data = "123456789".getBytes();
        long crc = zlib.crc32(0, data, data.length);   // 0xCBF43926, no allocation per call
        System.out.println("zlib " + zlib.zlibVersion() + ": crc32 = " + Long.toHexString(crc));
        // end::call[]
        return crc;
    }
}

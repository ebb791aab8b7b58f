package dev.fastffi.samples.migration;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The guide's "before" for JNA users: zlib's crc32 through a JNA interface mapping. */
final class JnaZlib {
    private JnaZlib() {}

    // tag::jna[]
    public interface Zlib extends Library {
        Zlib INSTANCE = Native.load("z", Zlib.class);

        long crc32(long crc, byte[] data, int length);   // JNA guesses the C types from these
    }

    static long checksum(byte[] data) {
        return Zlib.INSTANCE.crc32(0, data, data.length);
    }
    // end::jna[]
}

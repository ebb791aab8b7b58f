package dev.fastffi.benchmarks.vthreads;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;

/** The two calls of a probe task, as fastffi bindings. */
final class ProbeLibs {
    private ProbeLibs() {}

    /** zlib's crc32 over a {@code byte[]}: a buffer copied into scratch memory and back. */
    @NativeLibrary({"libz.so.1", "z"})
    public interface Zlib {
        @NativeFunction("u64(u64, buffer, u32)")
        long crc32(long crc, byte[] data, int length);
    }

    /** libc's strlen of a Java String: copied into scratch memory as UTF-8. */
    public interface LibC {
        @NativeFunction("usize(string)")
        long strlen(String text);
    }
}

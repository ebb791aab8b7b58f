package dev.fastffi.samples;

import dev.fastffi.FastFfi;
import java.util.Arrays;

/** zlib's one-shot compression over Java arrays, with its {@code uLongf *} length out-parameters. */
public final class Compression {
    private static final Zlib ZLIB = FastFfi.load(Zlib.class);
    private static final int Z_OK = 0;

    private Compression() {}

    public static byte[] compress(byte[] data) {
        byte[] out = new byte[(int) ZLIB.compressBound(data.length)];
        long[] length = {out.length};
        check(ZLIB.compress2(out, length, data, data.length, 9), "compress2");
        return Arrays.copyOf(out, (int) length[0]);
    }

    public static byte[] uncompress(byte[] compressed, int originalLength) {
        byte[] out = new byte[originalLength];
        long[] length = {out.length};
        check(ZLIB.uncompress(out, length, compressed, compressed.length), "uncompress");
        return Arrays.copyOf(out, (int) length[0]);
    }

    private static void check(int rc, String function) {
        if (rc != Z_OK) {
            throw new IllegalStateException(function + " failed with zlib error " + rc);
        }
    }
}

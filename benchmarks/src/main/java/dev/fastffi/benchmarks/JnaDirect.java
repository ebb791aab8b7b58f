package dev.fastffi.benchmarks;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** JNA direct mapping: {@code static native} methods bound by {@code Native.register}, JNA's fastest path. */
final class JnaDirect {
    static {
        Native.register(NativeLibrary.getInstance(BenchNative.library().toString()));
    }

    private JnaDirect() {}

    static native void noop();

    static native int add(int a, int b);

    static native double mul(double a, double b);

    static native long xor_u64(long a, long b);

    static native long sum_bytes(byte[] data, long length);

    static native long length_of(String text);

    static native int fail_with_errno(int code);

    static native void sort_ints(Pointer data, long count, JnaLib.Compare compare);
}

package dev.fastffi.benchmarks;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** JNA interface mapping: a proxy per library, arguments converted through reflection-driven marshalling. */
public interface JnaLib extends Library {
    JnaLib INSTANCE = Native.load(BenchNative.library().toString(), JnaLib.class);

    void noop();

    int add(int a, int b);

    double mul(double a, double b);

    long xor_u64(long a, long b);

    /** JNA copies a byte[] in and back around the call. */
    long sum_bytes(byte[] data, long length);

    long length_of(String text);

    int fail_with_errno(int code);

    void sort_ints(Pointer data, long count, Compare compare);

    /** A JNA callback: one Java call per comparison. */
    interface Compare extends Callback {
        int invoke(Pointer a, Pointer b);
    }
}

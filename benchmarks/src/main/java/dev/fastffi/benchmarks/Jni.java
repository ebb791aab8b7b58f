package dev.fastffi.benchmarks;

import java.nio.ByteBuffer;
import java.util.function.IntBinaryOperator;

/** JNI: the stub bench_jni.c, built by gcc against the toolchain JDK's jni.h, calls the same C functions. */
final class Jni {
    static {
        System.load(BenchNative.directory().resolve(System.mapLibraryName("fastffi_bench_jni")).toString());
    }

    private Jni() {}

    static native void noop();

    static native int add(int a, int b);

    static native double mul(double a, double b);

    static native long xor(long a, long b);

    /** Copied onto the C stack and back with Get/SetByteArrayRegion. */
    static native long sumBytes(byte[] data, long length);

    /** The heap array itself, through GetPrimitiveArrayCritical. */
    static native long sumBytesCritical(byte[] data, long length);

    static native long lengthOf(String text);

    /** Returns errno as the call left it. */
    static native int failWithErrno(int code);

    /** Sorts {@code count} ints of a direct buffer, calling {@code comparator} per comparison. */
    static native void sortInts(ByteBuffer data, long count, IntBinaryOperator comparator);
}

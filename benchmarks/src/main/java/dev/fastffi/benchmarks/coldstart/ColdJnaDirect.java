package dev.fastffi.benchmarks.coldstart;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.fastffi.benchmarks.BenchNative;

/** The twenty functions through JNA direct mapping, all registered when the class initializes. */
final class ColdJnaDirect {
    static {
        Native.register(NativeLibrary.getInstance(BenchNative.library().toString()));
    }

    private ColdJnaDirect() {}

    static native int cold_0(int a, int b);

    static native long cold_1(long a, long b);

    static native double cold_2(double a, double b);

    static native float cold_3(float a, float b);

    static native int cold_4(int a);

    static native long cold_5(long a);

    static native double cold_6(double a);

    static native float cold_7(float a);

    static native int cold_8(int a, int b, int c);

    static native long cold_9(long a, long b, long c);

    static native double cold_10(double a, double b, double c);

    static native int cold_11(long a, int b);

    static native long cold_12(int a, long b);

    static native double cold_13(int a, double b);

    static native double cold_14(double a, int b);

    static native int cold_15(double a);

    static native long cold_16(double a, double b);

    static native int cold_17(int a, int b, int c, int d);

    static native long cold_18(int a, int b, int c, int d);

    static native double cold_19(long a);
}

package dev.fastffi.benchmarks.coldstart;

import com.sun.jna.Library;

/** The twenty functions through JNA interface mapping. */
public interface ColdJna extends Library {
    int cold_0(int a, int b);

    long cold_1(long a, long b);

    double cold_2(double a, double b);

    float cold_3(float a, float b);

    int cold_4(int a);

    long cold_5(long a);

    double cold_6(double a);

    float cold_7(float a);

    int cold_8(int a, int b, int c);

    long cold_9(long a, long b, long c);

    double cold_10(double a, double b, double c);

    int cold_11(long a, int b);

    long cold_12(int a, long b);

    double cold_13(int a, double b);

    double cold_14(double a, int b);

    int cold_15(double a);

    long cold_16(double a, double b);

    int cold_17(int a, int b, int c, int d);

    long cold_18(int a, int b, int c, int d);

    double cold_19(long a);
}

package dev.fastffi.benchmarks.coldstart;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;

/** Twenty functions of distinct signatures, of which a cold-start run calls one ({@code cold0}) or all. */
@NativeLibrary("fastffi_bench")
public interface ColdLib {
    @NativeFunction(value = "i32(i32, i32)", symbol = "cold_0")
    int cold0(int a, int b);

    @NativeFunction(value = "i64(i64, i64)", symbol = "cold_1")
    long cold1(long a, long b);

    @NativeFunction(value = "f64(f64, f64)", symbol = "cold_2")
    double cold2(double a, double b);

    @NativeFunction(value = "f32(f32, f32)", symbol = "cold_3")
    float cold3(float a, float b);

    @NativeFunction(value = "i32(i32)", symbol = "cold_4")
    int cold4(int a);

    @NativeFunction(value = "i64(i64)", symbol = "cold_5")
    long cold5(long a);

    @NativeFunction(value = "f64(f64)", symbol = "cold_6")
    double cold6(double a);

    @NativeFunction(value = "f32(f32)", symbol = "cold_7")
    float cold7(float a);

    @NativeFunction(value = "i32(i32, i32, i32)", symbol = "cold_8")
    int cold8(int a, int b, int c);

    @NativeFunction(value = "i64(i64, i64, i64)", symbol = "cold_9")
    long cold9(long a, long b, long c);

    @NativeFunction(value = "f64(f64, f64, f64)", symbol = "cold_10")
    double cold10(double a, double b, double c);

    @NativeFunction(value = "i32(i64, i32)", symbol = "cold_11")
    int cold11(long a, int b);

    @NativeFunction(value = "i64(i32, i64)", symbol = "cold_12")
    long cold12(int a, long b);

    @NativeFunction(value = "f64(i32, f64)", symbol = "cold_13")
    double cold13(int a, double b);

    @NativeFunction(value = "f64(f64, i32)", symbol = "cold_14")
    double cold14(double a, int b);

    @NativeFunction(value = "i32(f64)", symbol = "cold_15")
    int cold15(double a);

    @NativeFunction(value = "i64(f64, f64)", symbol = "cold_16")
    long cold16(double a, double b);

    @NativeFunction(value = "i32(i32, i32, i32, i32)", symbol = "cold_17")
    int cold17(int a, int b, int c, int d);

    @NativeFunction(value = "i64(i32, i32, i32, i32)", symbol = "cold_18")
    long cold18(int a, int b, int c, int d);

    @NativeFunction(value = "f64(i64)", symbol = "cold_19")
    double cold19(long a);
}

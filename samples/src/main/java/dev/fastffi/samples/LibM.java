package dev.fastffi.samples;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;

/** A few functions of the C math library; {@code m} resolves to {@code libm.so.6} on Linux. */
@NativeLibrary("m")
public interface LibM {
    @NativeFunction("f64(f64)")
    double cos(double x);

    @NativeFunction("f32(f32)")
    float cosf(float x);

    @NativeFunction("f64(f64, f64)")
    double pow(double base, double exponent);

    @NativeFunction("f64(f64)")
    double sqrt(double x);

    /** {@code double frexp(double, int *exponent)}: an out-parameter is a one-element array buffer. */
    @NativeFunction("f64(f64, buffer)")
    double frexp(double x, int[] exponent);

    /** Boxed types work too, on the compatibility path; {@code describe} says so. */
    @NativeFunction(value = "f64(f64)", symbol = "floor")
    Double floorBoxed(Double x);
}

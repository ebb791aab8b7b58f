package com.x;

import dev.fastffi.annotations.NativeFunction;

/** Overloads and parameter names that would clash with what the generator uses. */
public interface Overloads {
    @NativeFunction(value = "i32(i32)", symbol = "abs")
    int abs(int x);

    @NativeFunction(value = "i64(i64)", symbol = "labs")
    long abs(long x);

    @NativeFunction(value = "f64(f64)", symbol = "fabs")
    double abs(double x);

    @NativeFunction("i32(i32, i32, u8, i32)")
    int clash(int symbol$, int t$, int Args, int abs$Holder);
}

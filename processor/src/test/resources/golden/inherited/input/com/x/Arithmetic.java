package com.x;

import dev.fastffi.annotations.NativeFunction;

/** Functions without a library: bound against the process, or inherited by an interface that names one. */
public interface Arithmetic {
    @NativeFunction("i32(i32, i32)")
    int add(int a, int b);

    @NativeFunction("f64(f64)")
    double sqrt(double x);
}

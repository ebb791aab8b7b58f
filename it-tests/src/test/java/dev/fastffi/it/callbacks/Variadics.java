package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeFunction;

/** callbacks.c's variadic functions, bound on the compatibility path as every variadic method is. */
public interface Variadics {
    @NativeFunction("i64(i32, ...)")
    long variadic_sum_i32(int count, Object... values);

    @NativeFunction("f64(string, ...)")
    double variadic_sum_mixed(String types, Object... values);
}

package dev.fastffi.benchmarks;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;

/** The benchmark library as a fastffi user declares it; found on {@code java.library.path}. */
@NativeLibrary("fastffi_bench")
public interface BenchLib {
    @NativeFunction("void()")
    void noop();

    @NativeFunction("i32(i32, i32)")
    int add(int a, int b);

    @NativeFunction("f64(f64, f64)")
    double mul(double a, double b);

    @NativeFunction(value = "u64(u64, u64)", symbol = "xor_u64")
    long xor(long a, long b);
}

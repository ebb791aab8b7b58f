package dev.fastffi.benchmarks;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import dev.fastffi.annotations.NativeStruct;

/** The benchmark library's struct function as a fastffi user declares it. */
@NativeLibrary("fastffi_bench")
public interface StructLib {
    /** {@code pair} of bench.c: 16 bytes, a double and an integer. */
    @NativeStruct("{f64, i64}")
    record Pair(double x, long n) {}

    @NativeFunction(value = "Pair(Pair)", symbol = "pair_step", requireFast = true)
    Pair step(Pair pair);
}

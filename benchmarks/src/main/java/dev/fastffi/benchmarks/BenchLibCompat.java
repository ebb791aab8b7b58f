package dev.fastffi.benchmarks;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import java.lang.foreign.MemorySegment;

/**
 * The same functions with boxed Java types, which the processor generates on the compatibility
 * path; a per-interface alternative to {@code -Dfastffi.fast=false}, which would switch the whole JVM.
 * {@code void noop()} has no boxed form, so it has no compatibility case.
 */
@NativeLibrary("fastffi_bench")
public interface BenchLibCompat {
    @NativeFunction("i32(i32, i32)")
    Integer add(Integer a, Integer b);

    @NativeFunction("f64(f64, f64)")
    Double mul(Double a, Double b);

    @NativeFunction(value = "u64(u64, u64)", symbol = "xor_u64")
    Long xor(Long a, Long b);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_bytes")
    Long sumBytes(byte[] data, Long length);

    @NativeFunction(value = "i32(i32)", symbol = "fail_with_errno", errno = true)
    Integer failWithErrno(Integer code);

    /** A comparator object: fastffi makes a transient upcall for the call. */
    @NativeFunction(value = "void(pointer, usize, function)", symbol = "sort_ints")
    void sortInts(MemorySegment data, long count, IntComparator compare);
}

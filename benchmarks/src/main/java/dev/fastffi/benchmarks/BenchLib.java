package dev.fastffi.benchmarks;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import java.lang.foreign.MemorySegment;

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

    /** Scalars with {@code critical}: no thread-state transition, the cheapest call FFM can make. */
    @NativeFunction(value = "void()", symbol = "noop", critical = true)
    void noopCritical();

    @NativeFunction(value = "i32(i32, i32)", symbol = "add", critical = true)
    int addCritical(int a, int b);

    @NativeFunction(value = "f64(f64, f64)", symbol = "mul", critical = true)
    double mulCritical(double a, double b);

    @NativeFunction(value = "u64(u64, u64)", symbol = "xor_u64", critical = true)
    long xorCritical(long a, long b);

    /** Copied into per-thread scratch memory and back. */
    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_bytes")
    long sumBytes(byte[] data, long length);

    /** The Java heap array itself, zero-copy. */
    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_bytes", critical = true)
    long sumBytesCritical(byte[] data, long length);

    /** errno captured right after the call, for {@code Errno.last()}. */
    @NativeFunction(value = "i32(i32)", symbol = "fail_with_errno", errno = true)
    int failWithErrno(int code);

    /** A registered {@code Upcall} keeps the call on the fast path. */
    @NativeFunction(value = "void(pointer, usize, function)", symbol = "sort_ints")
    void sortInts(MemorySegment data, long count, Upcall<IntComparator> compare);

    /** Strings are never fast: a temporary UTF-8 copy on the compatibility path. */
    @NativeFunction(value = "usize(string)", symbol = "length_of")
    long lengthOf(String text);
}

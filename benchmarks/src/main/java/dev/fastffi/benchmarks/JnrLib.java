package dev.fastffi.benchmarks;

import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Pinned;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.u_int64_t;

/**
 * jnr-ffi, loaded as its documentation advises for speed: errno is saved only where asked
 * ({@code IgnoreError} for the library, {@code @SaveError} on the one function that sets it).
 */
public interface JnrLib {
    JnrLib INSTANCE = LibraryLoader.create(JnrLib.class)
            .option(LibraryOption.IgnoreError, true)
            .map("sumBytesPinned", "sum_bytes")
            .search(BenchNative.directory().toString())
            .load("fastffi_bench");
    /** Where jnr-ffi keeps the errno that {@code @SaveError} saved. */
    jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(INSTANCE);

    void noop();

    int add(int a, int b);

    double mul(double a, double b);

    @u_int64_t long xor_u64(@u_int64_t long a, @u_int64_t long b);

    /** Copied in and back, as every copying mechanism does. */
    long sum_bytes(byte[] data, @size_t long length);

    /** The heap array itself, pinned for the call and never copied. */
    long sumBytesPinned(@Pinned @In byte[] data, @size_t long length);

    @size_t long length_of(String text);

    @SaveError
    int fail_with_errno(int code);

    void sort_ints(Pointer data, @size_t long count, Compare compare);

    /** A jnr-ffi callback: one Java call per comparison. */
    interface Compare {
        @Delegate
        int compare(Pointer a, Pointer b);
    }
}

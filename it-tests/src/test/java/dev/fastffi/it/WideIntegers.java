package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;

/** The 64-bit and pointer-sized integers, all carried as raw {@code long}. */
interface WideIntegers {
    @NativeFunction(value = "i64(i64)", symbol = "echo_i64")
    long echoI64(long v);

    @NativeFunction(value = "i64()", symbol = "min_i64")
    long minI64();

    @NativeFunction(value = "i64()", symbol = "max_i64")
    long maxI64();

    @NativeFunction(value = "u64(u64)", symbol = "echo_u64")
    long echoU64(long v);

    @NativeFunction(value = "u64()", symbol = "max_u64")
    long maxU64();

    @NativeFunction(value = "i32(u64)", symbol = "is_max_u64")
    int isMaxU64(long v);

    @NativeFunction(value = "u32(u64)", symbol = "high_u32_of_u64")
    long highU32OfU64(long v);

    @NativeFunction(value = "isize(isize)", symbol = "echo_isize")
    long echoIsize(long v);

    @NativeFunction(value = "isize()", symbol = "min_isize")
    long minIsize();

    @NativeFunction(value = "isize()", symbol = "max_isize")
    long maxIsize();

    @NativeFunction(value = "isize(isize)", symbol = "echo_ssize")
    long echoSsize(long v);

    @NativeFunction(value = "usize(usize)", symbol = "echo_usize")
    long echoUsize(long v);

    @NativeFunction(value = "usize()", symbol = "max_usize")
    long maxUsize();

    @NativeFunction(value = "i32(usize)", symbol = "is_max_usize")
    int isMaxUsize(long v);
}

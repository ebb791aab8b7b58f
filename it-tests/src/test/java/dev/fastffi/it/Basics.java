package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;

/** Plain calls into the fixture; methods without {@code symbol} are bound by their own name. */
interface Basics {
    @NativeFunction("void()")
    void noop();

    @NativeFunction("i32(i32, i32)")
    int add_i32(int a, int b);

    @NativeFunction(value = "u64(u32)", symbol = "slow_sum")
    long slowSum(int n);

    @NativeFunction(value = "i32()", symbol = "bump_counter")
    int bumpCounter();

    @NativeFunction(value = "i32()", symbol = "read_counter")
    int readCounter();
}

package com.x;

import dev.fastffi.annotations.NativeFunction;

public interface Settings {
    @NativeFunction(value = "Flags(Flags)", requireFast = true)
    Flags flip(Flags flags);

    @NativeFunction("i32({u8, i8})")
    int bytes(Pair pair);

    @NativeFunction("i32({i32, u16})")
    int ints(Pair pair);

    @NativeFunction("{u64, i32}({u64, i32})")
    Pair.Sized resize(Pair.Sized sized);
}

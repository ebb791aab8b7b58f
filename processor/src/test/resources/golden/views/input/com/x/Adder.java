package com.x;

import dev.fastffi.annotations.NativeCallback;

/** Fast types only: a fast view. */
@NativeCallback("i32(i32, u8)")
public interface Adder {
    int add(int a, int b);
}

package com.x;

import dev.fastffi.annotations.NativeFunction;

/** A native interface nested in a class binds under its binary name. */
public class Outer {
    public interface Inner {
        @NativeFunction("i32(i32)")
        int abs(int x);
    }
}

package com.x;

import dev.fastffi.annotations.NativeCallback;

/** A boxed parameter: the view calls through the compatibility path. */
@NativeCallback("i64(i32)")
public interface Scale {
    long scale(Integer factor);
}

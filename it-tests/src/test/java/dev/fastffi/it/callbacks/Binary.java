package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code int32_t (*)(int32_t, int32_t)}: the fixture hands out an adder and a subtractor. */
@NativeCallback("i32(i32, i32)")
public interface Binary {
    int apply(int a, int b);
}

package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@link Binary} with boxed parameters: its view calls on the compatibility path. */
@NativeCallback("i32(i32, i32)")
public interface BoxedBinary {
    int apply(Integer a, Integer b);
}

package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code uint8_t (*)(uint8_t)}, taken and returned as a range-checked int. */
@NativeCallback("u8(u8)")
public interface U8Op {
    int apply(int x);
}

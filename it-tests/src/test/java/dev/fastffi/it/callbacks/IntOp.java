package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code int32_t (*)(int32_t)}, the fixture's callback type. */
@NativeCallback("i32(i32)")
public interface IntOp {
    int apply(int x);
}

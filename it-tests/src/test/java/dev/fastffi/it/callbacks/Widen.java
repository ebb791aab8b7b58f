package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code uint32_t (*)(uint8_t, int64_t)}: narrow types as a view passes and returns them. */
@NativeCallback("u32(u8, i64)")
public interface Widen {
    long widen(int x, long y);
}

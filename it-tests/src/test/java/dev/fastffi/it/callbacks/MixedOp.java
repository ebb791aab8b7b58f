package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code struct cb_mixed (*)(struct cb_mixed, int32_t)}. */
@NativeCallback("Mixed(Mixed, i32)")
public interface MixedOp {
    Mixed apply(Mixed mixed, int k);
}

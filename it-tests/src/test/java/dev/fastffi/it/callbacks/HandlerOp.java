package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** The function pointer a {@link Handler} holds. */
@NativeCallback("i64(i64)")
public interface HandlerOp {
    long apply(long x);
}

package dev.fastffi.it.async;

import dev.fastffi.annotations.NativeCallback;

/** A callback C calls during an asynchronous call. */
@NativeCallback("i32(i32)")
public interface IntOp {
    int apply(int x);
}

package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** A Java callback that returns a handler to C. */
@NativeCallback("Handler(i32)")
public interface HandlerProduce {
    Handler produce(int tag);
}

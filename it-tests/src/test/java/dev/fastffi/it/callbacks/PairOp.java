package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code struct cb_pair (*)(struct cb_pair)}: a struct by value in and out. */
@NativeCallback("Pair(Pair)")
public interface PairOp {
    Pair apply(Pair pair);
}

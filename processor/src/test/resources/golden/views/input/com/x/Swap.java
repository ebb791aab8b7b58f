package com.x;

import dev.fastffi.annotations.NativeCallback;

/** A struct by value in and out, named by its record. */
@NativeCallback("Pair(Pair)")
public interface Swap {
    Pair swap(Pair pair);
}

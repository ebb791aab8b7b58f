package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeStruct;

/** {@code struct cb_pair}. */
@NativeStruct("{i32, i32}")
public record Pair(int left, int right) {}

package dev.fastffi.it.robustness.owned;

import dev.fastffi.annotations.NativeStruct;

/** The fixture's sp_point and cb_pair, which have the same fields. */
@NativeStruct("{i32, i32}")
public record Point(int x, int y) {}

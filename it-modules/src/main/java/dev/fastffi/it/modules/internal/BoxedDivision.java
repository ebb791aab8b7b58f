package dev.fastffi.it.modules.internal;

import dev.fastffi.annotations.NativeStruct;

/** {@code div_t} with boxed fields, which only the compatibility path carries. */
@NativeStruct("{i32, i32}")
public record BoxedDivision(Integer quot, Integer rem) {}

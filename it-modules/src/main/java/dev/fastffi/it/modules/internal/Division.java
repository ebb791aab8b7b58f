package dev.fastffi.it.modules.internal;

import dev.fastffi.annotations.NativeStruct;

/** {@code div_t}: quotient and remainder. */
@NativeStruct("{i32, i32}")
public record Division(int quot, int rem) {}

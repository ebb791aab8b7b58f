package dev.fastffi;

import dev.fastffi.annotations.NativeStruct;

/** A struct record of the package, which callback signatures of the package may name. */
@NativeStruct("{i64, i64}")
public record PackagePoint(long x, long y) {}

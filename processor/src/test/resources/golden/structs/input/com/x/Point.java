package com.x;

import dev.fastffi.annotations.NativeStruct;

/** A struct named by its record. */
@NativeStruct("{f64, f64}")
public record Point(double x, double y) {}

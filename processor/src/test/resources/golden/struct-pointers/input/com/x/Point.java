package com.x;

import dev.fastffi.annotations.NativeStruct;

/** A struct in the interface's package, which its signatures name. */
@NativeStruct("{f64, f64}")
public record Point(double x, double y) {}

package dev.fastffi.it.robustness.owned;

import dev.fastffi.annotations.NativeStruct;

/** The fixture's cb_mixed: padding after the u8, and returned in memory. */
@NativeStruct("{f64, u8, i64}")
public record Mixed(double x, byte tag, long n) {}

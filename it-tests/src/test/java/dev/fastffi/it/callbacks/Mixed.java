package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeStruct;

/** {@code struct cb_mixed}: padding after the u8, and large enough that C returns it in memory. */
@NativeStruct("{f64, u8, i64}")
public record Mixed(double x, byte tag, long n) {}

package com.x;

import dev.fastffi.annotations.NativeLibrary;

/**
 * Declares no function of its own: every one is inherited, and it still gets a binding, which
 * registers the library names so that {@code FastFfi.load} reads no annotation.
 */
@NativeLibrary({"m", "libm.so.6"})
public interface MathLibrary extends Arithmetic {}

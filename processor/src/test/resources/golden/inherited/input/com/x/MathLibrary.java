package com.x;

import dev.fastffi.annotations.NativeLibrary;

/** Declares no function of its own: every one is inherited, and it still gets a binding. */
@NativeLibrary("m")
public interface MathLibrary extends Arithmetic {}

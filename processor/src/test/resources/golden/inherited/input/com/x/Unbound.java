package com.x;

import dev.fastffi.annotations.NativeLibrary;

/** Names a library but has no function, own or inherited: its binding loads the library and calls nothing. */
@NativeLibrary("m")
public interface Unbound {}

package com.x;

import dev.fastffi.annotations.NativeLibrary;

/** Names a library but has no function, own or inherited: nothing is generated and nothing reported. */
@NativeLibrary("m")
public interface Unbound {}

package com.x;

import dev.fastffi.annotations.NativeStruct;

@NativeStruct("{bool, u16, i16, u8, u32, pointer}")
public record Flags(boolean on, int code, int delta, int small, long count, long address) {}

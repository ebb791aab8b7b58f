package com.x;

import dev.fastffi.annotations.NativeStruct;

@NativeStruct("{i32, i32}")
public record Pair(int left, int right) {}

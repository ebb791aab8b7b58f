package com.x;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/** Fast-path types, compiled with -Afastffi.fast=false. */
public interface Calc {
    @NativeFunction("i32(i32, i32)")
    int add(int a, int b);

    @NativeFunction("u8(u8)")
    int toupper(int c);

    @NativeFunction("usize(pointer)")
    long strlen(MemorySegment text);

    @NativeFunction("void()")
    void sync();
}

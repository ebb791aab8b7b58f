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

    /** A lone array of references is one argument, not the varargs array of the compatibility call. */
    @NativeFunction("void(buffer)")
    void swap(MemorySegment[] pair);

    @NativeFunction("i32(buffer)")
    int argc(String[] argv);
}

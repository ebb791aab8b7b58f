package com.x;

import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.MemorySegment;

/** A struct with padding, a nested struct, an array and a pointer. */
@NativeStruct("{u8, Point, [2]i32, pointer}")
public record Box(byte tag, Point corner, int[] size, MemorySegment data) {}

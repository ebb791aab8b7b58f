package com.x;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;

/** A qsort comparator. */
@NativeCallback("i32(pointer, pointer)")
public interface Compare {
    int compare(MemorySegment a, MemorySegment b);
}

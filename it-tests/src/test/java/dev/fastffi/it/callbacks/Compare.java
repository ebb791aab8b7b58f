package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;

/** qsort's comparator. */
@NativeCallback("i32(pointer, pointer)")
public interface Compare {
    int compare(MemorySegment a, MemorySegment b);
}

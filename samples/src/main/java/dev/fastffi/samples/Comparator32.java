package dev.fastffi.samples;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;

/** qsort's comparator: C passes pointers to two elements of the array being sorted. */
// tag::callback[]
@NativeCallback("i32(pointer, pointer)")
public interface Comparator32 {
    int compare(MemorySegment a, MemorySegment b);
}
// end::callback[]

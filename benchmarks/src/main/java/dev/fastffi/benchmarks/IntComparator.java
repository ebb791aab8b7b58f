package dev.fastffi.benchmarks;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;

/** qsort's comparator as a fastffi callback; C passes zero-length pointers to the two ints. */
@NativeCallback("i32(pointer, pointer)")
public interface IntComparator {
    int compare(MemorySegment a, MemorySegment b);
}

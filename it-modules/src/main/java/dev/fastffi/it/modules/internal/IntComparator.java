package dev.fastffi.it.modules.internal;

import dev.fastffi.annotations.NativeCallback;

/** qsort's comparator over an int array: C passes pointers to two elements, read as records. */
@NativeCallback("i32(IntCell*, IntCell*)")
public interface IntComparator {
    int compare(IntCell a, IntCell b);
}

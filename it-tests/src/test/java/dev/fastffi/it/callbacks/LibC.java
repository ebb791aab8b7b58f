package dev.fastffi.it.callbacks;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/** The C library's functions that take callbacks, set errno or are variadic. */
public interface LibC {
    @NativeFunction("void(pointer, usize, usize, function)")
    void qsort(MemorySegment base, long count, long size, Upcall<Compare> compare);

    @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
    void qsortTransient(MemorySegment base, long count, long size, Compare compare);

    @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
    void qsortWithComparator(MemorySegment base, long count, long size, Upcall<IntComparator> compare);

    @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
    void qsortWithComparatorObject(MemorySegment base, long count, long size, IntComparator compare);

    @NativeFunction(value = "i32(pointer, i32)", errno = true)
    int open(MemorySegment path, int flags);

    @NativeFunction(value = "i32(string, i32)", symbol = "open", errno = true)
    int openCompat(String path, int flags);

    @NativeFunction("i32(pointer, usize, string, ...)")
    int snprintf(MemorySegment buffer, long size, String format, Object... args);
}

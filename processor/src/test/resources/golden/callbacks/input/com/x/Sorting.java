package com.x;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/** Callbacks registered (fast) or transient (compatibility), errno on both paths, and a variadic function. */
public interface Sorting {
    @NativeFunction("void(pointer, usize, usize, function)")
    void qsort(MemorySegment base, long count, long size, Upcall<Compare> compare);

    /** An Upcall without its type argument: the generated code passes it on without a warning of its own. */
    @SuppressWarnings("rawtypes")
    @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
    void qsortRaw(MemorySegment base, long count, long size, Upcall compare);

    @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
    void qsortAddress(MemorySegment base, long count, long size, MemorySegment compare);

    @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
    void qsortTransient(MemorySegment base, long count, long size, Compare compare);

    @NativeFunction(value = "i32(pointer, i32)", errno = true)
    int open(MemorySegment path, int flags);

    @NativeFunction(value = "i32(string, i32)", symbol = "open", errno = true)
    int openNamed(String path, int flags);

    @NativeFunction("i32(pointer, usize, string, ...)")
    int snprintf(MemorySegment buffer, long size, String format, Object... args);

    @NativeFunction("function(i32, function)")
    MemorySegment signal(int number, MemorySegment handler);
}

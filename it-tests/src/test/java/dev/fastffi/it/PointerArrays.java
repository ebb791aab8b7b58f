package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/**
 * Arrays of pointers as buffers: {@code MemorySegment[]} is a {@code T**} copied in and back
 * (fast), {@code String[]} a NULL-terminated {@code char**} of temporary copies (compatibility).
 */
interface PointerArrays {
    @NativeFunction(value = "i32(string, buffer)", symbol = "pa_open")
    int open(String name, MemorySegment[] handle);

    @NativeFunction(value = "i64(i32)", symbol = "pa_cell", requireFast = true)
    long cell(int index);

    @NativeFunction(value = "void(buffer)", symbol = "pa_swap", requireFast = true)
    void swap(MemorySegment[] pair);

    /** Arrays of references cannot go zero-copy: a critical call copies them all the same. */
    @NativeFunction(value = "void(buffer)", symbol = "pa_swap", critical = true, requireFast = true)
    void swapCritical(MemorySegment[] pair);

    @NativeFunction(value = "void(buffer, i32)", symbol = "pa_fill", requireFast = true)
    void fill(MemorySegment[] slots, int n);

    @NativeFunction(value = "i64(buffer, i32)", symbol = "pa_sum", requireFast = true)
    long sum(MemorySegment[] slots, int n);

    @NativeFunction(value = "i32(buffer)", symbol = "pa_argc")
    int argc(String[] argv);

    @NativeFunction(value = "i64(buffer, i32, buffer, i64)", symbol = "pa_join")
    long join(String[] argv, int n, byte[] out, long capacity);
}

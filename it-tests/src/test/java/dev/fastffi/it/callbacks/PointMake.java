package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;

/** {@code struct cb_point *(*)(int32_t)}: a struct pointer result, memory the callback's caller keeps. */
@NativeCallback("{i32, i32}*(i32)")
public interface PointMake {
    MemorySegment make(int seed);
}

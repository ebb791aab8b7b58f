package com.x;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;

/** A callback a walk over a directory tree calls per entry. */
@NativeCallback("i32(pointer)")
public interface Visit {
    int visit(MemorySegment entry);
}

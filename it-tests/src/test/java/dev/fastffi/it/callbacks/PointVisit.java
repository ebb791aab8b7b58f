package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.MemorySegment;

/**
 * {@code void (*)(struct cb_point *)}: the struct pointer as a segment sized to the struct, through
 * which the callback writes. {@code Point} is the record nested here.
 */
@NativeCallback("void(Point*)")
public interface PointVisit {
    /** {@code struct cb_point}. */
    @NativeStruct("{i32, i32}")
    record Point(int x, int y) {}

    void visit(MemorySegment point);
}

package dev.fastffi.samples;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;
import java.util.Comparator;

/** qsort's comparator as a {@code java.util.Comparator}: C calls it, and so can {@code List.sort}. */
// tag::generic-callback[]
@NativeCallback("i32(pointer, pointer)")
public interface SegmentOrder extends Comparator<MemorySegment> {}
// end::generic-callback[]

package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;
import java.util.Comparator;

/**
 * qsort's comparator as a {@code Comparator<MemorySegment>}: its one method, {@code compare(T, T)},
 * a generic JDK interface declares, and it takes the segments the type argument binds.
 */
@NativeCallback("i32(pointer, pointer)")
public interface IntComparator extends Comparator<MemorySegment> {}

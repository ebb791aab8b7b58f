package dev.fastffi.samples;

import dev.fastffi.FastFfi;
import dev.fastffi.Upcall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** libc's qsort calling a Java comparator for every comparison. */
public final class Sorting {
    private static final LibC LIBC = FastFfi.load(LibC.class);

    private Sorting() {}

    /** Sorts {@code values} in C, descending, and returns them. */
    public static int[] sortDescending(int[] values) {
        // tag::qsort[]
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = arena.allocateFrom(ValueLayout.JAVA_INT, values);
            // C hands the comparator element pointers into the array; reading them through the
            // array's own segment keeps every access bounds-checked, with no reinterpret
            Comparator32 descending = (a, b) -> Integer.compare(element(array, b), element(array, a));
            try (Upcall<Comparator32> comparator = Upcall.of(Comparator32.class, descending)) {
                LIBC.qsort(array, values.length, Integer.BYTES, comparator);
            }
            return array.toArray(ValueLayout.JAVA_INT);
        }
        // end::qsort[]
    }

    /** Sorts {@code values} in C, ascending, with a comparator that is a {@code java.util.Comparator} too. */
    public static int[] sortAscending(int[] values) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = arena.allocateFrom(ValueLayout.JAVA_INT, values);
            // tag::generic-qsort[]
            SegmentOrder ascending = (a, b) -> Integer.compare(element(array, a), element(array, b));
            try (Upcall<SegmentOrder> comparator = Upcall.of(SegmentOrder.class, ascending)) {
                LIBC.qsortBy(array, values.length, Integer.BYTES, comparator);
            }
            // end::generic-qsort[]
            return array.toArray(ValueLayout.JAVA_INT);
        }
    }

    private static int element(MemorySegment array, MemorySegment pointer) {
        return array.get(ValueLayout.JAVA_INT, pointer.address() - array.address());
    }
}

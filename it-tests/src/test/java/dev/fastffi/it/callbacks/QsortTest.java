package dev.fastffi.it.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** libc's qsort with a Java comparator, registered (fast), transient (compatibility) and dynamic. */
class QsortTest {
    private static final int[] UNSORTED = {5, -3, 9, 0, 9, -70, 12};
    private static final int[] SORTED = {-70, -3, 0, 5, 9, 9, 12};
    // C hands the comparator zero-length pointers; reading them is the user's restricted step
    @SuppressWarnings("restricted")
    private static final Compare ASCENDING = (a, b) -> Integer.compare(
            a.reinterpret(4).get(ValueLayout.JAVA_INT, 0), b.reinterpret(4).get(ValueLayout.JAVA_INT, 0));

    private final LibC libc = Library.system().bind(LibC.class);

    @Test
    void registeredComparatorSortsOnTheFastPath() {
        try (Arena arena = Arena.ofConfined(); Upcall<Compare> compare = Upcall.of(Compare.class, ASCENDING)) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            libc.qsort(values, UNSORTED.length, 4, compare);
            assertArrayEquals(SORTED, values.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void comparatorObjectSortsOnTheCompatibilityPath() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            libc.qsortTransient(values, UNSORTED.length, 4, ASCENDING);
            assertArrayEquals(SORTED, values.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void sameComparatorSortsAgainAndAgain() {
        try (Arena arena = Arena.ofConfined()) {
            for (int round = 0; round < 100; round++) {
                MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
                libc.qsortTransient(values, UNSORTED.length, 4, ASCENDING);
                assertArrayEquals(SORTED, values.toArray(ValueLayout.JAVA_INT));
            }
        }
    }

    @Test
    void dynamicQsortTakesAComparatorObjectOrAnUpcall() {
        var qsort = Library.system().function("qsort", "void(pointer, usize, usize, function)");
        try (Arena arena = Arena.ofConfined(); Upcall<Compare> compare = Upcall.of(Compare.class, ASCENDING)) {
            MemorySegment first = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            MemorySegment second = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            assertEquals(null, qsort.invoke(first, (long) UNSORTED.length, 4L, ASCENDING));
            qsort.invoke(second, (long) UNSORTED.length, 4L, compare);
            assertArrayEquals(SORTED, first.toArray(ValueLayout.JAVA_INT));
            assertArrayEquals(SORTED, second.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void dynamicHandleTakesTheUpcallAddress() throws Throwable {
        var qsort = Library.system().function("qsort", "void(pointer, usize, usize, function)").handle();
        try (Arena arena = Arena.ofConfined(); Upcall<Compare> compare = Upcall.of(Compare.class, ASCENDING)) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            qsort.invokeExact(values, (long) UNSORTED.length, 4L, compare.address());
            assertArrayEquals(SORTED, values.toArray(ValueLayout.JAVA_INT));
        }
    }
}

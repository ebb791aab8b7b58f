package dev.fastffi.it.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * libc's qsort with a callback interface that is a {@code Comparator<MemorySegment>}: a Java
 * comparator passed to C, and a C comparator called as the Java method.
 */
class GenericComparatorTest {
    /** The build runs these tests again with -Dfastffi.fast=false, where views are compatibility proxies. */
    private static final boolean FAST = !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));
    private static final int[] UNSORTED = {5, -3, 9, 0, 9, -70, 12};
    private static final int[] SORTED = {-70, -3, 0, 5, 9, 9, 12};

    private static Library library;
    private static FunctionPointers pointers;

    private final LibC libc = Library.system().bind(LibC.class);
    private final Arena arena = Arena.ofAuto();

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        pointers = library.bind(FunctionPointers.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    // C hands the comparator zero-length pointers; reading them is the user's restricted step
    @SuppressWarnings("restricted")
    private static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    private MemorySegment ints(int... values) {
        return arena.allocateFrom(ValueLayout.JAVA_INT, values);
    }

    @Test
    void aLambdaComparatorSortsAsACallbackObject() {
        MemorySegment values = ints(UNSORTED);
        libc.qsortWithComparatorObject(values, UNSORTED.length, 4, (a, b) -> Integer.compare(read(a), read(b)));
        assertArrayEquals(SORTED, values.toArray(ValueLayout.JAVA_INT));
    }

    @Test
    void aRegisteredComparatorSorts() {
        IntComparator descending = (a, b) -> Integer.compare(read(b), read(a));
        try (Upcall<IntComparator> compare = Upcall.of(IntComparator.class, descending)) {
            MemorySegment values = ints(UNSORTED);
            libc.qsortWithComparator(values, UNSORTED.length, 4, compare);
            assertArrayEquals(new int[] {12, 9, 9, 5, 0, -3, -70}, values.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void aCComparatorReturnedAsAFunctionIsCalledAsTheJavaMethod() {
        IntComparator compare = pointers.cb_compare_op();

        assertEquals(-1, compare.compare(ints(1), ints(2)));
        assertEquals(0, compare.compare(ints(-7), ints(-7)));
        assertEquals(1, compare.compare(ints(Integer.MAX_VALUE), ints(Integer.MIN_VALUE)));
        assertEquals(!FAST, Proxy.isProxyClass(compare.getClass()));
    }

    @Test
    void aViewOfTheCComparatorsAddressSortsJavaListsAndCArrays() {
        IntComparator compare = library.function(IntComparator.class, pointers.compareAddress());
        List<MemorySegment> values = new ArrayList<>(List.of(ints(3), ints(-1), ints(2)));

        values.sort(compare);
        assertEquals(List.of(-1, 2, 3), values.stream().map(GenericComparatorTest::read).toList());
        // passed back to C, a view passes the C function itself
        MemorySegment array = ints(UNSORTED);
        libc.qsortWithComparatorObject(array, UNSORTED.length, 4, compare);
        assertArrayEquals(SORTED, array.toArray(ValueLayout.JAVA_INT));
    }

    @Test
    void theComparatorsViewIsFastUnlessTheFastPathIsOff() {
        CallPlan plan = FastFfi.describe(FunctionPointers.class).stream()
                .filter(p -> p.method().equals("cb_compare_op")).findFirst().orElseThrow();
        assertEquals(FAST ? CallPath.FAST : CallPath.COMPAT, plan.path());
    }
}

package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Callback interfaces whose one method a generic super-interface declares, read without generated
 * code with the types the interface binds: {@code compare(T, T)} of {@code Comparator<MemorySegment>}
 * takes segments, though reflection sees {@code compare(Object, Object)}.
 */
class GenericCallbackTest {
    private static final int[] UNSORTED = {5, -3, 9, 0, 12};
    private static final int[] SORTED = {-3, 0, 5, 9, 12};

    @NativeCallback("i32(pointer, pointer)")
    public interface IntOrder extends Comparator<MemorySegment> {}

    public interface Ordering<X> extends Comparator<X> {}

    @NativeCallback("i32(pointer, pointer)")
    public interface ChainedOrder extends Ordering<MemorySegment> {}

    @NativeCallback("void(i32)")
    public interface IntSink extends Consumer<Integer> {}

    @NativeCallback("i32(i32)")
    public interface Increment extends Function<Integer, Integer> {}

    @NativeCallback("pointer()")
    public interface SegmentSource extends Supplier<MemorySegment> {}

    public record Pair(int a, int b) {}

    @NativeCallback("{i32, i32}()")
    public interface PairSource extends Supplier<Pair> {}

    @NativeStruct("{i32, i32}")
    public record Spot(int x, int y) {}

    @NativeCallback("i32(Spot*)")
    public interface SpotReader extends ToIntFunction<Spot> {}

    public interface SpotWalker {
        /** Spot is the record SpotReader binds to a type variable, and no other. */
        @NativeFunction("i32(function, Spot*)")
        int walk(SpotReader visit, MemorySegment start);
    }

    @SuppressWarnings("rawtypes")
    @NativeCallback("i32(pointer, pointer)")
    public interface RawOrder extends Comparator {}

    @NativeCallback("i32(pointer, pointer)")
    public interface OwnOrder<T> extends Comparator<T> {}

    /** Bound without the processor: every method is on the compatibility path. */
    public interface LibC {
        @NativeFunction("void(pointer, usize, usize, function)")
        void qsort(MemorySegment base, long count, long size, IntOrder compare);

        @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
        void qsortRegistered(MemorySegment base, long count, long size, Upcall<IntOrder> compare);

        @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
        void qsortChained(MemorySegment base, long count, long size, ChainedOrder compare);
    }

    private final LibC libc = Library.system().bind(LibC.class);

    @SuppressWarnings("restricted")
    private static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    @Test
    void aComparatorOfSegmentsSortsAsACallbackObjectAndAsAnUpcall() {
        IntOrder ascending = (a, b) -> Integer.compare(read(a), read(b));
        try (Arena arena = Arena.ofConfined(); Upcall<IntOrder> registered = Upcall.of(IntOrder.class, ascending)) {
            MemorySegment first = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            MemorySegment second = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            libc.qsort(first, UNSORTED.length, 4, ascending);
            libc.qsortRegistered(second, UNSORTED.length, 4, registered);
            assertArrayEquals(SORTED, first.toArray(ValueLayout.JAVA_INT));
            assertArrayEquals(SORTED, second.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void aTypeArgumentPassedDownAChainOfInterfacesIsBound() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, UNSORTED);
            libc.qsortChained(values, UNSORTED.length, 4, (a, b) -> Integer.compare(read(b), read(a)));
            assertArrayEquals(new int[] {12, 9, 5, 0, -3}, values.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void aViewOfACComparatorIsAJavaComparator() {
        Library system = Library.system();
        IntOrder strcmp = system.function(IntOrder.class, system.find("strcmp").orElseThrow());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pear = arena.allocateFrom("pear");
            MemorySegment apple = arena.allocateFrom("apple");
            List<MemorySegment> fruit = new ArrayList<>(List.of(pear, apple));
            fruit.sort(strcmp);
            assertEquals(List.of(apple, pear), fruit);
            assertEquals(0, strcmp.compare(pear, pear));
        }
    }

    @Test
    void aBoxedArgumentBoundByATypeArgumentArrivesBoxed() {
        List<Integer> received = new ArrayList<>();
        try (Upcall<IntSink> sink = Upcall.of(IntSink.class, received::add)) {
            Library.system().function(sink.address(), "void(i32)").invoke(-42);
        }
        assertEquals(List.of(-42), received);
    }

    @Test
    void aSegmentResultBoundByATypeArgumentReturnsToC() {
        MemorySegment answer = MemorySegment.ofAddress(0x1234);
        try (Upcall<SegmentSource> source = Upcall.of(SegmentSource.class, () -> answer)) {
            Object returned = Library.system().function(source.address(), "pointer()").invoke();
            assertEquals(0x1234, ((MemorySegment) returned).address());
        }
    }

    @Test
    void aRecordBoundByATypeArgumentIsReturnedAsAStructAndReadBackByAView() {
        try (Upcall<PairSource> source = Upcall.of(PairSource.class, () -> new Pair(3, -4))) {
            PairSource view = Library.system().function(PairSource.class, source.address());
            assertEquals(new Pair(3, -4), view.get());
        }
    }

    @Test
    void aFunctionSignatureNamesTheRecordItsCallbackTypeBindsToATypeVariable() {
        assertEquals(List.of("i32(function, Spot*)"),
                FastFfi.describe(SpotWalker.class).stream().map(CallPlan::signature).toList());
    }

    @Test
    void aBoxedResultBoundByATypeArgumentIsRefusedByItsName() {
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(Increment.class, x -> x + 1));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: Increment: The result of @NativeCallback(\"i32(i32)\") is C type 'i32', which"
                + " cannot be returned as Integer; use one of int.", thrown.getMessage());
    }

    @Test
    void aRawSuperInterfaceLeavesTheTypeVariableUnbound() {
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(RawOrder.class, (a, b) -> 0));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: RawOrder: " + unbound(0, "RawOrder") + "\n" + unbound(1, "RawOrder"),
                thrown.getMessage());
    }

    @Test
    void aCallbackInterfaceOfItsOwnTypeParameterLeavesItUnbound() {
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(OwnOrder.class, (a, b) -> 0));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: OwnOrder: " + unbound(0, "OwnOrder") + "\n" + unbound(1, "OwnOrder"),
                thrown.getMessage());
    }

    private static String unbound(int index, String callback) {
        return "Argument " + index + " of @NativeCallback(\"i32(pointer, pointer)\") is declared as T in"
                + " 'java.util.Comparator', which '" + callback + "' does not bind to a concrete type; give the"
                + " generic interfaces '" + callback + "' extends their type arguments, as in"
                + " 'extends Comparator<MemorySegment>' rather than raw 'extends Comparator', and declare no type"
                + " parameters on it.";
    }
}

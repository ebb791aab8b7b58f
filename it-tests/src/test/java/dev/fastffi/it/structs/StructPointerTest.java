package dev.fastffi.it.structs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.NativeMemory;
import dev.fastffi.Upcall;
import dev.fastffi.it.structs.PointerFunctions.Padded;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pointers to structs as arguments and results, and results the caller owns, on every path. */
class StructPointerTest {
    private static Library library;
    private static PointerFunctions functions;

    @BeforeAll
    static void open() {
        library = StructFixture.open();
        functions = library.bind(PointerFunctions.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void aRecordIsCopiedForCToRead() {
        assertEquals(7, functions.sum(new SpPoint(3, 4)));
        assertEquals(-1, functions.sumInline(new SpPoint(-4, 3)));
    }

    @Test
    void aNullRecordIsNull() {
        assertEquals(-1, functions.sum(null));
    }

    @Test
    void aSegmentIsPassedAsIs() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment point = arena.allocate(8);
            point.set(ValueLayout.JAVA_INT, 0, 10);
            point.set(ValueLayout.JAVA_INT, 4, 20);

            assertEquals(30, functions.sumAt(point));
            assertEquals(-1, functions.sumAt(null));
        }
    }

    @Test
    void aStructNestedInTheInterfaceIsNamedAndLaidOutWithPadding() {
        assertEquals(2.5, functions.total(new Padded((byte) 2, 0.5)));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment padded = arena.allocate(16);
            padded.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
            padded.set(ValueLayout.JAVA_DOUBLE, 8, 0.25);

            assertEquals(1.25, functions.total(padded));
        }
    }

    @Test
    void anArrayOfOneIsAnOutParameter() {
        SpPoint[] point = {new SpPoint(1, 2)};

        functions.move(point, 10, 20);

        assertEquals(new SpPoint(11, 22), point[0]);
    }

    @Test
    void anArrayIsCopiedInAndBackWithNullElementsAsZeroedStructs() {
        SpPoint[] points = {new SpPoint(5, 5), null, new SpPoint(0, 0), null};

        assertEquals(3, functions.fill(points, points.length));

        assertArrayEquals(new SpPoint[] {new SpPoint(0, 0), new SpPoint(1, 1), new SpPoint(2, 4), new SpPoint(3, 9)},
                points);
    }

    @Test
    void aNullArrayIsNull() {
        assertEquals(0, functions.fill(null, 0));
    }

    @Test
    void anArrayIsCopiedBackAlsoWhenACallbackObjectThrew() {
        SpPoint[] points = new SpPoint[2];
        IllegalStateException failure = new IllegalStateException("poke");

        FfiException thrown = assertThrows(FfiException.class,
                () -> functions.fillThenCall(points, 2, (PointerFunctions.Poke) () -> { throw failure; }));

        assertEquals(FfiException.Code.CALLBACK_FAILED, thrown.code());
        assertSame(failure, thrown.getCause());
        assertArrayEquals(new SpPoint[] {new SpPoint(0, 0), new SpPoint(1, 1)}, points);
    }

    @Test
    void anArrayIsCopiedBackAlsoWhenAnUpcallThrew() {
        SpPoint[] points = new SpPoint[3];
        try (Upcall<PointerFunctions.Poke> poke = Upcall.of(PointerFunctions.Poke.class, () -> {
            throw new IllegalStateException("poke");
        })) {
            FfiException thrown = assertThrows(FfiException.class, () -> functions.fillThenCall(points, 3, poke));

            assertEquals(FfiException.Code.CALLBACK_FAILED, thrown.code());
        }
        assertArrayEquals(new SpPoint[] {new SpPoint(0, 0), new SpPoint(1, 1), new SpPoint(2, 4)}, points);
    }

    @Test
    void aRecordResultIsReadFromTheAddress() {
        assertEquals(new SpPoint(3, 4), functions.origin());
    }

    @Test
    void aSegmentResultIsSizedToTheStruct() {
        MemorySegment origin = functions.originAt();

        assertEquals(8, origin.byteSize());
        assertEquals(4, origin.get(ValueLayout.JAVA_INT, 4));
        assertEquals(new SpPoint(3, 4), NativeMemory.read(SpPoint.class, origin));
    }

    @Test
    void aNullResultIsNullOrTheNullSegment() {
        assertNull(functions.none());
        assertEquals(MemorySegment.NULL, functions.noneAt());
        assertEquals(0, functions.noneAt().byteSize());
    }

    @Test
    void anOwnedStructIsReadThenFreedOnce() {
        int before = functions.freeCount();

        assertEquals(new SpPoint(6, 7), functions.create(6, 7));

        assertEquals(before + 1, functions.freeCount());
    }

    @Test
    void anOwnedStructIsFreedAlsoWhenReadingItThrows() {
        int before = functions.freeCount();

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> functions.createChecked(CheckedPoint.REFUSED, 7));

        assertEquals("x is " + CheckedPoint.REFUSED, thrown.getMessage());
        assertEquals(before + 1, functions.freeCount());
        assertEquals(new CheckedPoint(6, 7), functions.createChecked(6, 7));
        assertEquals(before + 2, functions.freeCount());
    }

    @Test
    void anOwnedNullIsNeverPassedToTheFreeFunction() {
        int freed = functions.freeCount();
        int nulls = functions.nullFreeCount();

        assertNull(functions.create(-1, 0));
        assertNull(functions.greeting(null));

        assertEquals(freed, functions.freeCount());
        assertEquals(nulls, functions.nullFreeCount());
    }

    @Test
    void anOwnedStringIsReadThenFreedOnce() {
        int before = functions.freeCount();

        assertEquals("hello owner", functions.greeting("owner"));

        assertEquals(before + 1, functions.freeCount());
    }

    @Test
    void theCLibrarysFreeFreesWhatTheFixtureAllocated() {
        assertEquals(new SpPoint(8, 9), functions.createFreedByLibc(8, 9));
    }

    @Test
    void aMissingFreeFunctionFailsBindNamingIt() {
        FfiException thrown = assertThrows(FfiException.class, () -> library.bind(MissingFree.class));

        assertEquals(FfiException.Code.SYMBOL_NOT_FOUND, thrown.code());
        assertTrue(thrown.getMessage().contains("free function 'sp_no_such_free' not found in "),
                thrown.getMessage());
        assertTrue(thrown.getMessage().endsWith(" nor in the C library"), thrown.getMessage());
    }

    @Test
    void aHeapSegmentIsAnInvalidArgumentNamingTheStruct() {
        StructFixture.assertInvalidArgument(() -> functions.sumAt(MemorySegment.ofArray(new int[2])),
                "sp_sum, argument 0 ({i32, i32}*): a heap MemorySegment cannot be passed as a pointer to a struct");
    }

    @Test
    void invokeTakesARecordFieldsAnArrayOrASegment() {
        DynamicFunction sum = library.function("sp_sum", "i32({i32, i32}*)");
        DynamicFunction fill = library.function("sp_fill", "i32({i32, i32}*, i32)");

        assertEquals(7, sum.invoke(new SpPoint(3, 4)));
        assertEquals(9, sum.invoke((Object) new Object[] {4, 5}));
        assertEquals(-1, sum.invoke((Object) null));
        assertEquals(7, sum.invoke(functions.originAt()));
        SpPoint[] points = new SpPoint[2];
        assertEquals(2, fill.invoke(points, 2));
        assertArrayEquals(new SpPoint[] {new SpPoint(0, 0), new SpPoint(1, 1)}, points);
    }

    @Test
    void invokeReturnsASegmentSizedToTheStruct() {
        Object origin = library.function("sp_static", "{i32, i32}*()").invoke();
        Object none = library.function("sp_null", "{i32, i32}*()").invoke();

        assertEquals(8, ((MemorySegment) origin).byteSize());
        assertEquals(new SpPoint(3, 4), NativeMemory.read(SpPoint.class, (MemorySegment) origin));
        assertEquals(MemorySegment.NULL, none);
    }

    @Test
    void handleTakesAndReturnsSegments() throws Throwable {
        MemorySegment origin = (MemorySegment) library.function("sp_static", "{i32, i32}*()").handle().invokeExact();
        int sum = (int) library.function("sp_sum", "i32({i32, i32}*)").handle().invokeExact(origin);

        assertEquals(8, origin.byteSize());
        assertEquals(7, sum);
    }
}

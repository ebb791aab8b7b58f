package dev.fastffi.it.structs;

import static dev.fastffi.it.structs.StructFixture.assertInvalidArgument;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.DynamicFunction;
import dev.fastffi.Library;
import dev.fastffi.it.structs.Shapes.Large;
import dev.fastffi.it.structs.Shapes.Medium;
import dev.fastffi.it.structs.Shapes.Nested;
import dev.fastffi.it.structs.Shapes.Padded;
import dev.fastffi.it.structs.Shapes.Small;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Structs by value through {@code DynamicFunction}: records or {@code Object[]} in, {@code Object[]} out. */
class DynamicStructTest {
    private static Library library;

    @BeforeAll
    static void open() {
        library = StructFixture.open();
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private static DynamicFunction function(String symbol, String signature) {
        return library.function(symbol, signature);
    }

    @Test
    void smallStructsGoInAndComeBackAsBoxedFields() {
        DynamicFunction add = function("st_small_add", "{i32, i32}({i32, i32}, {i32, i32})");

        assertArrayEquals(new Object[] {11, -18}, (Object[]) add.invoke(new Small(1, 2), new Object[] {10, -20}));
    }

    @Test
    void aStructReturnedFromScalarsIsReadOut() {
        Object[] made = (Object[]) function("st_small_make", "{i32, i32}(i32, i32)").invoke(7, -8);

        assertArrayEquals(new Object[] {7, -8}, made);
    }

    @Test
    void mediumStructsMixIntegerAndFloatRegisters() {
        DynamicFunction scale = function("st_medium_scale", "{i32, f32, f64}({i32, f32, f64}, i32)");

        assertArrayEquals(new Object[] {6, 4.5f, -7.5}, (Object[]) scale.invoke(new Medium(2, 1.5f, -2.5), 3));
        assertEquals(4.0, function("st_medium_total", "f64({i32, f32, f64})").invoke((Object) new Object[] {1, 0.5f, 2.5}));
    }

    @Test
    void largeStructsPassedInMemorySurroundedByScalars() {
        DynamicFunction next = function("st_large_next", "{f64, i64, i32}({f64, i64, i32})");
        DynamicFunction sum = function("st_large_sum", "f64(i32, {f64, i64, i32}, i32)");

        assertArrayEquals(new Object[] {3.0, Long.MIN_VALUE, -5}, (Object[]) next.invoke(new Large(1.5, Long.MAX_VALUE, 5)));
        assertEquals(116.5, sum.invoke(1, new Large(0.5, 10L, 100), 5));
    }

    @Test
    void paddingKeepsTheDoubleAfterAByteAndU8ComesBackZeroExtended() {
        DynamicFunction next = function("st_padded_next", "{u8, f64}({u8, f64})");

        assertArrayEquals(new Object[] {0, 0.25}, (Object[]) next.invoke(new Padded((byte) -1, 0.5)));
        assertEquals(255L, function("st_padded_tag", "u32({u8, f64})").invoke((Object) new Object[] {255, 1.0}));
    }

    @Test
    void narrowFieldsAreBoxedAsInvokeResultsAre() {
        DynamicFunction flip = function("st_flags_flip", "{bool, u16, i16, i8}({bool, u16, i16, i8})");

        Object[] flipped = (Object[]) flip.invoke((Object) new Object[] {false, 65535, (short) -2, (byte) 0});

        assertArrayEquals(new Object[] {true, 0, (short) 2, (byte) -1}, flipped);
    }

    @Test
    void nestedStructsAreNestedObjectArrays() {
        DynamicFunction move = function("st_nested_move", "{u8, {i32, i32}, f64}({u8, {i32, i32}, f64}, i32, i32)");

        Object[] moved = (Object[]) move.invoke(new Nested((byte) 1, new Small(10, 20), 0.5), 1, -1);
        Object[] fromArrays = (Object[]) move.invoke(new Object[] {2, new Object[] {0, 0}, 1.0}, 3, 4);

        assertEquals(2, moved[0]);
        assertArrayEquals(new Object[] {11, 19}, (Object[]) moved[1]);
        assertEquals(5.0, moved[2]);
        assertArrayEquals(new Object[] {3, new Object[] {3, 4}, 10.0}, fromArrays);
    }

    @Test
    void fixedArraysGoInAsJavaArraysAndComeBackAsObjectArrays() {
        DynamicFunction reverse = function("st_arrays_reverse", "{i32, [4]i32, [2]f32}({i32, [4]i32, [2]f32})");

        Object[] reversed = (Object[]) reverse.invoke(new Shapes.Arrays(9, new int[] {1, 2, 3, 4}, new float[] {0.5f, 1.5f}));

        assertArrayEquals(new Object[] {9, new Object[] {4, 3, 2, 1}, new Object[] {1.5f, 0.5f}}, reversed);
        assertEquals(21L, function("st_arrays_sum", "i64({i32, [4]i32, [2]f32})")
                .invoke((Object) new Object[] {1, new Object[] {2, 3, 4, 5}, new float[] {2.5f, 3.5f}}));
    }

    @Test
    void u64FieldsComeBackAsBigInteger() {
        DynamicFunction next = function("st_large_next", "{f64, u64, i32}({f64, u64, i32})");

        Object[] result = (Object[]) next.invoke((Object) new Object[] {0.0, new BigInteger("18446744073709551614"), 0});

        assertEquals(new BigInteger("18446744073709551615"), result[1]);
    }

    @Test
    void anArrayOfStructRecordsIsABufferCopiedBack() {
        Padded[] values = {new Padded((byte) 7, 1.5)};

        function("st_padded_bump", "void(buffer, i32)").invoke(values, 1);

        assertArrayEquals(new Padded[] {new Padded((byte) 8, 3.0)}, values);
    }

    @Test
    void anArrayOfRecordsWithoutNativeStructIsNotABuffer() {
        DynamicFunction bump = function("st_padded_bump", "void(buffer, i32)");

        assertInvalidArgument(() -> bump.invoke(new Shapes.Tagged[0], 0),
                "argument 0 (buffer): ", "annotate Tagged with @NativeStruct");
    }

    @Test
    void aVariadicFunctionTakesAndReturnsStructsAmongItsFixedArguments() {
        DynamicFunction shift = function("st_small_shift_va", "{i32, i32}({i32, i32}, i32, ...)");

        assertArrayEquals(new Object[] {16, 2}, (Object[]) shift.invoke(new Small(1, 2), 3, 4, 5, 6));
    }

    @Test
    void theExactHandleTakesSegmentsAndAnAllocatorForTheResult() throws Throwable {
        MethodHandle add = function("st_small_add", "{i32, i32}({i32, i32}, {i32, i32})").handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2);
            MemorySegment b = arena.allocateFrom(ValueLayout.JAVA_INT, 30, 40);

            MemorySegment sum = (MemorySegment) add.invokeExact((SegmentAllocator) arena, a, b);

            assertArrayEquals(new int[] {31, 42}, sum.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void aNullStructIsAnInvalidArgumentNamingTheStruct() {
        DynamicFunction dot = function("st_small_dot", "i32({i32, i32}, {i32, i32})");

        assertInvalidArgument(() -> dot.invoke(new Small(1, 2), null),
                "st_small_dot, argument 1 ({i32, i32}): null cannot be passed as a struct");
        assertInvalidArgument(() -> dot.handle().invoke(MemorySegment.NULL, null),
                "argument 1 ({i32, i32}): null cannot be passed as a struct");
    }

    @Test
    void aValueThatIsNeitherRecordNorFieldArrayIsAnInvalidArgument() {
        DynamicFunction dot = function("st_small_dot", "i32({i32, i32}, {i32, i32})");

        assertInvalidArgument(() -> dot.invoke(new Small(1, 2), 7),
                "st_small_dot, argument 1 ({i32, i32}): Integer 7 cannot be passed as a struct; pass a record or an"
                        + " Object[] of its fields");
    }

    @Test
    void aStructWithTheWrongNumberOfFieldsIsAnInvalidArgument() {
        DynamicFunction dot = function("st_small_dot", "i32({i32, i32}, {i32, i32})");

        assertInvalidArgument(() -> dot.invoke(new Object[] {1}, new Small(1, 2)),
                "argument 0 ({i32, i32}): java.lang.Object[1] does not have the struct's 2 fields");
    }

    @Test
    void anArrayFieldOfTheWrongLengthIsAnInvalidArgument() {
        DynamicFunction sum = function("st_arrays_sum", "i64({i32, [4]i32, [2]f32})");

        assertInvalidArgument(() -> sum.invoke(new Shapes.Arrays(1, new int[3], new float[2])),
                "argument 0 ({i32, [4]i32, [2]f32}): an array field needs exactly 4 elements, not int[3]");
    }

    @Test
    void anOutOfRangeFieldIsAnInvalidArgumentNamingTheField() {
        DynamicFunction tag = function("st_padded_tag", "u32({u8, f64})");

        assertInvalidArgument(() -> tag.invoke((Object) new Object[] {256, 1.0}), "argument 0 ({u8, f64}), field 0 (u8): 256 is outside 0..255");
    }

    @Test
    void aShortForAU16FieldAndACharacterForAnI16FieldAreRangeChecked() {
        DynamicFunction flip = function("st_flags_flip", "{bool, u16, i16, i8}({bool, u16, i16, i8})");

        assertInvalidArgument(() -> flip.invoke((Object) new Object[] {true, (short) -1, (short) 0, (byte) 0}),
                "argument 0 ({bool, u16, i16, i8}), field 1 (u16): -1 is outside 0..65535");
        assertInvalidArgument(() -> flip.invoke((Object) new Object[] {true, (char) 0, (char) 0xFFFF, (byte) 0}),
                "argument 0 ({bool, u16, i16, i8}), field 2 (i16): 65535 is outside -32768..32767");
    }
}

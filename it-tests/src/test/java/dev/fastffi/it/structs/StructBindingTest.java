package dev.fastffi.it.structs;

import static dev.fastffi.it.structs.StructFixture.assertInvalidArgument;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.it.structs.Shapes.Arrays;
import dev.fastffi.it.structs.Shapes.Large;
import dev.fastffi.it.structs.Shapes.Medium;
import dev.fastffi.it.structs.Shapes.Nested;
import dev.fastffi.it.structs.Shapes.Padded;
import dev.fastffi.it.structs.Shapes.Small;
import dev.fastffi.it.structs.Shapes.Tagged;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Structs by value on a generated binding: FAST in the default run, COMPAT in the run with
 * {@code -Dfastffi.fast=false}, with the same results.
 */
class StructBindingTest {
    private static Library library;
    private static StructFunctions structs;

    @BeforeAll
    static void open() {
        library = StructFixture.open();
        structs = library.bind(StructFunctions.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void smallStructsTravelInOneRegisterEachWay() {
        assertEquals(new Small(11, -18), structs.add(new Small(1, 2), new Small(10, -20)));
        assertEquals(1 * 3 + 2 * 4, structs.dot(new Small(1, 2), new Small(3, 4)));
        assertEquals(-5 * 3 + 2 * 4, structs.dotCritical(new Small(-5, 2), new Small(3, 4)));
        assertEquals(new Small(Integer.MIN_VALUE, Integer.MAX_VALUE), structs.make(Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void mediumStructsMixIntegerAndFloatRegisters() {
        assertEquals(new Medium(6, 4.5f, -7.5), structs.scale(new Medium(2, 1.5f, -2.5), 3));
        assertEquals(4.0, structs.total(new Medium(1, 0.5f, 2.5)));
    }

    @Test
    void largeStructsArePassedInMemoryBetweenScalars() {
        assertEquals(new Large(3.0, Long.MIN_VALUE, -5), structs.next(new Large(1.5, Long.MAX_VALUE, 5)));
        assertEquals(116.5, structs.sum(1, new Large(0.5, 10L, 100), 5));
    }

    @Test
    void paddingSeparatesAByteFromTheDoubleAfterIt() {
        assertEquals(new Padded((byte) 0, 0.25), structs.next(new Padded((byte) -1, 0.5)));
        assertEquals(255L, structs.tag(new Padded((byte) -1, 1.0)));
    }

    @Test
    void narrowFieldsKeepTheirBitsAndUnsignedFieldsWrap() {
        Shapes.Flags flipped = structs.flip(new Shapes.Flags(true, '\uFFFF', Short.MIN_VALUE, Byte.MIN_VALUE));

        assertEquals(new Shapes.Flags(false, '\u0000', Short.MIN_VALUE, Byte.MAX_VALUE), flipped);
    }

    @Test
    void aCallAfterCloseThrowsLibraryClosedBeforeTheStructIsWritten() {
        Library closed = StructFixture.open();
        StructFunctions bound = closed.bind(StructFunctions.class);
        closed.close();

        FfiException thrown = assertThrows(FfiException.class, () -> bound.add(null, null));

        assertEquals(FfiException.Code.LIBRARY_CLOSED, thrown.code(), thrown::getMessage);
    }

    @Test
    void anAsynchronousCallPassesAndReturnsStructsOnThePool() throws Exception {
        Small sum = structs.addLater(new Small(1, 2), new Small(3, 4)).get(30, TimeUnit.SECONDS);

        assertEquals(new Small(4, 6), sum);
    }

    @Test
    void anAsynchronousCallWithANullStructFailsTheFuture() {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> structs.addLater(null, new Small(3, 4)).get(30, TimeUnit.SECONDS));

        FfiException cause = (FfiException) failed.getCause();
        assertEquals(FfiException.Code.INVALID_ARGUMENT, cause.code());
        assertTrue(cause.getMessage().contains("argument 0 ({i32, i32}): null cannot be passed as a struct"),
                cause.getMessage());
    }

    @Test
    void nestedStructsAreNestedRecords() {
        Nested moved = structs.move(new Nested((byte) 1, new Small(10, 20), 0.5), 1, -1);

        assertEquals(new Nested((byte) 2, new Small(11, 19), 5.0), moved);
    }

    @Test
    void fixedArraysAreJavaArraysBothWays() {
        Arrays reversed = structs.reverse(new Arrays(9, new int[] {1, 2, 3, 4}, new float[] {0.5f, 1.5f}));

        assertEquals(9, reversed.n());
        assertArrayEquals(new int[] {4, 3, 2, 1}, reversed.values());
        assertArrayEquals(new float[] {1.5f, 0.5f}, reversed.scale());
        assertEquals(21L, structs.sum(new Arrays(1, new int[] {2, 3, 4, 5}, new float[] {2.5f, 3.5f})));
    }

    @Test
    void pointerFieldsAreSegmentsAndNullIsNull() {
        Tagged next = structs.pass(new Tagged(MemorySegment.ofAddress(0x1000), 21));
        Tagged fromNull = structs.pass(new Tagged(null, 1));

        assertEquals(0x1001, next.address().address());
        assertEquals(42, next.tag());
        assertEquals(1, fromNull.address().address());
    }

    @Test
    void aNullRecordIsAnInvalidArgumentNamingTheStruct() {
        assertInvalidArgument(() -> structs.dot(new Small(1, 2), null),
                "st_small_dot, argument 1 ({i32, i32}): null cannot be passed as a struct");
        assertInvalidArgument(() -> structs.move(new Nested((byte) 1, null, 0.5), 0, 0),
                "st_nested_move, argument 0 ({u8, {i32, i32}, f64}): null cannot be passed as a struct");
    }

    @Test
    void anArrayOfTheWrongLengthIsAnInvalidArgument() {
        assertInvalidArgument(() -> structs.sum(new Arrays(1, new int[5], new float[2])),
                "st_arrays_sum, argument 0 ({i32, [4]i32, [2]f32}): an array field needs exactly 4 elements, not int[5]");
    }

    @Test
    void arraysOfRecordsAreContiguousBuffersCopiedBack() {
        Padded[] values = {new Padded((byte) 1, 0.5), new Padded((byte) -1, -2.0)};
        Padded[] original = values.clone();

        structs.bump(values, 2);

        assertEquals(10 * 1 + 2 + 10 * 3 + 4, structs.total(new Small[] {new Small(1, 2), new Small(3, 4)}, 2));
        assertArrayEquals(new Padded[] {new Padded((byte) 2, 1.0), new Padded((byte) 0, -4.0)}, values);
        assertEquals(new Padded((byte) 1, 0.5), original[0]);
    }

    @Test
    void aNullRecordInABufferIsAnInvalidArgument() {
        assertInvalidArgument(() -> structs.total(new Small[] {new Small(1, 2), null}, 2),
                "st_small_total, argument 0 (buffer): null cannot be passed as a struct");
    }

    @Test
    void structMethodsAreFastWhenEveryFieldIs() {
        CallPlan add = plan("add");

        assertEquals(fastPathEnabled() ? CallPath.FAST : CallPath.COMPAT, add.path(), add::reason);
    }

    @Test
    void describeWritesStructsAsTheAnnotationNamedThem() {
        assertEquals("Small(Small, Small)", plan("add").signature());
        assertEquals("i32({i32, i32}, {i32, i32})", plan("dot").signature());
        assertEquals(List.of("i64(Arrays)", "f64(i32, Large, i32)"), FastFfi.describe(StructFunctions.class).stream()
                .filter(plan -> plan.method().equals("sum")).map(CallPlan::signature).toList());
    }

    private static CallPlan plan(String method) {
        return FastFfi.describe(StructFunctions.class).stream()
                .filter(plan -> plan.method().equals(method)).findFirst().orElseThrow();
    }

    private static boolean fastPathEnabled() {
        return !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));
    }
}

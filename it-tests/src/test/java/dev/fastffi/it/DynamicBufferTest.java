package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Buffers through {@code DynamicFunction}: {@code invoke} takes every buffer kind and writes C's
 * changes back, and refuses what is not a buffer, never turning a String into a pointer.
 */
class DynamicBufferTest {
    private static Library library;

    @BeforeAll
    static void open() {
        library = Fixture.open();
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void invokeWritesBackIntoEveryArrayType() {
        byte[] bytes = {-1, 1};
        short[] shorts = {-1, 1};
        char[] chars = {'\uFFFF', 'a'};
        int[] ints = {-1, 1};
        long[] longs = {-1L, Long.MAX_VALUE};
        float[] floats = {-1.5f, 1.0f};
        double[] doubles = {-1.5, 1.0};
        assertNull(increment("u8").invoke(bytes, 2L));
        increment("i16").invoke(shorts, 2L);
        increment("u16").invoke(chars, 2L);
        increment("i32").invoke(ints, 2L);
        increment("i64").invoke(longs, 2L);
        increment("f32").invoke(floats, 2L);
        increment("f64").invoke(doubles, 2L);
        assertArrayEquals(new byte[] {0, 2}, bytes);
        assertArrayEquals(new short[] {0, 2}, shorts);
        assertArrayEquals(new char[] {'\u0000', 'b'}, chars);
        assertArrayEquals(new int[] {0, 2}, ints);
        assertArrayEquals(new long[] {0L, Long.MIN_VALUE}, longs);
        assertArrayEquals(new float[] {-0.5f, 2.0f}, floats);
        assertArrayEquals(new double[] {-0.5, 2.0}, doubles);
    }

    @Test
    void invokeReadsEveryArrayType() {
        assertEquals(0L, sum("i8").invoke(new byte[] {-1, 1}, 2L));
        assertEquals(256L, sum("u8").invoke(new byte[] {-1, 1}, 2L));
        assertEquals(0L, sum("i16").invoke(new short[] {-1, 1}, 2L));
        assertEquals(65536L, sum("u16").invoke(new char[] {'\uFFFF', '\u0001'}, 2L));
        assertEquals(0L, sum("i32").invoke(new int[] {-1, 1}, 2L));
        assertEquals(Long.MIN_VALUE, sum("i64").invoke(new long[] {Long.MAX_VALUE, 1L}, 2L));
        assertEquals(-0.5, library.function("sum_f32", "f64(buffer, usize)").invoke(new float[] {-1.5f, 1.0f}, 2L));
        assertEquals(-0.5, library.function("sum_f64", "f64(buffer, usize)").invoke(new double[] {-1.5, 1.0}, 2L));
    }

    @Test
    void invokePassesNativeSegmentsAsTheyAre() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 1, (byte) 2);
            DynamicFunction addressOf = library.function("pointer_to_address", "usize(buffer)");
            assertEquals(bytes.address(), ((BigInteger) addressOf.invoke(bytes)).longValueExact());
            increment("u8").invoke(bytes, 2L);
            assertArrayEquals(new byte[] {2, 3}, bytes.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void invokeCopiesHeapSegmentsAndWritesThemBack() {
        byte[] array = {1, 2, 3};
        increment("u8").invoke(MemorySegment.ofArray(array).asSlice(1), 2L);
        assertArrayEquals(new byte[] {1, 3, 4}, array);
    }

    @Test
    void invokeTakesByteBuffersFromTheirPosition() {
        byte[] array = {1, 2, 3, 4};
        increment("u8").invoke(ByteBuffer.wrap(array).position(2), 2L);
        assertArrayEquals(new byte[] {1, 2, 4, 5}, array);
        ByteBuffer direct = ByteBuffer.allocateDirect(4).put(new byte[] {1, 2, 3, 4}).position(1);
        assertEquals(2L + 3 + 4, sum("u8").invoke(direct, 3L));
        increment("u8").invoke(direct, 3L);
        assertEquals(1, direct.get(0));
        assertEquals(3, direct.get(1));
        assertEquals(5, direct.get(3));
    }

    @Test
    void invokeDoesNotWriteIntoReadOnlyBuffers() {
        byte[] array = {1, 2};
        increment("u8").invoke(ByteBuffer.wrap(array).asReadOnlyBuffer(), 2L);
        increment("u8").invoke(MemorySegment.ofArray(array).asReadOnly(), 2L);
        assertArrayEquals(new byte[] {1, 2}, array);
        assertEquals(3L, sum("u8").invoke(ByteBuffer.wrap(array).asReadOnlyBuffer(), 2L));
    }

    @Test
    void invokePassesNullBuffersAsNull() {
        DynamicFunction isNull = library.function("is_null", "i32(buffer)");
        assertEquals(1, isNull.invoke((Object) null));
        assertEquals(0, isNull.invoke((Object) new byte[0]));
        assertEquals(0L, sum("u8").invoke(null, 0L));
    }

    @Test
    void invokeCopiesTwoBuffersOfOneCall() {
        int[] to = {1, 2};
        int[] from = {10, 20};
        assertEquals(30L, library.function("add_into_i32", "i64(buffer, buffer, usize)").invoke(to, from, 2L));
        assertArrayEquals(new int[] {11, 22}, to);
        assertArrayEquals(new int[] {10, 20}, from);
    }

    @Test
    void invokeCopiesALargeArrayBothWays() {
        byte[] large = new byte[8 << 20];
        increment("u8").invoke(large, (long) large.length);
        assertEquals((long) large.length, ((BigInteger) library.function("count_nonzero",
                "usize(buffer, usize)").invoke(large, (long) large.length)).longValueExact());
    }

    @Test
    void handlePassesNativeSegmentsAndRefusesHeapOnes() throws Throwable {
        MethodHandle sum = library.function("sum_u8", "i64(buffer, usize)").handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) -1, (byte) 1);
            assertEquals(256L, (long) sum.invokeExact(bytes, 2L));
        }
        assertEquals(0L, (long) sum.invokeExact((MemorySegment) null, 0L));
        assertRejected("sum_u8, argument 0 (buffer): ", "heap MemorySegment", () -> {
            long result = (long) sum.invokeExact(MemorySegment.ofArray(new byte[] {1}), 1L);
            throw new AssertionError("passed a heap segment through handle(): " + result);
        });
    }

    @Test
    void stringWhereABufferIsDeclaredIsAnInvalidArgument() {
        assertRejected("sum_u8, argument 0 (buffer): ", "abc", () -> sum("u8").invoke("abc", 3L));
        assertRejected("add_into_i32, argument 1 (buffer): ", "abc",
                () -> library.function("add_into_i32", "i64(buffer, buffer, usize)").invoke(new int[1], "abc", 1L));
    }

    @Test
    void boxedNumberWhereABufferIsDeclaredIsAnInvalidArgument() {
        assertRejected("sum_u8, argument 0 (buffer): ", "Integer 42", () -> sum("u8").invoke(42, 1L));
        assertRejected("sum_u8, argument 0 (buffer): ", "Long 42", () -> sum("u8").invoke(42L, 1L));
        assertRejected("sum_u8, argument 0 (buffer): ", "Double 1.5", () -> sum("u8").invoke(1.5, 1L));
    }

    @Test
    void otherObjectsWhereABufferIsDeclaredAreInvalidArguments() {
        assertRejected("sum_u8, argument 0 (buffer): ", "boolean[1]", () -> sum("u8").invoke(new boolean[1], 1L));
        assertRejected("sum_u8, argument 0 (buffer): ", "Integer[1]", () -> sum("u8").invoke(new Integer[] {1}, 1L));
    }

    @Test
    void arrayWhereAPointerIsDeclaredIsAnInvalidArgument() {
        DynamicFunction read = library.function("read_i32", "i32(pointer)");
        assertRejected("read_i32, argument 0 (pointer): ", "byte[3]", () -> read.invoke((Object) new byte[3]));
        assertRejected("read_i32, argument 0 (pointer): ", "int[1]", () -> read.invoke((Object) new int[] {42}));
        assertRejected("read_i32, argument 0 (pointer): ", "ByteBuffer",
                () -> read.invoke(ByteBuffer.allocateDirect(4)));
    }

    @Test
    void stringWhereAPointerIsDeclaredIsAnInvalidArgument() {
        DynamicFunction isNull = library.function("is_null", "i32(pointer)");
        assertRejected("is_null, argument 0 (pointer): ", "abc", () -> isNull.invoke("abc"));
    }

    private static DynamicFunction increment(String type) {
        return library.function("increment_" + type, "void(buffer, usize)");
    }

    private static DynamicFunction sum(String type) {
        return library.function("sum_" + type, "i64(buffer, usize)");
    }

    /** INVALID_ARGUMENT whose message starts with {@code detail} (symbol, index, C type) and shows the value. */
    private static void assertRejected(String detail, String value, Executable call) {
        String message = Fixture.assertFfiException(FfiException.Code.INVALID_ARGUMENT, call).getMessage();
        assertTrue(message.contains(" " + detail) && message.indexOf(value) > message.indexOf(detail),
                () -> "expected '" + detail + "' and then the value '" + value + "' in: " + message);
    }
}

package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.Library;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arrays as buffers through generated bindings: C reads what the array holds and its writes are
 * in the array after the call, whether the array was copied ({@link ArrayBuffers}) or passed
 * zero-copy ({@link CriticalArrayBuffers}).
 */
class ArrayBufferTest {
    private static Library library;
    private static ArrayBuffers copying;
    private static CriticalArrayBuffers critical;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        copying = library.bind(ArrayBuffers.class);
        critical = library.bind(CriticalArrayBuffers.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void cReadsByteArraysSignedOrUnsignedAsDeclared() {
        byte[] values = {-1, 127, -128, 2};
        assertEquals(0L, copying.sumI8(values, 4));
        assertEquals(255 + 127 + 128 + 2, copying.sumU8(values, 4));
        assertEquals(0L, critical.sumI8(values, 4));
        assertEquals(255 + 127 + 128 + 2, critical.sumU8(values, 4));
    }

    @Test
    void byteArrayWritesAreVisibleAfterTheCall() {
        byte[] values = {0, 1, -1, 127};
        copying.incrementBytes(values, 4);
        assertArrayEquals(new byte[] {1, 2, 0, -128}, values);
        critical.incrementBytes(values, 4);
        assertArrayEquals(new byte[] {2, 3, 1, -127}, values);
    }

    @Test
    void shortArrayWritesAreVisibleAfterTheCall() {
        short[] values = {-1, 0, Short.MAX_VALUE};
        assertEquals(Short.MAX_VALUE - 1, copying.sumShorts(values, 3));
        copying.incrementShorts(values, 3);
        assertArrayEquals(new short[] {0, 1, Short.MIN_VALUE}, values);
        critical.incrementShorts(values, 3);
        assertArrayEquals(new short[] {1, 2, Short.MIN_VALUE + 1}, values);
        assertEquals(Short.MIN_VALUE + 4, critical.sumShorts(values, 3));
    }

    @Test
    void charArrayIsReadUnsignedAndWrittenBack() {
        char[] values = {'\uFFFF', 'a', '\u7FFF'};
        assertEquals(0xFFFF + 'a' + 0x7FFF, copying.sumChars(values, 3));
        copying.incrementChars(values, 3);
        assertArrayEquals(new char[] {'\u0000', 'b', '\u8000'}, values);
        critical.incrementChars(values, 3);
        assertArrayEquals(new char[] {'\u0001', 'c', '\u8001'}, values);
        assertEquals(1 + 'c' + 0x8001, critical.sumChars(values, 3));
    }

    @Test
    void intArrayWritesAreVisibleAfterTheCall() {
        int[] values = {1, -2, Integer.MAX_VALUE};
        assertEquals(Integer.MAX_VALUE - 1L, copying.sumInts(values, 3));
        copying.incrementInts(values, 3);
        assertArrayEquals(new int[] {2, -1, Integer.MIN_VALUE}, values);
        critical.incrementInts(values, 3);
        assertArrayEquals(new int[] {3, 0, Integer.MIN_VALUE + 1}, values);
        assertEquals(Integer.MIN_VALUE + 4L, critical.sumInts(values, 3));
    }

    @Test
    void longArrayWritesAreVisibleAfterTheCall() {
        long[] values = {-1L, Long.MAX_VALUE, 41L};
        copying.incrementLongs(values, 3);
        assertArrayEquals(new long[] {0L, Long.MIN_VALUE, 42L}, values);
        critical.incrementLongs(values, 3);
        assertArrayEquals(new long[] {1L, Long.MIN_VALUE + 1, 43L}, values);
        assertEquals(Long.MIN_VALUE + 45, copying.sumLongs(values, 3));
        assertEquals(Long.MIN_VALUE + 45, critical.sumLongs(values, 3));
    }

    @Test
    void floatArrayWritesAreVisibleAfterTheCall() {
        float[] values = {0.5f, -1.0f, Float.NEGATIVE_INFINITY};
        copying.incrementFloats(values, 3);
        assertArrayEquals(new float[] {1.5f, 0.0f, Float.NEGATIVE_INFINITY}, values);
        critical.incrementFloats(values, 3);
        assertArrayEquals(new float[] {2.5f, 1.0f, Float.NEGATIVE_INFINITY}, values);
        assertEquals(3.5, copying.sumFloats(new float[] {2.5f, 1.0f}, 2));
        assertEquals(3.5, critical.sumFloats(new float[] {2.5f, 1.0f}, 2));
    }

    @Test
    void doubleArrayWritesAreVisibleAfterTheCall() {
        double[] values = {0.25, -1.0, Double.MAX_VALUE};
        copying.incrementDoubles(values, 3);
        assertArrayEquals(new double[] {1.25, 0.0, Double.MAX_VALUE}, values);
        critical.incrementDoubles(values, 3);
        assertArrayEquals(new double[] {2.25, 1.0, Double.MAX_VALUE}, values);
        assertEquals(3.25, copying.sumDoubles(new double[] {2.25, 1.0}, 2));
        assertEquals(3.25, critical.sumDoubles(new double[] {2.25, 1.0}, 2));
    }

    @Test
    void cWritesOnlyTheElementsItWasToldOf() {
        int[] values = {10, 20, 30, 40};
        copying.incrementInts(values, 2);
        assertArrayEquals(new int[] {11, 21, 30, 40}, values);
        critical.incrementInts(values, 2);
        assertArrayEquals(new int[] {12, 22, 30, 40}, values);
    }

    @Test
    void emptyArrayIsNotNull() {
        assertEquals(0, copying.isNull(new byte[0]));
        assertEquals(0, critical.isNull(new byte[0]));
        assertEquals(0L, copying.sumI8(new byte[0], 0));
    }

    @Test
    void nullArrayArrivesAsNull() {
        assertEquals(1, copying.isNull(null));
        assertEquals(1, copying.isNullDoubles(null));
        assertEquals(1, critical.isNull(null));
        assertEquals(1, critical.isNullDoubles(null));
    }

    @Test
    void twoBuffersOfOneCallAreCopiedSeparately() {
        int[] to = {1, 2, 3};
        int[] from = {10, 20, 30};
        assertEquals(60L, copying.addInto(to, from, 3));
        assertArrayEquals(new int[] {11, 22, 33}, to);
        assertArrayEquals(new int[] {10, 20, 30}, from);
        assertEquals(60L, critical.addInto(to, from, 3));
        assertArrayEquals(new int[] {21, 42, 63}, to);
        assertArrayEquals(new int[] {10, 20, 30}, from);
    }

    @Test
    void largeArrayIsCopiedBothWays() {
        byte[] large = new byte[8 << 20];
        large[large.length - 1] = -1;
        copying.incrementBytes(large, large.length);
        assertEquals(large.length - 1L, copying.countNonzero(large, large.length));
        assertEquals(0, large[large.length - 1]);
        assertTrue(allEqual(large, 0, large.length - 1, (byte) 1), "every other byte should be 1");
    }

    @Test
    void largeArrayDoesNotStayInTheThreadsScratchMemory() {
        copying.incrementBytes(new byte[8 << 20], 8 << 20);
        copying.addInto(new int[2 << 20], new int[2 << 20], 2 << 20);
        Fixture.assertScratchWithinRetainedBound();
        byte[] small = {1, 2, 3};
        copying.incrementBytes(small, 3);
        assertArrayEquals(new byte[] {2, 3, 4}, small);
    }

    @Test
    void largeArrayIsPassedZeroCopyWhenCritical() {
        byte[] large = new byte[8 << 20];
        critical.incrementBytes(large, large.length);
        assertEquals(large.length, critical.countNonzero(large, large.length));
        assertTrue(allEqual(large, 0, large.length, (byte) 1), "every byte should be 1");
    }

    private static boolean allEqual(byte[] values, int from, int to, byte expected) {
        byte[] same = new byte[to - from];
        Arrays.fill(same, expected);
        return Arrays.equals(values, from, to, same, 0, same.length);
    }
}

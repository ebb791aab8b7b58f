package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Buffers of COMPAT methods ({@link CompatBuffers}) give what the same calls give on the fast
 * path ({@link ArrayBuffers}, {@link MemoryBuffers}): C reads the same bytes and its writes come back.
 */
class CompatBufferTest {
    private static Library library;
    private static CompatBuffers compat;
    private static ArrayBuffers arrays;
    private static MemoryBuffers memory;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        compat = library.bind(CompatBuffers.class);
        arrays = library.bind(ArrayBuffers.class);
        memory = library.bind(MemoryBuffers.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void byteArrayIsReadAsOnTheFastPath() {
        byte[] values = {-1, 127, -128, 5};
        assertEquals(arrays.sumI8(values, 4), compat.sumI8(values, 4L));
    }

    @Test
    void arrayWritesComeBackAsOnTheFastPath() {
        byte[] fastBytes = {0, -1, 127};
        byte[] compatBytes = fastBytes.clone();
        arrays.incrementBytes(fastBytes, 3);
        compat.increment(compatBytes, 3L);
        assertArrayEquals(fastBytes, compatBytes);

        int[] fastInts = {Integer.MAX_VALUE, -1};
        int[] compatInts = fastInts.clone();
        arrays.incrementInts(fastInts, 2);
        compat.incrementInts(compatInts, 2L);
        assertArrayEquals(fastInts, compatInts);

        double[] fastDoubles = {0.5, -1.0};
        double[] compatDoubles = fastDoubles.clone();
        arrays.incrementDoubles(fastDoubles, 2);
        compat.incrementDoubles(compatDoubles, 2L);
        assertArrayEquals(fastDoubles, compatDoubles);
    }

    @Test
    void heapByteBufferIsWrittenAtItsPositionAsOnTheFastPath() {
        byte[] fast = {1, 2, 3, 4, 5};
        byte[] compatArray = fast.clone();
        memory.increment(ByteBuffer.wrap(fast).position(2), 2);
        compat.increment(ByteBuffer.wrap(compatArray).position(2), 2L);
        assertArrayEquals(new byte[] {1, 2, 4, 5, 5}, compatArray);
        assertArrayEquals(fast, compatArray);
    }

    @Test
    void readOnlyByteBufferIsNotWrittenOnEitherPath() {
        byte[] array = {1, 2};
        memory.increment(ByteBuffer.wrap(array).asReadOnlyBuffer(), 2);
        compat.increment(ByteBuffer.wrap(array).asReadOnlyBuffer(), 2L);
        assertArrayEquals(new byte[] {1, 2}, array);
    }

    @Test
    void segmentsAreWrittenAsOnTheFastPath() {
        byte[] heap = {1, 2};
        compat.increment(MemorySegment.ofArray(heap), 2L);
        assertArrayEquals(new byte[] {2, 3}, heap);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment direct = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 1, (byte) 2);
            compat.increment(direct, 2L);
            assertArrayEquals(new byte[] {2, 3}, direct.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void twoBuffersOfOneCallAreWrittenAsOnTheFastPath() {
        int[] fast = {1, 2};
        int[] compatArray = {1, 2};
        MemorySegment from = MemorySegment.ofArray(new int[] {10, 20});
        assertEquals(memory.addInto(fast, from, 2), compat.addInto(compatArray, from, 2L));
        assertArrayEquals(new int[] {11, 22}, compatArray);
        assertArrayEquals(fast, compatArray);
    }

    @Test
    void nullBufferArrivesAsNullOnBothPaths() {
        assertEquals(arrays.isNull(null), compat.isNull(null));
        assertEquals(1, compat.isNull(null));
        assertEquals(0, compat.isNull(new byte[0]));
    }
}

package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Segments and byte buffers as buffers: native memory is passed as it is, heap memory is copied
 * (or passed zero-copy when critical) and C's writes land in it; a ByteBuffer counts from its
 * position, and a read-only one is never written.
 */
class MemoryBufferTest {
    private static Library library;
    private static MemoryBuffers buffers;

    private Arena arena;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        buffers = library.bind(MemoryBuffers.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @BeforeEach
    void allocate() {
        arena = Arena.ofConfined();
    }

    @AfterEach
    void free() {
        arena.close();
    }

    @Test
    void nativeSegmentIsPassedAtItsAddress() {
        MemorySegment bytes = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 1, (byte) 2, (byte) -1);
        assertEquals(bytes.address(), buffers.addressSeenByC(bytes));
        assertEquals(bytes.address() + 1, buffers.addressSeenByC(bytes.asSlice(1)));
        assertEquals(258L, buffers.sum(bytes, 3));
        buffers.increment(bytes, 3);
        assertArrayEquals(new byte[] {2, 3, 0}, bytes.toArray(ValueLayout.JAVA_BYTE));
    }

    @Test
    void heapSegmentIsCopiedAndWrittenBack() {
        byte[] array = {1, 2, -1};
        MemorySegment heap = MemorySegment.ofArray(array);
        assertEquals(258L, buffers.sum(heap, 3));
        buffers.increment(heap, 3);
        assertArrayEquals(new byte[] {2, 3, 0}, array);
        buffers.increment(heap.asSlice(1), 2);
        assertArrayEquals(new byte[] {2, 4, 1}, array);
    }

    @Test
    void heapSegmentOfAnotherArrayTypeIsWrittenBackAsBytes() {
        int[] ints = {1, 2};
        MemorySegment heap = MemorySegment.ofArray(ints);
        buffers.increment(heap, 1);
        int firstByteIsLow = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 2 : 1 + (1 << 24);
        assertArrayEquals(new int[] {firstByteIsLow, 2}, ints);
    }

    @Test
    void heapSegmentIsWrittenZeroCopyWhenCritical() {
        byte[] array = {1, 2, 3};
        buffers.incrementCritical(MemorySegment.ofArray(array), 3);
        assertArrayEquals(new byte[] {2, 3, 4}, array);
        MemorySegment direct = arena.allocate(2);
        buffers.incrementCritical(direct, 2);
        assertArrayEquals(new byte[] {1, 1}, direct.toArray(ValueLayout.JAVA_BYTE));
    }

    @Test
    void directByteBufferIsPassedFromItsPosition() {
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        direct.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).position(3);
        assertEquals(MemorySegment.ofBuffer(direct).address(), buffers.addressSeenByC(direct));
        assertEquals(4 + 5 + 6 + 7 + 8, buffers.sum(direct, direct.remaining()));
        buffers.increment(direct, direct.remaining());
        assertArrayEquals(new byte[] {1, 2, 3, 5, 6, 7, 8, 9}, contents(direct));
        assertEquals(3, direct.position(), "the call leaves the position alone");
    }

    @Test
    void heapByteBufferIsCopiedFromItsPositionAndWrittenBackThere() {
        byte[] array = {1, 2, 3, 4, 5, 6, 7, 8};
        ByteBuffer heap = ByteBuffer.wrap(array).position(3).limit(6);
        assertEquals(4 + 5 + 6, buffers.sum(heap, heap.remaining()));
        buffers.increment(heap, heap.remaining());
        assertArrayEquals(new byte[] {1, 2, 3, 5, 6, 7, 7, 8}, array);
        assertEquals(3, heap.position());
        assertEquals(6, heap.limit());
    }

    @Test
    void heapByteBufferIsWrittenFromItsPositionWhenCritical() {
        byte[] array = {1, 2, 3, 4};
        buffers.incrementCritical(ByteBuffer.wrap(array).position(2), 2);
        assertArrayEquals(new byte[] {1, 2, 4, 5}, array);
        ByteBuffer direct = ByteBuffer.allocateDirect(2);
        buffers.incrementCritical(direct, 2);
        assertArrayEquals(new byte[] {1, 1}, contents(direct));
    }

    @Test
    void sliceOfAHeapByteBufferIsWrittenAtItsOffset() {
        byte[] array = {1, 2, 3, 4};
        ByteBuffer slice = ByteBuffer.wrap(array).position(1).slice();
        buffers.increment(slice, 2);
        assertArrayEquals(new byte[] {1, 3, 4, 4}, array);
    }

    @Test
    void readOnlyHeapByteBufferIsReadButNotWritten() {
        byte[] array = {1, 2, 3};
        ByteBuffer readOnly = ByteBuffer.wrap(array).asReadOnlyBuffer();
        assertEquals(6L, buffers.sum(readOnly, 3));
        buffers.increment(readOnly, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, array);
    }

    @Test
    void readOnlyHeapByteBufferIsNotWrittenWhenCritical() {
        byte[] array = {1, 2, 3};
        buffers.incrementCritical(ByteBuffer.wrap(array).asReadOnlyBuffer(), 3);
        assertArrayEquals(new byte[] {1, 2, 3}, array);
    }

    @Test
    void readOnlySegmentOfAnArrayIsReadButNotWritten() {
        byte[] array = {1, 2, 3};
        MemorySegment readOnly = MemorySegment.ofArray(array).asReadOnly();
        assertEquals(6L, buffers.sum(readOnly, 3));
        buffers.increment(readOnly, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, array);
    }

    @Test
    void readOnlySegmentOfAnArrayIsNotWrittenWhenCritical() {
        byte[] array = {1, 2, 3};
        buffers.incrementCritical(MemorySegment.ofArray(array).asReadOnly(), 3);
        assertArrayEquals(new byte[] {1, 2, 3}, array);
    }

    @Test
    void readOnlyDirectByteBufferIsRead() {
        ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] {1, 2, 3}).flip();
        assertEquals(6L, buffers.sum(direct.asReadOnlyBuffer(), 3));
    }

    @Test
    void nullSegmentAndNullByteBufferArriveAsNull() {
        assertEquals(1, buffers.isNull((MemorySegment) null));
        assertEquals(1, buffers.isNull((ByteBuffer) null));
        assertEquals(0, buffers.isNull(MemorySegment.ofArray(new byte[0])));
        assertEquals(0, buffers.isNull(ByteBuffer.allocate(0)));
    }

    @Test
    void differentKindsOfBufferMeetInOneCall() {
        MemorySegment to = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2);
        ByteBuffer from = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(10).putInt(20).flip();
        assertEquals(30L, buffers.addInto(to, from, 2));
        assertArrayEquals(new int[] {11, 22}, to.toArray(ValueLayout.JAVA_INT));
        int[] array = {5, 6};
        assertEquals(33L, buffers.addInto(array, to, 2));
        assertArrayEquals(new int[] {16, 28}, array);
    }

    private static byte[] contents(ByteBuffer buffer) {
        byte[] all = new byte[buffer.capacity()];
        buffer.duplicate().clear().get(all);
        return all;
    }
}

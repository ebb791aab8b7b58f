package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A pointer accepts null, a native MemorySegment and a long address on the
 * fast path; returned pointers are zero-length segments and NULL is MemorySegment.NULL.
 */
class PointerTest {
    private static Library library;
    private static Pointers pointers;
    private static BoxedScalars boxed;

    private Arena arena;
    private MemorySegment fortyTwo;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        pointers = library.bind(Pointers.class);
        boxed = library.bind(BoxedScalars.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @BeforeEach
    void allocate() {
        arena = Arena.ofConfined();
        fortyTwo = arena.allocate(ValueLayout.JAVA_INT);
        fortyTwo.set(ValueLayout.JAVA_INT, 0, 42);
    }

    @AfterEach
    void free() {
        arena.close();
    }

    @Test
    void nullSegmentArrivesAsNull() {
        assertEquals(1, pointers.isNull(null));
        assertEquals(0L, pointers.addressSeenByC(null));
        assertEquals(MemorySegment.NULL, pointers.echo(null));
    }

    @Test
    void arenaSegmentArrivesAtItsAddress() {
        assertEquals(fortyTwo.address(), pointers.addressSeenByC(fortyTwo));
        assertEquals(0, pointers.isNull(fortyTwo));
        assertEquals(42, pointers.readI32(fortyTwo));
    }

    @Test
    void longAddressArrivesUnchanged() {
        assertEquals(fortyTwo.address(), pointers.addressSeenByCOfLong(fortyTwo.address()));
        assertEquals(42, pointers.readI32At(fortyTwo.address()));
        assertEquals(1, pointers.isNullAddress(0L));
        assertEquals(-16L, pointers.addressSeenByCOfLong(-16L));
        assertEquals(-16L, pointers.echoAddress(-16L));
    }

    @Test
    void returnedPointerIsAZeroLengthSegmentAtTheSameAddress() {
        MemorySegment returned = pointers.echo(fortyTwo);
        assertEquals(fortyTwo.address(), returned.address());
        assertEquals(0L, returned.byteSize());
        assertEquals(42, pointers.readI32(returned));
        assertEquals(-16L, pointers.pointerAt(-16L).address());
    }

    @Test
    void returnedNullIsMemorySegmentNull() {
        assertEquals(MemorySegment.NULL, pointers.nullPointer());
        assertEquals(0L, pointers.nullAddress());
        assertEquals(MemorySegment.NULL, pointers.pointerAt(0L));
    }

    @Test
    void heapSegmentAsPointerIsAnInvalidArgument() {
        MemorySegment heap = MemorySegment.ofArray(new int[] {42});
        assertPointerRejected(() -> pointers.readI32(heap));
        assertPointerRejected(() -> library.function("read_i32", "i32(pointer)").invoke(heap));
        MethodHandle read = library.function("read_i32", "i32(pointer)").handle();
        assertPointerRejected(() -> {
            int value = (int) read.invokeExact(heap);
            throw new AssertionError("read a heap segment as a pointer: " + value);
        });
    }

    @Test
    void exactHandleAcceptsSegmentsAndNull() throws Throwable {
        MethodHandle echo = library.function("echo_pointer", "pointer(pointer)").handle();
        MethodHandle isNull = library.function("is_null", "i32(pointer)").handle();
        MemorySegment returned = (MemorySegment) echo.invokeExact(fortyTwo);
        assertEquals(fortyTwo.address(), returned.address());
        assertEquals(0L, returned.byteSize());
        assertEquals(1, (int) isNull.invokeExact((MemorySegment) null));
        assertEquals(MemorySegment.NULL, (MemorySegment) echo.invokeExact(MemorySegment.NULL));
    }

    @Test
    void invokeAcceptsSegmentsNullAndAddressesAsLongOrBigInteger() {
        DynamicFunction addressOf = library.function("pointer_to_address", "usize(pointer)");
        DynamicFunction read = library.function("read_i32", "i32(pointer)");
        assertEquals(BigInteger.valueOf(fortyTwo.address()), addressOf.invoke(fortyTwo));
        assertEquals(BigInteger.ZERO, addressOf.invoke((Object) null));
        assertEquals(42, read.invoke(fortyTwo));
        assertEquals(42, read.invoke(fortyTwo.address()));
        assertEquals(42, read.invoke(BigInteger.valueOf(fortyTwo.address())));
        assertEquals(1, library.function("is_null", "i32(pointer)").invoke((Object) null));
    }

    @Test
    void invokeReturnsPointersAsSegments() {
        Object returned = library.function("echo_pointer", "pointer(pointer)").invoke(fortyTwo);
        assertEquals(fortyTwo.address(), ((MemorySegment) returned).address());
        assertEquals(MemorySegment.NULL, library.function("null_pointer", "pointer()").invoke());
    }

    @Test
    void compatMethodWithLongAddressesMatchesTheFastOne() {
        assertEquals(pointers.echoAddress(fortyTwo.address()), boxed.echoPointer(fortyTwo.address()));
        assertEquals(pointers.addressSeenByCOfLong(fortyTwo.address()), boxed.addressSeenByC(fortyTwo.address()));
        assertEquals(pointers.readI32At(fortyTwo.address()), boxed.readI32(fortyTwo.address()));
        assertEquals(0L, boxed.echoPointer(0L));
    }

    private static void assertPointerRejected(Executable call) {
        String message = Fixture.assertFfiException(FfiException.Code.INVALID_ARGUMENT, call).getMessage();
        assertTrue(message.contains("read_i32, argument 0 (pointer): "), message);
    }
}

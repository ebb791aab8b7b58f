package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code MemorySegment[]} and {@code String[]} buffers through generated bindings and
 * {@code DynamicFunction.invoke}: C reads the pointers, writes new ones back, and reads argument vectors.
 */
class PointerArrayTest {
    private static Library library;
    private static PointerArrays arrays;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        arrays = library.bind(PointerArrays.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void segmentArraysAreFastAndStringArraysCompat() {
        Map<String, CallPlan> plans = FastFfi.describe(PointerArrays.class).stream()
                .collect(Collectors.toMap(CallPlan::method, Function.identity()));
        CallPath fast = Fixture.fastPathEnabled() ? CallPath.FAST : CallPath.COMPAT;
        assertEquals(fast, plans.get("swap").path());
        assertEquals(fast, plans.get("swapCritical").path());
        assertEquals(CallPath.COMPAT, plans.get("argc").path());
        if (Fixture.fastPathEnabled()) {
            assertEquals("argument 0 is String[]: a String[] is copied into temporary UTF-8 strings for the call;"
                    + " pass a MemorySegment[] of strings from an Arena to stay fast", plans.get("argc").reason());
        }
    }

    @Test
    void anOutParameterReceivesThePointerCWrote() {
        MemorySegment[] handle = new MemorySegment[1];
        assertEquals(0, arrays.open("abc", handle));
        assertEquals(arrays.cell(3), handle[0].address());
        assertEquals(0, handle[0].byteSize());
    }

    @Test
    void nullWrittenByCReadsBackAsTheNullSegment() {
        MemorySegment[] handle = {MemorySegment.ofAddress(arrays.cell(1))};
        assertEquals(-1, arrays.open(null, handle));
        assertSame(MemorySegment.NULL, handle[0]);
    }

    @Test
    void cReadsTheAddressesOfTheElementsAndNullAsZero() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(8);
            MemorySegment b = arena.allocate(8);
            assertEquals(a.address() + b.address(), arrays.sum(new MemorySegment[] {a, null, b}, 3));
            assertEquals(a.address() + b.address(), library.function("pa_sum", "i64(buffer, i32)")
                    .invoke(new MemorySegment[] {a, b, null}, 3));
        }
    }

    @Test
    void elementsCDidNotChangeStayTheSameObjects() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(16);
            MemorySegment[] same = {a, a};
            arrays.swap(same);
            assertSame(a, same[0]);
            assertSame(a, same[1]);
            assertEquals(16, same[0].byteSize());
        }
    }

    @Test
    void swappedPointersComeBackSwappedOnEveryPath() {
        MemorySegment first = MemorySegment.ofAddress(arrays.cell(1));
        MemorySegment second = MemorySegment.ofAddress(arrays.cell(2));
        MemorySegment[] pair = {first, null};
        arrays.swap(pair);
        assertSame(MemorySegment.NULL, pair[0]);
        assertEquals(first.address(), pair[1].address());
        pair[0] = second;
        arrays.swapCritical(pair);
        assertEquals(first.address(), pair[0].address());
        assertEquals(second.address(), pair[1].address());
        DynamicFunction swap = library.function("pa_swap", "void(buffer)");
        swap.invoke((Object) pair);
        assertEquals(second.address(), pair[0].address());
        assertEquals(first.address(), pair[1].address());
    }

    @Test
    void cFillsSlotsAndClearsOthersToNull() {
        MemorySegment[] slots = new MemorySegment[4];
        Arrays.fill(slots, MemorySegment.ofAddress(arrays.cell(7)));
        arrays.fill(slots, 4);
        assertEquals(arrays.cell(0), slots[0].address());
        assertSame(MemorySegment.NULL, slots[1]);
        assertEquals(arrays.cell(2), slots[2].address());
        assertSame(MemorySegment.NULL, slots[3]);
    }

    @Test
    void aNullArrayIsNull() {
        assertEquals(0L, arrays.sum(null, 0));
        assertEquals(-1, arrays.argc(null));
    }

    @Test
    void aHeapSegmentElementIsAnInvalidArgument() {
        MemorySegment[] slots = {MemorySegment.NULL, MemorySegment.ofArray(new byte[8])};
        String detail = "pa_sum, argument 0 (buffer): element 1 is a heap MemorySegment, which has no address C"
                + " can use; pass memory from an Arena";
        Fixture.assertInvalidArgument(detail, () -> arrays.sum(slots, 2));
        Fixture.assertInvalidArgument(detail, () -> library.function("pa_sum", "i64(buffer, i32)").invoke(slots, 2));
    }

    @Test
    void anElementOfAClosedArenaIsAnInvalidArgument() {
        MemorySegment gone;
        try (Arena arena = Arena.ofConfined()) {
            gone = arena.allocate(8);
        }
        MemorySegment[] slots = {gone};
        String detail = "pa_sum, argument 0 (buffer): element 0 is a MemorySegment whose arena is closed";
        Fixture.assertInvalidArgument(detail, () -> arrays.sum(slots, 1));
        Fixture.assertInvalidArgument(detail, () -> library.function("pa_sum", "i64(buffer, i32)").invoke(slots, 1));
    }

    @Test
    void cCountsAnArgumentVectorUpToItsNullPointer() {
        assertEquals(3, arrays.argc(new String[] {"a", "", "ccc"}));
        assertEquals(0, arrays.argc(new String[0]));
        assertEquals(1, arrays.argc(new String[] {"x", null, "z"}));
        assertEquals(2, library.function("pa_argc", "i32(buffer)").invoke((Object) new String[] {"a", "b"}));
    }

    @Test
    void cReadsEveryStringAsUtf8AndNullElementsAsNull() {
        String[] argv = {"grüße", null, "", "日本"};
        byte[] out = new byte[64];
        long length = arrays.join(argv, 4, out, out.length);
        String joined = "grüße|(null)||日本";
        assertEquals(joined.getBytes(StandardCharsets.UTF_8).length, length);
        assertEquals(joined, new String(out, 0, (int) length, StandardCharsets.UTF_8));
        assertArrayEquals(new String[] {"grüße", null, "", "日本"}, argv);
        byte[] dynamic = new byte[64];
        assertEquals(length, library.function("pa_join", "i64(buffer, i32, buffer, i64)")
                .invoke(argv, 4, dynamic, 64L));
        assertArrayEquals(out, dynamic);
    }

    @Test
    void aStringElementWithNulIsAnInvalidArgument() {
        String[] argv = {"ok", "a\0b"};
        String detail = "pa_argc, argument 0 (buffer): element 1 contains a NUL character at index 1, which C"
                + " would read as its end";
        Fixture.assertInvalidArgument(detail, () -> arrays.argc(argv));
        Fixture.assertInvalidArgument(detail, () -> library.function("pa_argc", "i32(buffer)").invoke((Object) argv));
    }
}

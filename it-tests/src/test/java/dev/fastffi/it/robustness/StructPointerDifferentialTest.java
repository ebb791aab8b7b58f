package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Struct pointers as arguments and results, and owned results with their free function, on every
 * path of {@link MemoryPaths} at once: the same values, and the same codes and messages for bad input.
 */
class StructPointerDifferentialTest {
    private static final int TRIES = 200;

    private static MemoryPaths paths;

    @BeforeAll
    static void open() {
        paths = new MemoryPaths();
    }

    @AfterAll
    static void close() {
        paths.close();
    }

    private static String same(String what, Function<MemoryDriver, Object> operation) {
        return paths.same(what, operation);
    }

    private static void assertSame(String expected, String what, Function<MemoryDriver, Object> operation) {
        paths.assertAll(expected, what, operation);
    }

    // --- struct pointers as arguments

    /** Four ints and a double's bits. */
    record Numbers(int a, int b, int c, int d, long bits) {}

    private static Samples<Numbers> numbers() {
        return Samples.of(List.of(new Numbers(0, 0, 0, 0, 0L), new Numbers(Integer.MAX_VALUE, 1, -1, Integer.MIN_VALUE,
                        0x7ff8_0000_dead_beefL), new Numbers(-1, -1, 255, -128, 0x8000_0000_0000_0000L)),
                r -> new Numbers(Samples.anyInt(r), Samples.anyInt(r), Samples.anyInt(r), Samples.anyInt(r),
                        r.nextLong()));
    }

    @Test
    void recordsPassedThroughStructPointersReachCAlikeOnEveryPath() {
        numbers().forAll(TRIES, n -> {
            assertSame("returned " + (n.a() + n.b()), "sum", d -> d.sum(n.a(), n.b()));
            assertSame("returned Point[x=" + (n.a() + n.c()) + ", y=" + (n.b() + n.d()) + "]", "move",
                    d -> d.move(n.a(), n.b(), n.c(), n.d()));
            double value = Double.longBitsToDouble(n.bits());
            same("total", d -> d.total((byte) n.c(), value));
        });
    }

    @Test
    void aNullRecordIsNullOnEveryPath() {
        assertSame("returned -1", "sum of null", MemoryDriver::sumNull);
    }

    @Test
    void segmentsPassedAsStructPointersAreTheSameOnEveryPathAndTheExactHandle() throws Throwable {
        MethodHandle sum = paths.library.function("sp_sum", "i32({i32, i32}*)").handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment point = arena.allocateFrom(ValueLayout.JAVA_INT, 10, 20);
            MemorySegment padded = arena.allocate(16, 8);
            padded.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
            padded.set(ValueLayout.JAVA_DOUBLE, 8, 0.25);

            assertSame("returned 30", "sumAt", d -> d.sumAt(point));
            assertSame("returned -1", "sumAt NULL", d -> d.sumAt(MemorySegment.NULL));
            assertSame("returned -1", "sumAt null", d -> d.sumAt(null));
            assertSame("returned " + MemoryPaths.f64(1.25), "totalAt",
                    d -> d.totalAt(padded));
            assertEquals(30, (int) sum.invokeExact(point));
        }
    }

    @Test
    void aHeapOrClosedSegmentAsAStructPointerIsRefusedAlikeOnEveryPath() throws Throwable {
        MemorySegment heap = MemorySegment.ofArray(new int[2]);
        String refused = paths.invalidArgument("sp_sum", 0, "{i32, i32}*",
                "a heap MemorySegment cannot be passed as a pointer to a struct; pass memory from an Arena, or the"
                        + " record");
        assertSame(refused, "sumAt heap", d -> d.sumAt(heap));
        MethodHandle sum = paths.library.function("sp_sum", "i32({i32, i32}*)").handle();
        assertEquals(refused, MemoryPaths.outcome(Robust.exact(() -> (int) sum.invokeExact(heap))), "handle");
        MemorySegment gone;
        try (Arena arena = Arena.ofConfined()) {
            gone = arena.allocate(8);
        }
        String closed = same("sumAt closed", d -> d.sumAt(gone));
        assertTrue(closed.startsWith("threw INVALID_ARGUMENT "), closed);
        assertSame(paths.invalidArgument("sp_padded_total", 0, "{u8, f64}*",
                "a heap MemorySegment cannot be passed as a pointer to a struct; pass memory from an Arena, or the"
                        + " record"), "totalAt heap",
                d -> d.totalAt(MemorySegment.ofArray(new long[2])));
    }

    /** Arrays of records, some elements null (zeroed for C), or no array at all (NULL). */
    private static Samples<int[][]> pointArrays() {
        return Samples.of(List.of(new int[0][], new int[][] {null}, new int[][] {{5, 5}, null, {0, 0}, null}),
                r -> {
                    int[][] points = new int[r.nextInt(7)][];
                    for (int i = 0; i < points.length; i++) {
                        points[i] = r.nextInt(3) == 0 ? null : new int[] {r.nextInt(-2, 3), Samples.anyInt(r)};
                    }
                    return points;
                });
    }

    @Test
    void arraysOfRecordsAreCopiedInAndBackAlikeOnEveryPath() {
        pointArrays().forAll(TRIES, points -> {
            String outcome = same("fill", d -> d.fill(copy(points), points.length));
            long zero = java.util.Arrays.stream(points).filter(p -> p == null || p[0] == 0 && p[1] == 0).count();
            assertTrue(outcome.startsWith("returned " + zero + " ["), outcome);
        });
        assertSame("returned 0 null", "fill null", d -> d.fill(null, 0));
        // the whole array is lent, so its null elements all come back as the zeroed structs C saw
        assertSame("returned 2 [Point[x=0, y=0], Point[x=1, y=1], Point[x=0, y=0]]", "fill part",
                d -> d.fill(new int[3][], 2));
    }

    private static int[][] copy(int[][] points) {
        int[][] copy = new int[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i] == null ? null : points[i].clone();
        }
        return copy;
    }

    @Test
    void anArrayIsCopiedBackAlikeWhenACallbackObjectThrew() {
        String outcome = same("fillThenCall", d -> d.fillThenCallFailing(2));
        assertTrue(outcome.startsWith("returned CALLBACK_FAILED "), outcome);
        assertTrue(outcome.endsWith(" <- java.lang.IllegalStateException: poke [Point[x=0, y=0], Point[x=1, y=1]]"),
                outcome);
    }

    // --- struct pointers as results

    @Test
    void structPointerResultsAreTheSameOnEveryPathAndTheExactHandle() throws Throwable {
        assertSame("returned Point[x=3, y=4]", "origin", MemoryDriver::origin);
        String originAt = same("originAt", MemoryDriver::originAt);
        assertSame("returned null", "none", MemoryDriver::none);
        assertSame("returned NULL 0x0/0", "noneAt", MemoryDriver::noneAt);
        MemorySegment origin = (MemorySegment) paths.library.function("sp_static", "{i32, i32}*()").handle().invokeExact();
        assertEquals("returned " + MemoryDriver.segment(origin) + " Point[x=3, y=4]", originAt);
        assertEquals(8, origin.byteSize());
        MemorySegment none = (MemorySegment) paths.library.function("sp_null", "{i32, i32}*()").handle().invokeExact();
        assertEquals(MemorySegment.NULL, none);
    }

    // --- owned results

    @Test
    void ownedStructsAreReadThenFreedOnceAlikeOnEveryPath() {
        Samples.of(List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE), Samples::anyInt).forAll(TRIES, x -> {
            String expected = x < 0 ? "returned null, freed 0, NULL freed 0" : "returned Point[x=" + x + ", y=" + ~x
                    + "], freed 1, NULL freed 0";
            assertSame(expected, "create", d -> counted(d, () -> d.create(x, ~x)));
            assertSame(x < 0 ? "returned null" : "returned Point[x=" + x + ", y=7]", "createFreedByLibc",
                    d -> d.createFreedByLibc(x, 7));
        });
    }

    /** The result of {@code call}, and how often it made the fixture free a pointer and NULL. */
    private static String counted(MemoryDriver driver, Callable<?> call) {
        int freed = driver.freeCount();
        int nulls = driver.nullFreeCount();
        String outcome = MemoryPaths.outcome(call);
        return outcome.replaceFirst("^returned ", "") + ", freed " + (driver.freeCount() - freed) + ", NULL freed "
                + (driver.nullFreeCount() - nulls);
    }

    /** Text or no text (NULL), as a value the samples can describe. */
    record Text(String value) {
        @Override
        public String toString() {
            return value == null ? "null" : Samples.describe(value);
        }
    }

    /** Text C copies: any code points, supplementary ones and NUL among them, or no text (NULL). */
    private static Samples<Text> texts() {
        return Samples.of(Stream.of(null, "", "owner", "gr\u00fc\u00dfe \u65e5\u672c \ud83d\ude00", "a\0b")
                .map(Text::new).toList(), r -> new Text(r.nextInt(10) == 0 ? null : text(r)));
    }

    private static String text(SplittableRandom r) {
        StringBuilder text = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            int codePoint = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(0x20, 0x7f);
                case 1 -> r.nextInt(0x80, 0x800);
                case 2 -> r.nextInt(0x800, 0xd800);
                default -> r.nextInt(0x1_0000, 0x11_0000);
            };
            text.appendCodePoint(r.nextInt(40) == 0 ? 0 : codePoint);
        }
        return text.toString();
    }

    @Test
    void ownedStringsAreReadThenFreedOnceAlikeOnEveryPath() {
        texts().forAll(TRIES, text -> {
            String name = text.value();
            String outcome = same("greeting", d -> counted(d, () -> d.greeting(name)));
            if (name == null) {
                assertEquals("returned null, freed 0, NULL freed 0", outcome);
            } else if (name.indexOf('\0') < 0) {
                assertEquals("returned hello " + name + ", freed 1, NULL freed 0", outcome);
            } else {
                assertTrue(outcome.startsWith("returned threw INVALID_ARGUMENT INVALID_ARGUMENT: " + paths.library.name()
                        + " sp_greeting, argument 0 (string): "), outcome);
                assertTrue(outcome.endsWith(", freed 0, NULL freed 0"), outcome);
            }
        });
    }

    @Test
    void aMissingFreeFunctionFailsEveryBindAlike() {
        String outcome = MemoryPaths.same("bind", paths.bound(), d -> {
            d.bindMissingFree();
            return "bound";
        });
        assertEquals("threw SYMBOL_NOT_FOUND SYMBOL_NOT_FOUND: free function 'sp_no_such_free' not found in "
                + paths.library.name() + " nor in the C library", outcome);
    }
}

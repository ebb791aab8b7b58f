package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.NativeMemory;
import dev.fastffi.Upcall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Struct pointers C hands to callbacks (a segment sized to the struct, or the record read from it)
 * and callbacks returning one, and views of C function pointers that take or return them.
 */
class StructPointerCallbackTest {
    /** The build runs these tests again with -Dfastffi.fast=false, where views are compatibility proxies. */
    private static final boolean FAST = !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));

    private static Library library;
    private static PointFunctions points;

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        points = library.bind(PointFunctions.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private static PointVisit.Point read(MemorySegment point) {
        return NativeMemory.read(PointVisit.Point.class, point);
    }

    @Test
    void aCallbackWritesThroughTheSegmentAndCReadsItBack() {
        List<Long> sizes = new ArrayList<>();
        List<PointVisit.Point> seen = new ArrayList<>();
        try (Upcall<PointVisit> visit = Upcall.of(PointVisit.class, point -> {
            sizes.add(point.byteSize());
            seen.add(read(point));
            point.set(ValueLayout.JAVA_INT, 0, point.get(ValueLayout.JAVA_INT, 0) + 10);
            point.set(ValueLayout.JAVA_INT, 4, point.get(ValueLayout.JAVA_INT, 4) * 2);
        })) {
            assertEquals(13_008L, points.cb_point_call(visit, 3, 4));
        }
        assertEquals(List.of(8L), sizes);
        assertEquals(List.of(new PointVisit.Point(3, 4)), seen);
    }

    @Test
    void aCallbackObjectWritesThroughTheSegmentToo() {
        assertEquals(-1_000L - 100, points.pointCallTransient(point -> NativeMemory.write(point,
                new PointVisit.Point(-1, -100)), 7, 8));
    }

    @Test
    void nullArrivesAsTheNullSegment() {
        List<MemorySegment> seen = new ArrayList<>();
        try (Upcall<PointVisit> visit = Upcall.of(PointVisit.class, seen::add)) {
            assertEquals(1, points.cb_point_null(visit));
        }
        assertEquals(List.of(MemorySegment.NULL), seen);
        assertEquals(0L, seen.get(0).byteSize());
    }

    @Test
    void aRecordIsReadFromThePointerAndNullIsNull() {
        List<PointVisit.Point> seen = new ArrayList<>();
        try (Upcall<PointRead> sum = Upcall.of(PointRead.class, point -> {
            seen.add(point);
            return point == null ? -5 : point.x() * point.y();
        }); Arena arena = Arena.ofConfined()) {
            MemorySegment point = arena.allocate(8);
            NativeMemory.write(point, new PointVisit.Point(6, 7));

            assertEquals(42, points.cb_point_apply(sum, point));
            assertEquals(-5, points.cb_point_apply(sum, MemorySegment.NULL));
            assertEquals(-6, points.pointApplyTransient(p -> -p.x(), point));
        }
        assertEquals(Arrays.asList(new PointVisit.Point(6, 7), null), seen);
    }

    @Test
    void aCallbackReturnsMemoryItsCallerOwnsAndNullAsNull() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment made = arena.allocate(8);
            try (Upcall<PointMake> make = Upcall.of(PointMake.class, seed -> {
                if (seed < 0) {
                    return null;
                }
                NativeMemory.write(made, new PointVisit.Point(seed, seed + 1));
                return made;
            })) {
                assertEquals(8_009L, points.cb_point_made(make, 8));
                assertEquals(-1L, points.cb_point_made(make, -1));
            }
        }
    }

    @Test
    void aHeapSegmentResultFailsTheCall() {
        try (Upcall<PointMake> make = Upcall.of(PointMake.class, seed -> MemorySegment.ofArray(new int[2]))) {
            FfiException thrown = assertFfiException(FfiException.Code.CALLBACK_FAILED,
                    () -> points.cb_point_made(make, 1));
            FfiException cause = assertInstanceOf(FfiException.class, thrown.getCause());
            assertEquals("INVALID_ARGUMENT: a callback returned a heap MemorySegment, which has no address C could use",
                    cause.getMessage());
        }
    }

    @Test
    void aSegmentResultFromAClosedArenaFailsTheCall() {
        MemorySegment freed;
        try (Arena arena = Arena.ofConfined()) {
            freed = arena.allocate(8);
        }
        MemorySegment dangling = freed;
        try (Upcall<PointMake> make = Upcall.of(PointMake.class, seed -> dangling)) {
            FfiException thrown = assertFfiException(FfiException.Code.CALLBACK_FAILED,
                    () -> points.cb_point_made(make, 1));
            FfiException cause = assertInstanceOf(FfiException.class, thrown.getCause());
            assertEquals("INVALID_ARGUMENT: a callback returned a MemorySegment whose arena is closed, so its memory"
                    + " is freed and C must not use it", cause.getMessage());
        }
    }

    @Test
    void aViewPassesASegmentThatCWritesThrough() {
        PointVisit twice = points.cb_point_double_op();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment point = arena.allocate(8);
            NativeMemory.write(point, new PointVisit.Point(2, 3));

            twice.visit(point);
            twice.visit(MemorySegment.NULL);

            assertEquals(new PointVisit.Point(4, 6), read(point));
        }
    }

    @Test
    void aViewPassesARecordAndNull() {
        PointRead sum = points.cb_point_sum_op();

        assertEquals(7, sum.read(new PointVisit.Point(3, 4)));
        assertEquals(-1, sum.read(null));
    }

    @Test
    void aViewReturnsASegmentSizedToTheStructAndNullAsTheNullSegment() {
        PointMake make = points.cb_point_make_op();

        MemorySegment made = make.make(5);
        assertEquals(8L, made.byteSize());
        assertEquals(new PointVisit.Point(5, 6), read(made));
        assertEquals(MemorySegment.NULL, make.make(-1));
    }

    @Test
    void viewsOfStructPointerCallbacksAreGeneratedAndFastUnlessTheFastPathIsOff() {
        Map<String, CallPlan> plans = FastFfi.describe(PointFunctions.class).stream()
                .collect(Collectors.toMap(CallPlan::method, Function.identity()));
        CallPath expected = FAST ? CallPath.FAST : CallPath.COMPAT;

        for (String view : List.of("cb_point_double_op", "cb_point_sum_op", "cb_point_make_op")) {
            assertEquals(expected, plans.get(view).path(), view);
        }
        assertEquals(expected, plans.get("cb_point_apply").path());
        assertEquals(FAST ? PointRead.class.getName() + "$FastFfiView" : "proxy",
                java.lang.reflect.Proxy.isProxyClass(points.cb_point_sum_op().getClass()) ? "proxy"
                        : points.cb_point_sum_op().getClass().getName());
    }
}

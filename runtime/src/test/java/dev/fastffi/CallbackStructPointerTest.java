package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Struct pointers in callback signatures at run time: an upcall stub called through a view of
 * itself, so that the view passes the struct pointer as a downcall argument and the stub receives it.
 */
class CallbackStructPointerTest {

    @NativeStruct("{i32, i32}")
    public record Point(int x, int y) {}

    /** Named by its record parameter. */
    @NativeCallback("i32(Point*)")
    public interface ReadPoint {
        int sum(Point point);
    }

    /** Names a record nested in the interface, which the method does not use. */
    @NativeCallback("void(Inner*, i32)")
    public interface WritePoint {
        @NativeStruct("{i32, i32}")
        record Inner(int a, int b) {}

        void write(MemorySegment point, int value);
    }

    /** Names a record of the package. */
    @NativeCallback("PackagePoint*(i64)")
    public interface MakePoint {
        MemorySegment make(long x);
    }

    @NativeCallback("Point*()")
    public interface RecordResult {
        Point make();
    }

    @NativeCallback("void({i32, i32}*)")
    public interface LongParameter {
        void accept(long point);
    }

    public interface Walker {
        /** Point is the record of the callback type only. */
        @NativeFunction("i32(function, Point*)")
        int walk(ReadPoint visit, Point start);

        /** So is the record of the callback type of an Upcall. */
        @NativeFunction(value = "i32(function, Point*)", symbol = "walk")
        int walkFast(Upcall<ReadPoint> visit, Point start);
    }

    @Test
    void aRecordIsReadFromThePointerWhenTheCallbackStartsAndNullIsNull() {
        List<Point> seen = new ArrayList<>();
        try (Upcall<ReadPoint> upcall = Upcall.of(ReadPoint.class, point -> {
            seen.add(point);
            return point == null ? -1 : point.x() + point.y();
        })) {
            Library system = Library.system();
            ReadPoint view = system.function(ReadPoint.class, upcall.address());

            assertEquals(7, view.sum(new Point(3, 4)));
            assertEquals(-1, view.sum(null));
            assertEquals(java.util.Arrays.asList(new Point(3, 4), null), seen);
        }
    }

    @Test
    void aSegmentIsSizedToTheStructSoTheCallbackWritesThroughIt() {
        List<Long> sizes = new ArrayList<>();
        try (Upcall<WritePoint> upcall = Upcall.of(WritePoint.class, (point, value) -> {
            sizes.add(point.byteSize());
            if (!point.equals(MemorySegment.NULL)) {
                point.set(ValueLayout.JAVA_INT, 4, value);
            }
        }); Arena arena = Arena.ofConfined()) {
            WritePoint view = Library.system().function(WritePoint.class, upcall.address());
            MemorySegment point = arena.allocate(8);

            view.write(point, 42);
            view.write(MemorySegment.NULL, 1);

            assertEquals(42, point.get(ValueLayout.JAVA_INT, 4));
            assertEquals(List.of(8L, 0L), sizes);
        }
    }

    @Test
    void aCallbackReturnsAStructPointerAsASegmentAndNullAsNull() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment made = arena.allocate(16);
            try (Upcall<MakePoint> upcall = Upcall.of(MakePoint.class, x -> {
                if (x == 0) {
                    return null;
                }
                made.set(ValueLayout.JAVA_LONG, 0, x);
                return made;
            })) {
                MakePoint view = Library.system().function(MakePoint.class, upcall.address());

                MemorySegment result = view.make(9);
                assertEquals(made.address(), result.address());
                assertEquals(16L, result.byteSize());
                assertEquals(9L, result.get(ValueLayout.JAVA_LONG, 0));
                assertEquals(0L, view.make(0).address());
            }
        }
    }

    @Test
    void aRecordResultIsInvalidSignatureSayingWhoShouldOwnTheMemory() {
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(RecordResult.class, () -> null));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: RecordResult: The result of @NativeCallback(\"Point*()\") is a pointer to the"
                + " struct {i32, i32}, which cannot be returned as Point: C gets only the address, and no one would"
                + " own memory made for it; return a MemorySegment from an Arena the caller owns (NativeMemory.write"
                + " fills it from a record).", thrown.getMessage());
    }

    @Test
    void aStructPointerOfAnotherTypeIsInvalidSignature() {
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(LongParameter.class, point -> { }));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: LongParameter: Argument 0 of @NativeCallback(\"void({i32, i32}*)\") is a"
                + " pointer to the struct {i32, i32}, which cannot arrive as long; use a record matching the struct,"
                + " read once when C calls, or MemorySegment, sized to the struct.", thrown.getMessage());
    }

    @Test
    void aFunctionSignatureNamesTheRecordOfItsCallbackType() {
        List<CallPlan> plans = FastFfi.describe(Walker.class);

        assertEquals(List.of("walk", "walkFast"), plans.stream().map(CallPlan::method).toList());
        assertEquals(List.of("i32(function, Point*)", "i32(function, Point*)"),
                plans.stream().map(CallPlan::signature).toList());
    }

    public interface Unnamed {
        @NativeFunction("i32(Point*)")
        int walk(MemorySegment start);
    }

    @Test
    void withoutTheCallbackTypeTheNameIsUnknown() {
        FfiException thrown = assertThrows(FfiException.class, () -> FastFfi.describe(Unnamed.class));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: Unnamed.walk: @NativeFunction(\"i32(Point*)\"): unknown struct 'Point' at"
                + " column 5; no @NativeStruct record is known here; write the fields inline, e.g. '{f64, f64}'",
                thrown.getMessage());
    }
}

package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.internal.TransientUpcallsTest.IntCompare;
import dev.fastffi.internal.TransientUpcallsTest.LibC;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Upcall stubs the JVM cannot allocate, as when its code heap is full: the linker in place of
 * the real one throws the {@code OutOfMemoryError} the JDK throws then.
 */
class CodeHeapFullTest {
    private static final UpcallStubs.Maker LINKER = UpcallStubs.maker;

    private final LibC libc = Library.system().bind(LibC.class);
    private final Sorting sorting = Library.system().bind(Sorting.class);

    /**
     * Comparators of interfaces no other test passes: a new object of an interface gets a spare
     * stub of it when there is one, which would not ask the linker at all.
     */
    @NativeCallback("i32(pointer, pointer)")
    public interface OnceMoreCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface StillFullCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    /** qsort for each, bound without the processor, so that the calls make their stubs. */
    public interface Sorting {
        @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
        void qsortOnceMore(MemorySegment base, long count, long size, OnceMoreCompare compare);

        @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
        void qsortStillFull(MemorySegment base, long count, long size, StillFullCompare compare);
    }

    @AfterEach
    void restoreTheLinker() {
        UpcallStubs.maker = LINKER;
    }

    /** A linker that fails {@code times} times, then makes stubs. */
    private static AtomicInteger failing(int times) {
        AtomicInteger failures = new AtomicInteger();
        UpcallStubs.maker = (target, function, arena) -> {
            if (failures.getAndIncrement() < times) {
                throw new OutOfMemoryError("Failed to allocate upcall stub");
            }
            return LINKER.make(target, function, arena);
        };
        return failures;
    }

    @SuppressWarnings("restricted")
    private static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    private static IntCompare ascending() {
        return (a, b) -> Integer.compare(read(a), read(b));
    }

    @Test
    void aCallbackObjectIsGivenAStubOnceMoreAfterACollectionWhenTheCodeHeapWasFull() {
        AtomicInteger failures = failing(1);
        int collections = TransientUpcalls.collections();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            sorting.qsortOnceMore(values, 3, 4, (a, b) -> Integer.compare(read(a), read(b)));
            assertArrayEquals(new int[] {1, 2, 3}, values.toArray(ValueLayout.JAVA_INT));
        }
        assertEquals(2, failures.get(), "one failure, then the stub");
        assertEquals(collections + 1, TransientUpcalls.collections());
    }

    @Test
    void aCodeHeapStillFullAfterACollectionIsAnInvalidArgumentSayingToKeepTheCallback() {
        failing(Integer.MAX_VALUE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            FfiException thrown = assertThrows(FfiException.class,
                    () -> sorting.qsortStillFull(values, 3, 4, (a, b) -> Integer.compare(read(a), read(b))));
            assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
            assertEquals("INVALID_ARGUMENT: system qsort, argument 3 (function): the JVM's code heap is full, so this"
                    + " StillFullCompare callback object got no stub (" + TransientUpcalls.heldStubs() + " stubs of"
                    + " callback objects held); pass the same callback object on every call, or an Upcall that"
                    + " you keep, rather than a new object per call", thrown.getMessage());
            assertEquals(OutOfMemoryError.class, thrown.getCause().getClass());
            assertEquals("Failed to allocate upcall stub", thrown.getCause().getMessage());
            assertArrayEquals(new int[] {3, 1, 2}, values.toArray(ValueLayout.JAVA_INT), "qsort never ran");
        }
    }

    @Test
    void upcallOfIsGivenAStubOnceMoreAfterACollectionWhenTheCodeHeapWasFull() {
        AtomicInteger failures = failing(1);
        try (Upcall<IntCompare> upcall = Upcall.of(IntCompare.class, ascending());
                Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            libc.qsortAddress(values, 3, 4, upcall.address());
            assertArrayEquals(new int[] {1, 2, 3}, values.toArray(ValueLayout.JAVA_INT));
        }
        assertEquals(2, failures.get(), "one failure, then the stub");
    }

    @Test
    void upcallOfWithTheCodeHeapStillFullIsAnInvalidArgumentWithTheJvmErrorAsCause() {
        failing(Integer.MAX_VALUE);
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(IntCompare.class, ascending()));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
        assertEquals("INVALID_ARGUMENT: Upcall.of(IntCompare): the JVM's code heap is full, so no stub could be made;"
                + " close the Upcalls that C no longer calls, or give the JVM a larger code heap"
                + " (-XX:ReservedCodeCacheSize)", thrown.getMessage());
        assertSame(OutOfMemoryError.class, thrown.getCause().getClass());
    }
}

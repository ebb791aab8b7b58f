package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

/** Records whose {@code function} field is a @NativeCallback interface, read and written at an address. */
class NativeMemoryCallbackFieldTest {

    @NativeCallback("i64(i64)")
    public interface LongOp {
        long apply(long value);
    }

    @NativeCallback("i32(i32)")
    public interface IntOp {
        int apply(int value);
    }

    @NativeStruct("{i32, function}")
    record Op(int tag, LongOp op) {}

    /** A callback object of two callback interfaces, which has no one stub. */
    static final class Both implements LongOp, IntOp {
        @Override
        public long apply(long value) {
            return value;
        }

        @Override
        public int apply(int value) {
            return value;
        }

        @Override
        public String toString() {
            return "both";
        }
    }

    private static MemorySegment at(MemorySegment memory) {
        return MemorySegment.ofAddress(memory.address());
    }

    @Test
    void aFunctionFieldIsReadAsAViewOfTheSystemLibrary() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(16, 8);
            MemorySegment labs = Library.system().find("labs").orElseThrow();
            memory.set(ValueLayout.JAVA_INT, 0, 7);
            memory.set(ValueLayout.ADDRESS, 8, labs);

            Op read = NativeMemory.read(Op.class, at(memory));

            assertEquals(7, read.tag());
            assertEquals(42L, read.op().apply(-42L));
            assertEquals("LongOp view of system function pointer 0x" + Long.toHexString(labs.address()),
                    read.op().toString());
        }
    }

    @Test
    void aNullFunctionFieldIsReadAsNullAndNullIsWrittenAsNull() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(16, 8).fill((byte) 0x5a);

            NativeMemory.write(at(memory), new Op(3, null));

            assertEquals(MemorySegment.NULL, memory.get(ValueLayout.ADDRESS, 8));
            assertEquals(new Op(3, null), NativeMemory.read(Op.class, at(memory)));
        }
    }

    @Test
    void aViewIsWrittenAsTheAddressOfItsFunction() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(16, 8);
            MemorySegment labs = Library.system().find("labs").orElseThrow();
            LongOp view = Library.system().function(LongOp.class, labs);

            NativeMemory.write(at(memory), new Op(1, view));

            assertEquals(labs.address(), memory.get(ValueLayout.ADDRESS, 8).address());
        }
    }

    @Test
    void aCallbackObjectIsWrittenAsItsOneStubWhichCallsItBack() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment first = arena.allocate(16, 8);
            MemorySegment second = arena.allocate(16, 8);
            LongOp twice = value -> 2 * value;

            NativeMemory.write(at(first), new Op(1, twice));
            NativeMemory.write(at(second), new Op(2, twice));

            long stub = first.get(ValueLayout.ADDRESS, 8).address();
            assertNotEquals(0L, stub);
            assertEquals(stub, second.get(ValueLayout.ADDRESS, 8).address());
            Op read = NativeMemory.read(Op.class, at(first));
            assertEquals(42L, read.op().apply(21L));
            assertTrue(read.op() != twice);
            Reference.reachabilityFence(twice);
        }
    }

    @Test
    void aCallbackObjectOfTwoCallbackInterfacesIsRejectedNamingItsField() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(16, 8).fill((byte) 0x5a);

            FfiException e = assertThrows(FfiException.class,
                    () -> NativeMemory.write(at(memory), new Op(1, new Both())));

            assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code());
            assertEquals("INVALID_ARGUMENT: NativeMemory write, argument 1 ({i32, function}), field 1 (function):"
                    + " Both both implements several @NativeCallback interfaces [LongOp, IntOp]; pass"
                    + " Upcall.of(TheInterface.class, target)", e.getMessage());
            assertEquals(0x5a5a5a5a5a5a5a5aL, memory.get(ValueLayout.JAVA_LONG, 8));
        }
    }

    @Test
    void aViewOfAClosedLibraryIsRefusedWhenWritten() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(16, 8);
            MemorySegment labs = Library.system().find("labs").orElseThrow();
            Library m = Library.open("m");
            LongOp view = m.function(LongOp.class, labs);
            m.close();

            FfiException e = assertThrows(FfiException.class, () -> NativeMemory.write(at(memory), new Op(1, view)));

            assertEquals(FfiException.Code.LIBRARY_CLOSED, e.code());
            assertEquals("LIBRARY_CLOSED: " + m.name() + " function pointer 0x" + Long.toHexString(labs.address())
                    + ": the library was closed; no native code ran", e.getMessage());
        }
    }
}

package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Records whose components are widened or boxed carriers of their fields, written and read at an address. */
class NativeMemoryCarrierTest {

    @NativeStruct("{bool, u16, i16, i8}")
    record Flags(boolean on, int code, int delta, int small) {}

    @NativeStruct("{bool, u16, i16, i8}")
    record BoxedFlags(Boolean on, Character code, Short delta, Long small) {}

    @NativeStruct("{u8, u32, u64, pointer}")
    record Wide(int tag, long count, BigInteger size, long address) {}

    @NativeStruct("{i8, {u8, u32}}")
    record Outer(byte kind, Inner inner) {}

    record Inner(Integer tag, long count) {}

    private static void assertInvalidArgument(String message, Executable call) {
        FfiException e = assertThrows(FfiException.class, call);
        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code(), e::getMessage);
        assertEquals("INVALID_ARGUMENT: " + message, e.getMessage());
    }

    @Test
    void widenedPrimitivesRoundTripAsTheirCValues() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(8, 8);
            MemorySegment address = MemorySegment.ofAddress(memory.address());

            NativeMemory.write(address, new Flags(true, 65535, -32768, -128));

            assertEquals(new Flags(true, 65535, -32768, -128), NativeMemory.read(Flags.class, address));
            assertEquals((short) -1, memory.get(ValueLayout.JAVA_SHORT, 2));
            assertEquals(new BoxedFlags(true, '\uffff', (short) -32768, -128L),
                    NativeMemory.read(BoxedFlags.class, address));
        }
    }

    @Test
    void unsignedFieldsReadAsTheirFullRange() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(24, 8);
            MemorySegment address = MemorySegment.ofAddress(memory.address());
            BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

            NativeMemory.write(address, new Wide(255, 4294967295L, max, 0x1234L));

            assertEquals(new Wide(255, 4294967295L, max, 0x1234L), NativeMemory.read(Wide.class, address));
            assertEquals(-1L, memory.get(ValueLayout.JAVA_LONG, 8));
        }
    }

    @Test
    void nestedRecordsTakeWidenedAndBoxedComponents() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = MemorySegment.ofAddress(arena.allocate(12, 4).address());

            NativeMemory.write(address, new Outer((byte) -1, new Inner(200, 3000000000L)));

            assertEquals(new Outer((byte) -1, new Inner(200, 3000000000L)), NativeMemory.read(Outer.class, address));
        }
    }

    @Test
    void anOutOfRangeComponentIsRejectedNamingItsFieldAndWritesNothing() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(24, 8).fill((byte) 0x5a);
            MemorySegment address = MemorySegment.ofAddress(memory.address());

            assertAll(
                    () -> assertInvalidArgument("NativeMemory write, argument 1 ({bool, u16, i16, i8}), field 1 (u16):"
                            + " 65536 is outside 0..65535", () -> NativeMemory.write(address, new Flags(true, 65536, 0, 0))),
                    () -> assertInvalidArgument("NativeMemory write, argument 1 ({bool, u16, i16, i8}), field 3 (i8):"
                            + " 128 is outside -128..127", () -> NativeMemory.write(address, new Flags(true, 0, 0, 128))),
                    () -> assertInvalidArgument("NativeMemory write, argument 1 ({bool, u16, i16, i8}), field 0 (bool):"
                            + " null cannot be passed as bool",
                            () -> NativeMemory.write(address, new BoxedFlags(null, 'a', (short) 1, 1L))),
                    () -> assertInvalidArgument("NativeMemory write, argument 1 ({u8, u32, u64, pointer}), field 1 (u32):"
                            + " -1 is outside 0..4294967295",
                            () -> NativeMemory.write(address, new Wide(0, -1, BigInteger.ZERO, 0))),
                    () -> assertInvalidArgument("NativeMemory write, argument 1 ({u8, u32, u64, pointer}), field 2 (u64):"
                            + " -1 is outside 0..18446744073709551615",
                            () -> NativeMemory.write(address, new Wide(0, 0, BigInteger.ONE.negate(), 0))),
                    () -> assertInvalidArgument("NativeMemory write, argument 1 ({i8, {u8, u32}}), field 0 (u8):"
                            + " 256 is outside 0..255",
                            () -> NativeMemory.write(address, new Outer((byte) 0, new Inner(256, 0)))));
            byte[] untouched = new byte[24];
            java.util.Arrays.fill(untouched, (byte) 0x5a);
            assertArrayEquals(untouched, memory.toArray(ValueLayout.JAVA_BYTE));
        }
    }
}

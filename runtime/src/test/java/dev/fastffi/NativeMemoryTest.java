package dev.fastffi;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Reading and writing memory at an address. C hands out zero-length segments; the tests make
 * theirs from arena memory with {@code MemorySegment.ofAddress}, which is what a pointer result is.
 */
class NativeMemoryTest {

    @NativeStruct("{i32, i32}")
    record Point(int x, int y) {}

    @NativeStruct("{u8, Point, f64, [3]i16, pointer}")
    record Item(byte tag, Point at, double weight, short[] codes, MemorySegment next) {}

    @NativeStruct("{bool, u16, i16, i8}")
    record Flags(boolean on, char code, short delta, byte small) {}

    @NativeStruct("{i32, f64}")
    record Mismatched(int a, int b) {}

    @NativeStruct("{i32, flot}")
    record Misspelled(int a, float b) {}

    /** A list node that holds the next node by value rather than by pointer, which no struct can. */
    @NativeStruct("{i32, Node}")
    record Node(int value, Node next) {}

    record Plain(int x, int y) {}

    /** What C returns for {@code memory}: its address, with no size and the global scope. */
    private static MemorySegment fromC(MemorySegment memory) {
        return MemorySegment.ofAddress(memory.address());
    }

    private static void assertInvalidArgument(String message, Executable call) {
        FfiException e = assertThrows(FfiException.class, call);
        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code(), e::getMessage);
        assertEquals("INVALID_ARGUMENT: " + message, e.getMessage());
    }

    @Test
    void stringReadsUtf8UpToTheNul() {
        try (Arena arena = Arena.ofConfined()) {
            assertEquals("grüße, 世界", NativeMemory.string(fromC(arena.allocateFrom("grüße, 世界"))));
            assertEquals("", NativeMemory.string(fromC(arena.allocateFrom(""))));
        }
    }

    @Test
    void stringOfNullIsNull() {
        assertNull(NativeMemory.string(MemorySegment.NULL));
        assertNull(NativeMemory.string(MemorySegment.ofAddress(0)));
        assertNull(NativeMemory.string(null));
    }

    @Test
    void stringDecodesInvalidUtf8AsGetStringDoes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 'a', (byte) 0xff, (byte) 0xc3,
                    (byte) 'b', (byte) 0);

            assertEquals(bytes.getString(0), NativeMemory.string(fromC(bytes)));
            assertEquals("a\ufffd\ufffdb", NativeMemory.string(fromC(bytes)));
        }
    }

    @Test
    void stringOfAHeapSegmentIsRejected() {
        assertInvalidArgument("NativeMemory.string(address): address is a heap segment, which is no address C can"
                + " hand out; pass the segment C returned or memory from an Arena",
                () -> NativeMemory.string(MemorySegment.ofArray(new byte[] {'a', 0})));
    }

    @Test
    void stringsReadsANullTerminatedArrayOfStrings() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = arena.allocate(ValueLayout.ADDRESS, 4);
            array.setAtIndex(ValueLayout.ADDRESS, 0, arena.allocateFrom("PATH=/bin"));
            array.setAtIndex(ValueLayout.ADDRESS, 1, arena.allocateFrom(""));
            array.setAtIndex(ValueLayout.ADDRESS, 2, arena.allocateFrom("LANG=ü"));
            array.setAtIndex(ValueLayout.ADDRESS, 3, MemorySegment.NULL);

            assertArrayEquals(new String[] {"PATH=/bin", "", "LANG=ü"}, NativeMemory.strings(fromC(array)));
        }
    }

    @Test
    void stringsOfAnEmptyArrayIsEmptyAndOfNullIsNull() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment empty = arena.allocate(ValueLayout.ADDRESS);

            assertArrayEquals(new String[0], NativeMemory.strings(fromC(empty)));
        }
        assertNull(NativeMemory.strings(MemorySegment.NULL));
        assertNull(NativeMemory.strings(null));
    }

    @Test
    void bytesCopiesTheGivenLength() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 1, (byte) 0, (byte) -1, (byte) 7);
            MemorySegment address = fromC(memory);

            assertArrayEquals(new byte[] {1, 0, -1}, NativeMemory.bytes(address, 3));
            assertArrayEquals(new byte[0], NativeMemory.bytes(address, 0));
            memory.set(ValueLayout.JAVA_BYTE, 0, (byte) 9);
            assertArrayEquals(new byte[] {9, 0, -1, 7}, NativeMemory.bytes(address, 4), "a copy made now");
        }
    }

    @Test
    void bytesRejectsNullAndBadLengths() {
        MemorySegment somewhere = MemorySegment.ofAddress(4096);
        assertAll(
                () -> assertInvalidArgument("NativeMemory.bytes(address, length): address is NULL, no bytes there",
                        () -> NativeMemory.bytes(MemorySegment.NULL, 1)),
                () -> assertInvalidArgument("NativeMemory.bytes(address, length): address is NULL, no bytes there",
                        () -> NativeMemory.bytes(null, 0)),
                () -> assertInvalidArgument("NativeMemory.bytes(address, length): length -1 is negative",
                        () -> NativeMemory.bytes(somewhere, -1)),
                () -> assertInvalidArgument("NativeMemory.bytes(address, length): length 2147483640 is more than a"
                        + " byte[] holds", () -> NativeMemory.bytes(somewhere, Integer.MAX_VALUE - 7)));
    }

    @Test
    void memoryOfAClosedArenaIsRejected() {
        MemorySegment freed;
        try (Arena arena = Arena.ofConfined()) {
            freed = arena.allocate(16);
        }
        assertInvalidArgument("NativeMemory.bytes(address, length): address belongs to an arena that is closed; its"
                + " memory is freed", () -> NativeMemory.bytes(freed, 4));
    }

    @Test
    void memoryConfinedToAnotherThreadIsRejected() throws InterruptedException {
        MemorySegment[] elsewhere = new MemorySegment[1];
        Thread owner = Thread.ofPlatform().start(() -> elsewhere[0] = Arena.ofConfined().allocate(16));
        owner.join();
        String problem = ": address belongs to a confined Arena of another thread, which alone may use it";
        assertInvalidArgument("NativeMemory.bytes(address, length)" + problem, () -> NativeMemory.bytes(elsewhere[0], 4));
        assertInvalidArgument("NativeMemory.read(struct, address)" + problem,
                () -> NativeMemory.read(Point.class, elsewhere[0]));
        assertInvalidArgument("NativeMemory.write(address, value)" + problem,
                () -> NativeMemory.write(elsewhere[0], new Point(1, 2)));
    }

    @Test
    void writeRefusesAReadOnlySegmentAndWritesNothing() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment point = arena.allocate(8);
            assertInvalidArgument("NativeMemory.write(address, value): address is a read-only segment; nothing is"
                    + " written", () -> NativeMemory.write(point.asReadOnly(), new Point(1, 2)));
            assertEquals(new Point(0, 0), NativeMemory.read(Point.class, point));
        }
    }

    @Test
    void readReadsEveryFieldNestedStructsAndArraysIncluded() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(40, 8);
            MemorySegment next = arena.allocate(1);
            memory.set(ValueLayout.JAVA_BYTE, 0, (byte) 200);
            memory.set(ValueLayout.JAVA_INT, 4, -3);
            memory.set(ValueLayout.JAVA_INT, 8, 4);
            memory.set(ValueLayout.JAVA_DOUBLE, 16, 2.5);
            memory.set(ValueLayout.JAVA_SHORT, 24, (short) 1);
            memory.set(ValueLayout.JAVA_SHORT, 26, (short) -2);
            memory.set(ValueLayout.JAVA_SHORT, 28, (short) 3);
            memory.set(ValueLayout.ADDRESS, 32, next);

            Item item = NativeMemory.read(Item.class, fromC(memory));

            assertEquals((byte) 200, item.tag());
            assertEquals(new Point(-3, 4), item.at());
            assertEquals(2.5, item.weight());
            assertArrayEquals(new short[] {1, -2, 3}, item.codes());
            assertEquals(next.address(), item.next().address());
        }
    }

    @Test
    void writeWritesEveryFieldWhereReadFindsIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(40, 8);
            MemorySegment next = arena.allocate(1);

            NativeMemory.write(fromC(memory), new Item((byte) -1, new Point(7, -8), -0.5, new short[] {9, 8, 7}, next));

            assertEquals((byte) -1, memory.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(7, memory.get(ValueLayout.JAVA_INT, 4));
            assertEquals(-8, memory.get(ValueLayout.JAVA_INT, 8));
            assertEquals(-0.5, memory.get(ValueLayout.JAVA_DOUBLE, 16));
            assertEquals((short) 8, memory.get(ValueLayout.JAVA_SHORT, 26));
            assertEquals(next.address(), memory.get(ValueLayout.ADDRESS, 32).address());
            Flags flags = new Flags(true, '\uffff', (short) -300, (byte) -128);
            MemorySegment flagMemory = fromC(arena.allocate(8, 2));
            NativeMemory.write(flagMemory, flags);
            assertEquals(flags, NativeMemory.read(Flags.class, flagMemory));
        }
    }

    @Test
    void aRejectedValueWritesNothing() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(40, 8).fill((byte) 0x5a);
            MemorySegment address = fromC(memory);
            String item = "NativeMemory write, argument 1 ({u8, {i32, i32}, f64, [3]i16, pointer}): ";

            assertAll(
                    () -> assertInvalidArgument(item + "an array field needs exactly 3 elements, not short[2]",
                            () -> NativeMemory.write(address, new Item((byte) 1, new Point(1, 2), 1, new short[2],
                                    MemorySegment.NULL))),
                    () -> assertInvalidArgument(item + "null cannot be passed as a struct",
                            () -> NativeMemory.write(address, new Item((byte) 1, null, 1, new short[3], null))),
                    () -> assertInvalidArgument(item.replace("): ", "), field 4 (pointer): ") + "a heap MemorySegment"
                            + " cannot be passed as a pointer; declare"
                            + " the argument as 'buffer' or pass memory from an Arena",
                            () -> NativeMemory.write(address, new Item((byte) 1, new Point(1, 2), 1, new short[3],
                                    MemorySegment.ofArray(new byte[1])))));
            byte[] untouched = new byte[40];
            java.util.Arrays.fill(untouched, (byte) 0x5a);
            assertArrayEquals(untouched, memory.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void readAndWriteRejectNullAddresses() {
        assertAll(
                () -> assertInvalidArgument("NativeMemory.read(struct, address): address is NULL, no struct to read"
                        + " there", () -> NativeMemory.read(Point.class, MemorySegment.NULL)),
                () -> assertInvalidArgument("NativeMemory.read(struct, address): address is NULL, no struct to read"
                        + " there", () -> NativeMemory.read(Point.class, null)),
                () -> assertInvalidArgument("NativeMemory.write(address, value): address is NULL, nowhere to write"
                        + " there", () -> NativeMemory.write(MemorySegment.ofAddress(0), new Point(1, 2))));
    }

    @Test
    void readAndWriteRejectAnAddressNotAlignedForTheStruct() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment odd = fromC(arena.allocate(32, 8).asSlice(2));
            String address = "0x" + Long.toHexString(odd.address());

            assertInvalidArgument("NativeMemory.read(struct, address): address " + address + " is not aligned to the 4"
                    + " bytes Point needs", () -> NativeMemory.read(Point.class, odd));
            assertInvalidArgument("NativeMemory.write(address, value): address " + address + " is not aligned to the"
                    + " 8 bytes Item needs", () -> NativeMemory.write(odd, new Item((byte) 0, new Point(0, 0), 0,
                            new short[3], MemorySegment.NULL)));
        }
    }

    @Test
    void classesThatAreNoNativeStructRecordsAreRejected() {
        MemorySegment somewhere = MemorySegment.ofAddress(4096);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<? extends Record> notARecord = (Class) String.class;
        assertAll(
                () -> assertInvalidArgument("NativeMemory.read(struct, address): struct is null; pass a @NativeStruct"
                        + " record class", () -> NativeMemory.read(null, somewhere)),
                () -> assertInvalidArgument("NativeMemory.layout(struct): struct is null; pass a @NativeStruct record"
                        + " class", () -> NativeMemory.layout(null)),
                () -> assertInvalidArgument("NativeMemory.read(struct, address): " + Plain.class.getName() + " is not a"
                        + " @NativeStruct record; declare it as a record annotated @NativeStruct(\"{...}\") whose"
                        + " components match the fields", () -> NativeMemory.read(Plain.class, somewhere)),
                () -> assertInvalidArgument("NativeMemory.layout(struct): java.lang.String is not a @NativeStruct"
                        + " record; declare it as a record annotated @NativeStruct(\"{...}\") whose components match"
                        + " the fields", () -> NativeMemory.layout(notARecord)),
                () -> assertInvalidArgument("NativeMemory.write(address, value): " + Plain.class.getName() + " is not"
                        + " a @NativeStruct record; declare it as a record annotated @NativeStruct(\"{...}\") whose"
                        + " components match the fields", () -> NativeMemory.write(somewhere, new Plain(1, 2))),
                () -> assertInvalidArgument("NativeMemory.write(address, value): value is null; pass a @NativeStruct"
                        + " record", () -> NativeMemory.write(somewhere, null)));
    }

    @Test
    void recordsThatDoNotMatchTheirStructAreInvalidSignatures() {
        FfiException mismatched = assertThrows(FfiException.class, () -> NativeMemory.layout(Mismatched.class));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, mismatched.code());
        assertEquals("INVALID_SIGNATURE: Mismatched: @NativeStruct(\"{i32, f64}\"): record Mismatched component 'b'"
                + " is int, but the field is f64; declare it as double or Double.", mismatched.getMessage());

        FfiException misspelled = assertThrows(FfiException.class,
                () -> NativeMemory.read(Misspelled.class, MemorySegment.ofAddress(4096)));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, misspelled.code());
        assertEquals(true, misspelled.getMessage().startsWith("INVALID_SIGNATURE: Misspelled: @NativeStruct(\"{i32, flot}\"): "), misspelled.getMessage());
    }

    @Test
    void aRecordThatHoldsItselfIsAnInvalidSignature() {
        FfiException thrown = assertThrows(FfiException.class, () -> NativeMemory.layout(Node.class));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: Node: @NativeStruct(\"{i32, Node}\"): record Node holds itself by value"
                + " (Node.next), which no struct can, as it would have no end; make that field a pointer (with a"
                + " MemorySegment component) or leave it out.", thrown.getMessage());
    }

    @Test
    void layoutHasTheCCompilersSizesAlignmentsAndOffsets() {
        StructLayout item = NativeMemory.layout(Item.class);
        StructLayout flags = NativeMemory.layout(Flags.class);

        assertAll(
                () -> assertEquals(40, item.byteSize()),
                () -> assertEquals(8, item.byteAlignment()),
                () -> assertEquals(0, item.byteOffset(groupElement("tag"))),
                () -> assertEquals(4, item.byteOffset(groupElement("at"))),
                () -> assertEquals(8, item.byteOffset(groupElement("at"), groupElement("y"))),
                () -> assertEquals(16, item.byteOffset(groupElement("weight"))),
                () -> assertEquals(24, item.byteOffset(groupElement("codes"))),
                () -> assertEquals(32, item.byteOffset(groupElement("next"))),
                () -> assertEquals("Item", item.name().orElseThrow()),
                () -> assertEquals(8, flags.byteSize()),
                () -> assertEquals(2, flags.byteAlignment()),
                () -> assertEquals(6, flags.byteOffset(groupElement("small"))));
    }

    @Test
    void viewGivesThePlainFfmApiOverTheAddress() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(ValueLayout.JAVA_INT, 4);
            MemorySegment view = NativeMemory.view(fromC(memory), 16);

            view.setAtIndex(ValueLayout.JAVA_INT, 3, 42);

            assertEquals(16, view.byteSize());
            assertEquals(memory.address(), view.address());
            assertEquals(42, memory.getAtIndex(ValueLayout.JAVA_INT, 3));
            assertEquals(0, NativeMemory.view(fromC(memory), 0).byteSize());
            assertThrows(IndexOutOfBoundsException.class, () -> view.get(ValueLayout.JAVA_INT, 16),
                    "the view ends where the size says");
        }
    }

    @Test
    void viewRejectsNullAndANegativeSize() {
        assertInvalidArgument("NativeMemory.view(address, byteSize): address is NULL, no memory to view there",
                () -> NativeMemory.view(MemorySegment.NULL, 8));
        assertInvalidArgument("NativeMemory.view(address, byteSize): byteSize -8 is negative",
                () -> NativeMemory.view(MemorySegment.ofAddress(4096), -8));
    }
}

package dev.fastffi.it.memory;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fastffi.Library;
import dev.fastffi.NativeMemory;
import dev.fastffi.it.memory.MemoryFunctions.Flags;
import dev.fastffi.it.memory.MemoryFunctions.Item;
import dev.fastffi.it.memory.MemoryFunctions.Point;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link NativeMemory} on the zero-length segments real C functions return, and on memory C keeps. */
class NativeMemoryFixtureTest {
    private static Library library;
    private static MemoryFunctions c;

    @BeforeAll
    static void open() {
        library = MemoryFixture.open();
        c = library.bind(MemoryFunctions.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void aCharPointerCReturnedReadsAsAString() {
        MemorySegment greeting = c.greeting();

        assertEquals(0, greeting.byteSize(), "C hands out addresses without a size");
        assertEquals("grüße aus C", NativeMemory.string(greeting));
        assertNull(NativeMemory.string(c.noString()));
        assertArrayEquals("grü".getBytes(StandardCharsets.UTF_8), NativeMemory.bytes(greeting, 4));
    }

    @Test
    void aCharPointerArrayCReturnedReadsAsStrings() {
        assertArrayEquals(new String[] {"alpha", "", "gamma"}, NativeMemory.strings(c.words()));
    }

    @Test
    void aStructCOwnsReadsAsTheRecord() {
        MemorySegment address = c.item();

        Item item = NativeMemory.read(Item.class, address);

        assertEquals((byte) 200, item.tag());
        assertEquals(new Point(-3, 4), item.at());
        assertEquals(2.5, item.weight());
        assertArrayEquals(new short[] {1, -2, 3}, item.codes());
        assertEquals(address.address(), item.next().address(), "the item points at itself");
    }

    @Test
    void aViewReadsSingleFieldsOfAStructCOwns() {
        StructLayout layout = NativeMemory.layout(Item.class);
        MemorySegment view = NativeMemory.view(c.item(), layout.byteSize());

        assertEquals(2.5, view.get(ValueLayout.JAVA_DOUBLE, layout.byteOffset(groupElement("weight"))));
        assertEquals(4, view.get(ValueLayout.JAVA_INT, layout.byteOffset(groupElement("at"), groupElement("y"))));
    }

    @Test
    void aStructWrittenFromJavaIsWhatCReads() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(NativeMemory.layout(Item.class));
            MemorySegment next = arena.allocate(1);

            NativeMemory.write(memory, new Item((byte) 255, new Point(7, -8), -1.25, new short[] {-1, 300, 5}, next));

            long[] fields = new long[8];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = c.itemField(memory, i);
            }
            assertArrayEquals(new long[] {255, 7, -8, -1250, -1, 300, 5, next.address()}, fields);
        }
    }

    @Test
    void aStructCOwnsCanBeWrittenInPlace() {
        MemorySegment address = c.item();
        Item original = NativeMemory.read(Item.class, address);
        try {
            NativeMemory.write(address, new Item((byte) 1, new Point(2, 3), 4, new short[] {5, 6, 7}, address));

            assertEquals(3, c.itemField(address, 2));
            assertEquals(4000, c.itemField(address, 3));
            assertEquals(7, c.itemField(address, 6));
        } finally {
            NativeMemory.write(address, original);
        }
    }

    @Test
    void layoutsMatchTheCCompilersSizeofAlignofAndOffsetof() {
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            expected.add(c.layout(i));
        }
        List<Long> actual = new ArrayList<>();
        add(actual, NativeMemory.layout(Point.class), "x", "y");
        add(actual, NativeMemory.layout(Item.class), "tag", "at", "weight", "codes", "next");
        add(actual, NativeMemory.layout(Flags.class), "on", "code", "delta", "small");

        assertEquals(expected, actual);
    }

    private static void add(List<Long> values, StructLayout layout, String... fields) {
        values.add(layout.byteSize());
        values.add(layout.byteAlignment());
        for (String field : fields) {
            values.add(layout.byteOffset(groupElement(field)));
        }
    }

    @Test
    void memoryCKeepsAfterTheCallComesFromAnArenaTheCallerOwns() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment point = arena.allocate(NativeMemory.layout(Point.class));
            NativeMemory.write(point, new Point(1, 2));
            c.keep(point);

            c.keptMove(10, 20);
            c.keptMove(100, 200);

            assertEquals(new Point(111, 222), NativeMemory.read(Point.class, point));
            c.keep(MemorySegment.NULL);
        }
    }
}

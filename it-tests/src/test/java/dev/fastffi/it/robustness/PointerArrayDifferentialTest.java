package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code MemorySegment[]} and {@code String[]} buffers on every path of {@link MemoryPaths}: C reads
 * the same addresses and strings, writes back the same pointers, and bad elements fail alike.
 */
class PointerArrayDifferentialTest {
    private static final int TRIES = 200;

    private static MemoryPaths paths;
    private static long[] cells;

    @BeforeAll
    static void open() {
        paths = new MemoryPaths();
        cells = new long[8];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (Long) paths.library.function("pa_cell", "i64(i32)").invoke(i);
        }
    }

    @AfterAll
    static void close() {
        paths.close();
    }

    /** Arrays of addresses C only adds up or moves around, null and NULL among them. */
    private static Samples<Segments> segmentArrays() {
        return Samples.of(List.of(new Segments(new long[0]), new Segments(new long[] {0}), new Segments(new long[] {-1, 1})),
                r -> {
                    long[] addresses = new long[r.nextInt(6)];
                    for (int i = 0; i < addresses.length; i++) {
                        addresses[i] = r.nextInt(4) == 0 ? 0 : Samples.anyLong(r);
                    }
                    return new Segments(addresses);
                });
    }

    /** Addresses as segments: 0 alternately as null and as {@code MemorySegment.NULL}. */
    record Segments(long[] addresses) {
        MemorySegment[] segments() {
            MemorySegment[] segments = new MemorySegment[addresses.length];
            for (int i = 0; i < segments.length; i++) {
                segments[i] = addresses[i] == 0 && i % 2 == 0 ? null : MemorySegment.ofAddress(addresses[i]);
            }
            return segments;
        }

        @Override
        public String toString() {
            return Arrays.stream(addresses).mapToObj(Long::toHexString).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    @Test
    void cSeesTheSameAddressesOnEveryPath() {
        segmentArrays().forAll(TRIES, slots -> {
            long sum = Arrays.stream(slots.addresses()).sum();
            paths.assertAll("returned " + sum, "sumSlots", d -> d.sumSlots(slots.segments(), slots.addresses().length));
        });
        paths.assertAll("returned 0", "sumSlots null", d -> d.sumSlots(null, 0));
    }

    @Test
    void swappedAndFilledPointersComeBackAlikeOnEveryPath() {
        segmentArrays().forAll(TRIES, slots -> {
            if (slots.addresses().length >= 2) {
                paths.same("swap", d -> d.swap(slots.segments()));
            }
            paths.same("fillSlots", d -> d.fillSlots(slots.segments(), slots.addresses().length));
        });
        MemorySegment cell = MemorySegment.ofAddress(cells[7]);
        paths.assertAll("returned [0x" + Long.toHexString(cells[0]) + "/0, NULL, same, NULL]", "fillSlots",
                d -> d.fillSlots(new MemorySegment[] {cell, cell, MemorySegment.ofAddress(cells[2]), cell}, 4));
    }

    @Test
    void anOutParameterReceivesThePointerCWroteOnEveryPath() {
        MemorySegment before = MemorySegment.ofAddress(cells[1]);
        paths.assertAll("returned 0 [0x" + Long.toHexString(cells[3]) + "/0]", "open", d -> d.open("abc", before));
        paths.assertAll("returned -1 [NULL]", "open null", d -> d.open(null, before));
        // C wrote NULL over NULL: an element C did not change stays the object it was, here null
        paths.assertAll("returned -1 [same]", "open null into null", d -> d.open(null, null));
    }

    @Test
    void unusableElementsAreRefusedAlikeOnEveryPath() {
        MemorySegment heap = MemorySegment.ofArray(new byte[8]);
        paths.assertAll(paths.invalidArgument("pa_sum", 0, "buffer", "element 1 is a heap MemorySegment, which has no"
                + " address C can use; pass memory from an Arena"), "heap element",
                d -> d.sumSlots(new MemorySegment[] {MemorySegment.NULL, heap}, 2));
        MemorySegment gone;
        try (Arena arena = Arena.ofConfined()) {
            gone = arena.allocate(8);
        }
        paths.assertAll(paths.invalidArgument("pa_sum", 0, "buffer", "element 0 is a MemorySegment whose arena is"
                + " closed"), "closed element", d -> d.sumSlots(new MemorySegment[] {gone}, 1));
        paths.assertAll(paths.invalidArgument("pa_swap", 0, "buffer", "element 0 is a heap MemorySegment, which has no"
                + " address C can use; pass memory from an Arena"), "heap element to swap",
                d -> d.swap(new MemorySegment[] {heap, MemorySegment.NULL}));
    }

    /** Argument vectors of any text, null elements and NUL characters among them. */
    private static Samples<Argv> argvs() {
        return Samples.of(List.of(new Argv(new String[0]), new Argv(new String[] {"gr\u00fc\u00dfe", null, "", "\u65e5\u672c"}),
                new Argv(new String[] {"ok", "a\0b"})), r -> {
                    String[] argv = new String[r.nextInt(5)];
                    for (int i = 0; i < argv.length; i++) {
                        argv[i] = r.nextInt(6) == 0 ? null : text(r);
                    }
                    return new Argv(argv);
                });
    }

    record Argv(String[] argv) {
        @Override
        public String toString() {
            return Arrays.stream(argv).map(s -> s == null ? "null" : Samples.describe(s))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    private static String text(SplittableRandom r) {
        StringBuilder text = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) {
            text.appendCodePoint(r.nextInt(30) == 0 ? 0 : r.nextBoolean() ? r.nextInt(0x20, 0x7f)
                    : r.nextInt(0x80, 0xd800));
        }
        return text.toString();
    }

    @Test
    void argumentVectorsReachCAlikeOnEveryPath() {
        argvs().forAll(TRIES, argv -> {
            String[] strings = argv.argv();
            int nul = firstWithNul(strings);
            String argc = paths.same("argc", d -> d.argc(strings.clone()));
            String join = paths.same("join", d -> d.join(strings.clone(), strings.length, 256));
            if (nul >= 0) {
                String detail = "element " + nul + " contains a NUL character at index " + strings[nul].indexOf('\0')
                        + ", which C would read as its end";
                assertEquals(paths.invalidArgument("pa_argc", 0, "buffer", detail), argc);
                assertEquals(paths.invalidArgument("pa_join", 0, "buffer", detail), join);
            } else {
                int count = Arrays.asList(strings).indexOf(null);
                assertEquals("returned " + (count < 0 ? strings.length : count), argc);
                String joined = Arrays.stream(strings).map(s -> s == null ? "(null)" : s)
                        .collect(Collectors.joining("|"));
                assertEquals("returned " + joined.getBytes(StandardCharsets.UTF_8).length + " " + joined, join);
            }
        });
        paths.assertAll("returned -1", "argc null", d -> d.argc(null));
    }

    private static int firstWithNul(String[] strings) {
        for (int i = 0; i < strings.length; i++) {
            if (strings[i] != null && strings[i].indexOf('\0') >= 0) {
                return i;
            }
        }
        return -1;
    }
}

package dev.fastffi.it.robustness;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The values a differential property is checked for: its boundary values, every one on every run,
 * then random values, half from a fixed seed and half from a new seed per run, as in the runtime's
 * {@code SignatureFuzzTest}. {@code -Dfastffi.fuzz.seed=N} replays a run's seed, and every failure
 * names the seed, the try and the value.
 */
final class Samples<T> {
    /** The tries of a property that does not say otherwise. */
    static final int TRIES = 1000;
    private static final long FIXED_SEED = 0x5eed_d1ffL;
    /** One seed for the whole test JVM, so that one {@code -Dfastffi.fuzz.seed=N} replays every property. */
    private static final long RUN_SEED = Long.getLong("fastffi.fuzz.seed", System.nanoTime());

    /** The edges of every integer type's range and of sign and zero extension, and 0, ±1, ±2. */
    static final List<Integer> INT_EDGES = List.of(0, 1, -1, 2, -2, 127, 128, -128, -129, 255, 256, 32767, 32768,
            -32768, -32769, 65535, 65536, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE,
            Integer.MAX_VALUE - 1);
    /** As {@link #INT_EDGES}, with the edges of the 32-bit ranges as longs and of the 64-bit ones. */
    static final List<Long> LONG_EDGES = List.of(0L, 1L, -1L, 2L, -2L, 255L, 256L, 65535L, 65536L, 0x7fff_ffffL,
            0x8000_0000L, -0x8000_0000L, -0x8000_0001L, 0xffff_ffffL, 0x1_0000_0000L, Long.MIN_VALUE,
            Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1);

    /** Every boolean and every byte: too few values to draw at random. */
    static final List<Boolean> ALL_BOOLEANS = List.of(false, true);
    static final List<Byte> ALL_BYTES = IntStream.rangeClosed(Byte.MIN_VALUE, Byte.MAX_VALUE)
            .mapToObj(i -> (byte) i).toList();

    /** Checks a property for one value. */
    @FunctionalInterface
    interface Property<T> {
        void check(T value) throws Throwable;
    }

    private final List<T> boundaries;
    private final Function<SplittableRandom, T> random;

    private Samples(List<T> boundaries, Function<SplittableRandom, T> random) {
        this.boundaries = boundaries;
        this.random = random;
    }

    /** The {@code boundaries}, each tried once, and random values drawn by {@code random}. */
    static <T> Samples<T> of(List<T> boundaries, Function<SplittableRandom, T> random) {
        return new Samples<>(boundaries, random);
    }

    static Samples<Integer> ints() {
        return of(INT_EDGES, Samples::anyInt);
    }

    static Samples<Long> longs() {
        return of(LONG_EDGES, Samples::anyLong);
    }

    static Samples<Short> shorts() {
        return of(narrowed(INT_EDGES, Integer::shortValue), r -> (short) anyInt(r));
    }

    static Samples<Character> chars() {
        return of(narrowed(INT_EDGES, i -> (char) i.intValue()), r -> (char) anyInt(r));
    }

    /**
     * Checks {@code property} for every boundary value, then for random ones up to {@code tries} in
     * all: half from {@link #FIXED_SEED}, the rest from {@link #RUN_SEED}.
     */
    void forAll(int tries, Property<T> property) {
        checkEach("boundary value", boundaries, property);
        int randomTries = tries - boundaries.size();
        draw(FIXED_SEED, "fixed seed " + FIXED_SEED + " (fails on every run)", randomTries / 2, property);
        draw(RUN_SEED, "run seed " + RUN_SEED + " (replay with -Dfastffi.fuzz.seed=" + RUN_SEED + ")",
                randomTries - randomTries / 2, property);
    }

    /** Checks {@code property} for each of {@code values}, in order. */
    static <T> void forEvery(List<T> values, Property<T> property) {
        checkEach("value", values, property);
    }

    private static <T> void checkEach(String name, List<T> values, Property<T> property) {
        for (int i = 0; i < values.size(); i++) {
            check(name + " " + (i + 1) + " of " + values.size(), values.get(i), property);
        }
    }

    private void draw(long seed, String name, int tries, Property<T> property) {
        SplittableRandom generator = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            check(name + ", try " + (i + 1) + " of " + tries, random.apply(generator), property);
        }
    }

    private static <T> void check(String where, T value, Property<T> property) {
        try {
            property.check(value);
        } catch (Throwable t) {
            throw new AssertionError(where + ", value " + describe(value) + ": " + t.getMessage(), t);
        }
    }

    /** Any int, a quarter of them small and a quarter next to a power of two, where widening goes wrong. */
    static int anyInt(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(-1000, 1001);
            case 1 -> (int) nearPowerOfTwo(r, 32);
            default -> r.nextInt();
        };
    }

    /** As {@link #anyInt}, for longs. */
    static long anyLong(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(-1000, 1001);
            case 1 -> nearPowerOfTwo(r, 64);
            default -> r.nextLong();
        };
    }

    /** ±(2^k + d) for k below {@code bits} and |d| ≤ 2. */
    private static long nearPowerOfTwo(SplittableRandom r, int bits) {
        long v = (1L << r.nextInt(bits)) + r.nextInt(-2, 3);
        return r.nextBoolean() ? v : -v;
    }

    /** One of {@code values}. */
    static <T> T pick(List<T> values, SplittableRandom r) {
        return values.get(r.nextInt(values.size()));
    }

    private static <T> List<T> narrowed(List<Integer> values, Function<Integer, T> narrowing) {
        return values.stream().map(narrowing).distinct().toList();
    }

    /** The value as a failure message shows it: numbers also in hex, text with its odd characters escaped. */
    static String describe(Object value) {
        return switch (value) {
            case Integer i -> i + " (0x" + Integer.toHexString(i) + ")";
            case Long l -> l + " (0x" + Long.toHexString(l) + ")";
            case Character c -> "'\\u" + String.format("%04x", (int) c) + "'";
            case String s -> "\"" + s.chars().mapToObj(c -> c >= 0x20 && c < 0x7f ? Character.toString(c)
                    : String.format("\\u%04x", c)).collect(Collectors.joining()) + "\" (length " + s.length() + ")";
            case byte[] bytes -> "bytes [" + HexFormat.of().formatHex(bytes) + "]";
            case int[] ints -> "ints " + Arrays.toString(ints);
            default -> value.toString();
        };
    }
}

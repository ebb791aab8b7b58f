package dev.fastffi.it.robustness;

import static java.lang.Double.doubleToRawLongBits;
import static java.lang.Double.longBitsToDouble;
import static java.lang.Float.floatToRawIntBits;
import static java.lang.Float.intBitsToFloat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.fastffi.FfiException;
import dev.fastffi.it.robustness.Robust.Outcome;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential properties of whole calls: one argument of every scalar type at once (more than the
 * argument registers hold, so some travel on the stack), Strings of any UTF-16 content, and
 * buffers that C reads and writes. Every path must give what the others give.
 */
class MixedArgumentDifferentialTest {
    private static final String MIX = "u64(bool, i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, pointer)";
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    /** No byte, one, every byte value once, and the largest sum. */
    private static final List<byte[]> BYTES = List.of(new byte[0], new byte[] {0}, new byte[] {-1}, new byte[] {0x7f},
            new byte[] {-0x80}, everyByte(), allOnes(300));

    private static AllPaths paths;

    @BeforeAll
    static void open() {
        paths = new AllPaths();
    }

    @AfterAll
    static void close() {
        paths.close();
    }

    /** C folds what it received, each argument widened by its own C type; Java computes the same fold. */
    @Test
    void everyScalarTypeInOneCallArrivesAsSentOnEveryPath() {
        Samples.of(Scalars.BOUNDARIES, Scalars::random).forAll(500, s -> mixOnEveryPath(s.b(), s.i8(), s.u8(), s.i16(),
                s.u16(), s.i32(), s.u32(), s.i64(), s.u64(), s.isize(), s.usize(), s.f32Bits(), s.f64Bits(), s.p()));
    }

    private static void mixOnEveryPath(boolean b, byte i8, byte u8, short i16, char u16, int i32, int u32, long i64,
            long u64, long isize, long usize, int f32Bits, long f64Bits, long p) throws Throwable {
        float f32 = intBitsToFloat(f32Bits);
        double f64 = longBitsToDouble(f64Bits);
        MemorySegment pointer = MemorySegment.ofAddress(p);
        long expected = fold(b ? 1 : 0, i8, Byte.toUnsignedLong(u8), i16, u16, i32, Integer.toUnsignedLong(u32), i64,
                u64, isize, usize, Integer.toUnsignedLong(floatToRawIntBits(f32)), doubleToRawLongBits(f64), p);
        MethodHandle mix = paths.function("mix_scalars", MIX).handle();
        AllPaths.compare()
                .path("fast", () -> paths.fast.mixScalars(b, i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32,
                        f64, pointer))
                .path("fast wide carriers", () -> paths.fast.mixScalarsFromWideCarriers(b, i8, Byte.toUnsignedInt(u8),
                        i16, u16, i32, Integer.toUnsignedLong(u32), i64, u64, isize, usize, f32, f64, p))
                .path("compiled compat", () -> paths.compiledCompat.mixScalars(b, i8, u8, i16, u16, i32, u32, i64, u64,
                        isize, usize, f32, f64, pointer))
                .path("compiled compat wide carriers", () -> paths.compiledCompat.mixScalarsFromWideCarriers(b, i8,
                        Byte.toUnsignedInt(u8), i16, u16, i32, Integer.toUnsignedLong(u32), i64, u64, isize, usize,
                        f32, f64, p))
                .path("boxed", () -> paths.boxed.mixScalars(b, i8, Byte.toUnsignedInt(u8), i16, u16, i32,
                        Integer.toUnsignedLong(u32), i64, unsigned(u64), isize, unsigned(usize), f32, f64, p).longValue())
                .path("invoke", () -> ((BigInteger) paths.function("mix_scalars", MIX).invoke(b, i8, u8, i16, u16, i32,
                        u32, i64, u64, isize, usize, f32, f64, pointer)).longValue())
                .path("handle", Robust.exact(() -> (long) mix.invokeExact(b, i8, u8, i16, u16, i32, u32, i64, u64, isize,
                        usize, f32, f64, pointer)))
                .allReturn(expected);
    }

    /**
     * Any UTF-16 text, NUL and unpaired surrogates included: a String with NUL is refused with one
     * message on every path; a well-formed one arrives as its UTF-8 bytes and comes back equal.
     */
    @Test
    void stringsAreIdenticalOnEveryPath() {
        texts().forAll(Samples.TRIES, MixedArgumentDifferentialTest::stringOnEveryPath);
    }

    private static void stringOnEveryPath(String text) throws Throwable {
        int nul = text.indexOf('\0');
        MethodHandle length = paths.function("byte_length", "usize(string)").handle();
        AllPaths.Comparison lengths = AllPaths.compare()
                .path("boxed", () -> paths.boxed.byteLength(text))
                .path("invoke", () -> ((BigInteger) paths.function("byte_length", "usize(string)").invoke(text)).longValue());
        AllPaths.Comparison echoes = AllPaths.compare()
                .path("boxed", () -> paths.boxed.echoString(text))
                .path("invoke", () -> paths.function("echo_string", "string(string)").invoke(text));
        if (nul >= 0) {
            String problem = "the String contains a NUL character at index " + nul
                    + ", which C would read as its end; pass the bytes as a buffer instead";
            lengths.allAre(refused("byte_length", problem));
            echoes.allAre(refused("echo_string", problem));
        } else if (wellFormed(text)) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment utf8 = arena.allocateFrom(text);
                lengths.path("handle", Robust.exact(() -> (long) length.invokeExact(utf8)))
                        .allReturn((long) text.getBytes(UTF_8).length);
            }
            echoes.allReturn(text);
        } else {
            lengths.allAre(Outcome.of(() -> paths.boxed.byteLength(text)));
            echoes.allAre(Outcome.of(() -> paths.boxed.echoString(text)));
        }
    }

    /** C reads every byte unsigned, whether the buffer is copied, a heap segment or native memory. */
    @Test
    void bufferContentsArriveIdenticallyOnEveryPath() {
        Samples.of(BYTES, r -> randomBytes(r, 300)).forAll(300, MixedArgumentDifferentialTest::sumOnEveryPath);
    }

    private static void sumOnEveryPath(byte[] values) throws Throwable {
        long n = values.length;
        long expected = 0;
        for (byte value : values) {
            expected += Byte.toUnsignedInt(value);
        }
        MethodHandle sum = paths.function("sum_u8", "i64(buffer, usize)").handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment copy = arena.allocate(Math.max(1, n)).copyFrom(MemorySegment.ofArray(values));
            AllPaths.compare()
                    .path("fast", () -> paths.fast.sumU8(values, n))
                    .path("compiled compat", () -> paths.compiledCompat.sumU8(values, n))
                    .path("boxed", () -> paths.boxed.sumU8(values, n))
                    .path("invoke array", () -> paths.function("sum_u8", "i64(buffer, usize)").invoke(values, n))
                    .path("invoke heap segment", () -> paths.function("sum_u8", "i64(buffer, usize)")
                            .invoke(MemorySegment.ofArray(values), n))
                    .path("handle", Robust.exact(() -> (long) sum.invokeExact(copy, n)))
                    .allReturn(expected);
        }
    }

    /** What C writes into a buffer comes back the same, copied or critical, array, ByteBuffer or segment. */
    @Test
    void bufferWritesComeBackIdenticallyOnEveryPath() {
        Samples.of(Buffers.BOUNDARIES, Buffers::random).forAll(300, b -> incrementOnEveryPath(b.bytes(), b.ints()));
    }

    private static void incrementOnEveryPath(byte[] values, int[] ints) throws Throwable {
        byte[] incremented = values.clone();
        for (int i = 0; i < incremented.length; i++) {
            incremented[i]++;
        }
        MethodHandle increment = paths.function("increment_u8", "void(buffer, usize)").handle();
        AllPaths.compare()
                .path("fast", () -> written(values, copy -> paths.fast.incrementU8(copy, copy.length)))
                .path("compiled compat", () -> written(values, copy -> paths.compiledCompat.incrementU8(copy, copy.length)))
                .path("boxed heap ByteBuffer", () -> written(values,
                        copy -> paths.boxed.incrementU8(ByteBuffer.wrap(copy), (long) copy.length)))
                .path("invoke", () -> written(values, copy -> paths.function("increment_u8", "void(buffer, usize)")
                        .invoke(copy, (long) copy.length)))
                .path("handle", Robust.exact(() -> writtenNatively(values,
                        segment -> {
                            increment.invokeExact(segment, segment.byteSize());
                        })))
                .allReturn(HexFormat.of().formatHex(incremented));
        int[] incrementedInts = Arrays.stream(ints).map(i -> i + 1).toArray();
        AllPaths.compare()
                .path("fast copied", () -> writtenInts(ints, copy -> paths.fast.incrementI32(copy, copy.length)))
                .path("fast critical", () -> writtenInts(ints, copy -> paths.fast.incrementI32Critical(copy, copy.length)))
                .path("compiled compat copied", () -> writtenInts(ints,
                        copy -> paths.compiledCompat.incrementI32(copy, copy.length)))
                .path("compiled compat critical", () -> writtenInts(ints,
                        copy -> paths.compiledCompat.incrementI32Critical(copy, copy.length)))
                .path("invoke", () -> writtenInts(ints, copy -> paths.function("increment_i32", "void(buffer, usize)")
                        .invoke(copy, (long) copy.length)))
                .allReturn(Arrays.toString(incrementedInts));
    }

    /** Text of any UTF-16 content, often with a NUL or a lone surrogate, often plain ASCII. */
    private static Samples<String> texts() {
        String odd = "a\u00e9\u2713\0\ud83d\ude00\ud800\udc00";
        return Samples.of(List.of("", "\0", "a\0", "\0a", "a", "\u00e9", "\u2713", "\ud83d\ude00", "\ud800", "\udc00",
                "\udc00\ud800", "a\ud800b", "\ud800\0", "\u007f", "\u0080", "\u07ff", "\u0800", "\ufffd", "\uffff",
                "x".repeat(40)), r -> switch (r.nextInt(3)) {
                    case 0 -> randomText(r, 40, () -> r.nextInt(0x10000));
                    case 1 -> randomText(r, 40, () -> r.nextInt(0x80));
                    default -> randomText(r, 12, () -> odd.charAt(r.nextInt(odd.length())));
                });
    }

    private static String randomText(SplittableRandom r, int maxLength, IntSupplier character) {
        StringBuilder text = new StringBuilder();
        for (int n = length(r, maxLength); n > 0; n--) {
            text.append((char) character.getAsInt());
        }
        return text.toString();
    }

    private static byte[] randomBytes(SplittableRandom r, int maxLength) {
        byte[] values = new byte[length(r, maxLength)];
        r.nextBytes(values);
        return values;
    }

    /** Half the time at most 10, as short inputs are where edge cases live, and otherwise any length. */
    private static int length(SplittableRandom r, int max) {
        return r.nextInt(r.nextBoolean() ? Math.min(10, max) + 1 : max + 1);
    }

    /** An int or long as an argument: often one of the edges, otherwise any. */
    private static int edgeOrAnyInt(SplittableRandom r) {
        return r.nextInt(4) == 0 ? Samples.pick(Samples.INT_EDGES, r) : Samples.anyInt(r);
    }

    private static long edgeOrAnyLong(SplittableRandom r) {
        return r.nextInt(4) == 0 ? Samples.pick(Samples.LONG_EDGES, r) : Samples.anyLong(r);
    }

    /** The arguments of mix_scalars, f32 and f64 as their raw bits. */
    private record Scalars(boolean b, byte i8, byte u8, short i16, char u16, int i32, int u32, long i64, long u64,
            long isize, long usize, int f32Bits, long f64Bits, long p) {
        /**
         * All zero (the pointer NULL), all one, all bits set (2^64−1 and a negative NaN), the minima
         * (and −0.0), the maxima (and signalling NaNs), infinities and a quiet NaN with a payload.
         */
        static final List<Scalars> BOUNDARIES = List.of(
                same(false, 0, 0, 0L),
                same(true, 1, floatToRawIntBits(1.0f), doubleToRawLongBits(1.0)),
                same(true, -1, -1, -1L),
                new Scalars(false, Byte.MIN_VALUE, Byte.MIN_VALUE, Short.MIN_VALUE, Character.MIN_VALUE,
                        Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE,
                        Long.MIN_VALUE, 0x8000_0000, 0x8000_0000_0000_0000L, Long.MIN_VALUE),
                new Scalars(true, Byte.MAX_VALUE, Byte.MAX_VALUE, Short.MAX_VALUE, Character.MAX_VALUE,
                        Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                        Long.MAX_VALUE, 0x7f80_0001, 0x7ff0_0000_0000_0001L, Long.MAX_VALUE),
                same(false, 0x80, 0x7f80_0000, 0xfff0_0000_0000_0000L),
                same(true, 0xffff_ffffL, 0xffc0_0000, 0x7ff8_0000_dead_beefL));

        /** Every integer argument {@code v} cut to its width. */
        static Scalars same(boolean b, long v, int f32Bits, long f64Bits) {
            return new Scalars(b, (byte) v, (byte) v, (short) v, (char) v, (int) v, (int) v, v, v, v, v, f32Bits,
                    f64Bits, v);
        }

        static Scalars random(SplittableRandom r) {
            return new Scalars(r.nextBoolean(), (byte) edgeOrAnyInt(r), (byte) edgeOrAnyInt(r),
                    (short) edgeOrAnyInt(r), (char) edgeOrAnyInt(r), edgeOrAnyInt(r), edgeOrAnyInt(r),
                    edgeOrAnyLong(r), edgeOrAnyLong(r), edgeOrAnyLong(r), edgeOrAnyLong(r), edgeOrAnyInt(r),
                    edgeOrAnyLong(r), edgeOrAnyLong(r));
        }

        @Override
        public String toString() {
            return "mix_scalars(" + b + ", " + i8 + ", " + Byte.toUnsignedInt(u8) + ", " + i16 + ", " + (int) u16 + ", "
                    + i32 + ", " + Integer.toUnsignedString(u32) + ", " + i64 + ", " + Long.toUnsignedString(u64) + ", "
                    + isize + ", " + Long.toUnsignedString(usize) + ", f32 bits 0x" + Integer.toHexString(f32Bits)
                    + ", f64 bits 0x" + Long.toHexString(f64Bits) + ", 0x" + Long.toHexString(p) + ")";
        }
    }

    private static byte[] everyByte() {
        byte[] values = new byte[256];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) i;
        }
        return values;
    }

    private static byte[] allOnes(int length) {
        byte[] values = new byte[length];
        Arrays.fill(values, (byte) -1);
        return values;
    }

    /** The bytes and ints C increments. */
    private record Buffers(byte[] bytes, int[] ints) {
        /** None, one all bits set, every byte value with every int edge, and the longest. */
        static final List<Buffers> BOUNDARIES = List.of(new Buffers(new byte[0], new int[0]),
                new Buffers(new byte[] {-1}, new int[] {-1}),
                new Buffers(everyByte(), Samples.INT_EDGES.stream().mapToInt(Integer::intValue).toArray()),
                new Buffers(allOnes(300), new int[100]));

        static Buffers random(SplittableRandom r) {
            int[] ints = new int[length(r, 100)];
            Arrays.setAll(ints, i -> edgeOrAnyInt(r));
            return new Buffers(randomBytes(r, 300), ints);
        }

        @Override
        public String toString() {
            return Samples.describe(bytes) + ", " + Samples.describe(ints);
        }
    }

    @FunctionalInterface
    private interface BytesCall {
        void call(byte[] copy) throws Exception;
    }

    @FunctionalInterface
    private interface IntsCall {
        void call(int[] copy) throws Exception;
    }

    @FunctionalInterface
    private interface SegmentCall {
        void call(MemorySegment segment) throws Throwable;
    }

    private static String written(byte[] values, BytesCall call) throws Exception {
        byte[] copy = values.clone();
        call.call(copy);
        return HexFormat.of().formatHex(copy);
    }

    private static String writtenInts(int[] values, IntsCall call) throws Exception {
        int[] copy = values.clone();
        call.call(copy);
        return Arrays.toString(copy);
    }

    private static String writtenNatively(byte[] values, SegmentCall call) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(values.length);
            segment.copyFrom(MemorySegment.ofArray(values));
            call.call(segment);
            return HexFormat.of().formatHex(segment.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    private static Outcome refused(String symbol, String problem) {
        return new Outcome(null, FfiException.Code.INVALID_ARGUMENT, paths.argument(symbol, 0, "string") + problem);
    }

    private static boolean wellFormed(String text) {
        return UTF_8.newEncoder().canEncode(text);
    }

    /** mix_scalars of the fixture, in Java. */
    private static long fold(long... widened) {
        long h = 0;
        for (long v : widened) {
            h ^= v + 0x9e3779b97f4a7c15L + (h << 6) + (h >>> 2);
            h *= 0xff51afd7ed558ccdL;
        }
        return h;
    }

    private static BigInteger unsigned(long bits) {
        return bits >= 0 ? BigInteger.valueOf(bits) : BigInteger.valueOf(bits).add(TWO_TO_64);
    }
}

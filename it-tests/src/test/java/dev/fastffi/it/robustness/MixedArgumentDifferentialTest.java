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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Differential properties of whole calls: one argument of every scalar type at once (more than the
 * argument registers hold, so some travel on the stack), Strings of any UTF-16 content, and
 * buffers that C reads and writes. Every path must give what the others give.
 */
class MixedArgumentDifferentialTest {
    private static final String MIX = "u64(bool, i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, pointer)";
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private static AllPaths paths;

    @BeforeContainer
    static void open() {
        paths = new AllPaths();
    }

    @AfterContainer
    static void close() {
        paths.close();
    }

    /** C folds what it received, each argument widened by its own C type; Java computes the same fold. */
    @Property(tries = 500)
    void everyScalarTypeInOneCallArrivesAsSentOnEveryPath(@ForAll boolean b, @ForAll byte i8, @ForAll byte u8,
            @ForAll short i16, @ForAll char u16, @ForAll int i32, @ForAll int u32, @ForAll long i64, @ForAll long u64,
            @ForAll long isize, @ForAll long usize, @ForAll int f32Bits, @ForAll long f64Bits, @ForAll long p)
            throws Throwable {
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
    @Property
    void stringsAreIdenticalOnEveryPath(@ForAll("texts") String text) throws Throwable {
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
    @Property(tries = 300)
    void bufferContentsArriveIdenticallyOnEveryPath(@ForAll @Size(max = 300) byte[] values) throws Throwable {
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
    @Property(tries = 300)
    void bufferWritesComeBackIdenticallyOnEveryPath(@ForAll @Size(max = 300) byte[] values,
            @ForAll @Size(max = 100) int[] ints) throws Throwable {
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
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().withChars("a\u00e9\u2713\0\ud83d\ude00\ud800\udc00").ofMaxLength(12));
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

package dev.fastffi.it.robustness;

import static java.lang.Double.doubleToRawLongBits;
import static java.lang.Double.longBitsToDouble;
import static java.lang.Float.floatToRawIntBits;
import static java.lang.Float.intBitsToFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.FfiException;
import dev.fastffi.it.robustness.Robust.Outcome;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential properties of f32, f64 and pointers on every path: every bit
 * pattern, NaN payloads of both signs (quiet and signalling), infinities and -0.0 included, and
 * every address, NULL included, come back bit-identical on every path, and C sees the same bits.
 */
class FloatAndPointerDifferentialTest {
    private static AllPaths paths;

    @BeforeAll
    static void open() {
        paths = new AllPaths();
    }

    @AfterAll
    static void close() {
        paths.close();
    }

    @Test
    void f32KeepsEveryBitOnEveryPath() {
        f32Bits().forAll(Samples.TRIES, FloatAndPointerDifferentialTest::f32OnEveryPath);
    }

    private static void f32OnEveryPath(int bits) throws Throwable {
        float v = intBitsToFloat(bits);
        MethodHandle echo = paths.function("echo_f32", "f32(f32)").handle();
        AllPaths.compare()
                .path("fast", () -> floatToRawIntBits(paths.fast.echoF32(v)))
                .path("compiled compat", () -> floatToRawIntBits(paths.compiledCompat.echoF32(v)))
                .path("boxed", () -> floatToRawIntBits(paths.boxed.echoF32(v)))
                .path("invoke", () -> floatToRawIntBits((Float) paths.function("echo_f32", "f32(f32)").invoke(v)))
                .path("handle", Robust.exact(() -> floatToRawIntBits((float) echo.invokeExact(v))))
                .path("C sees, fast", () -> paths.fast.u32BitsOfF32(v))
                .path("C sees, compiled compat", () -> paths.compiledCompat.u32BitsOfF32(v))
                .path("C makes, fast", () -> floatToRawIntBits(paths.fast.f32OfU32Bits(bits)))
                .path("C makes, compiled compat", () -> floatToRawIntBits(paths.compiledCompat.f32OfU32Bits(bits)))
                .path("C makes, invoke", () -> floatToRawIntBits(
                        (Float) paths.function("f32_of_u32_bits", "f32(u32)").invoke(bits)))
                .allReturn(bits);
    }

    @Test
    void f64KeepsEveryBitOnEveryPath() {
        f64Bits().forAll(Samples.TRIES, FloatAndPointerDifferentialTest::f64OnEveryPath);
    }

    private static void f64OnEveryPath(long bits) throws Throwable {
        double v = longBitsToDouble(bits);
        MethodHandle echo = paths.function("echo_f64", "f64(f64)").handle();
        AllPaths.compare()
                .path("fast", () -> doubleToRawLongBits(paths.fast.echoF64(v)))
                .path("compiled compat", () -> doubleToRawLongBits(paths.compiledCompat.echoF64(v)))
                .path("boxed", () -> doubleToRawLongBits(paths.boxed.echoF64(v)))
                .path("invoke", () -> doubleToRawLongBits((Double) paths.function("echo_f64", "f64(f64)").invoke(v)))
                .path("handle", Robust.exact(() -> doubleToRawLongBits((double) echo.invokeExact(v))))
                .path("C sees, fast", () -> paths.fast.u64BitsOfF64(v))
                .path("C sees, compiled compat", () -> paths.compiledCompat.u64BitsOfF64(v))
                .path("C makes, fast", () -> doubleToRawLongBits(paths.fast.f64OfU64Bits(bits)))
                .path("C makes, compiled compat", () -> doubleToRawLongBits(paths.compiledCompat.f64OfU64Bits(bits)))
                .path("C makes, invoke", () -> doubleToRawLongBits(
                        (Double) paths.function("f64_of_u64_bits", "f64(u64)").invoke(bits)))
                .allReturn(bits);
    }

    /** Any address, as a segment, a long, a Long or a BigInteger; C sees it and returns it unchanged. */
    @Test
    void pointerKeepsEveryAddressOnEveryPath() {
        addresses().forAll(Samples.TRIES, FloatAndPointerDifferentialTest::pointerOnEveryPath);
    }

    private static void pointerOnEveryPath(long address) throws Throwable {
        MemorySegment segment = MemorySegment.ofAddress(address);
        BigInteger unsigned = new BigInteger(Long.toUnsignedString(address));
        MethodHandle echo = paths.function("echo_pointer", "pointer(pointer)").handle();
        AllPaths.compare()
                .path("fast segment", () -> returned(paths.fast.echoPointer(segment)))
                .path("fast long", () -> paths.fast.echoPointerAddress(address))
                .path("compiled compat segment", () -> returned(paths.compiledCompat.echoPointer(segment)))
                .path("compiled compat long", () -> paths.compiledCompat.echoPointerAddress(address))
                .path("boxed Long", () -> paths.boxed.echoPointer(address))
                .path("boxed BigInteger", () -> new BigInteger(Long.toUnsignedString(address))
                        .equals(paths.boxed.echoPointer(unsigned)) ? address : "differs")
                .path("invoke segment", () -> returned(paths.function("echo_pointer", "pointer(pointer)").invoke(segment)))
                .path("invoke Long", () -> returned(paths.function("echo_pointer", "pointer(pointer)").invoke(address)))
                .path("invoke BigInteger", () -> returned(
                        paths.function("echo_pointer", "pointer(pointer)").invoke(unsigned)))
                .path("handle", Robust.exact(() -> returned((MemorySegment) echo.invokeExact(segment))))
                .allReturn(address);
    }

    @Test
    void nullPointerIsNullOnEveryPath() throws Throwable {
        MethodHandle echo = paths.function("echo_pointer", "pointer(pointer)").handle();
        AllPaths.compare()
                .path("fast null", () -> paths.fast.echoPointer(null))
                .path("fast NULL", () -> paths.fast.echoPointer(MemorySegment.NULL))
                .path("fast 0L", () -> MemorySegment.ofAddress(paths.fast.echoPointerAddress(0L)))
                .path("compiled compat null", () -> paths.compiledCompat.echoPointer(null))
                .path("boxed null", () -> MemorySegment.ofAddress(paths.boxed.echoPointer((Long) null)))
                .path("invoke null", () -> paths.function("echo_pointer", "pointer(pointer)").invoke((Object) null))
                .path("handle null", Robust.exact(() -> (MemorySegment) echo.invokeExact((MemorySegment) null)))
                .allReturn(MemorySegment.NULL);
    }

    @Test
    void heapSegmentAsPointerIsRefusedAlikeOnEveryPath() throws Throwable {
        MemorySegment heap = MemorySegment.ofArray(new int[] {42});
        MethodHandle read = paths.function("read_i32", "i32(pointer)").handle();
        Outcome refused = Outcome.of(() -> paths.fast.readI32(heap));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, refused.code(), refused::toString);
        AllPaths.compare()
                .path("compiled compat", () -> paths.compiledCompat.readI32(heap))
                .path("boxed", () -> paths.boxed.readI32(heap))
                .path("invoke", () -> paths.function("read_i32", "i32(pointer)").invoke(heap))
                .path("handle", Robust.exact(() -> (int) read.invokeExact(heap)))
                .allAre(refused);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fortyTwo = arena.allocateFrom(ValueLayout.JAVA_INT, 42);
            AllPaths.compare()
                    .path("fast", () -> paths.fast.readI32(fortyTwo))
                    .path("compiled compat", () -> paths.compiledCompat.readI32(fortyTwo))
                    .path("boxed", () -> paths.boxed.readI32(fortyTwo))
                    .path("invoke", () -> paths.function("read_i32", "i32(pointer)").invoke(fortyTwo))
                    .path("handle", Robust.exact(() -> (int) read.invokeExact(fortyTwo)))
                    .allReturn(42);
        }
    }

    /**
     * Any bits, and often the special ones: canonical and payload NaNs of both signs, quiet and
     * signalling (exponent all ones, any non-zero mantissa), ±Inf, ±0.0, subnormals, MIN and MAX.
     */
    private static Samples<Integer> f32Bits() {
        return Samples.of(List.of(0x7fc0_0000, 0xffc0_0000, 0x7fc1_2345, 0x7f80_0001, 0xff80_0001, 0x7fbf_ffff,
                0x7fff_ffff, 0xffff_ffff, 0x7f80_0000, 0xff80_0000, 0x8000_0000, 0, 1, 0x8000_0001, 0x007f_ffff,
                floatToRawIntBits(Float.MIN_NORMAL), floatToRawIntBits(Float.MAX_VALUE),
                floatToRawIntBits(-Float.MAX_VALUE), floatToRawIntBits(1.0f), floatToRawIntBits(-1.0f)),
                r -> switch (r.nextInt(3)) {
                    case 0 -> 0x7f80_0000 | (r.nextInt() & 0x807f_ffff) | 1;
                    case 1 -> r.nextInt() & 0x807f_ffff;
                    default -> r.nextInt();
                });
    }

    /** As {@link #f32Bits()}, for f64. */
    private static Samples<Long> f64Bits() {
        return Samples.of(List.of(0x7ff8_0000_0000_0000L, 0xfff8_0000_0000_0000L, 0x7ff8_0000_dead_beefL,
                0x7ff0_0000_0000_0001L, 0xfff0_0000_0000_0001L, 0x7ff7_ffff_ffff_ffffL, 0x7fff_ffff_ffff_ffffL,
                0xffff_ffff_ffff_ffffL, 0x7ff0_0000_0000_0000L, 0xfff0_0000_0000_0000L, 0x8000_0000_0000_0000L, 0L,
                1L, 0x8000_0000_0000_0001L, 0x000f_ffff_ffff_ffffL, doubleToRawLongBits(Double.MIN_NORMAL),
                doubleToRawLongBits(Double.MAX_VALUE), doubleToRawLongBits(-Double.MAX_VALUE),
                doubleToRawLongBits(1.0), doubleToRawLongBits(-1.0)),
                r -> switch (r.nextInt(3)) {
                    case 0 -> 0x7ff0_0000_0000_0000L | (r.nextLong() & 0x800f_ffff_ffff_ffffL) | 1;
                    case 1 -> r.nextLong() & 0x800f_ffff_ffff_ffffL;
                    default -> r.nextLong();
                });
    }

    /** Any 64-bit address (C only passes it back), and the ones at the edges, 0 (NULL) among them. */
    private static Samples<Long> addresses() {
        return Samples.of(List.of(0L, 1L, -1L, -16L, Long.MIN_VALUE, Long.MAX_VALUE, 0x7fff_ffff_f000L, 0xffff_ffffL,
                0x1_0000_0000L), Samples::anyLong);
    }

    /** The address of a returned pointer, after checking that it is a zero-length segment, as returned pointers are. */
    private static long returned(Object pointer) {
        MemorySegment segment = (MemorySegment) pointer;
        assertEquals(0L, segment.byteSize(), "returned pointers are zero-length segments");
        return segment.address();
    }
}

package dev.fastffi.it.robustness;

import dev.fastffi.FfiException;
import dev.fastffi.it.robustness.Robust.Outcome;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential properties of bool and the integer types: for
 * every bool and byte, and for {@link Samples} of the wider types, the FAST binding, the same interface compiled with
 * {@code -Afastffi.fast=false}, a boxed COMPAT interface, {@code invoke} and {@code handle()} return
 * the same value, and out-of-range values throw the same code and message on every path.
 */
class IntegerDifferentialTest {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

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
    void boolIsIdenticalOnEveryPathAndArrivesAsZeroOrOne() {
        Samples.forEvery(Samples.ALL_BOOLEANS, IntegerDifferentialTest::boolOnEveryPath);
    }

    private static void boolOnEveryPath(boolean v) throws Throwable {
        MethodHandle echo = paths.function("echo_bool", "bool(bool)").handle();
        AllPaths.compare()
                .path("fast", () -> paths.fast.echoBool(v))
                .path("compiled compat", () -> paths.compiledCompat.echoBool(v))
                .path("boxed", () -> paths.boxed.echoBool(v))
                .path("invoke", () -> (Boolean) paths.function("echo_bool", "bool(bool)").invoke(v))
                .path("handle", Robust.exact(() -> (boolean) echo.invokeExact(v)))
                .allReturn(v);
        AllPaths.compare()
                .path("fast", () -> paths.fast.boolAsI32(v))
                .path("compiled compat", () -> paths.compiledCompat.boolAsI32(v))
                .path("invoke", () -> (Integer) paths.function("bool_as_i32", "i32(bool)").invoke(v))
                .allReturn(v ? 1 : 0);
    }

    @Test
    void i8IsIdenticalOnEveryPathAndSignExtended() {
        Samples.forEvery(Samples.ALL_BYTES, IntegerDifferentialTest::i8OnEveryPath);
    }

    private static void i8OnEveryPath(byte v) throws Throwable {
        MethodHandle echo = paths.function("echo_i8", "i8(i8)").handle();
        MethodHandle widen = paths.function("i8_as_i32", "i32(i8)").handle();
        AllPaths.compare()
                .path("fast", () -> (int) paths.fast.echoI8(v))
                .path("fast as int", () -> paths.fast.echoI8AsInt(v))
                .path("compiled compat", () -> (int) paths.compiledCompat.echoI8(v))
                .path("boxed Byte", () -> (int) paths.boxed.echoI8(Byte.valueOf(v)))
                .path("boxed Integer", () -> paths.boxed.echoI8(Integer.valueOf(v)))
                .path("invoke", () -> (int) (Byte) paths.function("echo_i8", "i8(i8)").invoke(v))
                .path("handle", Robust.exact(() -> (int) (byte) echo.invokeExact(v)))
                .path("C widens, fast", () -> paths.fast.i8AsI32(v))
                .path("C widens, compiled compat", () -> paths.compiledCompat.i8AsI32(v))
                .path("C widens, handle", Robust.exact(() -> (int) widen.invokeExact(v)))
                .allReturn((int) v);
    }

    @Test
    void u8IsIdenticalOnEveryPathAndZeroExtended() {
        Samples.forEvery(Samples.ALL_BYTES, IntegerDifferentialTest::u8OnEveryPath);
    }

    private static void u8OnEveryPath(byte raw) throws Throwable {
        int v = Byte.toUnsignedInt(raw);
        MethodHandle echo = paths.function("echo_u8", "u8(u8)").handle();
        MethodHandle widen = paths.function("u8_as_u32", "u32(u8)").handle();
        AllPaths.compare()
                .path("fast raw byte", () -> Byte.toUnsignedInt(paths.fast.echoU8(raw)))
                .path("fast as int", () -> paths.fast.echoU8AsInt(v))
                .path("compiled compat", () -> Byte.toUnsignedInt(paths.compiledCompat.echoU8(raw)))
                .path("boxed Integer", () -> paths.boxed.echoU8(v))
                .path("boxed raw Byte", () -> Byte.toUnsignedInt(paths.boxed.echoU8Raw(raw)))
                .path("invoke Integer", () -> (Integer) paths.function("echo_u8", "u8(u8)").invoke(v))
                .path("invoke raw Byte", () -> (Integer) paths.function("echo_u8", "u8(u8)").invoke(raw))
                .path("handle", Robust.exact(() -> Byte.toUnsignedInt((byte) echo.invokeExact(raw))))
                .path("C widens, fast", () -> paths.fast.u8AsU32(raw))
                .path("C widens, compiled compat", () -> paths.compiledCompat.u8AsU32(raw))
                .path("C widens, handle", Robust.exact(() -> (int) widen.invokeExact(raw)))
                .allReturn(v);
    }

    @Test
    void i16IsIdenticalOnEveryPathAndSignExtended() {
        Samples.shorts().forAll(Samples.TRIES, IntegerDifferentialTest::i16OnEveryPath);
    }

    private static void i16OnEveryPath(short v) throws Throwable {
        MethodHandle echo = paths.function("echo_i16", "i16(i16)").handle();
        AllPaths.compare()
                .path("fast", () -> (int) paths.fast.echoI16(v))
                .path("fast as int", () -> paths.fast.echoI16AsInt(v))
                .path("compiled compat", () -> (int) paths.compiledCompat.echoI16(v))
                .path("boxed Short", () -> (int) paths.boxed.echoI16(Short.valueOf(v)))
                .path("boxed Integer", () -> paths.boxed.echoI16(Integer.valueOf(v)))
                .path("invoke", () -> (int) (Short) paths.function("echo_i16", "i16(i16)").invoke(v))
                .path("handle", Robust.exact(() -> (int) (short) echo.invokeExact(v)))
                .path("C widens, fast", () -> paths.fast.i16AsI32(v))
                .path("C widens, compiled compat", () -> paths.compiledCompat.i16AsI32(v))
                .allReturn((int) v);
    }

    @Test
    void u16IsIdenticalOnEveryPathAndZeroExtended() {
        Samples.chars().forAll(Samples.TRIES, IntegerDifferentialTest::u16OnEveryPath);
    }

    private static void u16OnEveryPath(char v) throws Throwable {
        MethodHandle echo = paths.function("echo_u16", "u16(u16)").handle();
        AllPaths.compare()
                .path("fast", () -> (int) paths.fast.echoU16(v))
                .path("fast as int", () -> paths.fast.echoU16AsInt(v))
                .path("compiled compat", () -> (int) paths.compiledCompat.echoU16(v))
                .path("boxed Character", () -> (int) paths.boxed.echoU16(Character.valueOf(v)))
                .path("boxed Integer", () -> paths.boxed.echoU16((int) v))
                .path("invoke Character", () -> (Integer) paths.function("echo_u16", "u16(u16)").invoke(v))
                .path("invoke Integer", () -> (Integer) paths.function("echo_u16", "u16(u16)").invoke((int) v))
                .path("handle", Robust.exact(() -> (int) (char) echo.invokeExact(v)))
                .path("C widens, fast", () -> paths.fast.u16AsU32(v))
                .path("C widens, compiled compat", () -> paths.compiledCompat.u16AsU32(v))
                .allReturn((int) v);
    }

    @Test
    void i32IsIdenticalOnEveryPathAndSignExtended() {
        Samples.ints().forAll(Samples.TRIES, IntegerDifferentialTest::i32OnEveryPath);
    }

    private static void i32OnEveryPath(int v) throws Throwable {
        MethodHandle echo = paths.function("echo_i32", "i32(i32)").handle();
        AllPaths.compare()
                .path("fast", () -> paths.fast.echoI32(v))
                .path("compiled compat", () -> paths.compiledCompat.echoI32(v))
                .path("boxed", () -> paths.boxed.echoI32(v))
                .path("invoke", () -> (Integer) paths.function("echo_i32", "i32(i32)").invoke(v))
                .path("handle", Robust.exact(() -> (int) echo.invokeExact(v)))
                .allReturn(v);
        AllPaths.compare()
                .path("C widens, fast", () -> paths.fast.i32AsI64(v))
                .path("C widens, compiled compat", () -> paths.compiledCompat.i32AsI64(v))
                .path("C widens, invoke", () -> (Long) paths.function("i32_as_i64", "i64(i32)").invoke(v))
                .allReturn((long) v);
    }

    @Test
    void u32IsIdenticalOnEveryPathAndZeroExtended() {
        Samples.ints().forAll(Samples.TRIES, IntegerDifferentialTest::u32OnEveryPath);
    }

    private static void u32OnEveryPath(int raw) throws Throwable {
        long v = Integer.toUnsignedLong(raw);
        MethodHandle echo = paths.function("echo_u32", "u32(u32)").handle();
        MethodHandle widen = paths.function("u32_as_u64", "u64(u32)").handle();
        AllPaths.compare()
                .path("fast raw int", () -> Integer.toUnsignedLong(paths.fast.echoU32(raw)))
                .path("fast as long", () -> paths.fast.echoU32AsLong(v))
                .path("compiled compat", () -> paths.compiledCompat.echoU32AsLong(v))
                .path("boxed Long", () -> paths.boxed.echoU32(v))
                .path("boxed raw Integer", () -> Integer.toUnsignedLong(paths.boxed.echoU32Raw(raw)))
                .path("invoke Long", () -> (Long) paths.function("echo_u32", "u32(u32)").invoke(v))
                .path("invoke raw Integer", () -> (Long) paths.function("echo_u32", "u32(u32)").invoke(raw))
                .path("handle", Robust.exact(() -> Integer.toUnsignedLong((int) echo.invokeExact(raw))))
                .path("C widens, fast", () -> paths.fast.u32AsU64(raw))
                .path("C widens, compiled compat", () -> paths.compiledCompat.u32AsU64(raw))
                .path("C widens, handle", Robust.exact(() -> (long) widen.invokeExact(raw)))
                .allReturn(v);
    }

    @Test
    void i64AndIsizeAreIdenticalOnEveryPath() {
        Samples.longs().forAll(Samples.TRIES, IntegerDifferentialTest::i64AndIsizeOnEveryPath);
    }

    private static void i64AndIsizeOnEveryPath(long v) throws Throwable {
        MethodHandle echo = paths.function("echo_i64", "i64(i64)").handle();
        MethodHandle isize = paths.function("echo_isize", "isize(isize)").handle();
        AllPaths.compare()
                .path("fast", () -> paths.fast.echoI64(v))
                .path("compiled compat", () -> paths.compiledCompat.echoI64(v))
                .path("boxed", () -> paths.boxed.echoI64(v))
                .path("invoke", () -> (Long) paths.function("echo_i64", "i64(i64)").invoke(v))
                .path("handle", Robust.exact(() -> (long) echo.invokeExact(v)))
                .path("isize fast", () -> paths.fast.echoIsize(v))
                .path("isize compiled compat", () -> paths.compiledCompat.echoIsize(v))
                .path("isize boxed", () -> paths.boxed.echoIsize(v))
                .path("isize invoke", () -> (Long) paths.function("echo_isize", "isize(isize)").invoke(v))
                .path("isize handle", Robust.exact(() -> (long) isize.invokeExact(v)))
                .allReturn(v);
    }

    /** u64 and usize: raw 64 bits as long, the same number as BigInteger on the boxed path and invoke. */
    @Test
    void u64AndUsizeKeepAll64BitsOnEveryPath() {
        Samples.longs().forAll(Samples.TRIES, IntegerDifferentialTest::u64AndUsizeOnEveryPath);
    }

    private static void u64AndUsizeOnEveryPath(long raw) throws Throwable {
        BigInteger v = unsigned(raw);
        MethodHandle echo = paths.function("echo_u64", "u64(u64)").handle();
        MethodHandle usize = paths.function("echo_usize", "usize(usize)").handle();
        AllPaths.compare()
                .path("fast", () -> unsigned(paths.fast.echoU64(raw)))
                .path("compiled compat", () -> unsigned(paths.compiledCompat.echoU64(raw)))
                .path("boxed BigInteger", () -> paths.boxed.echoU64(v))
                .path("boxed raw Long", () -> unsigned(paths.boxed.echoU64Raw(raw)))
                .path("invoke BigInteger", () -> (BigInteger) paths.function("echo_u64", "u64(u64)").invoke(v))
                .path("invoke raw Long", () -> (BigInteger) paths.function("echo_u64", "u64(u64)").invoke(raw))
                .path("handle", Robust.exact(() -> unsigned((long) echo.invokeExact(raw))))
                .path("usize fast", () -> unsigned(paths.fast.echoUsize(raw)))
                .path("usize compiled compat", () -> unsigned(paths.compiledCompat.echoUsize(raw)))
                .path("usize boxed", () -> paths.boxed.echoUsize(v))
                .path("usize invoke", () -> (BigInteger) paths.function("echo_usize", "usize(usize)").invoke(v))
                .path("usize handle", Robust.exact(() -> unsigned((long) usize.invokeExact(raw))))
                .allReturn(v);
        AllPaths.compare()
                .path("C sees the high half, fast", () -> paths.fast.highU32OfU64(raw))
                .path("C sees the high half, compiled compat", () -> paths.compiledCompat.highU32OfU64(raw))
                .allReturn((int) (raw >>> 32));
    }

    @Test
    void i8GivenAsIntIsRangeCheckedAlikeOnEveryPath() {
        aroundNarrowRanges().forAll(Samples.TRIES, IntegerDifferentialTest::i8RangeCheck);
    }

    private static void i8RangeCheck(int v) {
        Outcome expected = checked("echo_i8", "i8", v, -128, 127, v);
        AllPaths.compare()
                .path("fast", () -> paths.fast.echoI8AsInt(v))
                .path("compiled compat", () -> paths.compiledCompat.echoI8AsInt(v))
                .path("boxed", () -> paths.boxed.echoI8(Integer.valueOf(v)))
                .path("invoke", () -> (int) (Byte) paths.function("echo_i8", "i8(i8)").invoke(v))
                .path("invoke Long", () -> (int) (Byte) paths.function("echo_i8", "i8(i8)").invoke((long) v))
                .allAre(expected);
    }

    @Test
    void u8GivenAsIntIsRangeCheckedAlikeOnEveryPath() {
        aroundNarrowRanges().forAll(Samples.TRIES, IntegerDifferentialTest::u8RangeCheck);
    }

    private static void u8RangeCheck(int v) {
        Outcome expected = checked("echo_u8", "u8", v, 0, 255, v);
        AllPaths.compare()
                .path("fast", () -> paths.fast.echoU8AsInt(v))
                .path("compiled compat", () -> paths.compiledCompat.echoU8AsInt(v))
                .path("boxed", () -> paths.boxed.echoU8(v))
                .path("invoke", () -> (Integer) paths.function("echo_u8", "u8(u8)").invoke(v))
                .allAre(expected);
    }

    @Test
    void i16GivenAsIntIsRangeCheckedAlikeOnEveryPath() {
        aroundNarrowRanges().forAll(Samples.TRIES, IntegerDifferentialTest::i16RangeCheck);
    }

    private static void i16RangeCheck(int v) {
        Outcome expected = checked("echo_i16", "i16", v, -32768, 32767, v);
        AllPaths.compare()
                .path("fast", () -> paths.fast.echoI16AsInt(v))
                .path("compiled compat", () -> paths.compiledCompat.echoI16AsInt(v))
                .path("boxed", () -> paths.boxed.echoI16(Integer.valueOf(v)))
                .path("invoke", () -> (int) (Short) paths.function("echo_i16", "i16(i16)").invoke(v))
                .allAre(expected);
    }

    @Test
    void u16GivenAsIntIsRangeCheckedAlikeOnEveryPath() {
        aroundNarrowRanges().forAll(Samples.TRIES, IntegerDifferentialTest::u16RangeCheck);
    }

    private static void u16RangeCheck(int v) {
        Outcome expected = checked("echo_u16", "u16", v, 0, 65535, v);
        AllPaths.compare()
                .path("fast", () -> paths.fast.echoU16AsInt(v))
                .path("compiled compat", () -> paths.compiledCompat.echoU16AsInt(v))
                .path("boxed", () -> paths.boxed.echoU16(Integer.valueOf(v)))
                .path("invoke", () -> (Integer) paths.function("echo_u16", "u16(u16)").invoke(v))
                .allAre(expected);
    }

    @Test
    void u32GivenAsLongIsRangeCheckedAlikeOnEveryPath() {
        aroundU32Range().forAll(Samples.TRIES, IntegerDifferentialTest::u32RangeCheck);
    }

    private static void u32RangeCheck(long v) {
        Outcome expected = checked("echo_u32", "u32", v, 0, 4294967295L, v);
        AllPaths.compare()
                .path("fast", () -> paths.fast.echoU32AsLong(v))
                .path("compiled compat", () -> paths.compiledCompat.echoU32AsLong(v))
                .path("boxed", () -> paths.boxed.echoU32(v))
                .path("invoke", () -> (Long) paths.function("echo_u32", "u32(u32)").invoke(v))
                .allAre(expected);
    }

    @Test
    void u64GivenAsBigIntegerIsRangeCheckedAlikeOnEveryPath() {
        aroundU64Range().forAll(Samples.TRIES, IntegerDifferentialTest::u64RangeCheck);
    }

    private static void u64RangeCheck(BigInteger v) {
        boolean inRange = v.signum() >= 0 && v.compareTo(TWO_TO_64) < 0;
        Outcome expected = inRange ? new Outcome(v, null, null) : new Outcome(null, FfiException.Code.INVALID_ARGUMENT,
                paths.argument("echo_u64", 0, "u64") + v + " is outside 0.." + TWO_TO_64.subtract(BigInteger.ONE));
        AllPaths.compare()
                .path("boxed", () -> paths.boxed.echoU64(v))
                .path("invoke", () -> paths.function("echo_u64", "u64(u64)").invoke(v))
                .allAre(expected);
    }

    /** The boundaries of every narrow range and next to them, small values, and any int. */
    private static Samples<Integer> aroundNarrowRanges() {
        List<Integer> edges = List.of(-129, -128, -1, 0, 1, 127, 128, 255, 256, -32769, -32768, 32767, 32768, 65535,
                65536, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return Samples.of(edges, r -> switch (r.nextInt(3)) {
            case 0 -> Samples.pick(edges, r) + r.nextInt(-3, 4);
            case 1 -> r.nextInt(-70_000, 70_001);
            default -> Samples.anyInt(r);
        });
    }

    /** The edges of the u32 range and next to them, values a little past it, and any long. */
    private static Samples<Long> aroundU32Range() {
        List<Long> edges = List.of(-1L, 0L, 1L, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, 0x1_0000_0000L,
                Long.MIN_VALUE, Long.MAX_VALUE);
        return Samples.of(edges, r -> switch (r.nextInt(3)) {
            case 0 -> Samples.pick(edges, r) + r.nextInt(-3, 4);
            case 1 -> r.nextLong(-10L, 0x1_0000_000bL);
            default -> Samples.anyLong(r);
        });
    }

    /** Next to 0, 2^63 and 2^64, and any number from -2^65 to 2^65. */
    private static Samples<BigInteger> aroundU64Range() {
        List<BigInteger> edges = List.of(BigInteger.ONE.negate(), BigInteger.ZERO, BigInteger.ONE,
                BigInteger.ONE.shiftLeft(63), TWO_TO_64.subtract(BigInteger.ONE), TWO_TO_64, TWO_TO_64.shiftLeft(64));
        return Samples.of(edges, r -> switch (r.nextInt(4)) {
            case 0 -> Samples.pick(edges, r).add(BigInteger.valueOf(r.nextInt(-3, 4)));
            case 1 -> BigInteger.valueOf(Samples.anyLong(r));
            case 2 -> unsigned(Samples.anyLong(r));
            default -> BigInteger.valueOf(r.nextLong()).shiftLeft(2).add(BigInteger.valueOf(r.nextInt(4)));
        });
    }

    /** {@code inRange}, or INVALID_ARGUMENT with the one message every path must give for it. */
    private static Outcome checked(String symbol, String cType, long v, long min, long max, Object inRange) {
        if (v >= min && v <= max) {
            return new Outcome(inRange, null, null);
        }
        return new Outcome(null, FfiException.Code.INVALID_ARGUMENT,
                paths.argument(symbol, 0, cType) + v + " is outside " + min + ".." + max);
    }

    private static BigInteger unsigned(long bits) {
        return bits >= 0 ? BigInteger.valueOf(bits) : BigInteger.valueOf(bits).add(TWO_TO_64);
    }
}

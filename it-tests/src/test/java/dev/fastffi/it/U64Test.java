package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** u64 keeps all 64 bits; with it the other 64-bit and pointer-sized integers. */
class U64Test {
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    private static Library library;
    private static WideIntegers wide;
    private static BoxedScalars boxed;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        wide = library.bind(WideIntegers.class);
        boxed = library.bind(BoxedScalars.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void u64MaxRoundTripsAsMinusOneThroughABinding() {
        assertEquals(-1L, wide.echoU64(-1L));
        assertEquals(-1L, wide.maxU64());
    }

    @Test
    void cSeesMinusOneLongAsU64Max() {
        assertEquals(1, wide.isMaxU64(-1L));
        assertEquals(0xFFFF_FFFFL, wide.highU32OfU64(-1L));
        assertEquals(0x8000_0000L, wide.highU32OfU64(Long.MIN_VALUE));
    }

    @Test
    void u64MaxRoundTripsAsMinusOneThroughTheExactHandle() throws Throwable {
        MethodHandle echo = library.function("echo_u64", "u64(u64)").handle();
        MethodHandle max = library.function("max_u64", "u64()").handle();
        assertEquals(-1L, (long) echo.invokeExact(-1L));
        assertEquals(-1L, (long) max.invokeExact());
    }

    @Test
    void u64MaxRoundTripsAsBigIntegerThroughInvoke() {
        assertEquals(U64_MAX, library.function("echo_u64", "u64(u64)").invoke(U64_MAX));
        assertEquals(U64_MAX, library.function("max_u64", "u64()").invoke());
        assertEquals(1, library.function("is_max_u64", "i32(u64)").invoke(U64_MAX));
    }

    @Test
    void invokeTakesMinusOneLongAsU64MaxRawBits() {
        assertEquals(1, library.function("is_max_u64", "i32(u64)").invoke(-1L));
        assertEquals(U64_MAX, library.function("echo_u64", "u64(u64)").invoke(-1L));
    }

    @Test
    void u64MaxRoundTripsAsBigIntegerThroughACompatMethod() {
        assertEquals(U64_MAX, boxed.echoU64(U64_MAX));
        assertEquals(U64_MAX, boxed.maxU64());
    }

    @Test
    void u64HighBitAloneSurvivesEveryPath() {
        BigInteger highBit = BigInteger.ONE.shiftLeft(63);
        assertEquals(Long.MIN_VALUE, wide.echoU64(Long.MIN_VALUE));
        assertEquals(highBit, library.function("echo_u64", "u64(u64)").invoke(highBit));
        assertEquals(highBit, boxed.echoU64(highBit));
    }

    @Test
    void bigIntegerAboveU64MaxIsAnInvalidArgument() {
        DynamicFunction echo = library.function("echo_u64", "u64(u64)");
        FfiException thrown = Fixture.assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                () -> echo.invoke(U64_MAX.add(BigInteger.ONE)));
        assertMentions(thrown, "echo_u64, argument 0 (u64): ", "18446744073709551616");
    }

    @Test
    void negativeBigIntegerForU64IsAnInvalidArgument() {
        DynamicFunction echo = library.function("echo_u64", "u64(u64)");
        FfiException thrown = Fixture.assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                () -> echo.invoke(BigInteger.ONE.negate()));
        assertMentions(thrown, "echo_u64, argument 0 (u64): ", "-1");
    }

    @Test
    void usizeMaxRoundTripsAsMinusOneAndAsBigInteger() throws Throwable {
        assertEquals(-1L, wide.echoUsize(-1L));
        assertEquals(-1L, wide.maxUsize());
        assertEquals(1, wide.isMaxUsize(-1L));
        assertEquals(-1L, (long) library.function("echo_usize", "usize(usize)").handle().invokeExact(-1L));
        assertEquals(U64_MAX, library.function("echo_usize", "usize(usize)").invoke(U64_MAX));
        assertEquals(U64_MAX, library.function("max_usize", "usize()").invoke());
        assertEquals(U64_MAX, boxed.maxUsize());
    }

    @Test
    void i64BoundariesRoundTrip() throws Throwable {
        assertEquals(Long.MIN_VALUE, wide.minI64());
        assertEquals(Long.MAX_VALUE, wide.maxI64());
        assertEquals(Long.MIN_VALUE, wide.echoI64(Long.MIN_VALUE));
        assertEquals(-1L, wide.echoI64(-1L));
        assertEquals(Long.MIN_VALUE, (long) library.function("echo_i64", "i64(i64)").handle().invokeExact(Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE, library.function("min_i64", "i64()").invoke());
        assertEquals(Long.MAX_VALUE, library.function("echo_i64", "i64(i64)").invoke(Long.MAX_VALUE));
    }

    @Test
    void isizeBoundariesRoundTripThroughIntptrAndSsize() {
        assertEquals(Long.MIN_VALUE, wide.minIsize());
        assertEquals(Long.MAX_VALUE, wide.maxIsize());
        assertEquals(Long.MIN_VALUE, wide.echoIsize(Long.MIN_VALUE));
        assertEquals(-1L, wide.echoSsize(-1L));
        assertEquals(Long.MIN_VALUE, library.function("min_isize", "isize()").invoke());
        assertEquals(-1L, library.function("echo_ssize", "isize(isize)").invoke(-1L));
    }

    private static void assertMentions(FfiException thrown, String detail, String value) {
        String message = thrown.getMessage();
        assertTrue(message.contains(detail) && message.contains(value),
                () -> "message should contain '" + detail + "' and '" + value + "': " + message);
    }
}

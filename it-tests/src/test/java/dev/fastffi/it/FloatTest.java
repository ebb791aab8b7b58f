package dev.fastffi.it;

import static java.lang.Double.doubleToRawLongBits;
import static java.lang.Double.longBitsToDouble;
import static java.lang.Float.floatToRawIntBits;
import static java.lang.Float.intBitsToFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.Library;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * f32 and f64 keep NaN (payload included), infinities and -0.0, compared
 * bit for bit in both directions; the fixture converts bits with memcpy to show what C saw.
 */
class FloatTest {
    /** A quiet NaN whose payload is not Java's canonical one, as the fixture's payload_nan_f32 makes it. */
    private static final int PAYLOAD_NAN_F32 = 0x7fc12345;
    private static final long PAYLOAD_NAN_F64 = 0x7ff80000deadbeefL;

    private static Library library;
    private static Floats floats;
    private static BoxedScalars boxed;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        floats = library.bind(Floats.class);
        boxed = library.bind(BoxedScalars.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    /** Canonical NaN, payload NaN, negative payload NaN, +Inf, -Inf, -0.0, +0.0, smallest subnormal, 1.5. */
    @ParameterizedTest
    @ValueSource(ints = {0x7fc00000, PAYLOAD_NAN_F32, 0xffc12345, 0x7f800000, 0xff800000, 0x80000000, 0, 1, 0x3fc00000})
    void f32KeepsEveryBitThroughEveryPath(int bits) throws Throwable {
        float value = intBitsToFloat(bits);
        MethodHandle echo = library.function("echo_f32", "f32(f32)").handle();
        assertBits(bits, floats.echoF32(value));
        assertBits(bits, (float) echo.invokeExact(value));
        assertBits(bits, (Float) library.function("echo_f32", "f32(f32)").invoke(value));
        assertBits(bits, boxed.echoF32(value));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7fc00000, PAYLOAD_NAN_F32, 0xffc12345, 0x7f800000, 0xff800000, 0x80000000, 0, 1})
    void f32ArrivesInCWithItsBits(int bits) {
        assertEquals(bits, floats.u32BitsOfF32(intBitsToFloat(bits)));
        assertEquals((long) bits & 0xffffffffL,
                library.function("u32_bits_of_f32", "u32(f32)").invoke(intBitsToFloat(bits)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7fc00000, PAYLOAD_NAN_F32, 0xffc12345, 0x7f800000, 0xff800000, 0x80000000, 0, 1})
    void f32MadeByCArrivesInJavaWithItsBits(int bits) {
        assertBits(bits, floats.f32OfU32Bits(bits));
        assertBits(bits, (Float) library.function("f32_of_u32_bits", "f32(u32)").invoke((long) bits & 0xffffffffL));
    }

    @Test
    void f32SpecialValuesFromCKeepTheirMeaning() {
        assertTrue(Float.isNaN(floats.nanF32()));
        assertEquals(Float.POSITIVE_INFINITY, floats.infF32());
        assertEquals(Float.NEGATIVE_INFINITY, floats.negInfF32());
        assertBits(0x80000000, floats.negZeroF32());
        assertBits(PAYLOAD_NAN_F32, floats.payloadNanF32());
        assertBits(PAYLOAD_NAN_F32, (Float) library.function("payload_nan_f32", "f32()").invoke());
        assertBits(0x80000000, (Float) library.function("neg_zero_f32", "f32()").invoke());
    }

    /** Canonical NaN, payload NaN, negative payload NaN, +Inf, -Inf, -0.0, +0.0, smallest subnormal, 1.5. */
    @ParameterizedTest
    @ValueSource(longs = {0x7ff8000000000000L, PAYLOAD_NAN_F64, 0xfff80000deadbeefL, 0x7ff0000000000000L,
        0xfff0000000000000L, 0x8000000000000000L, 0, 1, 0x3ff8000000000000L})
    void f64KeepsEveryBitThroughEveryPath(long bits) throws Throwable {
        double value = longBitsToDouble(bits);
        MethodHandle echo = library.function("echo_f64", "f64(f64)").handle();
        assertBits(bits, floats.echoF64(value));
        assertBits(bits, (double) echo.invokeExact(value));
        assertBits(bits, (Double) library.function("echo_f64", "f64(f64)").invoke(value));
        assertBits(bits, boxed.echoF64(value));
    }

    @ParameterizedTest
    @ValueSource(longs = {0x7ff8000000000000L, PAYLOAD_NAN_F64, 0xfff80000deadbeefL, 0x7ff0000000000000L,
        0xfff0000000000000L, 0x8000000000000000L, 0, 1})
    void f64ArrivesInCWithItsBits(long bits) throws Throwable {
        MethodHandle bitsOf = library.function("u64_bits_of_f64", "u64(f64)").handle();
        assertEquals(bits, floats.u64BitsOfF64(longBitsToDouble(bits)));
        assertEquals(bits, (long) bitsOf.invokeExact(longBitsToDouble(bits)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0x7ff8000000000000L, PAYLOAD_NAN_F64, 0xfff80000deadbeefL, 0x7ff0000000000000L,
        0xfff0000000000000L, 0x8000000000000000L, 0, 1})
    void f64MadeByCArrivesInJavaWithItsBits(long bits) {
        assertBits(bits, floats.f64OfU64Bits(bits));
    }

    @Test
    void f64SpecialValuesFromCKeepTheirMeaning() {
        assertTrue(Double.isNaN(floats.nanF64()));
        assertEquals(Double.POSITIVE_INFINITY, floats.infF64());
        assertEquals(Double.NEGATIVE_INFINITY, floats.negInfF64());
        assertBits(0x8000000000000000L, floats.negZeroF64());
        assertBits(PAYLOAD_NAN_F64, floats.payloadNanF64());
        assertBits(PAYLOAD_NAN_F64, (Double) library.function("payload_nan_f64", "f64()").invoke());
        assertBits(0x8000000000000000L, (Double) library.function("neg_zero_f64", "f64()").invoke());
    }

    private static void assertBits(int expected, float actual) {
        assertEquals(Integer.toHexString(expected), Integer.toHexString(floatToRawIntBits(actual)));
    }

    private static void assertBits(long expected, double actual) {
        assertEquals(Long.toHexString(expected), Long.toHexString(doubleToRawLongBits(actual)));
    }
}

package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamicFunction#invoke} when every argument is exactly its carrier's box, which skips the
 * conversions, against the same calls with arguments that need converting: same results, same
 * errors, and the library's closed check first on both.
 */
class DynamicFunctionBoxedCallTest {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    @Test
    void exactBoxesAndConvertedArgumentsGiveTheSameResults() {
        DynamicFunction abs = system("abs", "i32(i32)");
        DynamicFunction labs = system("labs", "u64(u64)");

        assertAll(
                () -> assertEquals(42, abs.invoke(-42)),
                () -> assertEquals(42, abs.invoke((short) -42)),
                () -> assertEquals(42, abs.invoke((byte) -42)),
                () -> assertEquals(BigInteger.valueOf(7), labs.invoke(-7L)),
                () -> assertEquals(BigInteger.valueOf(7), labs.invoke(TWO_TO_64.subtract(BigInteger.valueOf(7)))));
    }

    @Test
    void u64ResultAboveTwoToThe63IsItsUnsignedValue() {
        // labs of the most negative long wraps to itself: the bit pattern of 2^63
        DynamicFunction labs = system("labs", "u64(u64)");

        Object boxed = labs.invoke(Long.MIN_VALUE);
        Object converted = labs.invoke(BigInteger.ONE.shiftLeft(63));

        assertEquals(BigInteger.ONE.shiftLeft(63), boxed);
        assertEquals(BigInteger.class, boxed.getClass());
        assertEquals(boxed, converted);
    }

    @Test
    void narrowUnsignedResultsAreWidenedOnTheBoxedCall() {
        assertAll(
                () -> assertEquals(Integer.valueOf(0xFF), system("abs", "u8(i32)").invoke(-0xFF)),
                () -> assertEquals(Integer.valueOf(0x8000), system("abs", "u16(i32)").invoke(0x8000)),
                () -> assertEquals(Long.valueOf(0x8000_0000L), system("abs", "u32(i32)").invoke(Integer.MIN_VALUE)));
    }

    @Test
    void eachCarrierBoxPassesItsRawBits() {
        // i8 and u8 are carried as byte, u16 as char, u32 as int: an exact box passes its bits as they are
        assertAll(
                () -> assertEquals(Integer.valueOf(0xFF00), system("htons", "u16(u16)").invoke((char) 0xFF)),
                () -> assertEquals(Long.valueOf(0xFF00_0000L), system("htonl", "u32(u32)").invoke(0xFF)),
                () -> assertEquals(Long.valueOf(0x0000_00FFL), system("htonl", "u32(u32)").invoke(0xFF00_0000)),
                () -> assertEquals(Boolean.TRUE, system("abs", "bool(i32)").invoke(-1)));
    }

    @Test
    void floatsCrossTheBoxedCallBitForBit() {
        // copysign is a bit operation: a NaN's payload and a zero's sign come back as they went
        DynamicFunction copysign = Library.open("m").function("copysign", "f64(f64, f64)");
        DynamicFunction copysignf = Library.open("m").function("copysignf", "f32(f32, f32)");
        double nan = Double.longBitsToDouble(0x7FF8_0000_0000_1234L);
        float nanf = Float.intBitsToFloat(0x7FC0_1234);

        Object doubleNan = copysign.invoke(nan, 1.0);
        Object floatNan = copysignf.invoke(nanf, 1.0f);

        assertAll(
                () -> assertEquals(Double.class, doubleNan.getClass()),
                () -> assertEquals(0x7FF8_0000_0000_1234L, Double.doubleToRawLongBits((Double) doubleNan)),
                () -> assertEquals(Float.class, floatNan.getClass()),
                () -> assertEquals(0x7FC0_1234, Float.floatToRawIntBits((Float) floatNan)),
                () -> assertEquals(Double.doubleToRawLongBits(-0.0),
                        Double.doubleToRawLongBits((Double) copysign.invoke(0.0, -1.0))),
                () -> assertEquals(Float.floatToRawIntBits(-0.0f),
                        Float.floatToRawIntBits((Float) copysignf.invoke(0.0f, -1.0f))),
                () -> assertEquals(-2.5, copysign.invoke(2.5, -0.0)),
                () -> assertEquals(-2.5f, copysignf.invoke(2.5f, -0.0f)));
    }

    @Test
    void signedNarrowResultsAndBoolArgumentsKeepTheirTypesOnTheBoxedCall() {
        assertAll(
                () -> assertEquals(Byte.valueOf((byte) -56), system("abs", "i8(i32)").invoke(-200)),
                () -> assertEquals(Short.valueOf((short) -25536), system("abs", "i16(i32)").invoke(-40000)),
                () -> assertEquals(Long.valueOf(5), system("labs", "i64(i64)").invoke(-5L)),
                () -> assertEquals(Integer.valueOf(1), system("abs", "i32(bool)").invoke(true)),
                () -> assertEquals(Integer.valueOf(0), system("abs", "i32(bool)").invoke(false)),
                () -> assertEquals(Boolean.FALSE, system("abs", "bool(i32)").invoke(0)));
    }

    @Test
    void voidResultIsNullOnTheBoxedCall() {
        assertNull(system("srand", "void(u32)").invoke(1));
    }

    @Test
    void aWrongBoxStillGetsTheConversionsMessage() {
        DynamicFunction abs = system("abs", "i32(i32)");

        FfiException e = assertThrows(FfiException.class, () -> abs.invoke(1L << 40));

        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code());
        assertEquals("INVALID_ARGUMENT: system abs, argument 0 (i32): 1099511627776 is outside"
                + " -2147483648..2147483647", e.getMessage());
    }

    @Test
    void nullAndAMissingArgumentStillGetTheConversionsMessage() {
        DynamicFunction abs = system("abs", "i32(i32)");

        FfiException none = assertThrows(FfiException.class, () -> abs.invoke());
        FfiException nul = assertThrows(FfiException.class, () -> abs.invoke((Object) null));

        assertEquals(FfiException.Code.INVALID_ARGUMENT, none.code());
        assertEquals("INVALID_ARGUMENT: system abs: expected 1 argument for i32(i32) but got 0",
                none.getMessage());
        assertEquals(FfiException.Code.INVALID_ARGUMENT, nul.code());
        assertEquals("INVALID_ARGUMENT: system abs, argument 0 (i32): null cannot be passed as i32", nul.getMessage());
    }

    @Test
    void closedLibraryIsReportedBeforeAnyCallWithExactBoxesOrNot() {
        Library m = Library.open("m");
        DynamicFunction cos = m.function("cos", "f64(f64)");
        DynamicFunction ldexp = m.function("ldexp", "f64(f64, i32)");
        m.close();
        String closed = "LIBRARY_CLOSED: " + m.name() + " %s: the library was closed; no native code ran";

        FfiException boxed = assertThrows(FfiException.class, () -> cos.invoke(0.0));
        FfiException converted = assertThrows(FfiException.class, () -> cos.invoke(0.0f));
        FfiException boxedTwo = assertThrows(FfiException.class, () -> ldexp.invoke(1.0, 3));
        FfiException badArgument = assertThrows(FfiException.class, () -> ldexp.invoke(1.0, 1L << 40));

        assertAll(
                () -> assertEquals(FfiException.Code.LIBRARY_CLOSED, boxed.code()),
                () -> assertEquals(closed.formatted("cos"), boxed.getMessage()),
                () -> assertEquals(closed.formatted("cos"), converted.getMessage()),
                () -> assertEquals(FfiException.Code.LIBRARY_CLOSED, boxedTwo.code()),
                () -> assertEquals(closed.formatted("ldexp"), boxedTwo.getMessage()),
                () -> assertEquals(closed.formatted("ldexp"), badArgument.getMessage()));
    }

    private static DynamicFunction system(String symbol, String signature) {
        return Library.system().function(symbol, signature);
    }
}

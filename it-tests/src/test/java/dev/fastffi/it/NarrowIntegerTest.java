package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.Library;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Narrow integers are sign- or zero-extended as their C type says, checked
 * at the boundaries in both directions, through generated bindings, {@code handle()} and
 * {@code invoke}. The {@code *_as_*} fixture functions return the argument widened by C, so they
 * show the value C received.
 */
class NarrowIntegerTest {
    private static Library library;
    private static NarrowIntegers narrow;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        narrow = library.bind(NarrowIntegers.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void boolRoundTripsAndArrivesAsZeroOrOne() {
        assertTrue(narrow.echoBool(true));
        assertFalse(narrow.echoBool(false));
        assertTrue(narrow.trueBool());
        assertFalse(narrow.falseBool());
        assertEquals(1, narrow.boolAsI32(true));
        assertEquals(0, narrow.boolAsI32(false));
    }

    @Test
    void i8IsSignExtendedAsByteAndAsInt() {
        assertEquals((byte) -128, narrow.minI8());
        assertEquals(-128, narrow.minI8AsInt());
        assertEquals(127, narrow.maxI8AsInt());
        assertEquals((byte) -128, narrow.echoI8((byte) -128));
        assertEquals(-128, narrow.echoI8AsInt(-128));
        assertEquals(127, narrow.echoI8AsInt(127));
        assertEquals(-1, narrow.echoI8AsInt(-1));
    }

    @Test
    void cSeesI8Signed() {
        assertEquals(-128, narrow.i8AsI32((byte) -128));
        assertEquals(-1, narrow.i8AsI32((byte) -1));
        assertEquals(127, narrow.i8AsI32((byte) 127));
        assertEquals(-128, narrow.i8AsI32FromInt(-128));
        assertEquals(127, narrow.i8AsI32FromInt(127));
    }

    @Test
    void u8ResultIsZeroExtendedAsIntAndRawAsByte() {
        assertEquals(255, narrow.maxU8AsInt());
        assertEquals((byte) -1, narrow.maxU8());
        assertEquals(255, narrow.echoU8AsInt(255));
        assertEquals(0, narrow.echoU8AsInt(0));
        assertEquals(128, narrow.echoU8AsInt(128));
        assertEquals((byte) -1, narrow.echoU8((byte) -1));
        assertEquals((byte) 0, narrow.echoU8((byte) 0));
    }

    @Test
    void cSeesU8Unsigned() {
        assertEquals(255, narrow.u8AsU32((byte) -1));
        assertEquals(128, narrow.u8AsU32((byte) -128));
        assertEquals(0, narrow.u8AsU32((byte) 0));
        assertEquals(255, narrow.u8AsU32FromInt(255));
        assertEquals(0, narrow.u8AsU32FromInt(0));
    }

    @Test
    void i16IsSignExtendedAsShortAndAsInt() {
        assertEquals(Short.MIN_VALUE, narrow.minI16());
        assertEquals(-32768, narrow.minI16AsInt());
        assertEquals(32767, narrow.maxI16AsInt());
        assertEquals(Short.MIN_VALUE, narrow.echoI16(Short.MIN_VALUE));
        assertEquals(-32768, narrow.echoI16AsInt(-32768));
        assertEquals(-1, narrow.echoI16AsInt(-1));
        assertEquals(-32768, narrow.i16AsI32(Short.MIN_VALUE));
        assertEquals(-1, narrow.i16AsI32((short) -1));
        assertEquals(-32768, narrow.i16AsI32FromInt(-32768));
        assertEquals(32767, narrow.i16AsI32FromInt(32767));
    }

    @Test
    void u16IsZeroExtendedAsCharAndAsInt() {
        assertEquals('\uFFFF', narrow.maxU16());
        assertEquals(65535, narrow.maxU16AsInt());
        assertEquals('\uFFFF', narrow.echoU16('\uFFFF'));
        assertEquals(65535, narrow.echoU16AsInt(65535));
        assertEquals(32768, narrow.echoU16AsInt(32768));
        assertEquals(0, narrow.echoU16AsInt(0));
    }

    @Test
    void cSeesU16Unsigned() {
        assertEquals(65535, narrow.u16AsU32('\uFFFF'));
        assertEquals(32768, narrow.u16AsU32('\u8000'));
        assertEquals(65535, narrow.u16AsU32FromInt(65535));
        assertEquals(0, narrow.u16AsU32FromInt(0));
    }

    @Test
    void i32BoundariesRoundTripAndWidenSigned() {
        assertEquals(Integer.MIN_VALUE, narrow.minI32());
        assertEquals(Integer.MAX_VALUE, narrow.maxI32());
        assertEquals(Integer.MIN_VALUE, narrow.echoI32(Integer.MIN_VALUE));
        assertEquals(-1L, narrow.i32AsI64(-1));
        assertEquals((long) Integer.MIN_VALUE, narrow.i32AsI64(Integer.MIN_VALUE));
    }

    @Test
    void u32ResultIsZeroExtendedAsLongAndRawAsInt() {
        assertEquals(4294967295L, narrow.maxU32AsLong());
        assertEquals(-1, narrow.maxU32());
        assertEquals(4294967295L, narrow.echoU32AsLong(4294967295L));
        assertEquals(2147483648L, narrow.echoU32AsLong(2147483648L));
        assertEquals(0L, narrow.echoU32AsLong(0L));
        assertEquals(-1, narrow.echoU32(-1));
        assertEquals(Integer.MIN_VALUE, narrow.echoU32(Integer.MIN_VALUE));
    }

    @Test
    void cSeesU32Unsigned() {
        assertEquals(4294967295L, narrow.u32AsU64(-1));
        assertEquals(2147483648L, narrow.u32AsU64(Integer.MIN_VALUE));
        assertEquals(4294967295L, narrow.u32AsU64FromLong(4294967295L));
        assertEquals(0L, narrow.u32AsU64FromLong(0L));
    }

    @Test
    void everyNarrowArgumentOfOneCallIsExtendedByItsOwnType() {
        assertEquals(-128 + 255 - 32768 + 65535, narrow.sumNarrow(-128, 255, -32768, 65535));
        assertEquals(127 + 0 + 32767 + 0, narrow.sumNarrow(127, 0, 32767, 0));
    }

    @Test
    void exactHandlesCarryRawBitsThatCExtendsByItsType() throws Throwable {
        MethodHandle i8AsI32 = library.function("i8_as_i32", "i32(i8)").handle();
        MethodHandle u8AsU32 = library.function("u8_as_u32", "u32(u8)").handle();
        MethodHandle i16AsI32 = library.function("i16_as_i32", "i32(i16)").handle();
        MethodHandle u16AsU32 = library.function("u16_as_u32", "u32(u16)").handle();
        MethodHandle u32AsU64 = library.function("u32_as_u64", "u64(u32)").handle();
        assertEquals(-128, (int) i8AsI32.invokeExact((byte) -128));
        assertEquals(255, (int) u8AsU32.invokeExact((byte) -1));
        assertEquals(-32768, (int) i16AsI32.invokeExact(Short.MIN_VALUE));
        assertEquals(65535, (int) u16AsU32.invokeExact('\uFFFF'));
        assertEquals(4294967295L, (long) u32AsU64.invokeExact(-1));
    }

    @Test
    void exactHandlesReturnNarrowResultsAsTheirCarriers() throws Throwable {
        assertEquals((byte) -128, (byte) library.function("min_i8", "i8()").handle().invokeExact());
        assertEquals((byte) -1, (byte) library.function("max_u8", "u8()").handle().invokeExact());
        assertEquals(Short.MIN_VALUE, (short) library.function("min_i16", "i16()").handle().invokeExact());
        assertEquals('\uFFFF', (char) library.function("max_u16", "u16()").handle().invokeExact());
        assertEquals(-1, (int) library.function("max_u32", "u32()").handle().invokeExact());
        assertTrue((boolean) library.function("echo_bool", "bool(bool)").handle().invokeExact(true));
    }

    @Test
    void invokeBoxesNarrowResultsAsDesignSays() {
        assertEquals(Byte.valueOf((byte) -128), library.function("min_i8", "i8()").invoke());
        assertEquals(Integer.valueOf(255), library.function("max_u8", "u8()").invoke());
        assertEquals(Short.valueOf(Short.MIN_VALUE), library.function("min_i16", "i16()").invoke());
        assertEquals(Integer.valueOf(65535), library.function("max_u16", "u16()").invoke());
        assertEquals(Integer.valueOf(Integer.MIN_VALUE), library.function("min_i32", "i32()").invoke());
        assertEquals(Long.valueOf(4294967295L), library.function("max_u32", "u32()").invoke());
        assertEquals(Boolean.TRUE, library.function("true_bool", "bool()").invoke());
    }

    @Test
    void invokeExtendsNarrowArgumentsAtTheBoundaries() {
        assertEquals(-128, library.function("i8_as_i32", "i32(i8)").invoke(-128));
        assertEquals(127, library.function("i8_as_i32", "i32(i8)").invoke(127));
        assertEquals(255L, library.function("u8_as_u32", "u32(u8)").invoke(255));
        assertEquals(0L, library.function("u8_as_u32", "u32(u8)").invoke(0));
        assertEquals(-32768, library.function("i16_as_i32", "i32(i16)").invoke(-32768));
        assertEquals(65535L, library.function("u16_as_u32", "u32(u16)").invoke(65535));
        assertEquals(4294967295L, library.function("echo_u32", "u32(u32)").invoke(4294967295L));
        assertEquals(Boolean.FALSE, library.function("echo_bool", "bool(bool)").invoke(false));
        assertEquals(32894, library.function("sum_narrow", "i32(i8, u8, i16, u16)").invoke(-128, 255, -32768, 65535));
    }
}

package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.DynamicFunction;
import dev.fastffi.Library;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Java {@code int} or {@code long} standing for a narrower C type is range-checked: out of range
 * it is {@code INVALID_ARGUMENT} naming argument index (from 0), C type and value, with the same
 * message on the fast path, the compatibility path and {@code invoke}.
 */
class NarrowIntegerRangeTest {
    private static Library library;
    private static NarrowIntegers fast;
    private static BoxedScalars compat;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        fast = library.bind(NarrowIntegers.class);
        compat = library.bind(BoxedScalars.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void u8Above255IsAnInvalidArgumentOnEveryPath() {
        String detail = "echo_u8, argument 0 (u8): 256 is outside 0..255";
        Fixture.assertInvalidArgument(detail, () -> fast.echoU8AsInt(256));
        Fixture.assertInvalidArgument(detail, () -> compat.echoU8(256));
        Fixture.assertInvalidArgument(detail, () -> library.function("echo_u8", "u8(u8)").invoke(256));
    }

    @Test
    void negativeU8IsAnInvalidArgumentOnEveryPath() {
        String detail = "u8_as_u32, argument 0 (u8): -1 is outside 0..255";
        Fixture.assertInvalidArgument(detail, () -> fast.u8AsU32FromInt(-1));
        Fixture.assertInvalidArgument(detail, () -> compat.u8AsU32(-1));
        Fixture.assertInvalidArgument(detail, () -> library.function("u8_as_u32", "u32(u8)").invoke(-1));
    }

    @Test
    void i8OutsideItsRangeIsAnInvalidArgument() {
        Fixture.assertInvalidArgument("echo_i8, argument 0 (i8): 128 is outside -128..127",
                () -> fast.echoI8AsInt(128));
        Fixture.assertInvalidArgument("i8_as_i32, argument 0 (i8): -129 is outside -128..127",
                () -> fast.i8AsI32FromInt(-129));
        Fixture.assertInvalidArgument("i8_as_i32, argument 0 (i8): -129 is outside -128..127",
                () -> compat.i8AsI32(-129));
        Fixture.assertInvalidArgument("echo_i8, argument 0 (i8): 128 is outside -128..127",
                () -> library.function("echo_i8", "i8(i8)").invoke(128));
    }

    @Test
    void i16OutsideItsRangeIsAnInvalidArgument() {
        Fixture.assertInvalidArgument("echo_i16, argument 0 (i16): 32768 is outside -32768..32767",
                () -> fast.echoI16AsInt(32768));
        Fixture.assertInvalidArgument("i16_as_i32, argument 0 (i16): -32769 is outside -32768..32767",
                () -> fast.i16AsI32FromInt(-32769));
        Fixture.assertInvalidArgument("echo_i16, argument 0 (i16): -32769 is outside -32768..32767",
                () -> library.function("echo_i16", "i16(i16)").invoke(-32769));
    }

    @Test
    void u16OutsideItsRangeIsAnInvalidArgument() {
        Fixture.assertInvalidArgument("echo_u16, argument 0 (u16): 65536 is outside 0..65535",
                () -> fast.echoU16AsInt(65536));
        Fixture.assertInvalidArgument("u16_as_u32, argument 0 (u16): -1 is outside 0..65535",
                () -> fast.u16AsU32FromInt(-1));
        Fixture.assertInvalidArgument("u16_as_u32, argument 0 (u16): 65536 is outside 0..65535",
                () -> compat.u16AsU32(65536));
        Fixture.assertInvalidArgument("u16_as_u32, argument 0 (u16): 65536 is outside 0..65535",
                () -> library.function("u16_as_u32", "u32(u16)").invoke(65536));
    }

    @Test
    void negativeShortForU16IsAnInvalidArgumentOnEveryPath() {
        String detail = "u16_as_u32, argument 0 (u16): -1 is outside 0..65535";
        Fixture.assertInvalidArgument(detail, () -> compat.u16AsU32FromShort((short) -1));
        Fixture.assertInvalidArgument(detail, () -> library.function("u16_as_u32", "u32(u16)").invoke((short) -1));
        assertEquals(32767L, compat.u16AsU32FromShort(Short.MAX_VALUE));
    }

    @Test
    void characterAbove32767ForI16IsAnInvalidArgumentOnEveryPath() {
        String detail = "i16_as_i32, argument 0 (i16): 65535 is outside -32768..32767";
        Fixture.assertInvalidArgument(detail, () -> compat.i16AsI32FromCharacter((char) 0xFFFF));
        Fixture.assertInvalidArgument(detail,
                () -> library.function("i16_as_i32", "i32(i16)").invoke((char) 0xFFFF));
        assertEquals(32767, compat.i16AsI32FromCharacter((char) 0x7FFF));
    }

    @Test
    void u32OutsideItsRangeIsAnInvalidArgument() {
        String tooBig = "echo_u32, argument 0 (u32): 4294967296 is outside 0..4294967295";
        String negative = "echo_u32, argument 0 (u32): -1 is outside 0..4294967295";
        Fixture.assertInvalidArgument(tooBig, () -> fast.echoU32AsLong(4294967296L));
        Fixture.assertInvalidArgument(negative, () -> fast.echoU32AsLong(-1L));
        Fixture.assertInvalidArgument(tooBig, () -> compat.echoU32(4294967296L));
        Fixture.assertInvalidArgument(negative, () -> compat.echoU32(-1L));
        Fixture.assertInvalidArgument(tooBig, () -> library.function("echo_u32", "u32(u32)").invoke(4294967296L));
    }

    @Test
    void messageCountsArgumentsFromZero() {
        DynamicFunction sum = library.function("sum_narrow", "i32(i8, u8, i16, u16)");
        Fixture.assertInvalidArgument("sum_narrow, argument 0 (i8): -129 is outside -128..127",
                () -> fast.sumNarrow(-129, 0, 0, 0));
        Fixture.assertInvalidArgument("sum_narrow, argument 1 (u8): 256 is outside 0..255",
                () -> fast.sumNarrow(0, 256, 0, 0));
        Fixture.assertInvalidArgument("sum_narrow, argument 2 (i16): 32768 is outside -32768..32767",
                () -> compat.sumNarrow(0, 0, 32768, 0));
        Fixture.assertInvalidArgument("sum_narrow, argument 3 (u16): -1 is outside 0..65535",
                () -> sum.invoke(0, 0, 0, -1));
    }
}

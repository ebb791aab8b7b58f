package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.FfiException;
import dev.fastffi.model.NativeType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boxed integers on the compatibility path: the box of the carrier FFM passes a C type as keeps
 * its raw bits, as that primitive does on the fast path; any other box is range-checked.
 */
class ConversionsIntegerTest {

    private static Object convert(Object value, NativeType type) {
        NativeSymbol site = new NativeSymbol(new LibraryState("lib", null, true), "f",
                "void(" + type.cName() + ")", null);
        return Conversions.argument(value, type, site, 0, null);
    }

    static Stream<Arguments> rawBits() {
        return Stream.of(
                Arguments.of((byte) -1, NativeType.U8, (byte) -1),
                Arguments.of((short) -1, NativeType.I16, (short) -1),
                Arguments.of((char) 0xFFFF, NativeType.U16, (char) 0xFFFF),
                Arguments.of(-1, NativeType.U32, -1),
                Arguments.of(-1L, NativeType.U64, -1L),
                Arguments.of(-1L, NativeType.USIZE, -1L));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("rawBits")
    void theBoxOfTheCarrierPassesItsRawBits(Object value, NativeType type, Object carrier) {
        assertEquals(carrier, convert(value, type));
    }

    static Stream<Arguments> inRange() {
        return Stream.of(
                Arguments.of((short) 0, NativeType.U16, (char) 0),
                Arguments.of((short) 0x7FFF, NativeType.U16, (char) 0x7FFF),
                Arguments.of((char) 0, NativeType.I16, (short) 0),
                Arguments.of((char) 0x7FFF, NativeType.I16, (short) 0x7FFF));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("inRange")
    void anotherBoxOfTheSameWidthPassesItsValueWhenTheCTypeHoldsIt(Object value, NativeType type, Object carrier) {
        assertEquals(carrier, convert(value, type));
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of((short) -1, NativeType.U16, "argument 0 (u16): -1 is outside 0..65535"),
                Arguments.of(Short.MIN_VALUE, NativeType.U16, "argument 0 (u16): -32768 is outside 0..65535"),
                Arguments.of((char) 0xFFFF, NativeType.I16, "argument 0 (i16): 65535 is outside -32768..32767"),
                Arguments.of((char) 0x8000, NativeType.I16, "argument 0 (i16): 32768 is outside -32768..32767"));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("outOfRange")
    void anotherBoxOfTheSameWidthOutsideTheCRangeIsAnInvalidArgument(Object value, NativeType type, String problem) {
        FfiException thrown = assertThrows(FfiException.class, () -> convert(value, type));

        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
        assertEquals("INVALID_ARGUMENT: lib f, " + problem, thrown.getMessage());
    }
}

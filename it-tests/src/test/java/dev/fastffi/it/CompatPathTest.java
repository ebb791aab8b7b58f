package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Library;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A method with boxed types runs on the compatibility path and must give what the fast method
 * of the same C function gives, boundary values included: narrow integers extend as their C type says on both paths.
 */
class CompatPathTest {
    private static Library library;
    private static NarrowIntegers fast;
    private static WideIntegers wide;
    private static BoxedScalars compat;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        fast = library.bind(NarrowIntegers.class);
        wide = library.bind(WideIntegers.class);
        compat = library.bind(BoxedScalars.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE})
    void boxedI32MatchesTheFastMethodIncludingOverflow(int v) {
        assertEquals(library.bind(Basics.class).add_i32(v, 1), compat.addI32(v, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 127, 128, 255})
    void boxedU8MatchesTheFastMethod(int v) {
        assertEquals(fast.echoU8AsInt(v), compat.echoU8(v));
        assertEquals(Integer.toUnsignedLong(fast.u8AsU32FromInt(v)), compat.u8AsU32(v));
    }

    @ParameterizedTest
    @ValueSource(bytes = {-128, -1, 0, 1, 127})
    void boxedI8MatchesTheFastMethod(byte v) {
        assertEquals(fast.echoI8(v), compat.echoI8(v));
        assertEquals(fast.i8AsI32(v), compat.i8AsI32((int) v));
    }

    @ParameterizedTest
    @ValueSource(shorts = {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE})
    void boxedI16MatchesTheFastMethod(short v) {
        assertEquals(fast.echoI16(v), compat.echoI16(v));
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\u0001', '\u7FFF', '\u8000', '\uFFFF'})
    void boxedU16MatchesTheFastMethod(char v) {
        assertEquals(fast.echoU16(v), compat.echoU16(v));
        assertEquals(Integer.toUnsignedLong(fast.u16AsU32(v)), compat.u16AsU32((int) v));
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 2147483647L, 2147483648L, 4294967295L})
    void boxedU32MatchesTheFastMethod(long v) {
        assertEquals(fast.echoU32AsLong(v), compat.echoU32(v));
        assertEquals(BigInteger.valueOf(fast.u32AsU64FromLong(v)), compat.u32AsU64(v));
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L})
    void boxedU64MatchesTheFastMethodReadUnsigned(long bits) {
        BigInteger unsigned = new BigInteger(Long.toUnsignedString(bits));
        assertEquals(Long.toUnsignedString(wide.echoU64(bits)), compat.echoU64(unsigned).toString());
    }

    @Test
    void boxedBoolMatchesTheFastMethod() {
        assertEquals(fast.echoBool(true), compat.echoBool(true));
        assertEquals(fast.echoBool(false), compat.echoBool(false));
    }

    @Test
    void boxedNarrowArgumentsOfOneCallMatchTheFastMethod() {
        assertEquals(fast.sumNarrow(-128, 255, -32768, 65535), compat.sumNarrow(-128, 255, -32768, 65535));
        assertEquals(fast.sumNarrow(127, 0, 32767, 0), compat.sumNarrow(127, 0, 32767, 0));
    }
}

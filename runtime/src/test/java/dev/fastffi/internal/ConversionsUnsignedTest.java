package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The unsigned reading of 64 bits that u64 and usize results are boxed with. */
class ConversionsUnsignedTest {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 1, 16, 17, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 0x8123_4567_89AB_CDEFL,
            0xF1D3_B597_7B5B_3D1FL, 0xFF00_0000_0000_0001L, 0x8000_0000_0000_0100L})
    void isTheValuePlusTwoToThe64WhenTheTopBitIsSet(long bits) {
        BigInteger expected = bits >= 0 ? BigInteger.valueOf(bits) : BigInteger.valueOf(bits).add(TWO_TO_64);

        BigInteger actual = Conversions.unsigned64(bits);

        assertEquals(expected, actual);
        assertEquals(expected.bitLength(), actual.bitLength());
        assertEquals(Long.toUnsignedString(bits), actual.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 1, 16})
    void smallValuesAreTheSharedInstances(long bits) {
        assertSame(BigInteger.valueOf(bits), Conversions.unsigned64(bits));
    }
}

package dev.fastffi.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantExpressionTest {
    private static ConstantExpression.Value eval(String text) throws ConstantExpression.NotConstant {
        List<CToken> tokens = CTokenizer.tokenize(text);
        Map<String, ConstantExpression.Value> names = Map.of("TEN", ConstantExpression.Value.ofInt(10));
        return ConstantExpression.evaluate(tokens.subList(0, tokens.size() - 1), names::get,
                name -> name.equals("u8") ? CType.Primitive.UCHAR : null);
    }

    private static long value(String text) throws ConstantExpression.NotConstant {
        return eval(text).value();
    }

    @Test
    void operatorsFollowCPrecedence() throws Exception {
        assertEquals(7, value("1 + 2 * 3"));
        assertEquals(17, value("(1 << 0) | (1 << 4)"));
        assertEquals(1, value("2 > 1 && !0"));
        assertEquals(4, value("TEN > 5 ? 4 : 5"));
        assertEquals(-3, value("-7 / 2"));
        assertEquals(-1, value("-7 % 2"));
    }

    @Test
    void literalsTakeTheTypeTheirSuffixAndValueGive() throws Exception {
        assertEquals(new ConstantExpression.Value(0xFFFF_FFFFL, false, true), eval("0xFFFFFFFF"));
        assertEquals(new ConstantExpression.Value(4294967295L, true, false), eval("4294967295"));
        assertEquals(new ConstantExpression.Value(1, true, true), eval("1UL"));
        assertEquals(8, value("010"));
        assertEquals(65, value("'A'"));
        assertEquals(10, value("'\\n'"));
    }

    @Test
    void characterConstantsDecodeHexAndOctalEscapesAsASignedChar() throws Exception {
        assertEquals(-1, value("'\\xff'"));
        assertEquals(0, value("'\\377' / 2"));
        assertEquals(65, value("'\\101'"));
        assertEquals(4, value("'\\x04'"));
        assertEquals(0, value("'\\0'"));
        assertEquals(27, value("'\\e'"));
        ConstantExpression.NotConstant e = assertThrows(ConstantExpression.NotConstant.class, () -> eval("'ab'"));
        assertEquals("a character constant of 2 bytes, whose value gcc decides", e.getMessage());
    }

    @Test
    void unsignedIntArithmeticWrapsAt32Bits() throws Exception {
        assertEquals(0xFFFF_FFFFL, value("~0u"));
        assertEquals(0, value("0xFFFFFFFFu + 1"));
        assertEquals(-1, value("~0"));
        assertEquals(0x7FFF_FFFFL, value("0xFFFFFFFFu >> 1"));
    }

    @Test
    void operandsOfMixedSignednessConvertToTheirCommonTypeFirst() throws Exception {
        assertEquals(2147483647, value("-1 / 2u"));
        assertEquals(2147483647, value("-2 / 2u"));
        assertEquals(0, value("-7 % 3u"));
        assertEquals(1, value("-1 == 0xFFFFFFFFu"));
        assertEquals(0, value("-1 > 0xFFFFFFFFu"));
        assertEquals(0, value("-1 < 0u"));
        assertEquals(0, value("-1 < 1ul"));
        assertEquals(1, value("-1L < 1u"));
        assertEquals(0, value("(long) -1 / 2u"));
        assertEquals(Long.MAX_VALUE, value("-1 / 2ul"));
        assertEquals(new ConstantExpression.Value(4294967295L, false, true), eval("(-1) * 1u"));
    }

    @Test
    void theConditionalHasTheCommonTypeOfItsBranches() throws Exception {
        assertEquals(new ConstantExpression.Value(4294967295L, false, true), eval("1 ? -1 : 0u"));
        assertEquals(2147483647, value("(1 ? -1 : 0u) / 2"));
        assertEquals(new ConstantExpression.Value(-1, true, false), eval("0 ? 1 : -1L"));
        assertEquals(new ConstantExpression.Value(1, true, false), eval("1 ? 1 : -1L"));
    }

    @Test
    void aFloatingConstantRightAfterACastIsConverted() throws Exception {
        assertEquals(0, value("(_Bool) 0.0"));
        assertEquals(1, value("(_Bool) 0.5"));
        assertEquals(-2, value("(int) -2.75e0"));
        assertEquals(2, value("(long) 2.9f"));
        ConstantExpression.NotConstant e = assertThrows(ConstantExpression.NotConstant.class, () -> eval("3 / 2 * 2.0"));
        assertEquals("'2.0' is not an integer literal", e.getMessage());
    }

    @Test
    void castsAndSizeofOfArithmeticTypes() throws Exception {
        assertEquals(255, value("(unsigned char) -1"));
        assertEquals(255, value("(u8) -1"));
        assertEquals(-1, value("(long) -1"));
        assertEquals(8, value("sizeof(long)"));
        assertEquals(2, value("sizeof(unsigned short)"));
    }

    @Test
    void anUnknownNameIsNotConstant() {
        ConstantExpression.NotConstant e = assertThrows(ConstantExpression.NotConstant.class, () -> eval("OTHER + 1"));
        assertEquals("'OTHER' is not a constant", e.getMessage());
    }

    @Test
    void divisionByZeroIsNotConstant() {
        ConstantExpression.NotConstant e = assertThrows(ConstantExpression.NotConstant.class, () -> eval("1 / 0"));
        assertEquals("division by zero", e.getMessage());
    }

    @Test
    void aCastToAPointerIsNotConstant() {
        ConstantExpression.NotConstant e = assertThrows(ConstantExpression.NotConstant.class, () -> eval("(void *) 0"));
        assertEquals("a cast to a type other than an integer type", e.getMessage());
    }
}

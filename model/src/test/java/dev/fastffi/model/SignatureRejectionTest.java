package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a signature is rejected: {@link SignatureException}, the problem, the column, and a
 * message that shows the signature with a caret under that column.
 */
class SignatureRejectionTest {

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', value = {
        "i32(void)            | 5",
        "void(void)           | 6",
        "void(i32, void)      | 11",
        "i32(pointer,  void)  | 15",
    })
    void voidArgumentIsRejectedAtItsColumn(String text, int column) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "'void' is only allowed as a return type");
        assertContains(e.getMessage(), "write '()' for a function without arguments");
    }

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', value = {
        "buffer(i32)          | 1",
        "'  buffer()'         | 3",
        "arraybuffer(pointer) | 1",
    })
    void bufferReturnIsRejectedAtItsColumn(String text, int column) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "is only allowed as an argument");
        assertContains(e.getMessage(), "return 'pointer' instead");
    }

    @Test
    void arraybufferReturnIsReportedUnderTheNameTheUserWrote() {
        SignatureException e = assertRejected("arraybuffer(pointer)", 1);

        assertContains(e.getMessage(), "'arraybuffer' is only allowed as an argument");
    }

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', value = {
        "i32(..., i32)           | 5",
        "i32(pointer, ..., i32)  | 14",
        "i32(pointer,...,...)    | 13",
        "i32(pointer, ...,)      | 14",
    })
    void ellipsisBeforeAnotherArgumentIsRejectedAtTheEllipsis(String text, int column) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "'...' must be the last argument");
    }

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', value = {
        "i32(pointer, ...  | 17",
        "i32(...           | 8",
    })
    void missingCloseParenAfterEllipsisIsReportedAsMissingParen(String text, int column) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "missing ')'");
    }

    @ParameterizedTest(name = "{0}: did you mean {2}")
    @CsvSource(delimiter = '|', value = {
        "i32(bufer)        | 5  | buffer",
        "u64(pointer,bufer)| 13 | buffer",
        "I32(i32)          | 1  | i32",
        "i32(I32)          | 5  | i32",
        "Pointer()         | 1  | pointer",
        "void(pointr)      | 6  | pointer",
        "strng()           | 1  | string",
        "void(arraybufer)  | 6  | arraybuffer",
        "usise(i32)        | 1  | usize",
        "voidd()           | 1  | void",
        "F64(f64)          | 1  | f64",
    })
    void unknownTypeIsRejectedWithTheClosestName(String text, int column, String suggestion) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "unknown type '");
        assertContains(e.getMessage(), "did you mean '" + suggestion + "'?");
    }

    @Test
    void unknownTypeFarFromEveryNameListsTheKnownTypes() {
        SignatureException e = assertRejected("i32(char)", 5);

        assertContains(e.getMessage(), "unknown type 'char'");
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        for (NativeType type : NativeType.values()) {
            if (!type.hasStruct()) {
                assertContains(e.getMessage(), type.cName());
            }
        }
    }

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', value = {
        "i32            | 4",
        "i32   pointer  | 7",
        "i32)           | 4",
        "i32[i32]       | 4",
        "i32 , i32      | 5",
    })
    void missingOpenParenIsRejectedWhereItWasExpected(String text, int column) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "expected '(' after the return type");
    }

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', value = {
        "'i32('           | 5",
        "'i32(   '        | 8",
        "'i32(i32'        | 8",
        "'i32(i32, u8'    | 12",
        "'i32(i32, u8  '  | 14",
    })
    void missingCloseParenIsRejectedAtTheEnd(String text, int column) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "missing ')'");
    }

    @ParameterizedTest(name = "{0} at column {1}, remove {2}")
    @CsvSource(delimiter = '|', value = {
        "i32(i32) extra   | 10 | extra",
        "i32(i32))        | 9  | )",
        "i32()()          | 6  | ()",
        "i32(...) ;       | 10 | ;",
    })
    void textAfterTheCloseParenIsRejected(String text, int column, String extra) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "unexpected text after ')'");
        assertContains(e.getMessage(), "remove '" + extra + "'");
    }

    @Test
    void emptyInputIsRejectedAtColumnOne() {
        SignatureException e = assertRejected("", 1);

        assertContains(e.getMessage(), "signature is empty");
    }

    @ParameterizedTest(name = "[{index}] blank of length {1}")
    @CsvSource(delimiter = '|', value = {"' '| 1", "'   '| 3"})
    void blankInputIsRejectedAsEmptyWhereTheReturnTypeWasExpected(String text, int length) {
        SignatureException e = assertRejected(text, length + 1);

        assertContains(e.getMessage(), "signature is empty");
    }

    @Test
    void tabsAndNewlinesAloneAreRejectedAsEmpty() {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse("\t\n "));

        assertNotNull(e.error());
        assertContains(e.getMessage(), "signature is empty");
    }

    @Test
    void nullIsRejectedAsInvalidSignature() {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse(null));
        SignatureError error = Signature.tryParse(null).error();

        assertAll(
                () -> assertNotNull(e.error()),
                () -> assertContains(e.getMessage(), "signature is null"),
                () -> assertEquals(1, error.column()),
                () -> assertEquals(error.message(), e.getMessage()));
    }

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "i32(i32,)        | 9  | ')'",
        "i32(i32, )       | 10 | ')'",
        "i32(,i32)        | 5  | ','",
        "i32( , i32)      | 6  | ','",
        "i32(i32,,i32)    | 9  | ','",
        "i32(,)           | 5  | ','",
    })
    void strayCommaIsRejectedWhereATypeWasExpected(String text, int column, String found) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "expected a type but found " + found);
    }

    @Test
    void trailingCommaAtTheEndIsRejectedAsAMissingType() {
        SignatureException e = assertRejected("i32(i32,", 9);

        assertContains(e.getMessage(), "expected a type but the signature ended");
    }

    @ParameterizedTest(name = "{0} at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "i32(i32&)        | 8  | ',' or ')' but found '&'",
        "i32(i32;i32)     | 8  | ',' or ')' but found ';'",
        "i32(i32 i32)     | 9  | ',' or ')' but found 'i'",
        "i32(i32.)        | 8  | ',' or ')' but found '.'",
        "i32(-1)          | 5  | a type but found '-'",
        "i32(@)           | 5  | a type but found '@'",
        "i32(..)          | 5  | a type but found '.'",
        "(i32)            | 1  | a type but found '('",
        "*i32()           | 1  | a type but found '*'",
        "i32$()           | 4  | '(' after the return type but found '$'",
    })
    void unexpectedCharacterIsRejectedAtItsColumn(String text, int column, String expected) {
        SignatureException e = assertRejected(text, column);

        assertContains(e.getMessage(), "expected " + expected);
    }

    @Test
    void unknownNonAsciiNameIsRejectedAsAnUnknownType() {
        SignatureException e = assertRejected("void(\u00fc8)", 6);

        assertContains(e.getMessage(), "unknown type '\u00fc8'");
    }

    @Test
    void unexpectedCharacterOutsideTheBasicPlaneIsQuotedWhole() {
        SignatureException e = assertRejected("i32(\uD83D\uDE00)", 5);

        assertContains(e.getMessage(), "found '\uD83D\uDE00'");
    }

    @Test
    void unknownTypeMessageIsExact() {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse("u64(pointer,bufer)"));

        assertEquals("""
                unknown type 'bufer' at column 13; did you mean 'buffer'? in "u64(pointer,bufer)"
                  u64(pointer,bufer)
                              ^""", e.getMessage());
    }

    @Test
    void voidArgumentMessageIsExact() {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse("i32(void)"));

        assertEquals("""
                'void' is only allowed as a return type at column 5; \
                write '()' for a function without arguments in "i32(void)"
                  i32(void)
                      ^""", e.getMessage());
    }

    @Test
    void bufferReturnMessageIsExact() {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse("buffer(pointer)"));

        assertEquals("""
                'buffer' is only allowed as an argument at column 1; \
                return 'pointer' instead in "buffer(pointer)"
                  buffer(pointer)
                  ^""", e.getMessage());
    }

    @Test
    void messageWithoutHintHasNoSemicolon() {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse("i32(i32,)"));

        assertEquals("""
                expected a type but found ')' at column 9 in "i32(i32,)"
                  i32(i32,)
                          ^""", e.getMessage());
    }

    @Test
    void trailingTextMessageIsExact() {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse("i32(i32) extra"));

        assertEquals("""
                unexpected text after ')' at column 10; remove 'extra' in "i32(i32) extra"
                  i32(i32) extra
                           ^""", e.getMessage());
    }

    @Test
    void caretPointsAtTheOffendingTokenWhenTheSignatureContainsTabs() {
        SignatureException e = assertRejected("i32(\tbufer)", 6);

        assertCaretUnder(e.getMessage(), "bufer");
    }

    @Test
    void caretPointsAtTheOffendingTokenWhenTheSignatureSpansLines() {
        SignatureException e = assertRejected("i32(\n  bufer)", 8);

        assertCaretUnder(e.getMessage(), "bufer");
    }

    @Test
    void describeJoinsProblemColumnAndHint() {
        assertEquals("unknown type 'x' at column 3; did you mean 'y'?",
                new SignatureError("f(x)", 3, "unknown type 'x'", "did you mean 'y'?").describe());
        assertEquals("missing ')' at column 5", new SignatureError("i32(", 5, "missing ')'", "").describe());
    }

    @Test
    void theExceptionCarriesTheErrorAndItsMessage() {
        SignatureError error = new SignatureError("i32(", 5, "missing ')'", "close the argument list");

        SignatureException e = new SignatureException(error);

        assertEquals(error, e.error());
        assertEquals(error.message(), e.getMessage());
    }

    /**
     * Asserts that {@code text} is rejected at {@code column} by both entry points, and that the
     * message has the one shape: code, description with the column, the quoted signature, the
     * signature again and a caret under the column.
     */
    private static SignatureException assertRejected(String text, int column) {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse(text));
        ParseResult result = Signature.tryParse(text);
        assertAll(text,
                () -> assertNotNull(e.error()),
                () -> assertFalse(result.isValid()),
                () -> assertEquals(text, result.error().signature()),
                () -> assertEquals(column, result.error().column(), e.getMessage()),
                () -> assertEquals(result.error().message(), e.getMessage()),
                () -> assertContains(e.getMessage(), " at column " + column),
                () -> assertContains(e.getMessage(), " in \"" + text + "\""));
        if (text.chars().noneMatch(c -> c == '\t' || c == '\n')) {
            String[] lines = e.getMessage().split("\n", -1);
            assertAll(text,
                    () -> assertEquals(3, lines.length, e.getMessage()),
                    () -> assertTrue(lines[0].contains(" at column " + column), lines[0]),
                    () -> assertEquals("  " + text, lines[1]),
                    () -> assertEquals("  " + " ".repeat(column - 1) + "^", lines[2]));
        }
        return e;
    }

    /** Asserts that, with tabs expanded as a terminal shows them, the caret sits under {@code token}. */
    private static void assertCaretUnder(String message, String token) {
        String[] lines = message.split("\n", -1);
        String caretLine = expandTabs(lines[lines.length - 1]);
        String shownLine = expandTabs(lines[lines.length - 2]);
        int caret = caretLine.indexOf('^');
        assertTrue(caret >= 0 && shownLine.startsWith(token, caret),
                "caret not under '" + token + "' in:\n" + message);
    }

    private static String expandTabs(String line) {
        StringBuilder expanded = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == '\t') {
                expanded.append(" ".repeat(8 - expanded.length() % 8));
            } else {
                expanded.append(c);
            }
        }
        return expanded.toString();
    }

    private static void assertContains(String actual, String expected) {
        assertTrue(actual.contains(expected), () -> "expected to contain <" + expected + "> but was:\n" + actual);
    }
}

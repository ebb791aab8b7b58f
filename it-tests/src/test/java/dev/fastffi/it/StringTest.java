package dev.fastffi.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strings: arguments arrive as NUL-terminated UTF-8, results are decoded as UTF-8 and left to C,
 * NULL is null both ways, and a String C could not read whole is refused.
 */
class StringTest {
    private static final String UTF8_TEXT = "h\u00e9llo w\u00f6rld \u2713";

    private static Library library;
    private static Utf8Strings strings;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        strings = library.bind(Utf8Strings.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "h\u00e9llo w\u00f6rld \u2713", "", "\uD83D\uDE00 outside the BMP"})
    void cReceivesTheUtf8BytesAndATerminatingNul(String text) {
        byte[] utf8 = text.getBytes(UTF_8);
        assertEquals(utf8.length, strings.byteLength(text));
        assertEquals(1, strings.equalsBytes(text, utf8, utf8.length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "h\u00e9llo w\u00f6rld \u2713", "", "\uD83D\uDE00 outside the BMP"})
    void stringRoundTripsThroughC(String text) {
        assertEquals(text, strings.echo(text));
        assertEquals(text, library.function("echo_string", "string(string)").invoke(text));
    }

    @Test
    void longStringIsPassedWhole() {
        String longText = UTF8_TEXT.repeat(40_000);
        assertEquals(longText.getBytes(UTF_8).length, strings.byteLength(longText));
        assertEquals(longText, strings.echo(longText));
        Fixture.assertScratchWithinRetainedBound();
    }

    @Test
    void nullStringArgumentArrivesAsNull() {
        assertEquals(1, strings.isNull(null));
        assertEquals(0, strings.isNull(""));
        assertEquals(-1L, strings.byteLength(null), "byte_length returns SIZE_MAX for NULL");
        assertEquals(1, library.function("is_null", "i32(string)").invoke((Object) null));
    }

    @Test
    void staticStringResultsAreDecodedAsUtf8() {
        assertEquals("hello, world", strings.staticAscii());
        assertEquals(UTF8_TEXT, strings.staticUtf8());
        assertEquals("", strings.staticEmpty());
        assertEquals(UTF8_TEXT, library.function("static_utf8", "str()").invoke());
    }

    @Test
    void nullStringResultIsNull() {
        assertNull(strings.nullString());
        assertNull(strings.echo(null));
        assertNull(library.function("null_string", "string()").invoke());
    }

    @Test
    void stringResultsAreNotFreed() {
        for (int i = 0; i < 1_000; i++) {
            assertEquals(UTF8_TEXT, strings.staticUtf8());
        }
        byte[] utf8 = UTF8_TEXT.getBytes(UTF_8);
        MemorySegment text = (MemorySegment) library.function("static_utf8", "pointer()").invoke();
        assertEquals(1, library.function("string_equals_bytes", "i32(pointer, buffer, usize)")
                .invoke(text, utf8, (long) utf8.length), "the string is still there after being decoded");
    }

    @Test
    void stringContainingNulIsAnInvalidArgument() {
        String detail = "byte_length, argument 0 (string): the String contains a NUL character at index 2,"
                + " which C would read as its end; pass the bytes as a buffer instead";
        Fixture.assertInvalidArgument(detail, () -> strings.byteLength("ab\0cd"));
        Fixture.assertInvalidArgument(detail, () -> library.function("byte_length", "usize(string)").invoke("ab\0cd"));
        Fixture.assertInvalidArgument(detail.replace("byte_length", "string_equals_bytes"),
                () -> strings.equalsBytes("ab\0cd", new byte[5], 5));
    }

    @Test
    void nonStringWhereAStringIsDeclaredIsAnInvalidArgument() {
        DynamicFunction length = library.function("byte_length", "usize(string)");
        String message = Fixture.assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                () -> length.invoke((Object) "abc".getBytes(UTF_8))).getMessage();
        assertTrue(message.contains("byte_length, argument 0 (string): byte[3] "), message);
    }
}

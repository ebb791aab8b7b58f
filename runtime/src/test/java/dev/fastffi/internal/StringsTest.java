package dev.fastffi.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.internal.memory.Scratch;
import dev.fastffi.model.Signature;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** String arguments are copied into scratch memory as the bytes {@code String.getBytes(UTF_8)} gives, then a NUL. */
class StringsTest {
    private static final NativeSymbol SITE =
            NativeSymbol.resolve(SystemLibrary.state(), "strlen", Signature.parse("usize(string)"));

    private final Scratch scratch = Scratch.current();
    private long mark;

    @BeforeEach
    void mark() {
        mark = scratch.mark();
    }

    @AfterEach
    void reset() {
        scratch.reset(mark);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "", "caf\u00e9", "h\u00e9llo w\u00f6rld \u2713", "\uD83D\uDE00 outside the BMP",
            "a lone \uD800 surrogate", "a lone \uDC00 low surrogate", "ends high \uD83D", "\u07FF\u0800\uFFFF"})
    void copyHoldsTheUtf8BytesThenANul(String text) {
        assertCopied(text);
    }

    @Test
    void everyCharFromAsciiToTheLastCodeUnitIsEncodedAsGetBytesDoes() {
        StringBuilder all = new StringBuilder();
        for (char c = 1; c < Character.MAX_VALUE; c++) {
            all.append(c);
        }
        assertCopied(all.toString());
    }

    /** Around the size up to which three bytes per char are reserved, and past the retained block. */
    @ParameterizedTest
    @ValueSource(ints = {1, 4095, 4096, 87_381, 87_382, 87_383, 300_000})
    void longTextIsCopiedWhole(int length) {
        assertCopied("x".repeat(length));
        assertCopied("\u2713".repeat(length / 3 + 1));
        assertCopied("y".repeat(length - 1) + "\u00e9");
    }

    @Test
    void nullIsTheNullAddress() {
        assertSame(MemorySegment.NULL, Strings.in(null, scratch, SITE, 0));
    }

    @Test
    void nulInsideIsAnInvalidArgumentNamingItsIndex() {
        FfiException thrown = assertThrows(FfiException.class, () -> Strings.in("ab\0c\0", scratch, SITE, 3));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
        assertEquals("INVALID_ARGUMENT: " + SITE + ", argument 3 (string): the String contains a NUL character at"
                + " index 2, which C would read as its end; pass the bytes as a buffer instead", thrown.getMessage());
    }

    @Test
    void copiesOfOneFrameDoNotOverlap() {
        MemorySegment first = Strings.in("first", scratch, SITE, 0);
        MemorySegment second = Strings.in("second \u2713", scratch, SITE, 1);
        assertEquals("first", first.getString(0));
        assertEquals("second \u2713", second.getString(0));
    }

    private void assertCopied(String text) {
        byte[] utf8 = text.getBytes(UTF_8);
        MemorySegment copy = Strings.in(text, scratch, SITE, 0);
        assertTrue(copy.byteSize() > utf8.length, () -> copy.byteSize() + " bytes for " + utf8.length + " and a NUL");
        assertArrayEquals(utf8, copy.asSlice(0, utf8.length).toArray(ValueLayout.JAVA_BYTE));
        assertEquals(0, copy.get(ValueLayout.JAVA_BYTE, utf8.length));
    }
}

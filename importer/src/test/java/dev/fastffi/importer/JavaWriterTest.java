package dev.fastffi.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** C text in the generated Javadoc: it must neither end the comment nor form a unicode escape. */
class JavaWriterTest {
    @Test
    void plainCTextIsCode() {
        assertEquals("{@code int f(int x);}", JavaWriter.doc("int f(int x);"));
    }

    @Test
    void aCommentEndInCTextDoesNotEndTheJavadoc() {
        assertEquals("<code>#define MIME_ANY \"*&#47;*\"</code>", JavaWriter.doc("#define MIME_ANY \"*/*\""));
    }

    @Test
    void backslashesBeforeAUAreNoUnicodeEscape() {
        assertEquals("<code>#define WINPATH \"C:&#92;&#92;users\"</code>", JavaWriter.doc("#define WINPATH \"C:\\\\users\""));
        assertEquals("<code>#define U \"&#92;u0041\"</code>", JavaWriter.doc("#define U \"\\u0041\""));
    }

    @Test
    void otherBackslashesStayInCode() {
        assertEquals("{@code #define TAB \"a\\tb\"}", JavaWriter.doc("#define TAB \"a\\tb\""));
    }
}

package dev.fastffi.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CTokenizerTest {
    private static List<String> texts(String c) {
        List<CToken> tokens = CTokenizer.tokenize(c);
        return tokens.subList(0, tokens.size() - 1).stream().map(CToken::text).toList();
    }

    @Test
    void lineMarkersSetTheFileAndLineOfTheTokensThatFollow() {
        List<CToken> tokens = CTokenizer.tokenize("# 1 \"/usr/include/a.h\" 1 3\nint a;\n# 7 \"demo.h\"\n\nint b;\n");
        assertEquals("/usr/include/a.h", tokens.get(0).file());
        assertEquals(1, tokens.get(0).line());
        CToken b = tokens.get(4);
        assertEquals("b", b.text());
        assertEquals("demo.h", b.file());
        assertEquals(8, b.line());
    }

    @Test
    void multiCharacterPunctuatorsAreOneToken() {
        assertEquals(List.of("f", "(", "...", ")", "<<", ">>=", "->", "=="), texts("f(...) << >>= -> =="));
    }

    @Test
    void aDollarSignIsPartOfAnIdentifierAsGccReadsIt() {
        assertEquals(List.of("int", "dol$fn", "(", "int", "$x", ")", ";"), texts("int dol$fn(int $x);"));
        assertEquals(CToken.Kind.IDENTIFIER, CTokenizer.tokenize("$x").get(0).kind());
    }

    @Test
    void numbersKeepSuffixesAndSignedExponents() {
        assertEquals(List.of("0x1fUL", "1e-5", "0x1p+3", "10"), texts("0x1fUL 1e-5 0x1p+3 10"));
    }

    @Test
    void stringsAndCharactersKeepEscapesAndPrefixes() {
        List<CToken> tokens = CTokenizer.tokenize("\"a\\\"b\" 'x' L\"wide\" '\\''");
        assertEquals(CToken.Kind.STRING, tokens.get(0).kind());
        assertEquals("\"a\\\"b\"", tokens.get(0).text());
        assertEquals(CToken.Kind.CHARACTER, tokens.get(1).kind());
        assertEquals("L\"wide\"", tokens.get(2).text());
        assertEquals("'\\''", tokens.get(3).text());
    }

    @Test
    void commentsAreSkippedAndCountLines() {
        List<CToken> tokens = CTokenizer.tokenize("/* one\ntwo */ a // rest\nb");
        assertEquals(List.of("a", "b"), texts("/* one\ntwo */ a // rest\nb"));
        assertEquals(3, tokens.get(1).line());
    }

    @Test
    void pragmasBecomeOneTokenAndOtherDirectivesVanish() {
        List<CToken> tokens = CTokenizer.tokenize("#pragma pack(push, 1)\n#ident \"x\"\nint a;");
        assertEquals(CToken.Kind.PRAGMA, tokens.get(0).kind());
        assertEquals("pack(push, 1)", tokens.get(0).text());
        assertEquals("int", tokens.get(1).text());
    }
}

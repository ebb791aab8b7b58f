package dev.fastffi.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which macros become constants, and the reason given for each one that does not. */
class MacrosTest {
    private static final String DEFINES = """
            #define GUARD_H
            #define ANSWER (6 * 7)
            #define NAME "fast" "ffi"
            #define TWICE(x) ((x) * 2)
            #define NULL_HANDLE ((struct handle *) 0)
            #define MIXED "v" ANSWER
            #define bool _Bool
            #define FALSE_FROM_FLOAT ((bool) 0.0)
            #define HALF_MAX ((1 ? -1 : 0u) / 2)
            #define ESCAPED "\\x41\\101\\t\\u00e9\\\\" "\\"\\x7f"
            #define WITH_NUL "a\\0b"
            #define NOT_UTF8 "\\xff"
            #define WIDE L"wide"
            #define LONG_BODY __attribute__((visibility("default"), deprecated("use the other function instead of this one")))
            """;

    private final Macros macros = new Macros(DEFINES, Map.of(), Map.of());

    @Test
    void integerAndStringMacrosAreConstantsWithNoReason() {
        assertEquals("42", macros.constant("ANSWER", "ANSWER").value());
        assertEquals("\"fastffi\"", macros.constant("NAME", "NAME").value());
        assertEquals("int", macros.constant("ANSWER", "ANSWER").javaType());
    }

    @Test
    void mixedSignednessAndTypeKeywordMacrosEvaluateAsInC() {
        assertEquals("2147483647", macros.constant("HALF_MAX", "HALF_MAX").value());
        assertEquals("0", macros.constant("FALSE_FROM_FLOAT", "FALSE_FROM_FLOAT").value());
    }

    @Test
    void stringEscapesAreDecodedAsCDoesAndWrittenAsJavaEscapes() {
        assertEquals("\"AA\\té\\\\\\\"\\177\"", macros.constant("ESCAPED", "ESCAPED").value());
    }

    @Test
    void stringsWithoutAFaithfulJavaStringSayWhy() {
        assertNull(macros.constant("WITH_NUL", "WITH_NUL"));
        assertEquals("is a string with an embedded NUL, where C would end it", macros.whyNot("WITH_NUL"));
        assertNull(macros.constant("NOT_UTF8", "NOT_UTF8"));
        assertEquals("is a string whose bytes are not UTF-8 text", macros.whyNot("NOT_UTF8"));
        assertNull(macros.constant("WIDE", "WIDE"));
        assertEquals("is a wide or Unicode string literal, which is no string of chars", macros.whyNot("WIDE"));
    }

    @Test
    void emptyAndUndefinedMacrosAreLeftOutWithoutAComment() {
        assertNull(macros.constant("GUARD_H", "GUARD_H"));
        assertNull(macros.whyNot("GUARD_H"));
        assertNull(macros.whyNot("NOT_DEFINED"));
    }

    @Test
    void everyOtherMacroSaysWhyItIsNotBound() {
        assertNull(macros.constant("TWICE", "TWICE"));
        assertEquals("is a function-like macro, which has no value to bind", macros.whyNot("TWICE"));
        assertNull(macros.constant("NULL_HANDLE", "NULL_HANDLE"));
        assertEquals("is '((struct handle *) 0)', not an integer or string constant", macros.whyNot("NULL_HANDLE"));
        assertNull(macros.constant("MIXED", "MIXED"));
        assertEquals("is '\"v\" ANSWER', not an integer or string constant", macros.whyNot("MIXED"));
    }

    @Test
    void aLongBodyIsCutInTheReason() {
        assertEquals("is '__attribute__((visibility(\"default\"), deprecated(\"use the ot...', not an integer or string"
                + " constant", macros.whyNot("LONG_BODY"));
    }

    @Test
    void aHeaderDefinesObjectLikeAndFunctionLikeMacrosInOrder() {
        assertEquals(List.of("B", "A", "F"), Macros.definedIn("#define B 1\n# define A 2\n#define F(x) x\n#define B 3\n"));
        assertEquals(List.of("PRICE$", "$F"), Macros.definedIn("#define PRICE$ 1\n#define $F(x) x\n"));
    }
}

package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The facts the type model keeps about each C type, and how names map to types. */
class NativeTypeTest {

    @ParameterizedTest(name = "{0}: {1}, {2} bytes, signed={3}")
    @CsvSource({
        "void,     VOID,     0, false",
        "bool,     BOOL,     1, false",
        "i8,       INTEGER,  1, true",
        "u8,       INTEGER,  1, false",
        "i16,      INTEGER,  2, true",
        "u16,      INTEGER,  2, false",
        "i32,      INTEGER,  4, true",
        "u32,      INTEGER,  4, false",
        "i64,      INTEGER,  8, true",
        "u64,      INTEGER,  8, false",
        "isize,    INTEGER,  8, true",
        "usize,    INTEGER,  8, false",
        "f32,      FLOAT,    4, true",
        "f64,      FLOAT,    8, true",
        "pointer,  POINTER,  8, false",
        "buffer,   BUFFER,   8, false",
        "function, FUNCTION, 8, false",
        "string,   STRING,   8, false",
    })
    void everyCanonicalNameNamesATypeWithItsFacts(String name, NativeType.Kind kind, int size, boolean signed) {
        NativeType type = NativeType.byName(name).orElseThrow();

        assertAll(name,
                () -> assertEquals(name, type.cName()),
                () -> assertEquals(kind, type.kind()),
                () -> assertEquals(size, type.byteSize()),
                () -> assertEquals(signed, type.isSigned()),
                () -> assertEquals(kind == NativeType.Kind.INTEGER, type.isInteger()));
    }

    @Test
    void everyTypeHasADistinctCanonicalName() {
        assertEquals(NativeType.values().length,
                Arrays.stream(NativeType.values()).map(NativeType::cName).distinct().count());
    }

    @Test
    void strNamesString() {
        assertEquals(Optional.of(NativeType.STRING), NativeType.byName("str"));
    }

    @Test
    void arraybufferNamesBuffer() {
        assertEquals(Optional.of(NativeType.BUFFER), NativeType.byName("arraybuffer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I32", "Void", "POINTER", "int", "char", "size_t", "", " i32", "i32 ", "..."})
    void namesAreExactAndLowerCase(String name) {
        assertEquals(Optional.empty(), NativeType.byName(name));
    }

    @Test
    void allNamesListsCanonicalNamesAndAliasesSorted() {
        assertEquals(List.of("arraybuffer", "bool", "buffer", "f32", "f64", "function", "i16", "i32",
                        "i64", "i8", "isize", "pointer", "str", "string", "u16", "u32", "u64", "u8", "usize", "void"),
                NativeType.allNames().toList());
    }

    @Test
    void onlyVoidIsRefusedAsAnArgument() {
        for (NativeType type : NativeType.values()) {
            assertEquals(type != NativeType.VOID, type.allowedAsArgument(), type.cName());
        }
    }

    @Test
    void onlyBufferIsRefusedAsAReturnType() {
        for (NativeType type : NativeType.values()) {
            assertEquals(type != NativeType.BUFFER, type.allowedAsReturn(), type.cName());
        }
    }

    @ParameterizedTest(name = "{0}: {1}..{2}")
    @CsvSource({
        "I8,  -128,        127",
        "U8,  0,           255",
        "I16, -32768,      32767",
        "U16, 0,           65535",
        "I32, -2147483648, 2147483647",
        "U32, 0,           4294967295",
        "I64, -9223372036854775808, 9223372036854775807",
        "ISIZE, -9223372036854775808, 9223372036854775807",
    })
    void integerRangesFollowTheWidthAndSign(NativeType type, long min, long max) {
        assertEquals(min, type.minValue());
        assertEquals(max, type.maxValue());
    }

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource({
        "I32,       i32",
        "U64,       u64",
        "Pointer,   pointer",
        "bufer,     buffer",
        "bufffer,   buffer",
        "pointr,    pointer",
        "strng,     string",
        "STR,       str",
        "arraybufer, arraybuffer",
        "fucntion,  function",
        "usise,     usize",
        "boool,     bool",
        "vod,       void",
    })
    void closestNameFindsWhatAMisspellingMeant(String misspelled, String meant) {
        assertEquals(Optional.of(meant), NativeType.closestName(misspelled));
    }

    @ParameterizedTest
    @ValueSource(strings = {"char", "int", "long", "double", "size_t", "x", "callback"})
    void closestNameSuggestsNothingForFarNames(String far) {
        assertEquals(Optional.empty(), NativeType.closestName(far));
    }

    @ParameterizedTest
    @EnumSource(value = NativeType.class, names = {"STRUCT", "STRUCT_POINTER"}, mode = EnumSource.Mode.EXCLUDE)
    void closestNameOfAnUpperCaseNameIsTheName(NativeType type) {
        assertEquals(Optional.of(type.cName()), NativeType.closestName(type.cName().toUpperCase(Locale.ROOT)));
    }
}

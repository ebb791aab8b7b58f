package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pointers to structs in signatures: {@code Name*} and {@code {...}*}, printed inline and parsed back equal. */
class StructPointerSignatureTest {
    private static final StructType POINT = Signature.parse("{f64, f64}()").returnStruct();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "void({f64,f64}*)               | void({f64, f64}*)",
        "{i32} * ( {u8} *, i32)          | {i32}*({u8}*, i32)",
        "{i32}({i32}*, {i32})            | {i32}({i32}*, {i32})",
        "i32({u8, {f64, f64}, pointer}*) | i32({u8, {f64, f64}, pointer}*)",
    })
    void structPointersPrintInlineAndParseBackToTheSameSignature(String text, String canonical) {
        Signature signature = Signature.parse(text);

        assertEquals(canonical, signature.toString());
        assertEquals(signature, Signature.parse(signature.toString()));
    }

    @Test
    void aNamedStructPointerIsAPointerToTheStructItNames() {
        Signature signature = Signature.parse("Point*(Point, Point *)", Map.of("Point", POINT));

        assertEquals(NativeType.STRUCT_POINTER, signature.returnType());
        assertEquals(List.of(NativeType.STRUCT, NativeType.STRUCT_POINTER), signature.parameters());
        assertEquals(POINT, signature.returnStruct());
        assertEquals(POINT, signature.struct(1));
        assertEquals("{f64, f64}*({f64, f64}, {f64, f64}*)", signature.toString());
    }

    @Test
    void aStructPointerIsCarriedAsAnAddressAndIsNoTypeName() {
        assertEquals(java.lang.foreign.MemorySegment.class, NativeType.STRUCT_POINTER.carrier());
        assertEquals(java.lang.foreign.ValueLayout.ADDRESS, NativeType.STRUCT_POINTER.valueLayout());
        assertTrue(NativeType.byName("struct*").isEmpty());
        assertTrue(NativeType.byName("struct").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "void({i32*})          | 10 | a struct field cannot be a pointer to a struct",
        "void({{i32}*})        | 12 | a struct field cannot be a pointer to a struct",
        "void(i32*)            | 9  | '*' only follows a struct, 'Name*' or '{...}*'",
        "void*()               | 5  | '*' only follows a struct",
        "void({i32}**)         | 12 | expected ',' or ')' but found '*'",
        "{i32}*({i32}*, ...*)  | 16 | '...' must be the last argument",
    })
    void misplacedStarsAreRejectedAtTheirColumn(String text, int column, String problem) {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse(text));

        assertNotNull(e.error());
        assertTrue(e.getMessage().startsWith(problem), e.getMessage());
        assertTrue(e.getMessage().contains(" at column " + column), e.getMessage());
    }

    @Test
    void anAmbiguousStructNameIsRejectedNamingBothRecords() {
        ParseResult parsed = Signature.tryParse("void(i32, Point*)", Map.of(),
                Map.of("Point", List.of("a.Point", "b.Api.Point")));

        assertEquals(11, parsed.error().column());
        assertEquals("struct name 'Point' is ambiguous: it names a.Point and b.Api.Point", parsed.error().problem());
        assertEquals("rename one of the records", parsed.error().hint());
    }
}

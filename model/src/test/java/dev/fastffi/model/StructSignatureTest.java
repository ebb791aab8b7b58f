package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Structs in signatures: inline and named, printed back canonically, laid out as C does. */
class StructSignatureTest {
    private static final StructType POINT = Signature.parse("{f64, f64}()").returnStruct();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{f64,f64}({f64, f64},{f64,f64})     | {f64, f64}({f64, f64}, {f64, f64})",
        "void( { u8 , f64 } )                | void({u8, f64})",
        "{i32, {u8, [3]i16}, pointer}(i32)   | {i32, {u8, [3]i16}, pointer}(i32)",
        "f64(i32, {[ 4 ]f32, function}, ...) | f64(i32, {[4]f32, function}, ...)",
    })
    void structsPrintCanonicallyAndParseBackToTheSameSignature(String text, String canonical) {
        Signature signature = Signature.parse(text);

        assertEquals(canonical, signature.toString());
        assertEquals(signature, Signature.parse(signature.toString()));
    }

    @Test
    void eachArgumentFindsItsOwnStruct() {
        Signature signature = Signature.parse("{u8}(i32, {i64}, {f32}, f64)");

        assertEquals("{u8}", signature.returnStruct().toString());
        assertEquals("{i64}", signature.struct(1).toString());
        assertEquals("{f32}", signature.struct(2).toString());
        assertEquals(List.of(NativeType.I32, NativeType.STRUCT, NativeType.STRUCT, NativeType.F64), signature.parameters());
    }

    @Test
    void aNamedStructIsTheStructItNames() {
        Signature signature = Signature.parse("f64(Point, Point)", Map.of("Point", POINT));

        assertEquals("f64({f64, f64}, {f64, f64})", signature.toString());
        assertEquals(POINT, signature.struct(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Point*( buffer ,Point* )     | Point*(buffer, Point*)",
        "f64(i32, Point, {i32}, ...)  | f64(i32, Point, {i32}, ...)",
        "{f64, f64}(Point)            | {f64, f64}(Point)",
        "Point(  )                    | Point()",
        "void({Point, i8}*, Point)    | void({{f64, f64}, i8}*, Point)",
    })
    void theDisplayFormKeepsTheStructNamesTheTextGave(String text, String display) {
        ParseResult parsed = Signature.tryParse(text, Map.of("Point", POINT));

        assertEquals(display, parsed.display());
        // what generated code hands back to the parser stays written out
        assertEquals(parsed.signature(), Signature.parse(parsed.signature().toString()));
    }

    @Test
    void aRejectedTextHasNoDisplayForm() {
        assertEquals(null, Signature.tryParse("Point(", Map.of("Point", POINT)).display());
    }

    @Test
    void anUnknownStructNameListsTheKnownNames() {
        SignatureException e = assertThrows(SignatureException.class,
                () -> Signature.parse("f64(Pont)", Map.of("Point", POINT, "Line", POINT)));

        assertNotNull(e.error());
        assertTrue(e.getMessage().contains("unknown struct 'Pont' at column 5; known structs are Line, Point"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "void({})            | 7  | a struct needs at least one field",
        "void({i32)          | 10 | expected ',' or '}' in a struct but found ')'",
        "void({string})      | 7  | 'string' cannot be a struct field",
        "void({[0]i32})      | 8  | an array length must be a whole number",
        "void({[2]{i32}})    | 10 | an array element must be an integer or a float",
        "void({[2]pointer})  | 10 | an array element must be an integer or a float, not 'pointer'",
        "void({i32; f64})    | 10 | expected ',' or '}' in a struct",
        "void({I32})         | 7  | unknown type 'I32'",
    })
    void malformedStructsAreRejectedAtTheirColumn(String text, int column, String problem) {
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse(text));

        assertNotNull(e.error());
        assertTrue(e.getMessage().startsWith(problem), e.getMessage());
        assertTrue(e.getMessage().contains(" at column " + column), e.getMessage());
    }

    @Test
    void structsNestAtMost64Deep() {
        String deepest = "{".repeat(64) + "i32" + "}".repeat(64);
        assertEquals(deepest + "()", Signature.parse(deepest + "()").toString());

        // beyond it a signature is refused where the struct that nests too deep begins, never a StackOverflowError
        String tooDeep = "void(" + "{".repeat(1000) + "i32" + "}".repeat(1000) + ")";
        SignatureException e = assertThrows(SignatureException.class, () -> Signature.parse(tooDeep));

        assertNotNull(e.error());
        assertTrue(e.getMessage().startsWith("structs nest more than 64 deep at column 70;"
                + " declare the inner struct's fields in the one around it"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{i32, i32}              | 8  | 4 | 0,4",
        "{u8, f64}               | 16 | 8 | 0,8",
        "{i32, f32, f64}         | 16 | 8 | 0,4,8",
        "{f64, i64, i32}         | 24 | 8 | 0,8,16",
        "{u8, {u16, u8}, [3]i32} | 20 | 4 | 0,2,8",
        "{i8, [3]u8}             | 4  | 1 | 0,1",
    })
    void layoutsFollowNaturalCAlignment(String struct, long size, long alignment, String offsets) {
        StructType type = Signature.parse(struct + "()").returnStruct();

        assertEquals(size, type.layout().byteSize());
        assertEquals(alignment, type.layout().byteAlignment());
        for (int i = 0; i < type.fields().size(); i++) {
            assertEquals(Long.parseLong(offsets.split(",")[i]), type.offset(i), "field " + i);
        }
    }
}

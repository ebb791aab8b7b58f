package dev.fastffi.model;

import static dev.fastffi.model.NativeType.BUFFER;
import static dev.fastffi.model.NativeType.F64;
import static dev.fastffi.model.NativeType.I32;
import static dev.fastffi.model.NativeType.POINTER;
import static dev.fastffi.model.NativeType.STRING;
import static dev.fastffi.model.NativeType.U32;
import static dev.fastffi.model.NativeType.U64;
import static dev.fastffi.model.NativeType.VOID;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the signature grammar accepts, the model it builds and the canonical text it prints. */
class SignatureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "void,     VOID",
        "bool,     BOOL",
        "i8,       I8",
        "u8,       U8",
        "i16,      I16",
        "u16,      U16",
        "i32,      I32",
        "u32,      U32",
        "i64,      I64",
        "u64,      U64",
        "isize,    ISIZE",
        "usize,    USIZE",
        "f32,      F32",
        "f64,      F64",
        "pointer,  POINTER",
        "function, FUNCTION",
        "string,   STRING",
        "str,      STRING",
    })
    void everyReturnTypeNameParsesToItsType(String name, NativeType expected) {
        Signature signature = Signature.parse(name + "()");

        assertEquals(expected, signature.returnType());
        assertEquals(List.of(), signature.parameters());
        assertFalse(signature.variadic());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bool,        BOOL",
        "i8,          I8",
        "u8,          U8",
        "i16,         I16",
        "u16,         U16",
        "i32,         I32",
        "u32,         U32",
        "i64,         I64",
        "u64,         U64",
        "isize,       ISIZE",
        "usize,       USIZE",
        "f32,         F32",
        "f64,         F64",
        "pointer,     POINTER",
        "buffer,      BUFFER",
        "arraybuffer, BUFFER",
        "function,    FUNCTION",
        "string,      STRING",
        "str,         STRING",
    })
    void everyArgumentTypeNameParsesToItsType(String name, NativeType expected) {
        Signature signature = Signature.parse("void(" + name + ")");

        assertEquals(VOID, signature.returnType());
        assertEquals(List.of(expected), signature.parameters());
    }

    @Test
    void strIsAnAliasOfString() {
        assertEquals(Signature.parse("string(string)"), Signature.parse("str(str)"));
    }

    @Test
    void arraybufferIsAnAliasOfBuffer() {
        assertEquals(Signature.parse("u64(u64, buffer, u32)"), Signature.parse("u64(u64, arraybuffer, u32)"));
    }

    @Test
    void argumentsKeepTheirOrder() {
        Signature signature = Signature.parse("u64(u64, buffer, u32)");

        assertEquals(List.of(U64, BUFFER, U32), signature.parameters());
        assertEquals(3, signature.arity());
        assertEquals(BUFFER, signature.parameter(1));
    }

    @Test
    void emptyArgumentListHasNoArguments() {
        Signature signature = Signature.parse("i32()");

        assertAll(
                () -> assertEquals(I32, signature.returnType()),
                () -> assertEquals(0, signature.arity()),
                () -> assertFalse(signature.variadic()));
    }

    @Test
    void ellipsisAfterFixedArgumentsMakesTheSignatureVariadic() {
        Signature signature = Signature.parse("i32(pointer, ...)");

        assertAll(
                () -> assertEquals(List.of(POINTER), signature.parameters()),
                () -> assertTrue(signature.variadic()));
    }

    @Test
    void ellipsisAloneIsVariadicWithoutFixedArguments() {
        Signature signature = Signature.parse("i32(...)");

        assertAll(
                () -> assertEquals(List.of(), signature.parameters()),
                () -> assertEquals(0, signature.arity()),
                () -> assertTrue(signature.variadic()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "i32(pointer, ...)",
        " i32(pointer, ...)",
        "i32 (pointer, ...)",
        "i32( pointer, ...)",
        "i32(pointer , ...)",
        "i32(pointer ,...)",
        "i32(pointer,...)",
        "i32(pointer, ... )",
        "i32(pointer, ...) ",
        "  i32  (  pointer  ,  ...  )  ",
        "\ti32\t(\tpointer\t,\t...\t)\t",
        "\ni32\n(\npointer\n,\n...\n)\n",
        "\r\n i32 \r\n ( \r\n pointer \r\n , \r\n ... \r\n ) \r\n",
    })
    void whitespaceIsAllowedAroundEveryToken(String text) {
        assertEquals(new Signature(I32, List.of(POINTER), true), Signature.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"f64()", "f64( )", "f64(\t)", "f64(\n)", " f64 ( ) "})
    void whitespaceInsideAnEmptyArgumentListIsAllowed(String text) {
        assertEquals(new Signature(F64, List.of(), false), Signature.parse(text));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = '|', value = {
        "void()                           | void()",
        "i32(...)                         | i32(...)",
        "i32(pointer,...)                 | i32(pointer, ...)",
        " u64 ( u64 , arraybuffer , u32 ) | u64(u64, buffer, u32)",
        "str(str)                         | string(string)",
        "bool(i8,u8,i16,u16,i32,u32)      | bool(i8, u8, i16, u16, i32, u32)",
        "usize(i64,u64,isize,usize)       | usize(i64, u64, isize, usize)",
        "f32(f32,f64,pointer,function)    | f32(f32, f64, pointer, function)",
    })
    void toStringPrintsTheCanonicalForm(String text, String canonical) {
        assertEquals(canonical, Signature.parse(text).toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "void()",
        "i32(...)",
        "i32(pointer, ...)",
        "i32(string, i32, ...)",
        "u64(u64, arraybuffer, u32)",
        "str(str, buffer)",
        "pointer(function, usize, isize)",
        "bool(bool, i8, u8, i16, u16, i32, u32, i64, u64, f32, f64)",
        "\tf64 (\n f64 )",
    })
    void parsingThePrintedFormGivesAnEqualSignature(String text) {
        Signature parsed = Signature.parse(text);
        String printed = parsed.toString();

        assertEquals(parsed, Signature.parse(printed));
        assertEquals(printed, Signature.parse(printed).toString());
    }

    @Test
    void tryParseReturnsTheSignatureOfValidText() {
        ParseResult result = Signature.tryParse("void(pointer)");

        assertAll(
                () -> assertTrue(result.isValid()),
                () -> assertNull(result.error()),
                () -> assertEquals(new Signature(VOID, List.of(POINTER), false), result.signature()),
                () -> assertEquals(result.signature(), result.orElseThrow()));
    }

    @Test
    void tryParseReturnsTheErrorOfInvalidText() {
        ParseResult result = Signature.tryParse("void(bufer)");

        assertAll(
                () -> assertFalse(result.isValid()),
                () -> assertNull(result.signature()),
                () -> assertEquals("void(bufer)", result.error().signature()),
                () -> assertEquals(6, result.error().column()));
    }

    @Test
    void constructorCopiesTheParameterList() {
        List<NativeType> parameters = new ArrayList<>(List.of(STRING));
        Signature signature = new Signature(I32, parameters, false);
        parameters.add(I32);

        assertEquals(List.of(STRING), signature.parameters());
        assertThrows(UnsupportedOperationException.class, () -> signature.parameters().add(I32));
    }

    @Test
    void constructorRejectsVoidAsAnArgument() {
        assertThrows(IllegalArgumentException.class, () -> new Signature(I32, List.of(VOID), false));
    }

    @Test
    void constructorRejectsBufferAsTheReturnType() {
        assertThrows(IllegalArgumentException.class, () -> new Signature(BUFFER, List.of(), false));
    }

    @Test
    void constructorRejectsANullReturnType() {
        assertThrows(NullPointerException.class, () -> new Signature(null, List.of(), false));
    }

    @ParameterizedTest
    @EnumSource(value = NativeType.class, names = {"VOID", "BUFFER", "STRUCT", "STRUCT_POINTER"}, mode = EnumSource.Mode.EXCLUDE)
    void everyTypeButVoidAndBufferRoundTripsAsReturnAndArgument(NativeType type) {
        Signature signature = new Signature(type, List.of(type, type), false);

        assertEquals(signature, Signature.parse(signature.toString()));
    }
}

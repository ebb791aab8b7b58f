package dev.fastffi.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CDeclarationParserTest {
    private static TranslationUnit.Function function(String c, String name) {
        return CDeclarationParser.parse(c).functions.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no function " + name));
    }

    private static String describe(CType type) {
        return CTypes.describe(type);
    }

    @Test
    void pointersToFunctionsReturningPointersToArraysReadInsideOut() {
        TranslationUnit.Function f = function("int (*(*pick(int which))(double))[4];", "pick");
        assertEquals(List.of("int"), f.type().parameters().stream().map(p -> describe(p.type())).toList());
        CType.Pointer result = (CType.Pointer) f.type().result();
        CType.Function inner = (CType.Function) result.target();
        assertEquals("double", describe(inner.parameters().get(0).type()));
        assertInstanceOf(CType.Array.class, ((CType.Pointer) inner.result()).target());
    }

    @Test
    void parameterArraysAndFunctionsBecomePointers() {
        TranslationUnit.Function f = function("void g(int values[8], int callback(int));", "g");
        assertEquals("int *", describe(f.type().parameters().get(0).type()));
        assertEquals("int (*)(int)", describe(f.type().parameters().get(1).type()));
    }

    @Test
    void typedefsAreTrackedAndKeptByName() {
        TranslationUnit unit = CDeclarationParser.parse("typedef unsigned long size_t; typedef size_t *sizes;"
                + " sizes h(const size_t n);");
        TranslationUnit.Function h = unit.functions.get(0);
        assertEquals("sizes", describe(h.type().result()));
        assertEquals("const size_t", describe(h.type().parameters().get(0).type()));
        assertEquals(2, unit.typedefs.size());
    }

    @Test
    void structsNestArraysAndBitFieldsAreRead() {
        TranslationUnit unit = CDeclarationParser.parse("enum { N = 2 * 3 }; struct s { int a[N + 1]; struct { char c; } inner;"
                + " unsigned flag : 1; }; struct s make(void);");
        CStruct s = unit.structs.stream().filter(x -> "s".equals(x.tag)).findFirst().orElseThrow();
        assertEquals(7, ((CType.Array) s.fields.get(0).type()).length());
        assertInstanceOf(CType.StructRef.class, s.fields.get(1).type());
        assertEquals(1, s.fields.get(2).bits());
        assertFalse(s.packed);
    }

    @Test
    void aForwardDeclaredStructIsCompletedByItsDefinition() {
        TranslationUnit unit = CDeclarationParser.parse("struct node; struct node *first(void); struct node { struct node *next; };");
        CType.Pointer result = (CType.Pointer) unit.functions.get(0).type().result();
        assertTrue(((CType.StructRef) result.target()).struct().isComplete());
    }

    @Test
    void enumValuesCountOnFromTheLastExplicitOne() {
        TranslationUnit unit = CDeclarationParser.parse("enum e { A, B = 10, C, D = B << 1 };");
        assertEquals(List.of(0L, 10L, 11L, 20L), unit.enums.get(0).constants.stream().map(CEnum.Constant::value).toList());
    }

    @Test
    void packedAttributesAndPragmaPackMarkTheStruct() {
        TranslationUnit unit = CDeclarationParser.parse("struct __attribute__((packed)) a { char c; int i; };"
                + "\n#pragma pack(push, 1)\nstruct b { char c; int i; };\n#pragma pack(pop)\nstruct c { char c; int i; };");
        assertEquals(List.of(true, true, false), unit.structs.stream().map(s -> s.packed).toList());
    }

    @Test
    void gnuExtensionsAreSkippedAndAsmLabelsNameTheSymbol() {
        TranslationUnit.Function f = function("extern int scan(const char *__restrict format, ...) __asm__ (\"\" \"__isoc99_scan\")"
                + " __attribute__ ((__nothrow__ , __leaf__));", "scan");
        assertEquals("__isoc99_scan", f.symbol());
        assertTrue(f.type().variadic());
        assertEquals("int scan(const char *format, ...);", f.declaration());
    }

    @Test
    void anAsmLabelOnAnyDeclarationNamesTheSymbol() {
        assertEquals("real_scan", function("int my_scan(const char *s); int my_scan(const char *s) __asm__(\"\" \"real_scan\");",
                "my_scan").symbol());
        assertEquals("real_scan", function("int my_scan(const char *s) __asm__(\"real_scan\"); int my_scan(const char *s);",
                "my_scan").symbol());
    }

    @Test
    void functionBodiesAndInitializersAreSkipped() {
        TranslationUnit unit = CDeclarationParser.parse("static int table[] = { 1, 2, { 3 } }; int f(void) { if (1) { return 2; } }"
                + " int g(void);");
        assertEquals(List.of("f", "g"), unit.functions.stream().map(TranslationUnit.Function::name).toList());
        assertTrue(unit.unparsed.isEmpty());
    }

    @Test
    void emptyParenthesesAreNoPrototypeInADeclarationAndNoParametersInADefinition() {
        TranslationUnit unit = CDeclarationParser.parse("int declared(); int defined() { return 0; }");
        assertFalse(unit.functions.get(0).type().prototyped());
        assertTrue(unit.functions.get(1).type().prototyped());
    }

    @Test
    void aKAndRParameterListIsNotPrototyped() {
        TranslationUnit.Function f = function("int kr(a, b);", "kr");
        assertFalse(f.type().prototyped());
        assertEquals(2, f.type().parameters().size());
    }

    @Test
    void aDeclarationThatCannotBeReadIsRecordedAndParsingGoesOn() {
        TranslationUnit unit = CDeclarationParser.parse("int broken(int x, @); int fine(void);");
        assertEquals(List.of("fine"), unit.functions.stream().map(TranslationUnit.Function::name).toList());
        assertEquals(1, unit.unparsed.size());
        assertEquals("broken", unit.unparsed.get(0).name());
        assertEquals("expected a type but found '@' at <input>:1", unit.unparsed.get(0).reason());
    }

    @Test
    void vaListAndTypeofAreUnsupportedTypes() {
        TranslationUnit unit = CDeclarationParser.parse("typedef __builtin_va_list va_list; int v(va_list a, __typeof__(1) b);");
        CType a = CType.resolve(unit.functions.get(0).type().parameters().get(0).type());
        assertEquals("a va_list", ((CType.Unsupported) a).what());
        assertEquals("a typeof type", ((CType.Unsupported) unit.functions.get(0).type().parameters().get(1).type()).what());
    }

    @Test
    void aStaticFunctionIsMarkedStatic() {
        assertTrue(function("static inline int s(int x) { return x; }", "s").isStatic());
        assertNull(function("int t(int x);", "t").symbol());
    }

    @Test
    void aFunctionTypedefDeclaresFunctionsNotVariables() {
        TranslationUnit unit = CDeclarationParser.parse("typedef int fn_t(int value); fn_t first, second; fn_t *pointer;");
        assertEquals(List.of("first", "second"), unit.functions.stream().map(TranslationUnit.Function::name).toList());
        assertEquals("int (int)", describe(unit.functions.get(1).type()));
        assertEquals("fn_t first;", unit.functions.get(0).declaration());
        assertEquals(List.of("pointer"), unit.variables.stream().map(TranslationUnit.Variable::name).toList());
    }

    @Test
    void aModeBeforeTheDeclaratorsAppliesToEachAndOneAfterADeclaratorToItAlone() {
        TranslationUnit unit = CDeclarationParser.parse("__attribute__((mode(HI))) int a, b; int c __attribute__((mode(QI))), d;");
        assertEquals(List.of("short", "short", "signed char", "int"),
                unit.variables.stream().map(v -> CTypes.describe(v.type())).toList());
    }
}

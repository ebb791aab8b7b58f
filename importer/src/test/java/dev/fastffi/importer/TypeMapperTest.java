package dev.fastffi.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The type mapping and every reason a function is left out, on C text parsed without a preprocessor. */
class TypeMapperTest {
    private static final String PRELUDE = "typedef unsigned long size_t; typedef long ssize_t; typedef __builtin_va_list va_list;"
            + " typedef unsigned char uint8_t; typedef unsigned short uint16_t; typedef int int32_t;\n";

    private static Bindings bindings;

    private static Bindings.Member bind(String c) {
        TranslationUnit unit = CDeclarationParser.parse(PRELUDE + c);
        bindings = new Bindings();
        FunctionMapper mapper = new FunctionMapper(new TypeMapper(new Naming.Scope(), bindings), "", name -> false);
        return mapper.function(unit.functions.get(unit.functions.size() - 1));
    }

    private static Bindings.Function bound(String c) {
        return assertInstanceOf(Bindings.Function.class, bind(c));
    }

    private static String signature(String c) {
        return bound(c).signature();
    }

    private static String javaTypes(String c) {
        Bindings.Function f = bound(c);
        return f.resultType() + " " + f.parameters().stream().map(Bindings.Parameter::javaType).toList();
    }

    private static String reason(String c) {
        return assertInstanceOf(Bindings.Skipped.class, bind(c)).reason();
    }

    @Test
    void integersTakeTheirLp64Widths() {
        assertEquals("i32(u32, i64, u64, i64, u64)",
                signature("int f(unsigned a, long b, unsigned long c, long long d, unsigned long long e);"));
        assertEquals("i8(i8, u8, i16, u16)", signature("char f(signed char a, unsigned char b, short c, unsigned short d);"));
        assertEquals("bool(f32, f64)", signature("_Bool f(float a, double b);"));
    }

    @Test
    void sizeTypedefsArePointerSized() {
        assertEquals("usize(isize)", signature("size_t f(ssize_t n);"));
    }

    @Test
    void javaTypesAreTheFastOnesOfTheTypeTable() {
        assertEquals("byte [byte, short, char, int, long]", javaTypes("uint8_t f(char a, short b, uint16_t c, unsigned d, long e);"));
        assertEquals("MemorySegment [MemorySegment, String]", javaTypes("void *f(int32_t *p, const char *s);"));
    }

    @Test
    void constCharPointersAreStringsAndOtherCharPointersArePointers() {
        assertEquals("string(string, pointer, pointer, pointer)",
                signature("const char *f(const char *a, char *b, const unsigned char *c, char **d);"));
    }

    @Test
    void enumsTakeTheWidthGccGivesThem() {
        assertEquals("i32(u32, i64)", signature("enum small { S = 1 }; enum big { B = 0x80000000u }; enum wide { W = -1, X = 0x100000000 };"
                + " enum small f(enum big b, enum wide w);"));
    }

    @Test
    void structsByValueAndByPointerNameTheRecord() {
        Bindings.Function f = bound("typedef struct { int32_t x, y; } point; point f(point a, const point *b);");
        assertEquals("Point(Point, Point*)", f.signature());
        assertEquals(List.of("Point", "MemorySegment"), f.parameters().stream().map(Bindings.Parameter::javaType).toList());
        assertEquals("{i32, i32}", bindings.structs.get(0).signature());
    }

    @Test
    void aStructPointerWhoseStructHasNoRecordIsAPlainPointer() {
        assertEquals("pointer(pointer)", signature("struct opaque; struct opaque *f(union u *p);"));
    }

    @Test
    void nestedStructsArraysAndPointerFieldsMapToRecordComponents() {
        bound("struct inner { uint8_t tag; }; struct outer { struct inner in; char name[4][2]; void *data; int (*op)(int);"
                + " struct outer *next; }; void f(struct outer o);");
        assertEquals("{Inner, [8]i8, pointer, function, pointer}", bindings.structs.get(1).signature());
        assertEquals(List.of("Inner", "byte[]", "MemorySegment", "MemorySegment", "MemorySegment"),
                bindings.structs.get(1).components().stream().map(Bindings.Parameter::javaType).toList());
    }

    @Test
    void anUntaggedStructMemberIsNamedAfterItsStructAndField() {
        assertEquals("i32(Outer)", signature("struct outer { struct { int q; } inner; }; int f(struct outer o);"));
        assertEquals(List.of("OuterInner {i32}", "Outer {OuterInner}"),
                bindings.structs.stream().map(s -> s.name() + " " + s.signature()).toList());
        assertEquals("i32(Outer*)", signature("struct outer { struct { int q; } inner; }; int f(struct outer *o);"));
    }

    @Test
    void anUntaggedStructParameterIsNamedAfterItsFunctionAndParameter() {
        assertEquals("i32(FP*)", signature("int f(struct { int q; } *p);"));
    }

    @Test
    void functionPointerArgumentsAreUpcallsOfCallbackInterfaces() {
        Bindings.Function f = bound("typedef int (*compare)(const void *, const void *);"
                + " void f(compare c, void (*done)(const char *msg, size_t n), void (*again)(const char *msg, size_t n));");
        assertEquals("void(function, function, function)", f.signature());
        assertEquals(List.of("Upcall<Compare>", "Upcall<FDone>", "Upcall<FDone>"),
                f.parameters().stream().map(Bindings.Parameter::javaType).toList());
        assertEquals("i32(pointer, pointer)", bindings.callbacks.get(0).signature());
        assertEquals("void(string, usize)", bindings.callbacks.get(1).signature());
    }

    @Test
    void anInlineFunctionPointerResultIsASegment() {
        assertEquals("MemorySegment []", javaTypes("int (*f(void))(int);"));
        assertEquals(List.of(), bindings.callbacks);
    }

    @Test
    void aFunctionPointerResultNamedByATypedefIsItsCallbackInterface() {
        Bindings.Function f = bound("typedef int32_t (*binop)(int32_t, int32_t); binop f(int32_t which);");
        assertEquals("function(i32)", f.signature());
        assertEquals("Binop", f.resultType());
        assertEquals(List.of("Binop"), bindings.callbacks.stream().map(Bindings.Callback::name).toList());
        assertEquals("i32(i32, i32)", bindings.callbacks.get(0).signature());
    }

    @Test
    void aFunctionPointerResultWhoseTypedefCannotBeACallbackStaysASegment() {
        assertEquals("MemorySegment []", javaTypes("typedef void (*logger)(const char *, ...); logger f(void);"));
        assertEquals(List.of(), bindings.callbacks);
    }

    @Test
    void aStructFieldNamedByAFunctionPointerTypedefIsItsCallbackInterface() {
        Bindings.Function f = bound("typedef long (*op_fn)(long); typedef struct { int32_t tag; op_fn op; int (*raw)(int); }"
                + " handler; long f(handler h, op_fn again);");
        assertEquals("i64(Handler, function)", f.signature());
        assertEquals(List.of("Handler", "Upcall<OpFn>"), f.parameters().stream().map(Bindings.Parameter::javaType).toList());
        assertEquals("{i32, function, function}", bindings.structs.get(0).signature());
        assertEquals(List.of("int", "OpFn", "MemorySegment"),
                bindings.structs.get(0).components().stream().map(Bindings.Parameter::javaType).toList());
        assertEquals(List.of("OpFn"), bindings.callbacks.stream().map(Bindings.Callback::name).toList());
    }

    @Test
    void aCallbackFieldTakingItsOwnStructGetsAPlainPointerThere() {
        Bindings.Function f = bound("struct node; typedef int (*visit_fn)(struct node *, int);"
                + " struct node { int32_t value; visit_fn visit; struct node *next; }; int f(struct node *n, struct node v);");
        assertEquals("i32(Node*, Node)", f.signature());
        assertEquals("{i32, function, pointer}", bindings.structs.get(0).signature());
        assertEquals("i32(pointer, i32)", bindings.callbacks.get(0).signature());
        assertEquals("VisitFn", bindings.structs.get(0).components().get(1).javaType());
    }

    @Test
    void aCallbackThatCannotBeACallbackInterfaceStaysAFunctionPointer() {
        Bindings.Function f = bound("void f(void (*log)(const char *fmt, ...), long double (*precise)(void));");
        assertEquals(List.of("MemorySegment", "MemorySegment"), f.parameters().stream().map(Bindings.Parameter::javaType).toList());
        assertEquals(List.of(), bindings.callbacks);
    }

    @Test
    void variadicFunctionsEndWithObjects() {
        Bindings.Function f = bound("int print(const char *format, ...);");
        assertEquals("i32(string, ...)", f.signature());
        assertEquals("Object...", f.parameters().get(1).javaType());
    }

    @Test
    void functionsWithMoreArgumentsThanTheLinkerTakesAreLeftOut() {
        String arguments = String.join(", ", Collections.nCopies(127, "long"));
        assertEquals("has 127 arguments, more than the platform's linker takes: they need 254 argument slots and it"
                + " has 252 (at most 252 arguments of 4 bytes or less, or 126 of 8 bytes; a struct by value takes 2"
                + " per 8 bytes, and errno, a struct result and variadic arguments 2 more"
                + " (errno 3 when the result is an 8-byte number)); pass some arguments in"
                + " memory, e.g. as a buffer or a struct pointer", reason("long f(" + arguments + ");"));
        assertEquals("i64(" + String.join(", ", Collections.nCopies(126, "i64")) + ")",
                signature("long f(" + String.join(", ", Collections.nCopies(126, "long")) + ");"));
    }

    @Test
    void aCallbackWithMoreArgumentsThanTheLinkerTakesStaysAFunctionPointer() {
        Bindings.Function f = bound("void f(long (*wide)(" + String.join(", ", Collections.nCopies(127, "long"))
                + "), long (*narrow)(" + String.join(", ", Collections.nCopies(126, "long")) + "));");
        assertEquals("void(function, function)", f.signature());
        assertEquals(List.of("MemorySegment", "Upcall<FNarrow>"), f.parameters().stream().map(Bindings.Parameter::javaType).toList());
    }

    @Test
    void functionsReturningAStructOfMoreThanAMebibyteAreLeftOut() {
        assertEquals("returns a struct of 1,048,584 bytes by value, more than the 1,048,576 fastffi passes that way"
                + " (to link a call, FFM looks at every element of such a struct, which for one of megabytes takes"
                + " seconds and can exhaust the heap); return a pointer to the struct instead",
                reason("struct big { long v[131073]; }; struct big f(void);"));
        assertEquals("Big(Big*)", signature("struct big { long v[131072]; }; struct big f(struct big *b);"));
    }

    @Test
    void unionsByValueAreLeftOut() {
        assertEquals("takes 'v' as union u by value, which is a union, which a signature cannot express",
                reason("union u { int i; float f; }; int f(union u v);"));
    }

    @Test
    void bitFieldsAreLeftOut() {
        assertEquals("returns struct b by value, which has a bit-field 'flag', which a signature cannot express",
                reason("struct b { unsigned flag : 1; }; struct b f(void);"));
    }

    @Test
    void longDoubleIsLeftOut() {
        assertEquals("returns a long double, which has no layout in FFM", reason("long double f(void);"));
    }

    @Test
    void vaListIsLeftOut() {
        assertEquals("takes 'ap' as a va_list, which no signature can express", reason("int f(const char *s, va_list ap);"));
    }

    @Test
    void packedStructsAreLeftOut() {
        assertEquals("takes 'p' as struct p by value, which is packed or explicitly aligned, and a signature has natural"
                + " alignment only", reason("struct __attribute__((packed)) p { char c; int i; }; int f(struct p p);"));
    }

    @Test
    void structsWithAnAlignedOrPackedFieldAreLeftOut() {
        String why = "has field 'x' that is packed or explicitly aligned, and a signature has natural alignment only";
        for (String field : List.of("int x __attribute__((aligned(16)));", "_Alignas(16) int x;",
                "__attribute__((aligned(8))) int x;", "int x __attribute__((packed));", "aligned_ll x;",
                "aligned_ll x[2];")) {
            String c = "typedef long long aligned_ll __attribute__((aligned(16))); struct s { char c; " + field
                    + " }; struct s f(void);";
            assertEquals("returns struct s by value, which " + why, reason(c), field);
        }
    }

    @Test
    void aStructTypedefWithItsOwnAlignmentIsLeftOutByValueAndAPointerByPointer() {
        String c = "struct s { int a; }; typedef struct s s16 __attribute__((aligned(16)));";
        assertEquals("takes 'v' as a struct typedef with its own alignment, which no signature can express",
                reason(c + " int f(s16 v);"));
        assertEquals("pointer(pointer)", signature(c + " s16 *f(s16 *p);"));
        assertEquals("i32(S)", signature(c + " int f(struct s v);"));
    }

    @Test
    void structsHoldingAStructWithAnAlignedFieldAreLeftOut() {
        assertEquals("takes 'o' as struct o by value, which has field 'in' of struct i, which has field 'x' that is packed"
                + " or explicitly aligned, and a signature has natural alignment only",
                reason("struct i { char c; int x __attribute__((aligned(16))); }; struct o { struct i in; };"
                        + " int f(struct o o);"));
    }

    @Test
    void alignmentOnAStructBeforeOneFieldDoesNotSpreadToTheNext() {
        assertEquals("i32(S)", signature("struct a { char c; int x __attribute__((aligned(16))); }; struct s { char c;"
                + " int x; }; int f(struct s s);"));
    }

    @Test
    void packedEnumsAreLeftOutWhereverTheyAppear() {
        String why = "a packed enum, which gcc narrows to fit its values";
        assertEquals("returns " + why, reason("enum __attribute__((packed)) e { A = 1, B = 200 }; enum e f(void);"));
        assertEquals("takes 'c' as " + why, reason("typedef enum { R, G } __attribute__((packed)) color; int f(color c);"));
        assertEquals("takes 's' as struct s by value, which has field 'c' that is " + why,
                reason("enum __attribute__((__packed__)) e { A }; struct s { enum e c; int v; }; int f(struct s s);"));
        assertEquals("i32(i32)", signature("enum e { A }; enum e f(enum e e);"));
    }

    @Test
    void gccVectorsAreLeftOutWhereverTheyAppearAndPointToAsPlainPointers() {
        String vec2d = "typedef double vec2d __attribute__((vector_size(16)));";
        String why = "a GCC vector (vector_size), which no signature can express";
        assertEquals("takes 'v' as " + why, reason(vec2d + " double f(vec2d v);"));
        assertEquals("returns " + why, reason(vec2d + " vec2d f(double a, double b);"));
        assertEquals("takes 'h' as struct holder by value, which has field 'v' that is " + why,
                reason(vec2d + " struct holder { vec2d v; int tag; }; int f(struct holder h);"));
        assertEquals("takes 'x' as " + why, reason("int f(int x __attribute__((__vector_size__(16))), int y);"));
        assertEquals("returns " + why, reason("__attribute__((vector_size(16))) float f(void);"));
        assertEquals("pointer(pointer, pointer, f64)",
                signature(vec2d + " vec2d *f(vec2d *p, double *q __attribute__((vector_size(16))), double d);"));
    }

    @Test
    void gccIntegerModesGiveTheirWidthAndKeepTheSignedness() {
        assertEquals("i8(u16, i8, u32, i64)", signature("typedef int qi_t __attribute__((mode(QI)));"
                + " typedef unsigned int uhi_t __attribute__((__mode__(__HI__)));"
                + " qi_t f(uhi_t a, char b __attribute__((mode(byte))), unsigned char c __attribute__((mode(SI))),"
                + " long d __attribute__((mode(DI))));"));
        assertEquals("u64(i64, u64, i8)", signature("typedef unsigned _Unwind_Ptr __attribute__((__mode__(__pointer__)));"
                + " typedef signed _Unwind_Sword __attribute__((__mode__(__unwind_word__)));"
                + " _Unwind_Ptr f(_Unwind_Sword a, unsigned b __attribute__((__mode__(__word__))),"
                + " int x __attribute__((mode(QI))));"));
        bound("struct m { int a __attribute__((mode(QI))); unsigned short b; int c __attribute__((mode(HI))); };"
                + " void f(struct m m);");
        assertEquals("{i8, u16, i16}", bindings.structs.get(0).signature());
        assertEquals("pointer(pointer)", signature("typedef void *ptr __attribute__((mode(pointer))); ptr f(ptr p);"));
    }

    @Test
    void gccModesNoSignatureExpressesAreLeftOut() {
        assertEquals("takes 'x' as a 128-bit integer (mode TI), which no signature can express",
                reason("typedef int ti_t __attribute__((mode(TI))); int f(ti_t x);"));
        assertEquals("returns a type of mode TF, which no signature can express",
                reason("typedef float tf_t __attribute__((mode(TF))); tf_t f(void);"));
        assertEquals("takes 'd' as a type of mode SF, which no signature can express",
                reason("int f(double d __attribute__((__mode__(__SF__))));"));
        assertEquals("takes 'p' as a type of mode SI, which no signature can express",
                reason("int f(void *p __attribute__((mode(SI))));"));
        assertEquals("takes 'e' as a type of mode QI, which no signature can express",
                reason("enum e { A } __attribute__((mode(QI))); int f(enum e e __attribute__((mode(QI))));"));
        assertEquals("takes 's' as struct s by value, which has field 'v' that is a type of mode DF, which no"
                + " signature can express", reason("struct s { float v __attribute__((mode(DF))); }; int f(struct s s);"));
    }

    @Test
    void arraysOfPointersBoolsOrFunctionsAreLeftOut() {
        assertEquals("returns struct s by value, which has field 'p' that is an array of pointer, and an array element"
                + " must be an integer or a float", reason("struct s { void *p[2]; }; struct s f(void);"));
        assertEquals("returns struct s by value, which has field 'b' that is an array of bool, and an array element"
                + " must be an integer or a float", reason("struct s { _Bool b[3]; }; struct s f(void);"));
        assertEquals("returns struct s by value, which has field 'fns' that is an array of function, and an array"
                + " element must be an integer or a float", reason("struct s { int (*fns[2])(int); }; struct s f(void);"));
        assertEquals("S()", signature("struct s { size_t n[2]; double d[2]; }; struct s f(void);"));
    }

    @Test
    void opaqueStructsByValueAreLeftOut() {
        assertEquals("takes 'argument 1' as struct o by value, which is opaque: its fields are not declared",
                reason("struct o; int f(struct o);"));
    }

    @Test
    void kAndRDeclarationsAreLeftOut() {
        assertEquals("is a K&R declaration: its parameters have no types", reason("int f(a, b);"));
    }

    @Test
    void declarationsWithoutPrototypeAreLeftOut() {
        assertEquals("has no prototype: '()' says nothing about its parameters ('(void)' would say there are none)",
                reason("int f();"));
    }

    @Test
    void flexibleArrayMembersAreLeftOut() {
        assertEquals("takes 'v' as struct v by value, which has a flexible array member 'data'",
                reason("struct v { int n; char data[]; }; int f(struct v v);"));
    }

    @Test
    void anonymousMembersAreLeftOut() {
        assertEquals("takes 'a' as struct a by value, which has an anonymous struct or union member",
                reason("struct a { int kind; union { int i; float f; }; }; int f(struct a a);"));
    }

    @Test
    void arraysOfStructsInStructsAreLeftOut() {
        assertEquals("takes 'b' as struct b by value, which has an array of structs 'items', which a signature cannot express",
                reason("struct a { int x; }; struct b { struct a items[2]; }; int f(struct b b);"));
    }

    @Test
    void aStructWithAnUnmappableFieldIsLeftOut() {
        assertEquals("takes 'c' as struct c by value, which has field 'x' that is a long double, which has no layout in FFM",
                reason("struct c { long double x; }; int f(struct c c);"));
    }

    @Test
    void wideAndComplexNumbersAreLeftOut() {
        assertEquals("returns an __int128, which has no layout in FFM", reason("__int128 f(void);"));
        assertEquals("returns a _Float128, which has no layout in FFM", reason("_Float128 f(void);"));
        assertEquals("returns a _Complex number, which no signature can express", reason("double _Complex f(void);"));
    }

    @Test
    void atomicAndTypeofTypesAreLeftOut() {
        assertEquals("takes 'a' as an _Atomic type, which no signature can express", reason("int f(_Atomic int a);"));
        assertEquals("takes 'b' as a typeof type, which no signature can express", reason("int f(__typeof__(1) b);"));
    }

    @Test
    void aFunctionDeclaredThroughAFunctionTypedefIsBound() {
        Bindings.Function f = bound("typedef int fn_t(int value); fn_t declared;");
        assertEquals("i32(i32)", f.signature());
        assertEquals(List.of("value"), f.parameters().stream().map(Bindings.Parameter::name).toList());
    }

    @Test
    void aDollarSignInATypeOrParameterNameIsKeptAndInAFunctionSymbolSaidToBeUnbindable() {
        Bindings.Function f = bound("struct dol$s { int a; }; struct dol$s dol_get(int a$b);");
        assertEquals("DolS(i32) a$b", f.signature() + " " + f.parameters().get(0).name());
        assertEquals("has the symbol 'dol$fn', which @NativeFunction cannot name: its symbols take letters, digits"
                + " and '_' only", reason("int dol$fn(int x);"));
    }

    @Test
    void staticFunctionsAreLeftOut() {
        assertEquals("is static, so no library exports it", reason("static int f(void) { return 1; }"));
    }

    @Test
    void namesLoseThePrefixAndJavaKeywordsAndObjectMethodsGetAnUnderscore() {
        assertEquals("open", Naming.method("sqlite3_open", "sqlite3_"));
        assertEquals("new_", Naming.method("lib_new", "lib_"));
        assertEquals("toString_", Naming.method("toString", ""));
        assertEquals("lib_2d", Naming.method("lib_2d", "lib_"));
        assertEquals("ZStreamS", Naming.type("z_stream_s"));
        assertEquals("T2d", Naming.type("2d"));
        assertEquals("MyLib", Naming.type("my-lib"));
        assertEquals("FooBar", Naming.type("foo.bar"));
        assertEquals("CCompat", Naming.type("c++compat"));
        assertEquals("MathcallsNarrow", Naming.type("mathcalls-narrow"));
        assertEquals("T3d", Naming.type("3d"));
        assertEquals("T", Naming.type("+-"));
    }

    @Test
    void recordComponentsThatWouldClashWithObjectMethodsGetAnUnderscore() {
        bound("struct s { int toString; int hashCode; int class; }; void f(struct s s);");
        assertEquals(List.of("toString_", "hashCode_", "class_"),
                bindings.structs.get(0).components().stream().map(Bindings.Parameter::name).toList());
    }

    @Test
    void parametersWithoutNamesOrWithKeywordNamesGetJavaNames() {
        Bindings.Function f = bound("int f(int, int class, int arg0);");
        assertEquals(List.of("arg0", "class_", "arg02"), f.parameters().stream().map(Bindings.Parameter::name).toList());
    }
}

package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Record components of every carrier the type table allows both ways, and the path they put a method on. */
class StructCarrierRulesTest {

    private static StructRecords.RecordView view(String name, StructRecords.Component... components) {
        return new StructRecords.RecordView() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<StructRecords.Component> components() {
                return List.of(components);
            }
        };
    }

    private static StructRecords.Component component(String name, String type) {
        return new StructRecords.Component(name, type, null);
    }

    private static MethodView.JavaRecord record(StructRecords.RecordView view) {
        return new MethodView.JavaRecord(view, "a." + view.name(), true, null);
    }

    private static MethodCheck check(String signature, MethodView.Parameter result, MethodView.Parameter... parameters) {
        return MethodRules.check(new MethodView("f", new MethodView.Function(signature, "", false, false, false, false),
                List.of(parameters), new MethodView.Result(result.typeName(), result.record(), false,
                        JavaTypes.simpleName(result.typeName())), false), true);
    }

    private static MethodView.Parameter of(MethodView.JavaRecord record) {
        return new MethodView.Parameter(record.qualifiedName(), record);
    }

    private static final MethodView.Parameter VOID = new MethodView.Parameter("void", null);

    @Test
    void aFieldTakesWhatTheTableAllowsBothAsArgumentAndAsResult() {
        assertEquals(List.of("byte", "int", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long"),
                JavaTypes.allowedFields(NativeType.U8));
        assertEquals(List.of("short", "int", "java.lang.Short", "java.lang.Integer", "java.lang.Long"),
                JavaTypes.allowedFields(NativeType.I16));
        assertEquals(List.of("char", "int", "java.lang.Character", "java.lang.Integer", "java.lang.Long"),
                JavaTypes.allowedFields(NativeType.U16));
        assertEquals(List.of("int", "long", "java.lang.Integer", "java.lang.Long"),
                JavaTypes.allowedFields(NativeType.U32));
        assertEquals(List.of("long", "java.lang.Long", JavaTypes.BIG_INTEGER), JavaTypes.allowedFields(NativeType.U64));
        assertEquals(List.of(JavaTypes.SEGMENT, "long", "java.lang.Long", JavaTypes.BIG_INTEGER),
                JavaTypes.allowedFields(NativeType.POINTER));
        assertEquals(List.of(JavaTypes.SEGMENT, JavaTypes.CALLBACK), JavaTypes.allowedFields(NativeType.FUNCTION));
    }

    @Test
    void primitivesAreFastFieldsAndBoxesAreCompat() {
        assertEquals(JavaTypes.Support.FAST, JavaTypes.field(NativeType.U8, "int"));
        assertEquals(JavaTypes.Support.FAST, JavaTypes.field(NativeType.U32, "long"));
        assertEquals(JavaTypes.Support.FAST, JavaTypes.field(NativeType.POINTER, "long"));
        assertEquals(JavaTypes.Support.COMPAT, JavaTypes.field(NativeType.U64, JavaTypes.BIG_INTEGER));
        assertEquals(JavaTypes.Support.COMPAT, JavaTypes.field(NativeType.BOOL, "java.lang.Boolean"));
        assertEquals(JavaTypes.Support.NONE, JavaTypes.field(NativeType.I16, "java.lang.Byte"));
        assertEquals(JavaTypes.Support.NONE, JavaTypes.field(NativeType.FUNCTION, JavaTypes.UPCALL));
        assertEquals(JavaTypes.Support.COMPAT, JavaTypes.field(NativeType.FUNCTION, JavaTypes.CALLBACK));
        assertEquals(JavaTypes.Support.NONE, JavaTypes.field(NativeType.FUNCTION, JavaTypes.CALLBACK_COMPAT_VIEW));
        assertEquals(JavaTypes.Support.NONE, JavaTypes.field(NativeType.POINTER, JavaTypes.CALLBACK));
    }

    @Test
    void widenedPrimitiveComponentsMatchAndKeepTheMethodFast() {
        MethodView.JavaRecord flags = record(view("Flags", component("a", "int"), component("b", "long"),
                component("c", "long")));

        MethodCheck check = check("void({u8, u32, pointer})", VOID, of(flags));

        assertEquals(List.of(), check.violations());
        assertTrue(check.plan().fast());
    }

    @Test
    void aBoxedComponentPutsTheWholeMethodOnTheCompatibilityPathNamingTheComponent() {
        MethodView.JavaRecord flags = record(view("Flags", component("a", "int"),
                component("mode", "java.lang.Integer")));

        MethodCheck check = check("i32({u8, u16})", new MethodView.Parameter("int", null), of(flags));

        assertFalse(check.plan().fast());
        assertEquals("argument 0 is Flags: record Flags component 'mode' is Integer: boxed values are on the"
                + " compatibility path; use int to stay fast", check.plan().reason());
    }

    @Test
    void aStringBesideABoxedComponentGoesThroughTheCompatibilityFunction() {
        MethodView.JavaRecord flags = record(view("Flags", component("mode", "java.lang.Integer")));

        MethodCheck check = check("void({u8}, string)", VOID, of(flags),
                new MethodView.Parameter(JavaTypes.STRING, null));

        assertFalse(check.plan().fast());
        assertFalse(check.plan().direct());
    }

    @Test
    void aStringBesideWidenedPrimitivesStaysDirect() {
        MethodView.JavaRecord flags = record(view("Flags", component("mode", "int")));

        MethodCheck check = check("void({u8}, string)", VOID, of(flags),
                new MethodView.Parameter(JavaTypes.STRING, null));

        assertFalse(check.plan().fast());
        assertTrue(check.plan().direct());
    }

    @Test
    void aBigIntegerComponentOfANestedResultRecordIsTheReason() {
        StructRecords.RecordView inner = view("Inner", component("size", JavaTypes.BIG_INTEGER));
        MethodView.JavaRecord outer = record(view("Outer", component("tag", "byte"),
                new StructRecords.Component("inner", "a.Inner", inner)));

        MethodCheck check = check("{i8, {u64}}()", of(outer));

        assertFalse(check.plan().fast());
        assertEquals("the result is Outer: record Inner component 'size' is BigInteger: BigInteger values are on the"
                + " compatibility path; use long to stay fast", check.plan().reason());
    }

    @Test
    void requireFastWithABoxedComponentIsAViolation() {
        MethodView.JavaRecord flags = record(view("Flags", component("on", "java.lang.Boolean")));

        MethodCheck check = MethodRules.check(new MethodView("f", new MethodView.Function("void({bool})", "", false,
                false, true, false), List.of(of(flags)), new MethodView.Result("void", null, false, "void"), false),
                true);

        assertNull(check.plan());
        assertEquals("@NativeFunction(requireFast = true), but 'f' is not fast-path eligible: argument 0 is Flags:"
                + " record Flags component 'on' is Boolean: boxed values are on the compatibility path; use boolean"
                + " to stay fast.", check.violations().get(0).text());
    }

    @Test
    void aComponentOutsideTheTableListsEveryAllowedCarrier() {
        MethodView.JavaRecord flags = record(view("Flags", component("a", "java.lang.Byte")));

        MethodCheck check = check("void({i16})", VOID, of(flags));

        assertEquals("Argument 0 of @NativeFunction(\"void({i16})\") is the struct {i16}: record Flags component 'a'"
                + " is Byte, but the field is i16; declare it as short, int, Short, Integer or Long.",
                check.violations().get(0).text());
    }

    @Test
    void aFixedArrayTakesOnlyAnArrayOfTheFieldsCarrier() {
        MethodView.JavaRecord bytes = record(view("Bytes", component("data", "int[]")));

        MethodCheck check = check("void({[4]u8})", VOID, of(bytes));

        assertEquals("Argument 0 of @NativeFunction(\"void({[4]u8})\") is the struct {[4]u8}: record Bytes component"
                + " 'data' is int[], but the field is [4]u8; declare it as byte[] (a fixed array is an array of the"
                + " field's carrier).", check.violations().get(0).text());
    }

    @Test
    void aCallbackComponentMatchesAFunctionFieldAndPutsTheMethodOnTheCompatibilityPath() {
        MethodView.JavaRecord op = record(view("Op", component("tag", "int"), component("apply", JavaTypes.CALLBACK)));

        MethodCheck check = check("i64({i32, function}, i64)", new MethodView.Parameter("long", null), of(op),
                new MethodView.Parameter("long", null));

        assertEquals(List.of(), check.violations());
        assertFalse(check.plan().fast());
        assertFalse(check.plan().direct());
        assertEquals("argument 0 is Op: record Op component 'apply' is a @NativeCallback interface: such a field is"
                + " read as a view of the function pointer and written as a callback object's stub, both on the"
                + " compatibility path; declare it as MemorySegment to stay fast", check.plan().reason());
    }

    @Test
    void aCallbackComponentForAPointerFieldIsAViolationListingTheAllowedCarriers() {
        MethodView.JavaRecord op = record(view("Op", component("apply", JavaTypes.CALLBACK)));

        MethodCheck check = check("void({pointer})", VOID, of(op));

        assertEquals("Argument 0 of @NativeFunction(\"void({pointer})\") is the struct {pointer}: record Op component"
                + " 'apply' is a @NativeCallback interface, but the field is pointer; declare it as MemorySegment,"
                + " long, Long or BigInteger.", check.violations().get(0).text());
    }
}

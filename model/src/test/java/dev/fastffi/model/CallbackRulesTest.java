package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Structs by value in callback signatures, and how a callback's view is named as a function result. */
class CallbackRulesTest {

    private record View(String name, List<StructRecords.Component> components) implements StructRecords.RecordView {}

    private static final MethodView.JavaRecord PAIR = new MethodView.JavaRecord(new View("Pair", List.of(
            new StructRecords.Component("a", "int", null), new StructRecords.Component("b", "int", null))),
            "com.x.Pair", true, Signature.tryParse("{i32, i32}()"));

    private static final MethodView.JavaRecord LOOSE = new MethodView.JavaRecord(new View("Loose", List.of(
            new StructRecords.Component("a", "double", null))), "com.x.Loose", true, null);

    private static CallbackRules.CallbackCheck check(String signature, List<String> types, String result,
            List<MethodView.JavaRecord> records, MethodView.JavaRecord resultRecord) {
        return CallbackRules.check(new CallbackRules.CallbackView("Swap", signature, 1, "swap", types, result,
                records, resultRecord));
    }

    @Test
    void aStructArrivesAndReturnsAsItsRecordByShapeOrByName() {
        assertEquals(List.of(), check("{i32, i32}({i32, i32})", List.of("com.x.Pair"), "com.x.Pair",
                List.of(PAIR), PAIR).violations());
        assertEquals(List.of(), check("Pair(Pair, i32)", List.of("com.x.Pair", "int"), "com.x.Pair",
                java.util.Arrays.asList(PAIR, null), PAIR).violations());
    }

    @Test
    void aStructThatIsNoRecordIsReportedOnTheParameterAndTheMethod() {
        List<Violation> violations = check("{i32, i32}({i32, i32})", List.of("int"), "long",
                java.util.Arrays.asList((MethodView.JavaRecord) null), null).violations();

        assertEquals(List.of("Argument 0 of @NativeCallback(\"{i32, i32}({i32, i32})\") is C type '{i32, i32}', which"
                + " cannot arrive as int; use a record whose components match its fields.",
                "The result of @NativeCallback(\"{i32, i32}({i32, i32})\") is C type '{i32, i32}', which cannot be"
                + " returned as long; use a record whose components match its fields."),
                violations.stream().map(Violation::text).toList());
        assertEquals(List.of(Violation.Place.PARAMETER, Violation.Place.METHOD),
                violations.stream().map(Violation::place).toList());
    }

    @Test
    void aRecordThatDoesNotMatchTheStructIsReportedOnTheParameter() {
        List<Violation> violations = check("void({i32, i32})", List.of("com.x.Loose"), "void", List.of(LOOSE), null)
                .violations();

        assertEquals(List.of(Violation.Place.PARAMETER, Violation.Place.PARAMETER),
                violations.stream().map(Violation::place).toList());
        assertEquals(List.of("Argument 0 of @NativeCallback(\"void({i32, i32})\") is the struct {i32, i32}: record Loose"
                + " component 'a' is double, but the field is i32; declare it as int, Integer or Long.",
                "Argument 0 of @NativeCallback(\"void({i32, i32})\") is the struct {i32, i32}: record Loose has 1"
                + " components but {i32, i32} has 2 fields; add a component for int."),
                violations.stream().map(Violation::text).toList());
    }

    @Test
    void aResultRecordThatDoesNotMatchTheStructIsReportedOnTheMethod() {
        List<Violation> violations = check("{i32, i32}()", List.of(), "com.x.Loose", List.of(), LOOSE).violations();

        assertEquals(List.of(Violation.Place.METHOD, Violation.Place.METHOD),
                violations.stream().map(Violation::place).toList());
        assertEquals(Message.CALLBACK_STRUCT_MISMATCH, violations.get(0).message());
    }

    @Test
    void aTypeVariableTheInterfaceLeavesUnboundIsReportedWhereItsErasureWouldBe() {
        List<Violation> violations = CallbackRules.check(new CallbackRules.CallbackView("Make", "pointer(pointer, i32)",
                1, "apply", List.of("java.lang.Object", "int"), "java.lang.Object", java.util.Arrays.asList(null, null),
                null, List.of(), List.of(new CallbackRules.UnboundType(0, "T", "java.util.function.BiFunction"),
                        new CallbackRules.UnboundType(Violation.RESULT, "R", "java.util.function.BiFunction"))))
                .violations();

        assertEquals(List.of("Argument 0 of @NativeCallback(\"pointer(pointer, i32)\") is declared as T in"
                + " 'java.util.function.BiFunction', which 'Make' does not bind to a concrete type; give the generic"
                + " interfaces 'Make' extends their type arguments, as in 'extends Comparator<MemorySegment>' rather"
                + " than raw 'extends Comparator', and declare no type parameters on it.",
                "The result of @NativeCallback(\"pointer(pointer, i32)\") is declared as R in"
                + " 'java.util.function.BiFunction', which 'Make' does not bind to a concrete type; give the generic"
                + " interfaces 'Make' extends their type arguments, as in 'extends Comparator<MemorySegment>' rather"
                + " than raw 'extends Comparator', and declare no type parameters on it."),
                violations.stream().map(Violation::text).toList());
        assertEquals(List.of(Violation.Place.PARAMETER, Violation.Place.METHOD),
                violations.stream().map(Violation::place).toList());
    }

    @Test
    void aCallbackWithFastTypesHasAFastViewAndBoxedOrStringTypesAViewOnTheCompatibilityPath() {
        assertEquals(JavaTypes.CALLBACK, CallbackRules.viewTypeName(new CallbackRules.CallbackView("Add", "i32(i32, u8)",
                1, "add", List.of("int", "int"), "int")));
        assertEquals(JavaTypes.CALLBACK_COMPAT_VIEW, CallbackRules.viewTypeName(new CallbackRules.CallbackView("Add",
                "i32(i32)", 1, "add", List.of("java.lang.Integer"), "int")));
        assertEquals(JavaTypes.CALLBACK_COMPAT_VIEW, CallbackRules.viewTypeName(new CallbackRules.CallbackView("Log",
                "void(string)", 1, "log", List.of(JavaTypes.STRING), "void")));
    }

    @Test
    void aCompatibilityPathViewResultSaysWhyAndHowToStayFast() {
        Signature signature = Signature.parse("function()");

        assertEquals("the result is a @NativeCallback interface with a compatibility-path view: the callback method"
                + " has boxed, BigInteger or String types, so its view calls the function on the compatibility path;"
                + " give it fast types or return MemorySegment to stay fast",
                Eligibility.compatReason(signature, List.of(), JavaTypes.CALLBACK_COMPAT_VIEW).orElseThrow());
        assertEquals(true, Eligibility.compatReason(signature, List.of(), JavaTypes.CALLBACK).isEmpty());
    }
}

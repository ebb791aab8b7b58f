package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan and the violations the one rule set gives for a method view. */
class MethodRulesTest {

    private static MethodView method(String signature, String result, String... parameters) {
        return new MethodView("f", new MethodView.Function(signature, "", false, false, false, false),
                Arrays.stream(parameters).map(type -> new MethodView.Parameter(type, null)).toList(),
                new MethodView.Result(result, null, false, result), false);
    }

    @Test
    void fastTypesPlanTheFastPathWithNoReason() {
        MethodCheck.Plan plan = MethodRules.check(method("i32(i32)", "int", "int"), true).plan();

        assertTrue(plan.fast());
        assertTrue(plan.direct());
        assertEquals("", plan.reason());
    }

    @Test
    void onlyStringArgumentsAreCompatButCalledDirectly() {
        MethodCheck.Plan plan = MethodRules.check(method("usize(string)", "long", JavaTypes.STRING), true).plan();

        assertFalse(plan.fast());
        assertTrue(plan.direct());
        assertTrue(plan.reason().startsWith("argument 0 is String: strings need a temporary UTF-8 copy"), plan.reason());
    }

    @Test
    void aBoxedArgumentGoesThroughTheCompatFunction() {
        MethodCheck.Plan plan = MethodRules.check(method("i32(i32)", "int", "java.lang.Integer"), true).plan();

        assertFalse(plan.direct());
        assertEquals("argument 0 is Integer: boxed values are on the compatibility path; use int to stay fast",
                plan.reason());
    }

    @Test
    void fastDisabledPutsAFastMethodOnTheCompatPathWithThatReason() {
        MethodCheck.Plan plan = MethodRules.check(method("i32(i32)", "int", "int"), false).plan();

        assertFalse(plan.fast());
        assertEquals(Eligibility.FAST_DISABLED_REASON, plan.reason());
    }

    @Test
    void everyViolationIsFoundAndThereIsNoPlan() {
        MethodCheck check = MethodRules.check(method("u64(i32, i32)", "double", "int", "java.lang.String"), true);

        assertNull(check.plan());
        List<Message> messages = check.violations().stream().map(Violation::message).toList();
        assertEquals(List.of(Message.ARGUMENT_TYPE, Message.RESULT_TYPE), messages);
        assertEquals(Violation.Place.PARAMETER, check.violations().get(0).place());
        assertEquals(1, check.violations().get(0).parameter());
        assertEquals(Violation.Place.METHOD, check.violations().get(1).place());
    }

    @Test
    void aBadSignatureIsReportedOnTheValueAndStopsTheCheck() {
        MethodCheck check = MethodRules.check(method("i32(bufer)", "int", "int"), true);

        assertEquals(1, check.violations().size());
        Violation violation = check.violations().get(0);
        assertEquals(Violation.Place.ANNOTATION, violation.place());
        assertEquals("value", violation.member());
        assertEquals("@NativeFunction(\"i32(bufer)\"): unknown type 'bufer' at column 5; did you mean 'buffer'?",
                violation.text());
    }

    @Test
    void asyncResultUnboxesOnlyWhereTheCResultAllowsThePrimitive() {
        assertEquals("int", JavaTypes.asyncResult(NativeType.I32, "java.lang.Integer"));
        assertEquals("java.lang.Short", JavaTypes.asyncResult(NativeType.I8, "java.lang.Short"));
        assertEquals("void", JavaTypes.asyncResult(NativeType.VOID, "java.lang.Void"));
        assertEquals("java.lang.String", JavaTypes.asyncResult(NativeType.STRING, "java.lang.String"));
    }
}

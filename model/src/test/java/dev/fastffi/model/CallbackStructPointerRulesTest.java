package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.model.JavaTypes.Support;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Struct pointers in callback signatures, and the struct names a callback's signature may use. */
class CallbackStructPointerRulesTest {

    private record View(String name, List<StructRecords.Component> components) implements StructRecords.RecordView {}

    private static MethodView.JavaRecord pair(String qualifiedName) {
        return new MethodView.JavaRecord(new View("Pair", List.of(new StructRecords.Component("a", "int", null),
                new StructRecords.Component("b", "int", null))), qualifiedName, true, Signature.tryParse("{i32, i32}()"));
    }

    private static final MethodView.JavaRecord PAIR = pair("com.x.Pair");

    private static CallbackRules.CallbackCheck check(String signature, List<String> types, String result,
            List<MethodView.JavaRecord> records, MethodView.JavaRecord resultRecord,
            List<MethodView.JavaRecord> named) {
        return CallbackRules.check(new CallbackRules.CallbackView("Visit", signature, 1, "visit", types, result,
                records, resultRecord, named, List.of()));
    }

    private static List<String> texts(CallbackRules.CallbackCheck check) {
        return check.violations().stream().map(Violation::text).toList();
    }

    @Test
    void aStructPointerArrivesAsItsRecordOrAsASegment() {
        CallbackRules.CallbackCheck byRecord = check("void(Pair*)", List.of("com.x.Pair"), "void", List.of(PAIR),
                null, List.of());
        CallbackRules.CallbackCheck bySegment = check("void({i32, i32}*)", List.of(JavaTypes.SEGMENT), "void",
                Arrays.asList((MethodView.JavaRecord) null), null, List.of());

        assertEquals(List.of(), byRecord.violations());
        assertEquals(NativeType.STRUCT_POINTER, byRecord.signature().parameter(0));
        assertEquals(List.of(), bySegment.violations());
    }

    @Test
    void aStructPointerOfAnotherTypeIsReportedOnTheParameter() {
        CallbackRules.CallbackCheck check = check("void({i32, i32}*)", List.of("long"), "void",
                Arrays.asList((MethodView.JavaRecord) null), null, List.of());

        assertEquals(List.of("Argument 0 of @NativeCallback(\"void({i32, i32}*)\") is a pointer to the struct"
                + " {i32, i32}, which cannot arrive as long; use a record matching the struct, read once when C"
                + " calls, or MemorySegment, sized to the struct."), texts(check));
        assertEquals(Violation.Place.PARAMETER, check.violations().get(0).place());
        assertEquals(Message.CALLBACK_STRUCT_POINTER_ARGUMENT_TYPE, check.violations().get(0).message());
    }

    @Test
    void aStructPointerRecordThatDoesNotMatchIsReportedOnTheParameter() {
        CallbackRules.CallbackCheck check = check("void({i32}*)", List.of("com.x.Pair"), "void", List.of(PAIR),
                null, List.of());

        assertEquals(List.of(Violation.Place.PARAMETER),
                check.violations().stream().map(Violation::place).toList());
        assertEquals(Message.CALLBACK_STRUCT_MISMATCH, check.violations().get(0).message());
    }

    @Test
    void aStructPointerResultIsASegmentOnlyAndARecordResultSaysWhoWouldOwnTheMemory() {
        String expected = "The result of @NativeCallback(\"Pair*()\") is a pointer to the struct {i32, i32}, which"
                + " cannot be returned as %s: C gets only the address, and no one would own memory made for it;"
                + " return a MemorySegment from an Arena the caller owns (NativeMemory.write fills it from a record).";

        assertEquals(List.of(), check("Pair*()", List.of(), JavaTypes.SEGMENT, List.of(), null, List.of(PAIR))
                .violations());
        CallbackRules.CallbackCheck record = check("Pair*()", List.of(), "com.x.Pair", List.of(), PAIR, List.of());
        assertEquals(List.of(String.format(expected, "Pair")), texts(record));
        assertEquals(Violation.Place.METHOD, record.violations().get(0).place());
        assertEquals(Message.CALLBACK_STRUCT_POINTER_RESULT_TYPE, record.violations().get(0).message());
        assertEquals(List.of(String.format(expected, "long")),
                texts(check("Pair*()", List.of(), "long", List.of(), null, List.of(PAIR))));
    }

    @Test
    void aNameResolvesToARecordOfTheInterfaceOrItsPackageAndTwoRecordsOfOneNameAreAmbiguous() {
        assertEquals(List.of(), check("void(Pair*)", List.of(JavaTypes.SEGMENT), "void",
                Arrays.asList((MethodView.JavaRecord) null), null, List.of(PAIR)).violations());

        CallbackRules.CallbackCheck ambiguous = check("void(Pair*)", List.of("com.x.Pair"), "void", List.of(PAIR),
                null, List.of(pair("com.y.Pair")));
        assertEquals(1, ambiguous.violations().size());
        assertEquals(Message.CALLBACK_SIGNATURE_INVALID, ambiguous.violations().get(0).message());
        assertTrue(texts(ambiguous).get(0).contains("struct name 'Pair' is ambiguous: it names com.x.Pair and"
                + " com.y.Pair"), texts(ambiguous).get(0));
    }

    @Test
    void theTableListsSegmentsForStructPointersInCallbacks() {
        assertEquals(Support.FAST, JavaTypes.callbackArgument(NativeType.STRUCT_POINTER, JavaTypes.SEGMENT));
        assertEquals(Support.FAST, JavaTypes.callbackResult(NativeType.STRUCT_POINTER, JavaTypes.SEGMENT));
        assertEquals(Support.NONE, JavaTypes.callbackResult(NativeType.STRUCT_POINTER, "com.x.Pair"));
        assertEquals(List.of(JavaTypes.SEGMENT), JavaTypes.allowedCallbackArguments(NativeType.STRUCT_POINTER));
        assertEquals(List.of(JavaTypes.SEGMENT), JavaTypes.allowedCallbackResults(NativeType.STRUCT_POINTER));
    }
}

package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules for struct pointers, owned results and the struct names a signature may use. */
class StructPointerRulesTest {
    private static final String POINT_STRUCT = "{f64, f64}";

    private static MethodView.JavaRecord point(String qualifiedName) {
        StructRecords.RecordView view = new StructRecords.RecordView() {
            @Override
            public String name() {
                return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
            }

            @Override
            public List<StructRecords.Component> components() {
                return List.of(new StructRecords.Component("x", "double", null),
                        new StructRecords.Component("y", "double", null));
            }
        };
        return new MethodView.JavaRecord(view, qualifiedName, true, Signature.tryParse(POINT_STRUCT + "()"));
    }

    private static MethodView method(String signature, String free, MethodView.Parameter result,
            List<MethodView.JavaRecord> named, MethodView.Parameter... parameters) {
        return new MethodView("f", new MethodView.Function(signature, "", false, false, false, false, free),
                List.of(parameters), new MethodView.Result(result.typeName(), result.record(), false,
                        JavaTypes.simpleName(result.typeName())), false, named);
    }

    private static MethodView.Parameter plain(String type) {
        return new MethodView.Parameter(type, null);
    }

    private static MethodView.Parameter record(MethodView.JavaRecord record) {
        return new MethodView.Parameter(record.qualifiedName(), record);
    }

    @Test
    void aRecordAnArrayAndASegmentAreFastStructPointerArguments() {
        MethodView.JavaRecord point = point("a.Point");
        for (MethodView.Parameter parameter : List.of(record(point), plain(JavaTypes.SEGMENT),
                new MethodView.Parameter(JavaTypes.STRUCT_ARRAY, point))) {
            MethodCheck check = MethodRules.check(method("void(Point*)", "", plain("void"), List.of(point), parameter),
                    true);

            assertEquals(List.of(), check.violations());
            assertTrue(check.plan().fast(), parameter.typeName());
        }
    }

    @Test
    void aRecordAndASegmentAreFastStructPointerResults() {
        MethodView.JavaRecord point = point("a.Point");
        for (MethodView.Parameter result : List.of(record(point), plain(JavaTypes.SEGMENT))) {
            MethodCheck check = MethodRules.check(method("Point*()", "", result, List.of(point)), true);

            assertTrue(check.plan().fast(), result.typeName());
        }
    }

    @Test
    void aStructPointerArgumentOfAnotherTypeIsAViolationOnTheParameter() {
        MethodCheck check = MethodRules.check(method("void({f64, f64}*)", "", plain("void"), List.of(),
                plain("long")), true);

        assertNull(check.plan());
        assertEquals(Violation.Place.PARAMETER, check.violations().get(0).place());
        assertEquals("Argument 0 of @NativeFunction(\"void({f64, f64}*)\") is a pointer to the struct {f64, f64},"
                + " which cannot be passed as long; pass a record matching the struct, an array of @NativeStruct"
                + " records or MemorySegment.", check.violations().get(0).text());
    }

    @Test
    void aStructPointerResultOfAnotherTypeIsAViolationOnTheMethod() {
        MethodCheck check = MethodRules.check(method("{f64, f64}*()", "", plain("long"), List.of()), true);

        assertEquals(Violation.Place.METHOD, check.violations().get(0).place());
        assertEquals("The result of @NativeFunction(\"{f64, f64}*()\") is a pointer to the struct {f64, f64},"
                + " which cannot be returned as long; return a record matching the struct or MemorySegment.",
                check.violations().get(0).text());
    }

    @Test
    void aRecordThatDoesNotMatchThePointedStructIsAMismatchOnTheParameter() {
        MethodCheck check = MethodRules.check(method("void({i32}*)", "", plain("void"), List.of(),
                record(point("a.Point"))), true);

        assertEquals(Message.STRUCT_MISMATCH, check.violations().get(0).message());
        assertEquals(Violation.Place.PARAMETER, check.violations().get(0).place());
        assertEquals(0, check.violations().get(0).parameter());
    }

    @Test
    void aResultRecordThatDoesNotMatchItsStructIsAMismatchOnTheMethod() {
        MethodCheck check = MethodRules.check(method("{i32}*()", "", record(point("a.Point")), List.of()), true);

        assertEquals(Message.STRUCT_MISMATCH, check.violations().get(0).message());
        assertEquals(Violation.Place.METHOD, check.violations().get(0).place());
    }

    @Test
    void aNamedStructMayComeFromTheInterfaceOrItsPackage() {
        MethodCheck check = MethodRules.check(method("void(Point*)", "", plain("void"), List.of(point("a.Point")),
                plain(JavaTypes.SEGMENT)), true);

        assertEquals("void({f64, f64}*)", check.plan().signature().toString());
    }

    @Test
    void twoRecordsOfOneSimpleNameAreAnInvalidSignature() {
        MethodView.JavaRecord first = point("a.Point");
        MethodCheck check = MethodRules.check(method("void(Point*)", "", plain("void"),
                List.of(point("a.Api.Point"), first), record(first)), true);

        assertEquals(Message.SIGNATURE_INVALID, check.violations().get(0).message());
        assertEquals("@NativeFunction(\"void(Point*)\"): struct name 'Point' is ambiguous: it names a.Api.Point and"
                + " a.Point at column 6; rename one of the records", check.violations().get(0).text());
    }

    @Test
    void oneRecordSeenTwiceIsNotAmbiguous() {
        MethodView.JavaRecord point = point("a.Point");
        MethodCheck check = MethodRules.check(method("Point*(Point*)", "", record(point), List.of(point),
                record(point)), true);

        assertTrue(check.isClean(), check.violations().toString());
    }

    @Test
    void freeOnAStringOrARecordResultIsAllowed() {
        assertTrue(MethodRules.check(method("string()", "free", plain(JavaTypes.STRING), List.of()), true).isClean());
        MethodCheck record = MethodRules.check(method("Point*()", "free", record(point("a.Point")), List.of()), true);
        assertTrue(record.plan().fast());
    }

    @Test
    void freeOnAnyOtherResultIsAViolationOnFree() {
        Violation violation = MethodRules.check(method("pointer()", "free", plain(JavaTypes.SEGMENT), List.of()),
                true).violations().get(0);

        assertEquals("free", violation.member());
        assertEquals("@NativeFunction(free = \"free\") frees a result C allocated, but the result of \"pointer()\""
                + " is 'pointer'; only a 'string' or struct-pointer result can be freed, so remove free.",
                violation.text());
    }

    @Test
    void freeOnAStructPointerReturnedAsASegmentIsAViolation() {
        Violation violation = MethodRules.check(method("{f64, f64}*()", "release", plain(JavaTypes.SEGMENT),
                List.of()), true).violations().get(0);

        assertEquals("@NativeFunction(free = \"release\") frees the result right after the call, so method 'f'"
                + " cannot return it as MemorySegment, which would point at freed memory; return a record matching"
                + " the struct instead.",
                violation.text());
    }

    @Test
    void freeOnAStringReturnedAsASegmentAdvisesString() {
        List<Violation> violations = MethodRules.check(method("string(i32)", "free", plain(JavaTypes.SEGMENT),
                List.of(), plain("int")), true).violations();

        assertEquals(List.of("@NativeFunction(free = \"free\") frees the result right after the call, so method 'f'"
                + " cannot return it as MemorySegment, which would point at freed memory; return String instead."),
                violations.stream().filter(v -> v.message() == Message.FREE_SEGMENT_RESULT).map(Violation::text)
                        .toList());
    }

    @Test
    void freeMustBeACIdentifier() {
        Violation violation = MethodRules.check(method("string()", "my free", plain(JavaTypes.STRING), List.of()),
                true).violations().get(0);

        assertEquals("@NativeFunction(free = \"my free\") is not a valid C identifier; use letters, digits and '_',"
                + " not starting with a digit.", violation.text());
    }
}

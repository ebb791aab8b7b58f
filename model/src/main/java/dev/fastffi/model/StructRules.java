package dev.fastffi.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for a {@code @NativeStruct} record: its value is a valid struct, and its components
 * match the struct's fields. The processor checks every such record it compiles, the runtime
 * every one a method it reads passes or returns.
 */
public final class StructRules {
    private StructRules() {}

    /**
     * What is wrong with {@code record}, annotated {@code @NativeStruct(text)} that parsed as
     * {@code parsed}; violations sit on the annotation's value or on the record's components.
     */
    public static List<Violation> check(String text, ParseResult parsed, StructRecords.RecordView record) {
        // such a record's value names itself too, so it cannot parse: say why first
        Optional<StructRecords.SelfReference> itself = StructRecords.selfReference(record);
        if (itself.isPresent()) {
            return List.of(Violation.onAnnotation("value", Message.NATIVE_STRUCT_RECURSIVE, text,
                    itself.get().record(), itself.get().path()));
        }
        if (!parsed.isValid()) {
            return List.of(Violation.onAnnotation("value", Message.NATIVE_STRUCT_INVALID, text,
                    parsed.error().describe()));
        }
        if (parsed.signature().returnType() != NativeType.STRUCT) {
            return List.of(Violation.onAnnotation("value", Message.NATIVE_STRUCT_NOT_A_STRUCT, text));
        }
        List<Violation> violations = new ArrayList<>();
        for (StructRecords.Mismatch mismatch : StructRecords.check(parsed.signature().returnStruct(), record)) {
            violations.add(Violation.onRecord(mismatch.component(), Message.NATIVE_STRUCT_MISMATCH,
                    text, mismatch.message()));
        }
        return violations;
    }
}

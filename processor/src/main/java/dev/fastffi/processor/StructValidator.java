package dev.fastffi.processor;

import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.StructRecords;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/** Checks a {@code @NativeStruct} type: a record whose components match the struct it declares; never writes. */
final class StructValidator {

    List<Problem> validate(TypeElement type, AnnotationMirror annotation) {
        List<Problem> problems = new ArrayList<>();
        if (type.getKind() != ElementKind.RECORD) {
            problems.add(new Problem(Messages.NATIVE_STRUCT_NOT_A_RECORD.format(type.getQualifiedName()), type,
                    annotation, null));
            return problems;
        }
        String text = StructMirrors.value(type);
        ParseResult parsed = StructMirrors.structOf(type);
        AnnotationValue value = annotation.getElementValues().values().stream().findFirst().orElse(null);
        if (!parsed.isValid()) {
            problems.add(new Problem(Messages.NATIVE_STRUCT_INVALID.format(text, parsed.error().describe()), type,
                    annotation, value));
            return problems;
        }
        if (parsed.signature().returnType() != NativeType.STRUCT) {
            problems.add(new Problem(Messages.NATIVE_STRUCT_NOT_A_STRUCT.format(text), type, annotation, value));
            return problems;
        }
        List<RecordComponentElement> components = StructMirrors.components(type);
        for (StructRecords.Mismatch mismatch : StructRecords.check(parsed.signature().returnStruct(),
                StructMirrors.view(type))) {
            Element on = mismatch.component() < 0 ? type : components.get(mismatch.component());
            problems.add(new Problem(Messages.NATIVE_STRUCT_MISMATCH.format(text, mismatch.message()), on, null, null));
        }
        return problems;
    }
}

package dev.fastffi.processor;

import dev.fastffi.model.Message;
import dev.fastffi.model.StructRules;
import dev.fastffi.model.Violation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks a {@code @NativeStruct} type with the model's {@link StructRules}: a record whose
 * components match the struct it declares; never writes.
 */
final class StructValidator {

    List<Problem> validate(TypeElement type, AnnotationMirror annotation) {
        List<Problem> problems = new ArrayList<>();
        if (type.getKind() != ElementKind.RECORD) {
            Message message = Message.NATIVE_STRUCT_NOT_A_RECORD;
            problems.add(new Problem(message.kind(), message.format(type.getQualifiedName()), type, annotation, null));
            return problems;
        }
        AnnotationValue value = annotation.getElementValues().values().stream().findFirst().orElse(null);
        List<RecordComponentElement> components = StructMirrors.components(type);
        for (Violation violation : StructRules.check(StructMirrors.value(type), StructMirrors.structOf(type),
                StructMirrors.view(type))) {
            if (violation.place() == Violation.Place.ANNOTATION) {
                problems.add(new Problem(violation.kind(), violation.text(), type, annotation, value));
            } else {
                Element on = violation.component() < 0 ? type : components.get(violation.component());
                problems.add(new Problem(violation.kind(), violation.text(), on, null, null));
            }
        }
        return problems;
    }
}

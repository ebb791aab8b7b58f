package dev.fastffi.processor;

import dev.fastffi.model.Message;
import dev.fastffi.model.Violation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Collects the problems of one interface. A problem found on an inherited method, which may live
 * outside the code being compiled, is reported on the interface and names the method.
 */
final class Problems {
    private final TypeElement subject;
    private final List<Problem> problems = new ArrayList<>();

    Problems(TypeElement subject) {
        this.subject = subject;
    }

    void add(Element element, Message message, Object... args) {
        add(element, null, null, message, args);
    }

    void add(Element element, AnnotationMirror annotation, AnnotationValue value, Message message, Object... args) {
        add(element, annotation, value, message.kind(), message.format(args));
    }

    /** Reports a violation of the model's rules on the element the caller found for its place. */
    void add(Element element, AnnotationMirror annotation, AnnotationValue value, Violation violation) {
        add(element, annotation, value, violation.kind(), violation.text());
    }

    private void add(Element element, AnnotationMirror annotation, AnnotationValue value, Message.Kind kind,
            String text) {
        TypeElement owner = owner(element);
        if (owner.equals(subject)) {
            problems.add(new Problem(kind, text, element, annotation, value));
        } else {
            Element method = methodOf(element);
            problems.add(new Problem(kind, Message.INHERITED.format(method.getSimpleName(), owner.getQualifiedName(),
                    text), subject, null, null));
        }
    }

    List<Problem> list() {
        return List.copyOf(problems);
    }

    int count() {
        return problems.size();
    }

    ValidationReport report(BindingPlan plan) {
        return new ValidationReport(List.copyOf(problems), problems.isEmpty() ? plan : null);
    }

    private static TypeElement owner(Element element) {
        Element current = element;
        while (!(current instanceof TypeElement type)) {
            current = current.getEnclosingElement();
        }
        return type;
    }

    /** The method a parameter belongs to, or the method itself. */
    private static Element methodOf(Element element) {
        return element.getEnclosingElement() instanceof TypeElement ? element : element.getEnclosingElement();
    }
}

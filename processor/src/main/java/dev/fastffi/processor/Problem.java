package dev.fastffi.processor;

import dev.fastffi.model.Message;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * One diagnostic of the message's kind, with the element, annotation and value to underline;
 * mirror and value may be {@code null} when it is about the element as a whole.
 */
record Problem(Message.Kind kind, String message, Element element, AnnotationMirror annotation,
        AnnotationValue value) {

    void printTo(Messager messager) {
        messager.printMessage(diagnosticKind(kind), message, element, annotation, value);
    }

    /** Prints {@code message} at once, with its kind, on {@code element} (or on no element when null). */
    static void print(Messager messager, Message message, Element element, Object... args) {
        messager.printMessage(diagnosticKind(message.kind()), message.format(args), element);
    }

    private static Diagnostic.Kind diagnosticKind(Message.Kind kind) {
        return switch (kind) {
            case ERROR -> Diagnostic.Kind.ERROR;
            case WARNING -> Diagnostic.Kind.WARNING;
            case NOTE -> Diagnostic.Kind.NOTE;
        };
    }
}

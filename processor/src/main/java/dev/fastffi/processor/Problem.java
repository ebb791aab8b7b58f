package dev.fastffi.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * One user error, with the element, annotation and value to underline; mirror and value may be
 * {@code null} when the error is about the element as a whole.
 */
record Problem(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {

    void printTo(Messager messager) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    }
}

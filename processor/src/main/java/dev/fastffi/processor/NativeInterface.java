package dev.fastffi.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What the reader found in one type that has {@code @NativeFunction} methods: the annotated
 * methods and, for an interface, the abstract methods that lack the annotation.
 *
 * @param methods annotated methods, own methods in declaration order, then inherited ones
 * @param unannotated abstract methods without {@code @NativeFunction}, in the same order
 */
record NativeInterface(TypeElement element, List<NativeMethod> methods, List<ExecutableElement> unannotated) {

    /** Whether a Java type could not be resolved; javac reports that, and checking further would only add noise. */
    boolean hasMissingTypes() {
        return methods.stream().anyMatch(method -> isMissing(method.resultType())
                || method.parameters().stream().anyMatch(parameter -> isMissing(parameter.type())));
    }

    private static boolean isMissing(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR;
    }
}

package dev.fastffi.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What the reader found in one type that has {@code @NativeFunction} methods: the annotated
 * methods and, for an interface, the abstract methods that lack the annotation.
 *
 * @param methods annotated methods, own methods in declaration order, then inherited ones
 * @param unannotated abstract methods without {@code @NativeFunction}, in the same order
 * @param conflicts pairs of inherited methods with one signature and different {@code @NativeFunction}s
 */
record NativeInterface(TypeElement element, List<NativeMethod> methods, List<ExecutableElement> unannotated,
        List<List<ExecutableElement>> conflicts) {}

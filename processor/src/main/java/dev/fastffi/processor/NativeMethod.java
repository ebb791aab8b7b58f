package dev.fastffi.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @NativeFunction} method as written, with the annotation's values and the Java types
 * as seen from the interface being bound (so an inherited {@code T} is already resolved).
 *
 * @param symbol the C symbol: {@code symbol()} when set, otherwise the method name
 * @param resultType the Java result; for a method returning {@code CompletableFuture<R>} the
 *     primitive a box {@code R} stands for ({@code void} for {@code Void}), otherwise {@code R}
 * @param async whether the method returns {@code CompletableFuture} and runs on the runtime's pool
 */
record NativeMethod(
        ExecutableElement element,
        AnnotationMirror annotation,
        String signature,
        String symbol,
        Flags flags,
        List<JavaParameter> parameters,
        TypeMirror resultType,
        String resultTypeName,
        boolean async) {

    /** The boolean members of {@code @NativeFunction}. */
    record Flags(boolean critical, boolean errno, boolean requireFast, boolean optional) {}

    /** A parameter with its type as a mirror (for generating) and as a name (for the type table). */
    record JavaParameter(VariableElement element, TypeMirror type, String typeName) {
        String name() {
            return element.getSimpleName().toString();
        }
    }

    String name() {
        return element.getSimpleName().toString();
    }

    boolean isAbstract() {
        return element.getModifiers().contains(Modifier.ABSTRACT);
    }

    /** The function that frees an owned result; empty when the caller does not own it. */
    String free() {
        AnnotationValue free = explicitValue("free");
        return free == null ? "" : String.valueOf(free.getValue());
    }

    /** The value written for annotation member {@code member}, or {@code null} when it is defaulted. */
    AnnotationValue explicitValue(String member) {
        return annotation.getElementValues().entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals(member))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}

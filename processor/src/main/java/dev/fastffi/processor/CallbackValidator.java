package dev.fastffi.processor;

import dev.fastffi.model.CallbackRules;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.Message;
import dev.fastffi.model.Violation;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @NativeCallback} interface with the model's {@link CallbackRules}, as the runtime
 * will read it. Nothing is generated for it: the runtime makes each stub from the interface.
 */
final class CallbackValidator {
    private final Elements elements;

    CallbackValidator(Elements elements) {
        this.elements = elements;
    }

    List<Problem> validate(TypeElement type, AnnotationMirror annotation) {
        Problems problems = new Problems(type);
        AnnotationValue value = value(annotation);
        String text = value.getValue() instanceof String s ? s : null;
        if (type.getKind() != ElementKind.INTERFACE) {
            problems.add(type, annotation, null, Message.CALLBACK_NOT_AN_INTERFACE, type.getQualifiedName());
            return problems.list();
        }
        List<ExecutableElement> methods = abstractMethods(type);
        ExecutableElement method = methods.size() == 1 ? methods.get(0) : null;
        CallbackRules.CallbackView view = view(type, text, methods);
        for (Violation violation : CallbackRules.check(view).violations()) {
            switch (violation.place()) {
                case ANNOTATION -> problems.add(type, annotation, violation.member() == null ? null : value, violation);
                case PARAMETER -> problems.add(method.getParameters().get(violation.parameter()), null, null,
                        violation);
                default -> problems.add(method, null, null, violation);
            }
        }
        return problems.list();
    }

    /** The abstract methods of {@code type} that {@code Object} does not implement. */
    List<ExecutableElement> abstractMethods(TypeElement type) {
        return ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
                .filter(m -> m.getModifiers().contains(Modifier.ABSTRACT) && !BindingReader.implementedByObject(m))
                .toList();
    }

    /** The callback as the rules see it; a struct parameter or result names its record. */
    static CallbackRules.CallbackView view(TypeElement type, String text, List<ExecutableElement> methods) {
        String name = type.getSimpleName().toString();
        if (methods.size() != 1) {
            return new CallbackRules.CallbackView(name, text, methods.size(), null, List.of(), null);
        }
        ExecutableElement method = methods.get(0);
        return new CallbackRules.CallbackView(name, text, 1, method.getSimpleName().toString(),
                method.getParameters().stream().map(p -> BindingReader.typeName(p.asType())).toList(),
                BindingReader.typeName(method.getReturnType()),
                method.getParameters().stream().map(p -> MethodValidator.record(method, p.asType())).toList(),
                MethodValidator.record(method, method.getReturnType()), MethodValidator.namedStructs(type, type));
    }

    /** How the type table names the callback {@code type} as a {@code function} result, by its view's path. */
    String viewTypeName(TypeElement type) {
        String text = type.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(BindingReader.NATIVE_CALLBACK))
                .map(m -> value(m).getValue())
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .findFirst()
                .orElse(null);
        return text == null ? JavaTypes.CALLBACK : CallbackRules.viewTypeName(view(type, text, abstractMethods(type)));
    }

    private AnnotationValue value(AnnotationMirror annotation) {
        return elements.getElementValuesWithDefaults(annotation).entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }
}

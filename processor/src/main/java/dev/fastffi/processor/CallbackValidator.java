package dev.fastffi.processor;

import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.JavaTypes.Support;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @NativeCallback} interface as the runtime will read it: one abstract method whose
 * Java types the callback rows of the type table allow for its signature. Nothing is generated for
 * it: the runtime makes each stub from the interface.
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
            problems.add(type, annotation, null, Messages.CALLBACK_NOT_AN_INTERFACE, type.getQualifiedName());
            return problems.list();
        }
        List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
                .filter(m -> m.getModifiers().contains(Modifier.ABSTRACT) && !BindingReader.implementedByObject(m))
                .toList();
        if (methods.size() != 1) {
            problems.add(type, annotation, null, Messages.CALLBACK_METHOD_COUNT, type.getSimpleName(),
                    Messages.count(methods.size(), "abstract method"));
        }
        ParseResult parsed = Signature.tryParse(text);
        if (!parsed.isValid()) {
            problems.add(type, annotation, value, Messages.CALLBACK_SIGNATURE_INVALID, text, parsed.error().describe());
        } else if (parsed.signature().variadic()) {
            problems.add(type, annotation, value, Messages.CALLBACK_VARIADIC, text);
        } else if (methods.size() == 1) {
            checkMethod(problems, type, text, parsed.signature(), methods.get(0), annotation, value);
        }
        return problems.list();
    }

    private static void checkMethod(Problems problems, TypeElement type, String text, Signature signature,
            ExecutableElement method, AnnotationMirror annotation, AnnotationValue value) {
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.size() != signature.arity()) {
            problems.add(type, annotation, value, Messages.CALLBACK_ARGUMENT_COUNT, text,
                    Messages.count(signature.arity(), "argument"), method.getSimpleName(),
                    Messages.count(parameters.size(), "parameter"));
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            NativeType cType = signature.parameter(i);
            String javaType = BindingReader.typeName(parameters.get(i).asType());
            if (JavaTypes.callbackArgument(cType, javaType) == Support.NONE) {
                problems.add(parameters.get(i), Messages.CALLBACK_ARGUMENT_TYPE, i, text, cType.cName(),
                        JavaTypes.simpleName(javaType), allowed(JavaTypes.allowedCallbackArguments(cType)));
            }
        }
        NativeType result = signature.returnType();
        String javaResult = BindingReader.typeName(method.getReturnType());
        if (JavaTypes.callbackResult(result, javaResult) == Support.NONE) {
            problems.add(method, Messages.CALLBACK_RESULT_TYPE, text, result.cName(), JavaTypes.simpleName(javaResult),
                    allowed(JavaTypes.allowedCallbackResults(result)));
        }
    }

    private static String allowed(List<String> types) {
        return types.isEmpty() ? "none: callbacks cannot have this C type" : "use one of "
                + MethodValidator.simpleNames(types);
    }

    private AnnotationValue value(AnnotationMirror annotation) {
        return elements.getElementValuesWithDefaults(annotation).entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }
}

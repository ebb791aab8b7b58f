package dev.fastffi.processor;

import dev.fastffi.model.CallbackRules;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.Message;
import dev.fastffi.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @NativeCallback} interface with the model's {@link CallbackRules}, as the runtime
 * will read it. Nothing is generated for it: the runtime makes each stub from the interface.
 */
final class CallbackValidator {
    private final Elements elements;
    private final Types types;

    CallbackValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
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

    /**
     * The callback as the rules see it, with the method's types as a member of {@code type}: a
     * type variable of a generic super-interface is the type argument bound to it. A type that
     * stays a type variable is named by its erasure and listed as unbound. A struct parameter or
     * result names its record.
     */
    CallbackRules.CallbackView view(TypeElement type, String text, List<ExecutableElement> methods) {
        String name = type.getSimpleName().toString();
        if (methods.size() != 1) {
            return new CallbackRules.CallbackView(name, text, methods.size(), null, List.of(), null);
        }
        ExecutableElement method = methods.get(0);
        ExecutableType resolved = resolved(type, method);
        List<TypeMirror> parameters = new ArrayList<>();
        List<CallbackRules.UnboundType> unbound = new ArrayList<>();
        boolean raw = reachedRaw(type, method);
        for (int i = 0; i < method.getParameters().size(); i++) {
            parameters.add(bound(method, i, method.getParameters().get(i).asType(),
                    resolved.getParameterTypes().get(i), raw, unbound));
        }
        TypeMirror result = bound(method, Violation.RESULT, method.getReturnType(), resolved.getReturnType(), raw,
                unbound);
        return new CallbackRules.CallbackView(name, text, 1, method.getSimpleName().toString(),
                parameters.stream().map(BindingReader::typeName).toList(), BindingReader.typeName(result),
                parameters.stream().map(p -> MethodValidator.record(method, p)).toList(),
                MethodValidator.record(method, result), MethodValidator.namedStructs(type, type), unbound);
    }

    /** {@code method} as a member of {@code type}, which binds its super-interfaces' type variables. */
    private ExecutableType resolved(TypeElement type, ExecutableElement method) {
        return (ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method);
    }

    /**
     * {@code resolved}, or the erasure of {@code declared} when it stays a type variable, which
     * {@code unbound} then lists: a variable of the callback interface or of the method remains one
     * in {@code resolved}, and one of a super-interface extended raw is erased there.
     */
    private TypeMirror bound(ExecutableElement method, int index, TypeMirror declared, TypeMirror resolved,
            boolean raw, List<CallbackRules.UnboundType> unbound) {
        boolean open = element(resolved).getKind() == TypeKind.TYPEVAR
                || (raw && element(declared).getKind() == TypeKind.TYPEVAR);
        if (!open) {
            return resolved;
        }
        unbound.add(new CallbackRules.UnboundType(index, written(declared),
                ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString()));
        return types.erasure(declared);
    }

    /**
     * Whether {@code type} reaches the interface declaring {@code method} through a raw type, whose
     * supertypes are erased (JLS 4.8), so that the method's type variables are bound to nothing.
     */
    private boolean reachedRaw(TypeElement type, ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        DeclaredType found = supertype(type.asType(), owner);
        return found != null && found.getTypeArguments().isEmpty() && !owner.getTypeParameters().isEmpty();
    }

    /** {@code owner} as {@code type} or one of its supertypes sees it, or null when it is none of them. */
    private DeclaredType supertype(TypeMirror type, TypeElement owner) {
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().equals(owner)) {
            return (DeclaredType) type;
        }
        for (TypeMirror parent : types.directSupertypes(type)) {
            DeclaredType found = supertype(parent, owner);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The element type of an array, however deep, or {@code type} itself. */
    private static TypeMirror element(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY ? element(((ArrayType) type).getComponentType()) : type;
    }

    /** A declared type variable, or an array of one, as reflection names it: {@code T}, {@code T[]}. */
    private static String written(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY ? written(((ArrayType) type).getComponentType()) + "[]"
                : ((TypeVariable) type).asElement().getSimpleName().toString();
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

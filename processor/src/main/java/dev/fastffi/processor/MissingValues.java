package dev.fastffi.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Finds a value of fastffi's annotations that javac could not resolve, such as
 * {@code @NativeFunction(Sigs.ADD)} where another annotation processor generates {@code Sigs} in a
 * later round. Until the constant exists javac gives the value as the bare text {@code <error>},
 * which a string the user wrote never is (javac prints a string value as a quoted literal), so the
 * declaration is read again in the next round, as one using a missing type is ({@link MissingTypes}).
 */
final class MissingValues {
    private static final String PACKAGE = "dev.fastffi.annotations.";
    private static final String ERROR = "<error>";

    /**
     * An unresolved value, in {@code annotation} on {@code element}, which {@code owner} declares.
     *
     * @param place where the value is, as a message names it: {@code @NativeFunction(symbol) of method 'labs'}
     */
    record Missing(TypeElement owner, Element element, AnnotationMirror annotation, AnnotationValue value,
            String place) {}

    private MissingValues() {}

    /**
     * The first unresolved value on {@code type} itself or on its methods, those of the interfaces
     * it extends included: the values that decide what is generated for it.
     */
    static Optional<Missing> own(TypeElement type) {
        Optional<Missing> found = on(type, type, type, "");
        return found.isPresent() ? found : inMethods(type, type, new HashSet<>());
    }

    /**
     * Whether a declaration that checking {@code type} reads has an unresolved value: the
     * {@code @NativeStruct} records and {@code @NativeCallback} interfaces its methods pass and
     * return (and those they use in turn), and the {@code @NativeStruct} records nested in it and
     * in its package, which a signature may name. Each of those reports its own values.
     */
    static boolean inUses(TypeElement type) {
        Set<TypeElement> seen = new HashSet<>();
        seen.add(type);
        if (usesIn(type, seen)) {
            return true;
        }
        Element pkg = type;
        while (!(pkg instanceof PackageElement)) {
            pkg = pkg.getEnclosingElement();
        }
        return ElementFilter.typesIn(type.getEnclosedElements()).stream().anyMatch(nested -> namedStruct(nested, seen))
                || ElementFilter.typesIn(pkg.getEnclosedElements()).stream().anyMatch(top -> namedStruct(top, seen));
    }

    private static boolean namedStruct(TypeElement type, Set<TypeElement> seen) {
        return type.getKind() == ElementKind.RECORD && declared(type, seen);
    }

    private static Optional<Missing> inMethods(TypeElement subject, TypeElement type, Set<TypeElement> seen) {
        if (!seen.add(type)) {
            return Optional.empty();
        }
        String owner = type.equals(subject) ? "" : " in '" + type.getQualifiedName() + "'";
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Optional<Missing> found = on(type, method, subject, " of method '" + method.getSimpleName() + "'" + owner);
            if (found.isPresent()) {
                return found;
            }
        }
        for (TypeMirror parent : type.getInterfaces()) {
            if (parent instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
                Optional<Missing> found = inMethods(subject, element, seen);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The first unresolved value of fastffi's annotations on {@code element}, which {@code owner} declares. */
    private static Optional<Missing> on(TypeElement owner, Element element, TypeElement subject, String where) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
            if (!type.getQualifiedName().toString().startsWith(PACKAGE)) {
                continue;
            }
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                    : annotation.getElementValues().entrySet()) {
                Optional<AnnotationValue> value = unresolved(entry.getValue());
                if (value.isPresent()) {
                    return Optional.of(new Missing(owner, element, annotation, value.get(), "@" + type.getSimpleName()
                            + "(" + entry.getKey().getSimpleName() + ")" + where));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code value} itself when javac could not resolve it, or the element of an array it could not. */
    private static Optional<AnnotationValue> unresolved(AnnotationValue value) {
        if (value.getValue() instanceof List<?> elements) {
            return elements.stream().filter(AnnotationValue.class::isInstance).map(AnnotationValue.class::cast)
                    .map(MissingValues::unresolved).flatMap(Optional::stream).findFirst();
        }
        return ERROR.equals(value.getValue()) && ERROR.equals(value.toString()) ? Optional.of(value) : Optional.empty();
    }

    /** Whether a method of {@code type}, or of an interface it extends, uses such a declaration. */
    private static boolean usesIn(TypeElement type, Set<TypeElement> seen) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (uses(method.getReturnType(), seen)
                    || method.getParameters().stream().anyMatch(parameter -> uses(parameter.asType(), seen))) {
                return true;
            }
        }
        return type.getInterfaces().stream().anyMatch(parent -> parent instanceof DeclaredType declared
                && declared.asElement() instanceof TypeElement element && seen.add(element) && usesIn(element, seen));
    }

    /** Whether {@code type}, or a type argument or element type of it, is such a declaration, or uses one. */
    private static boolean uses(TypeMirror type, Set<TypeElement> seen) {
        if (type instanceof ArrayType array) {
            return uses(array.getComponentType(), seen);
        }
        if (!(type instanceof DeclaredType declared)) {
            return false;
        }
        return declared.getTypeArguments().stream().anyMatch(argument -> uses(argument, seen))
                || declared.asElement() instanceof TypeElement element && declared(element, seen);
    }

    /** Whether {@code type} carries one of fastffi's annotations and it, or a declaration it uses, has an unresolved value. */
    private static boolean declared(TypeElement type, Set<TypeElement> seen) {
        boolean ours = type.getAnnotationMirrors().stream().anyMatch(annotation -> ((TypeElement) annotation
                .getAnnotationType().asElement()).getQualifiedName().toString().startsWith(PACKAGE));
        if (!ours || !seen.add(type)) {
            return false;
        }
        return on(type, type, type, "").isPresent()
                || (type.getKind() == ElementKind.RECORD || type.getKind() == ElementKind.INTERFACE)
                        && usesIn(type, seen);
    }
}

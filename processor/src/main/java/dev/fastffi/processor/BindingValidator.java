package dev.fastffi.processor;

import dev.fastffi.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/** Stage two: checks a {@link NativeInterface} and plans each method's path; returns a report, never writes. */
final class BindingValidator {
    private final boolean fastEnabled;
    private final Types types;

    BindingValidator(boolean fastEnabled, Types types) {
        this.fastEnabled = fastEnabled;
        this.types = types;
    }

    ValidationReport validate(NativeInterface nativeInterface) {
        TypeElement type = nativeInterface.element();
        Problems problems = new Problems(type);
        Optional<AnnotationMirror> library = library(type);
        if (type.getKind() != ElementKind.INTERFACE) {
            library.ifPresent(annotation -> problems.add(type, annotation, null, Message.LIBRARY_NOT_AN_INTERFACE,
                    type.getQualifiedName(), describe(type.getKind())));
            for (NativeMethod method : nativeInterface.methods()) {
                problems.add(method.element(), method.annotation(), null, Message.NOT_AN_INTERFACE,
                        type.getQualifiedName(), describe(type.getKind()));
            }
            return problems.report(null);
        }
        checkDeclaration(type, problems);
        library.ifPresent(annotation -> checkCandidates(type, annotation, problems));
        for (ExecutableElement method : nativeInterface.unannotated()) {
            problems.add(method, Message.MISSING_ANNOTATION, method.getSimpleName());
        }
        for (List<ExecutableElement> conflict : nativeInterface.conflicts()) {
            problems.add(type, Message.INHERITED_CONFLICT, type.getSimpleName(), conflict.get(0).getSimpleName(),
                    conflict.get(0).getEnclosingElement().getSimpleName(),
                    conflict.get(1).getEnclosingElement().getSimpleName(), type.getSimpleName());
        }
        MethodValidator methodValidator = new MethodValidator(problems, fastEnabled, types);
        List<MethodPlan> plans = new ArrayList<>();
        for (NativeMethod method : nativeInterface.methods()) {
            methodValidator.validate(method).ifPresent(plans::add);
        }
        BindingPlan plan = BindingPlan.of(type, fastEnabled, List.copyOf(plans));
        ClassSize.excess(ClassSize.of(plan)).ifPresent(excess -> problems.add(type, Message.INTERFACE_TOO_LARGE,
                type.getQualifiedName(), ClassSize.number(nativeInterface.methods().size()), excess,
                ClassSize.number(ClassSize.LIMIT)));
        return problems.report(plan);
    }

    /** The generated class lives next to the interface and implements it as a raw type. */
    private static void checkDeclaration(TypeElement type, Problems problems) {
        if (!isVisibleInPackage(type)) {
            problems.add(type, Message.INTERFACE_NOT_VISIBLE, type.getQualifiedName());
        }
        if (!type.getTypeParameters().isEmpty()) {
            problems.add(type, Message.INTERFACE_GENERIC, type.getQualifiedName());
        }
        if (type.getModifiers().contains(Modifier.SEALED)) {
            problems.add(type, Message.INTERFACE_SEALED, type.getQualifiedName());
        }
    }

    /** The type's own {@code @NativeLibrary}, if it has one. */
    private static Optional<AnnotationMirror> library(TypeElement type) {
        return type.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(BindingReader.NATIVE_LIBRARY))
                .map(m -> (AnnotationMirror) m)
                .findFirst();
    }

    /** The candidates a library is tried as: at least one, and none blank, which no file can be named. */
    private static void checkCandidates(TypeElement type, AnnotationMirror annotation, Problems problems) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : annotation.getElementValues().entrySet()) {
            if (!entry.getKey().getSimpleName().contentEquals("value")
                    || !(entry.getValue().getValue() instanceof List<?> candidates)) {
                continue;
            }
            if (candidates.isEmpty()) {
                problems.add(type, annotation, entry.getValue(), Message.LIBRARY_EMPTY);
            }
            for (Object candidate : candidates) {
                if (candidate instanceof AnnotationValue value && value.getValue() instanceof String name
                        && name.isBlank()) {
                    problems.add(type, annotation, value, Message.LIBRARY_BLANK, name);
                }
            }
        }
    }

    private static boolean isVisibleInPackage(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            boolean named = t.getNestingKind() == NestingKind.TOP_LEVEL || t.getNestingKind() == NestingKind.MEMBER;
            if (!named || t.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }

    /** How messages name a type of {@code kind} that is not an interface: "a class", "an enum", ... */
    static String describe(ElementKind kind) {
        return switch (kind) {
            case CLASS -> "a class";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }
}

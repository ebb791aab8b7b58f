package dev.fastffi.processor;

import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import dev.fastffi.processor.NativeMethod.Flags;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Stage one: reads a type with {@code @NativeFunction} methods into a {@link NativeInterface}; never reports. */
final class BindingReader {
    static final String NATIVE_FUNCTION = "dev.fastffi.annotations.NativeFunction";
    static final String NATIVE_CALLBACK = "dev.fastffi.annotations.NativeCallback";
    static final String NATIVE_LIBRARY = "dev.fastffi.annotations.NativeLibrary";
    static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";

    private final Elements elements;
    private final Types types;

    BindingReader(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    NativeInterface read(TypeElement type) {
        DeclaredType self = (DeclaredType) type.asType();
        List<NativeMethod> methods = new ArrayList<>();
        List<ExecutableElement> unannotated = new ArrayList<>();
        List<List<ExecutableElement>> conflicts = new ArrayList<>();
        for (ExecutableElement method : candidates(type, conflicts)) {
            Optional<AnnotationMirror> annotation = nativeFunction(method);
            if (annotation.isPresent()) {
                methods.add(method(self, method, annotation.get()));
            } else if (method.getModifiers().contains(Modifier.ABSTRACT) && !implementedByObject(method)) {
                unannotated.add(method);
            }
        }
        return new NativeInterface(type, List.copyOf(methods), List.copyOf(unannotated), List.copyOf(conflicts));
    }

    /** The method's {@code @NativeFunction} values, defaults included; empty without one. */
    private Map<String, String> annotationValues(ExecutableElement method) {
        Map<String, String> values = new TreeMap<>();
        nativeFunction(method).ifPresent(annotation -> elements.getElementValuesWithDefaults(annotation)
                .forEach((key, value) -> values.put(key.getSimpleName().toString(), value.toString())));
        return values;
    }

    /**
     * Own methods in declaration order; for an interface also the abstract methods it inherits. A
     * method that unrelated super-interfaces both declare is found once: one implementation serves
     * both, so their {@code @NativeFunction}s must agree, and the pairs that do not go to
     * {@code conflicts}.
     */
    private List<ExecutableElement> candidates(TypeElement type, List<List<ExecutableElement>> conflicts) {
        List<ExecutableElement> found = new ArrayList<>(ElementFilter.methodsIn(type.getEnclosedElements()));
        if (type.getKind() == ElementKind.INTERFACE) {
            addInherited(type, type, found, conflicts);
        }
        return found;
    }

    private void addInherited(TypeElement subject, TypeElement type, List<ExecutableElement> found,
            List<List<ExecutableElement>> conflicts) {
        for (TypeMirror superinterface : type.getInterfaces()) {
            TypeElement parent = (TypeElement) types.asElement(superinterface);
            if (parent == null) {
                continue;
            }
            for (ExecutableElement method : ElementFilter.methodsIn(parent.getEnclosedElements())) {
                if (!method.getModifiers().contains(Modifier.ABSTRACT) || isOverridden(subject, method, found)) {
                    continue;
                }
                Optional<ExecutableElement> same = sameSignature(subject, method, found);
                if (same.isEmpty()) {
                    found.add(method);
                } else if (!annotationValues(same.get()).equals(annotationValues(method))) {
                    conflicts.add(List.of(same.get(), method));
                }
            }
            addInherited(subject, parent, found, conflicts);
        }
    }

    /** The method already found that {@code method} has the signature of, as members of {@code subject}. */
    private Optional<ExecutableElement> sameSignature(TypeElement subject, ExecutableElement method,
            List<ExecutableElement> found) {
        DeclaredType self = (DeclaredType) subject.asType();
        ExecutableType signature = (ExecutableType) types.asMemberOf(self, method);
        return found.stream()
                .filter(m -> m.getSimpleName().equals(method.getSimpleName())
                        && types.isSubsignature((ExecutableType) types.asMemberOf(self, m), signature))
                .findFirst();
    }

    private boolean isOverridden(TypeElement subject, ExecutableElement method, List<ExecutableElement> found) {
        return found.stream().anyMatch(m -> m.equals(method) || elements.overrides(m, method, subject));
    }

    /** An interface may redeclare {@code equals}, {@code hashCode} or {@code toString}; Object implements them. */
    static boolean implementedByObject(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        List<? extends VariableElement> parameters = method.getParameters();
        return switch (name) {
            case "hashCode", "toString" -> parameters.isEmpty();
            case "equals" -> parameters.size() == 1 && typeName(parameters.get(0).asType()).equals("java.lang.Object");
            default -> false;
        };
    }

    private Optional<AnnotationMirror> nativeFunction(ExecutableElement method) {
        return method.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(NATIVE_FUNCTION))
                .map(m -> (AnnotationMirror) m)
                .findFirst();
    }

    private NativeMethod method(DeclaredType self, ExecutableElement method, AnnotationMirror annotation) {
        ExecutableType resolved = (ExecutableType) types.asMemberOf(self, method);
        List<JavaParameter> parameters = new ArrayList<>();
        for (int i = 0; i < method.getParameters().size(); i++) {
            TypeMirror type = resolved.getParameterTypes().get(i);
            parameters.add(new JavaParameter(method.getParameters().get(i), type, argumentName(type)));
        }
        Map<String, Object> values = values(annotation);
        String symbol = values.get("symbol") instanceof String s && !s.isEmpty() ? s : method.getSimpleName().toString();
        Flags flags = new Flags(flag(values, "critical"), flag(values, "errno"), flag(values, "requireFast"),
                flag(values, "optional"));
        String signature = values.get("value") instanceof String s ? s : null;
        TypeMirror declared = resolved.getReturnType();
        boolean async = typeName(declared).equals(COMPLETABLE_FUTURE);
        TypeMirror result = async ? asyncResult((DeclaredType) declared, signature) : declared;
        return new NativeMethod(method, annotation, signature, symbol, flags, List.copyOf(parameters), result,
                async ? typeName(result) : resultName(result), async);
    }

    /**
     * What {@code CompletableFuture<R>} completes with, as the type table sees it
     * ({@link JavaTypes#asyncResult}): a raw future as itself, which no C type accepts, so the
     * validator reports it. The runtime's {@code AsyncResult} applies the same rule.
     */
    private TypeMirror asyncResult(DeclaredType future, String signature) {
        if (future.getTypeArguments().size() != 1) {
            return future;
        }
        TypeMirror value = future.getTypeArguments().get(0);
        if (typeName(value).equals("java.lang.Void")) {
            return types.getNoType(TypeKind.VOID);
        }
        ParseResult parsed = signature == null ? null : Signature.tryParse(signature);
        if (parsed == null || !parsed.isValid()) {
            return value;
        }
        String name = JavaTypes.asyncResult(parsed.signature().returnType(), typeName(value));
        return name.equals(typeName(value)) ? value : types.unboxedType(value);
    }

    /** As {@link #typeName}, with a callback interface named as the type table names its view. */
    private String resultName(TypeMirror result) {
        return isCallback(result)
                ? new CallbackValidator(elements, types).viewTypeName((TypeElement) ((DeclaredType) result).asElement())
                : typeName(result);
    }

    /** Every member of the annotation by name, defaults included. */
    private Map<String, Object> values(AnnotationMirror annotation) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(annotation).entrySet()) {
            values.put(entry.getKey().getSimpleName().toString(), entry.getValue().getValue());
        }
        return values;
    }

    private static boolean flag(Map<String, Object> values, String member) {
        return Boolean.TRUE.equals(values.get(member));
    }

    /** As {@link #typeName}, with callback interfaces and arrays of struct records named as the type table does. */
    static String argumentName(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY && StructMirrors.record(((ArrayType) type).getComponentType())
                .flatMap(StructMirrors::annotation).isPresent()) {
            return JavaTypes.STRUCT_ARRAY;
        }
        return isCallback(type) ? JavaTypes.CALLBACK : typeName(type);
    }

    /** Whether {@code type} is an interface annotated {@code @NativeCallback}. */
    static boolean isCallback(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((DeclaredType) type).asElement() instanceof TypeElement element
                && element.getKind() == ElementKind.INTERFACE
                && element.getAnnotationMirrors().stream().anyMatch(m -> ((TypeElement) m.getAnnotationType()
                        .asElement()).getQualifiedName().contentEquals(NATIVE_CALLBACK));
    }

    /**
     * The name the type table uses: {@code int}, {@code java.lang.Integer}. Built from the element
     * rather than {@code toString()}, which would include type-use annotations such as {@code @Nullable}.
     */
    static String typeName(TypeMirror type) {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive() || kind == TypeKind.VOID) {
            return kind.name().toLowerCase(Locale.ROOT);
        }
        return switch (kind) {
            case DECLARED -> ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
            case ARRAY -> typeName(((ArrayType) type).getComponentType()) + "[]";
            default -> type.toString();
        };
    }
}

package dev.fastffi.processor;

import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructRecords;
import dev.fastffi.model.StructType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Records seen as structs, as the runtime's {@code StructClasses} sees them: the struct names a
 * method may use (its {@code @NativeStruct} parameter and result types, and theirs) and each
 * record's components for {@link StructRecords}. Reads only; never reports.
 */
final class StructMirrors {
    static final String NATIVE_STRUCT = "dev.fastffi.annotations.NativeStruct";

    private StructMirrors() {}

    /** The structs of the {@code @NativeStruct} records among the method's parameter and result types that parse. */
    static Map<String, StructType> names(NativeMethod method) {
        Map<String, StructType> names = new TreeMap<>();
        Stream.concat(method.parameters().stream().map(NativeMethod.JavaParameter::type), Stream.of(method.resultType()))
                .forEach(type -> collect(type, names, new HashSet<>()));
        return names;
    }

    /**
     * Adds the struct of the record {@code type} names, if it parses, to {@code names}; a record
     * being parsed already ({@code inside}) is left out, so one that holds itself ends.
     */
    private static void collect(TypeMirror type, Map<String, StructType> names, Set<TypeElement> inside) {
        record(type).filter(r -> annotation(r).isPresent() && !names.containsKey(r.getSimpleName().toString())
                        && !inside.contains(r))
                .ifPresent(r -> {
                    ParseResult parsed = structOf(r, inside);
                    if (parsed.isValid() && parsed.signature().returnType() == NativeType.STRUCT) {
                        names.put(r.getSimpleName().toString(), parsed.signature().returnStruct());
                    }
                });
    }

    /** Parses the record's {@code @NativeStruct} value; names in it are its components' records. */
    static ParseResult structOf(TypeElement record) {
        return structOf(record, new HashSet<>());
    }

    private static ParseResult structOf(TypeElement record, Set<TypeElement> inside) {
        inside.add(record);
        Map<String, StructType> names = new TreeMap<>();
        components(record).forEach(component -> collect(component.asType(), names, inside));
        inside.remove(record);
        return Signature.tryParse(value(record) + "()", names);
    }

    /** The record a type names, if it names one. */
    static Optional<TypeElement> record(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement element
                && element.getKind() == ElementKind.RECORD) {
            return Optional.of(element);
        }
        return Optional.empty();
    }

    static Optional<AnnotationMirror> annotation(TypeElement type) {
        return type.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(NATIVE_STRUCT))
                .map(m -> (AnnotationMirror) m)
                .findFirst();
    }

    /** The {@code @NativeStruct} value written on the record. */
    static String value(TypeElement record) {
        return annotation(record).flatMap(m -> m.getElementValues().entrySet().stream()
                        .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
                        .map(e -> String.valueOf(e.getValue().getValue()))
                        .findFirst())
                .orElse("");
    }

    /**
     * Whether code generated next to {@code user}'s interface can name and construct the record:
     * not generic, no private enclosing type, and public throughout when in another package.
     */
    static boolean usableFrom(TypeElement record, Element user) {
        if (!record.getTypeParameters().isEmpty()) {
            return false;
        }
        boolean samePackage = packageOf(record).equals(packageOf(user));
        for (Element e = record; e instanceof TypeElement type; e = e.getEnclosingElement()) {
            Set<Modifier> modifiers = type.getModifiers();
            if (modifiers.contains(Modifier.PRIVATE) || (!samePackage && !modifiers.contains(Modifier.PUBLIC))) {
                return false;
            }
        }
        return true;
    }

    private static Element packageOf(Element element) {
        Element current = element;
        while (!(current instanceof PackageElement)) {
            current = current.getEnclosingElement();
        }
        return current;
    }

    static List<RecordComponentElement> components(TypeElement record) {
        return ElementFilter.recordComponentsIn(record.getEnclosedElements());
    }

    /** As {@link BindingReader#typeName}, with a callback interface named as the type table does. */
    private static String componentName(TypeMirror type) {
        return BindingReader.isCallback(type) ? JavaTypes.CALLBACK : BindingReader.typeName(type);
    }

    static StructRecords.RecordView view(TypeElement record) {
        return view(record, new HashSet<>());
    }

    /** The record's view; a component's record the view is {@code inside} already is {@link StructRecords#itself}. */
    private static StructRecords.RecordView view(TypeElement record, Set<TypeElement> inside) {
        inside.add(record);
        List<StructRecords.Component> components = components(record).stream()
                .map(c -> new StructRecords.Component(c.getSimpleName().toString(), componentName(c.asType()),
                        record(c.asType()).map(r -> inside.contains(r)
                                ? StructRecords.itself(r.getSimpleName().toString()) : view(r, inside)).orElse(null)))
                .toList();
        inside.remove(record);
        return new StructRecords.RecordView() {
            @Override
            public String name() {
                return record.getSimpleName().toString();
            }

            @Override
            public List<StructRecords.Component> components() {
                return components;
            }
        };
    }
}

package dev.fastffi.processor;

import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.Message;
import dev.fastffi.model.MethodCheck;
import dev.fastffi.model.MethodRules;
import dev.fastffi.model.MethodView;
import dev.fastffi.model.Violation;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @NativeFunction} method with the model's {@link MethodRules}, which the runtime
 * shares, and reports each violation on the element it concerns; plans the path when there is none.
 */
final class MethodValidator {
    /** The package prefixes of qualified type names, as in {@code java.util.List<java.lang.String>}. */
    private static final Pattern QUALIFIER = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+");

    private final Problems problems;
    private final boolean fastEnabled;
    private final Types typeUtils;
    /** The records each interface and its package nest, found once per validator, which sees one interface. */
    private final Map<Element, List<MethodView.JavaRecord>> interfaceStructs = new HashMap<>();

    MethodValidator(Problems problems, boolean fastEnabled, Types typeUtils) {
        this.problems = problems;
        this.fastEnabled = fastEnabled;
        this.typeUtils = typeUtils;
    }

    Optional<MethodPlan> validate(NativeMethod method) {
        if (!method.isAbstract()) {
            problems.add(method.element(), method.annotation(), null, Message.NOT_ABSTRACT, method.name(),
                    describeConcrete(method));
            return Optional.empty();
        }
        MethodCheck check = MethodRules.check(view(method, interfaceStructs, typeUtils), fastEnabled);
        check.violations().forEach(violation -> report(method, violation));
        MethodCheck.Plan plan = check.plan();
        return check.isClean()
                ? Optional.of(new MethodPlan(method, plan))
                : Optional.empty();
    }

    /** The method as the rules see it, from its mirrors. */
    static MethodView view(NativeMethod method, Types typeUtils) {
        return view(method, new HashMap<>(), typeUtils);
    }

    /**
     * As {@link #view(NativeMethod)}, with the records nested in the method's interface and its
     * package taken from {@code interfaceStructs} once found: finding them scans every member of
     * the interface, so doing it per method would grow with the square of a large interface.
     */
    private static MethodView view(NativeMethod method, Map<Element, List<MethodView.JavaRecord>> interfaceStructs,
            Types typeUtils) {
        NativeMethod.Flags flags = method.flags();
        String symbol = method.explicitValue("symbol") != null ? method.symbol() : "";
        MethodView.Function function = new MethodView.Function(method.signature(), symbol, flags.critical(),
                flags.errno(), flags.requireFast(), flags.optional(), method.free());
        List<MethodView.Parameter> parameters = method.parameters().stream()
                .map(p -> new MethodView.Parameter(p.typeName(), record(method, parameterRecordType(p))))
                .toList();
        MethodView.Result result = new MethodView.Result(method.resultTypeName(),
                record(method, method.resultType()), method.async(),
                simpleTypeName(method.element().getReturnType().toString()));
        return new MethodView(method.name(), function, parameters, result, method.element().isVarArgs(),
                namedStructs(method, interfaceStructs, typeUtils));
    }

    /**
     * The {@code @NativeStruct} records of the callback types the method names, then those nested
     * in the interface that declares the method and the top-level ones of its package, as the
     * runtime finds them.
     */
    private static List<MethodView.JavaRecord> namedStructs(NativeMethod method,
            Map<Element, List<MethodView.JavaRecord>> interfaceStructs, Types typeUtils) {
        List<TypeMirror> types = new java.util.ArrayList<>(method.parameters().stream().map(JavaParameter::type).toList());
        types.add(method.resultType());
        List<MethodView.JavaRecord> records = new java.util.ArrayList<>(callbackStructs(method.element(), types,
                typeUtils));
        // every method of one interface sees its records alike
        Element iface = method.element().getEnclosingElement();
        List<MethodView.JavaRecord> nested = interfaceStructs.get(iface);
        if (nested == null) {
            nested = namedStructs(iface, method.element());
            interfaceStructs.put(iface, nested);
        }
        records.addAll(nested);
        return records;
    }

    /**
     * The {@code @NativeStruct} records nested in {@code iface} and the top-level ones of its
     * package, as used from {@code user}: a function's and a callback's signature may name them.
     */
    static List<MethodView.JavaRecord> namedStructs(Element iface, Element user) {
        Element pkg = iface;
        while (!(pkg instanceof javax.lang.model.element.PackageElement)) {
            pkg = pkg.getEnclosingElement();
        }
        return java.util.stream.Stream.concat(iface.getEnclosedElements().stream(), pkg.getEnclosedElements().stream())
                .filter(element -> element instanceof TypeElement type && type.getKind() == ElementKind.RECORD
                        && StructMirrors.annotation(type).isPresent())
                .map(element -> record(user, element.asType()))
                .toList();
    }

    /**
     * The {@code @NativeStruct} records among the parameter and result types of the callback
     * interfaces {@code types} name, directly or as {@code T} of an {@code Upcall<T>}, as each
     * interface instantiates them.
     */
    private static List<MethodView.JavaRecord> callbackStructs(Element user, List<TypeMirror> types,
            Types typeUtils) {
        java.util.Set<TypeElement> records = new java.util.LinkedHashSet<>();
        for (TypeMirror type : types) {
            TypeMirror callback = type;
            if (BindingReader.typeName(type).equals(JavaTypes.UPCALL)
                    && ((javax.lang.model.type.DeclaredType) type).getTypeArguments().size() == 1) {
                callback = ((javax.lang.model.type.DeclaredType) type).getTypeArguments().get(0);
            }
            if (!BindingReader.isCallback(callback)) {
                continue;
            }
            TypeElement iface = (TypeElement) ((javax.lang.model.type.DeclaredType) callback).asElement();
            for (javax.lang.model.element.ExecutableElement method : abstractMethods(iface)) {
                ExecutableType resolved = (ExecutableType) typeUtils.asMemberOf(
                        (javax.lang.model.type.DeclaredType) iface.asType(), method);
                resolved.getParameterTypes().forEach(p -> StructMirrors.record(p).ifPresent(records::add));
                StructMirrors.record(resolved.getReturnType()).ifPresent(records::add);
            }
        }
        return records.stream()
                .filter(record -> StructMirrors.annotation(record).isPresent())
                .map(record -> record(user, record.asType()))
                .toList();
    }

    /** The abstract methods an interface declares or inherits from its superinterfaces. */
    private static List<javax.lang.model.element.ExecutableElement> abstractMethods(TypeElement iface) {
        List<javax.lang.model.element.ExecutableElement> methods = new java.util.ArrayList<>(
                javax.lang.model.util.ElementFilter.methodsIn(iface.getEnclosedElements()).stream()
                        .filter(m -> m.getModifiers().contains(Modifier.ABSTRACT)).toList());
        for (TypeMirror parent : iface.getInterfaces()) {
            if (parent.getKind() == TypeKind.DECLARED) {
                methods.addAll(abstractMethods((TypeElement) ((javax.lang.model.type.DeclaredType) parent).asElement()));
            }
        }
        return methods;
    }

    /** The record a struct parameter is, or the element record of an array of {@code @NativeStruct} records. */
    private static TypeMirror parameterRecordType(JavaParameter parameter) {
        return parameter.typeName().equals(JavaTypes.STRUCT_ARRAY)
                ? ((ArrayType) parameter.type()).getComponentType() : parameter.type();
    }

    private static MethodView.JavaRecord record(NativeMethod method, TypeMirror type) {
        return record(method.element(), type);
    }

    /** The record {@code type} is as the rules see it, as used from {@code user}; null for any other type. */
    static MethodView.JavaRecord record(Element user, TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        return StructMirrors.record(type)
                .map(record -> new MethodView.JavaRecord(StructMirrors.view(record),
                        record.getQualifiedName().toString(),
                        StructMirrors.usableFrom(record, user),
                        StructMirrors.annotation(record).isPresent() ? StructMirrors.structOf(record) : null))
                .orElse(null);
    }

    /** Reports on the spot the violation names: the annotation's member, a parameter, or the method. */
    private void report(NativeMethod method, Violation violation) {
        switch (violation.place()) {
            case ANNOTATION -> problems.add(method.element(), method.annotation(),
                    violation.member() == null ? null : method.explicitValue(violation.member()), violation);
            case PARAMETER -> problems.add(method.parameters().get(violation.parameter()).element(), null, null,
                    violation);
            default -> problems.add(method.element(), null, null, violation);
        }
    }

    private static String simpleTypeName(String type) {
        // most types are primitives, which the pattern need not look at
        return type.indexOf('.') < 0 ? type : QUALIFIER.matcher(type).replaceAll("");
    }

    private static String describeConcrete(NativeMethod method) {
        if (method.element().getModifiers().contains(Modifier.DEFAULT)) {
            return "a default method";
        }
        if (method.element().getModifiers().contains(Modifier.STATIC)) {
            return "a static method";
        }
        return method.element().getModifiers().contains(Modifier.PRIVATE) ? "a private method" : "not abstract";
    }
}

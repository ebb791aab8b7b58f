package dev.fastffi.processor;

import dev.fastffi.model.Eligibility;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.JavaTypes.Support;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructRecords;
import dev.fastffi.model.StructType;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;

/** Checks one {@code @NativeFunction} method, reporting every problem it finds, and plans its path when it has none. */
final class MethodValidator {
    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String OBJECTS = "java.lang.Object[]";
    private static final Map<String, String> BOXED = Map.of("boolean", "Boolean", "byte", "Byte", "short", "Short",
            "char", "Character", "int", "Integer", "long", "Long", "float", "Float", "double", "Double", "void", "Void");

    private final Problems problems;
    private final boolean fastEnabled;

    MethodValidator(Problems problems, boolean fastEnabled) {
        this.problems = problems;
        this.fastEnabled = fastEnabled;
    }

    Optional<MethodPlan> validate(NativeMethod method) {
        if (!method.isAbstract()) {
            error(method, null, Messages.NOT_ABSTRACT, method.name(), describeConcrete(method));
            return Optional.empty();
        }
        int before = problems.count();
        checkSymbol(method);
        checkFlags(method);
        ParseResult parsed = Signature.tryParse(method.signature(), StructMirrors.names(method));
        if (!parsed.isValid()) {
            error(method, "value", Messages.SIGNATURE_INVALID, method.signature(), parsed.error().describe());
            return Optional.empty();
        }
        Signature signature = parsed.signature();
        checkTypes(method, signature);
        if (problems.count() > before) {
            return Optional.empty();
        }
        Optional<String> compatReason = Eligibility.compatReason(signature,
                method.parameters().stream().map(JavaParameter::typeName).toList(), method.resultTypeName());
        if (method.flags().requireFast() && compatReason.isPresent()) {
            error(method, "requireFast", Messages.REQUIRE_FAST, method.name(), compatReason.get());
            return Optional.empty();
        }
        if (!fastEnabled) {
            return Optional.of(new MethodPlan(method, signature, false, false, Messages.REASON_FAST_DISABLED.format()));
        }
        boolean fast = compatReason.isEmpty();
        return Optional.of(new MethodPlan(method, signature, fast, fast || onlyStringsAreCompat(method, signature),
                compatReason.orElse("")));
    }

    /**
     * Whether {@code String} arguments are all that keeps the method off the fast path: it is not
     * variadic, and every other argument and the result have a fast-path Java type.
     */
    private static boolean onlyStringsAreCompat(NativeMethod method, Signature signature) {
        if (signature.variadic()
                || JavaTypes.result(signature.returnType(), method.resultTypeName()) != Support.FAST) {
            return false;
        }
        boolean strings = false;
        for (int i = 0; i < signature.arity(); i++) {
            String javaType = method.parameters().get(i).typeName();
            if (signature.parameter(i) == NativeType.STRING && javaType.equals(JavaTypes.STRING)) {
                strings = true;
            } else if (JavaTypes.argument(signature.parameter(i), javaType) != Support.FAST) {
                return false;
            }
        }
        return strings;
    }

    /** An explicit symbol is checked where it is written; the method name stands in for an absent one. */
    private void checkSymbol(NativeMethod method) {
        if (C_IDENTIFIER.matcher(method.symbol()).matches()) {
            return;
        }
        if (method.explicitValue("symbol") != null) {
            error(method, "symbol", Messages.SYMBOL_INVALID, method.symbol());
        } else {
            problems.add(method.element(), Messages.METHOD_NAME_NOT_A_SYMBOL, method.name());
        }
    }

    private void checkFlags(NativeMethod method) {
        if (method.async() && method.flags().errno()) {
            error(method, "errno", Messages.ASYNC_WITH_ERRNO);
        }
    }

    private void checkTypes(NativeMethod method, Signature signature) {
        List<JavaParameter> parameters = method.parameters();
        if (signature.variadic()) {
            if (!method.element().isVarArgs() || !parameters.get(parameters.size() - 1).typeName().equals(OBJECTS)) {
                error(method, "value", Messages.VARIADIC_NEEDS_OBJECTS, method.signature(), method.name());
                return;
            }
            parameters = parameters.subList(0, parameters.size() - 1);
        }
        if (parameters.size() != signature.arity()) {
            error(method, "value", Messages.ARGUMENT_COUNT, method.signature(),
                    Messages.count(signature.arity(), "argument"), method.name(),
                    Messages.count(parameters.size(), "parameter"));
        } else {
            for (int i = 0; i < parameters.size(); i++) {
                if (signature.parameter(i) == NativeType.STRUCT) {
                    checkStruct(method, "Argument " + i, signature.struct(i), parameters.get(i).type(),
                            parameters.get(i).element());
                } else {
                    checkArgument(method, i, signature.parameter(i), parameters.get(i));
                }
            }
        }
        if (signature.returnType() == NativeType.STRUCT) {
            checkStruct(method, "The result", signature.returnStruct(), method.resultType(), method.element());
        } else {
            checkResult(method, signature.returnType());
        }
        int function = signature.parameters().indexOf(NativeType.FUNCTION);
        if (method.flags().critical() && function >= 0) {
            error(method, "critical", Messages.CRITICAL_WITH_FUNCTION, function);
        }
    }

    private void checkArgument(NativeMethod method, int index, NativeType type, JavaParameter parameter) {
        if (parameter.typeName().equals(JavaTypes.STRUCT_ARRAY) && type == NativeType.BUFFER) {
            checkStructArray(method, index, parameter);
            return;
        }
        if (JavaTypes.argument(type, parameter.typeName()) != Support.NONE) {
            return;
        }
        problems.add(parameter.element(), Messages.ARGUMENT_TYPE, index, method.signature(), type.cName(),
                JavaTypes.simpleName(parameter.typeName()), simpleNames(JavaTypes.allowedArguments(type)));
    }

    private void checkResult(NativeMethod method, NativeType type) {
        if (JavaTypes.result(type, method.resultTypeName()) != Support.NONE) {
            return;
        }
        if (method.async()) {
            problems.add(method.element(), Messages.ASYNC_RESULT_TYPE, method.signature(), type.cName(),
                    simpleTypeName(method.element().getReturnType().toString()), futures(type));
            return;
        }
        problems.add(method.element(), Messages.RESULT_TYPE, method.signature(), type.cName(),
                JavaTypes.simpleName(method.resultTypeName()), simpleNames(JavaTypes.allowedResults(type)));
    }

    /** The records of a buffer are laid out by their own {@code @NativeStruct}, which must parse. */
    private void checkStructArray(NativeMethod method, int index, JavaParameter parameter) {
        TypeElement record = StructMirrors.record(((ArrayType) parameter.type()).getComponentType()).orElseThrow();
        ParseResult own = StructMirrors.structOf(record);
        if (!own.isValid() || own.signature().returnType() != NativeType.STRUCT) {
            problems.add(parameter.element(), Messages.STRUCT_ARRAY_INVALID, index, method.signature(),
                    record.getSimpleName());
        }
    }

    /**
     * A struct's Java type must be a record matching its fields. A {@code @NativeStruct} record of
     * that very struct is left to {@link StructValidator}, which reports on the record once.
     */
    private void checkStruct(NativeMethod method, String where, StructType struct, TypeMirror type, Element element) {
        Optional<TypeElement> record = StructMirrors.record(type);
        if (record.isEmpty()) {
            problems.add(element, Messages.STRUCT_NOT_A_RECORD, where, method.signature(), struct,
                    where.startsWith("Argument") ? "passed" : "returned",
                    JavaTypes.simpleName(BindingReader.typeName(type)));
            return;
        }
        if (!StructMirrors.usableFrom(record.get(), method.element())) {
            problems.add(element, Messages.STRUCT_RECORD_NOT_USABLE, where, method.signature(),
                    record.get().getQualifiedName());
            return;
        }
        ParseResult own = StructMirrors.annotation(record.get()).isPresent() ? StructMirrors.structOf(record.get()) : null;
        if (own != null && own.isValid() && struct.equals(own.signature().structs().get(0))) {
            return;
        }
        List<RecordComponentElement> components = StructMirrors.components(record.get());
        for (StructRecords.Mismatch mismatch : StructRecords.check(struct, StructMirrors.view(record.get()))) {
            Element on = mismatch.component() < 0 ? record.get() : components.get(mismatch.component());
            problems.addOn(on, Messages.STRUCT_MISMATCH, where, method.signature(), struct, mismatch.message());
        }
    }

    /** Reports on the annotation, underlining {@code member} when it was written out. */
    private void error(NativeMethod method, String member, Messages message, Object... args) {
        problems.add(method.element(), method.annotation(), member == null ? null : method.explicitValue(member),
                message, args);
    }

    /** {@code CompletableFuture<R>} for every {@code R} that can complete the future of a {@code type} result. */
    private static String futures(NativeType type) {
        return String.join(", ", JavaTypes.allowedResults(type).stream()
                .map(javaType -> "CompletableFuture<" + JavaTypes.simpleName(BOXED.getOrDefault(javaType, javaType)) + ">")
                .distinct()
                .toList());
    }

    private static String simpleTypeName(String type) {
        return type.replaceAll("\\b(?:[a-z_][\\w]*\\.)+", "");
    }

    static String simpleNames(List<String> types) {
        return String.join(", ", types.stream().map(JavaTypes::simpleName).toList());
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

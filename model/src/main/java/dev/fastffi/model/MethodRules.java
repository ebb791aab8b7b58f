package dev.fastffi.model;

import dev.fastffi.model.JavaTypes.Support;
import dev.fastffi.model.MethodView.JavaRecord;
import dev.fastffi.model.MethodView.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one rule set for a {@code @NativeFunction} method: whether it fits its C signature, and
 * which path it takes. Finds every problem, not just the first; plans the path only when there is none.
 */
public final class MethodRules {
    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String OBJECTS = "java.lang.Object[]";
    private static final Map<String, String> BOXED = Map.of("boolean", "Boolean", "byte", "Byte", "short", "Short",
            "char", "Character", "int", "Integer", "long", "Long", "float", "Float", "double", "Double", "void", "Void");

    private final MethodView method;
    private final List<Violation> violations = new ArrayList<>();

    private MethodRules(MethodView method) {
        this.method = method;
    }

    /**
     * What is wrong with {@code method} and, when nothing is, its plan.
     *
     * @param fastEnabled false when every method is put on the compatibility path ({@code -Afastffi.fast=false})
     */
    public static MethodCheck check(MethodView method, boolean fastEnabled) {
        return new MethodRules(method).run(fastEnabled);
    }

    /**
     * The structs {@code candidates}, the records a signature may name in the order they are looked
     * up ({@link #candidates}), answer to by simple name; a callback's signature resolves names by
     * the same rule. A name that records of different qualified names answer to is in
     * {@link #ambiguousNames} instead.
     */
    static Map<String, StructType> structNames(List<JavaRecord> candidates) {
        if (candidates.isEmpty()) {
            return Map.of(); // what most functions have: no record to look at
        }
        Map<String, StructType> names = new TreeMap<>();
        Map<String, List<String>> ambiguous = ambiguousNames(candidates);
        candidates.stream().filter(record -> record != null && record.declared() != null).forEach(record -> {
            if (record.declaredStruct() != null && !ambiguous.containsKey(record.view().name())) {
                names.putIfAbsent(record.view().name(), record.declaredStruct());
            }
        });
        return names;
    }

    /** The simple names more than one of {@code candidates} answers to, each with their qualified names, sorted. */
    static Map<String, List<String>> ambiguousNames(List<JavaRecord> candidates) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Map<String, java.util.SortedSet<String>> byName = new TreeMap<>();
        candidates.stream().filter(record -> record != null && record.declared() != null)
                .forEach(record -> byName.computeIfAbsent(record.view().name(),
                        name -> new java.util.TreeSet<>()).add(record.qualifiedName()));
        Map<String, List<String>> ambiguous = new TreeMap<>();
        byName.forEach((name, records) -> {
            if (records.size() > 1) {
                ambiguous.put(name, List.copyOf(records));
            }
        });
        return ambiguous;
    }

    /**
     * The {@code @NativeStruct} records whose simple names a signature may use: those among the
     * method's parameter and result types and array elements, then its {@code namedStructs}.
     */
    private static List<JavaRecord> candidates(MethodView method) {
        List<JavaRecord> records = new ArrayList<>();
        for (Parameter parameter : method.parameters()) {
            records.add(parameter.record());
        }
        records.add(method.result().record());
        records.addAll(method.namedStructs());
        return records.stream().filter(record -> record != null && record.declared() != null).toList();
    }

    private MethodCheck run(boolean fastEnabled) {
        checkSymbol();
        if (method.result().async() && method.function().errno()) {
            violations.add(Violation.onAnnotation("errno", Message.ASYNC_WITH_ERRNO));
        }
        List<JavaRecord> candidates = candidates(method);
        ParseResult parsed = Signature.tryParse(text(), structNames(candidates), ambiguousNames(candidates));
        if (!parsed.isValid()) {
            violations.add(Violation.onAnnotation("value", Message.SIGNATURE_INVALID, text(),
                    parsed.error().describe()));
            return done(null);
        }
        Signature signature = parsed.signature();
        ArgumentSlots.problem(signature, method.function().errno(), method.function().critical())
                .ifPresent(problem -> violations.add(Violation.onAnnotation("value", Message.ARGUMENT_LIMIT, text(),
                        problem)));
        checkTypes(signature);
        checkFree(signature);
        if (!violations.isEmpty()) {
            return done(null);
        }
        Optional<String> compatReason = Eligibility.compatReason(signature, argumentTypes(signature),
                method.result().typeName(), argumentRecords(signature), method.result().record());
        if (method.function().requireFast() && compatReason.isPresent()) {
            violations.add(Violation.onAnnotation("requireFast", Message.REQUIRE_FAST, method.name(),
                    compatReason.get()));
            return done(null);
        }
        if (!fastEnabled) {
            return done(new MethodCheck.Plan(signature, false, false, Eligibility.FAST_DISABLED_REASON,
                    parsed.display()));
        }
        boolean fast = compatReason.isEmpty();
        return done(new MethodCheck.Plan(signature, fast, fast || onlyStringsAreCompat(signature),
                compatReason.orElse(""), parsed.display()));
    }

    private MethodCheck done(MethodCheck.Plan plan) {
        return new MethodCheck(List.copyOf(violations), plan);
    }

    private String text() {
        return method.function().signature();
    }

    /** The Java types of the C arguments: the parameters without a variadic tail. */
    private List<String> argumentTypes(Signature signature) {
        return method.parameters().subList(0, signature.arity()).stream().map(Parameter::typeName).toList();
    }

    /** The records of the C arguments, null where an argument names none. */
    private List<JavaRecord> argumentRecords(Signature signature) {
        return method.parameters().subList(0, signature.arity()).stream().map(Parameter::record).toList();
    }

    /**
     * Whether {@code String} and {@code String[]} arguments are all that keeps the method off the fast path: it is not
     * variadic, and every other argument, the result and their records' components have a fast-path Java type.
     */
    private boolean onlyStringsAreCompat(Signature signature) {
        if (signature.variadic() || JavaTypes.result(signature.returnType(), method.result().typeName()) != Support.FAST
                || !Eligibility.recordsAreFast(signature, argumentTypes(signature), argumentRecords(signature),
                        method.result().record())) {
            return false;
        }
        boolean strings = false;
        for (int i = 0; i < signature.arity(); i++) {
            String javaType = method.parameters().get(i).typeName();
            if (signature.parameter(i) == NativeType.STRING && javaType.equals(JavaTypes.STRING)
                    || signature.parameter(i) == NativeType.BUFFER && javaType.equals(JavaTypes.STRINGS)) {
                strings = true;
            } else if (JavaTypes.argument(signature.parameter(i), javaType) != Support.FAST) {
                return false;
            }
        }
        return strings;
    }

    /** An explicit symbol is checked where it is written; the method name stands in for an absent one. */
    private void checkSymbol() {
        if (C_IDENTIFIER.matcher(method.symbol()).matches()) {
            return;
        }
        if (!method.function().symbol().isEmpty()) {
            violations.add(Violation.onAnnotation("symbol", Message.SYMBOL_INVALID, method.symbol()));
        } else {
            violations.add(Violation.onMethod(Message.METHOD_NAME_NOT_A_SYMBOL, method.name()));
        }
    }

    private void checkTypes(Signature signature) {
        List<Parameter> parameters = method.parameters();
        if (signature.variadic()) {
            if (!method.variadicTail() || !parameters.get(parameters.size() - 1).typeName().equals(OBJECTS)) {
                violations.add(Violation.onAnnotation("value", Message.VARIADIC_NEEDS_OBJECTS, text(), method.name()));
                return;
            }
            parameters = parameters.subList(0, parameters.size() - 1);
        }
        if (parameters.size() != signature.arity()) {
            violations.add(Violation.onAnnotation("value", Message.ARGUMENT_COUNT, text(),
                    Message.count(signature.arity(), "argument"), method.name(),
                    Message.count(parameters.size(), "parameter")));
        } else {
            for (int i = 0; i < parameters.size(); i++) {
                if (signature.parameter(i) == NativeType.STRUCT) {
                    checkStruct(i, signature.struct(i), parameters.get(i));
                } else if (signature.parameter(i) == NativeType.STRUCT_POINTER) {
                    checkStructPointer(i, signature.struct(i), parameters.get(i));
                } else {
                    checkArgument(i, signature.parameter(i), parameters.get(i));
                }
            }
        }
        if (signature.returnType() == NativeType.STRUCT) {
            checkStruct(Violation.RESULT, signature.returnStruct(),
                    new Parameter(method.result().typeName(), method.result().record()));
        } else if (signature.returnType() == NativeType.STRUCT_POINTER) {
            checkStructPointer(Violation.RESULT, signature.returnStruct(),
                    new Parameter(method.result().typeName(), method.result().record()));
        } else {
            checkResult(signature.returnType());
        }
        int function = signature.parameters().indexOf(NativeType.FUNCTION);
        if (method.function().critical() && function >= 0) {
            violations.add(Violation.onAnnotation("critical", Message.CRITICAL_WITH_FUNCTION, function));
        }
    }

    private void checkArgument(int index, NativeType type, Parameter parameter) {
        if (parameter.typeName().equals(JavaTypes.STRUCT_ARRAY) && type == NativeType.BUFFER) {
            checkStructArray(index, parameter.record());
            return;
        }
        if (JavaTypes.argument(type, parameter.typeName()) == Support.NONE) {
            violations.add(Violation.onParameter(index, Message.ARGUMENT_TYPE, index, text(), type.cName(),
                    JavaTypes.simpleName(parameter.typeName()), simpleNames(JavaTypes.allowedArguments(type))));
        }
    }

    private void checkResult(NativeType type) {
        MethodView.Result result = method.result();
        if (JavaTypes.result(type, result.typeName()) != Support.NONE) {
            return;
        }
        if (result.async()) {
            violations.add(Violation.onMethod(Message.ASYNC_RESULT_TYPE, text(), type.cName(), result.declared(),
                    futures(type)));
        } else {
            violations.add(Violation.onMethod(Message.RESULT_TYPE, text(), type.cName(),
                    JavaTypes.simpleName(result.typeName()), simpleNames(JavaTypes.allowedResults(type))));
        }
    }

    /** The records of a buffer are laid out by their own {@code @NativeStruct}, which must be a valid struct. */
    private void checkStructArray(int index, JavaRecord record) {
        if (record.declaredStruct() == null) {
            violations.add(Violation.onParameter(index, Message.STRUCT_ARRAY_INVALID, index, text(),
                    record.view().name()));
        }
    }

    /**
     * A struct's Java type must be a record matching its fields. A {@code @NativeStruct} record of
     * that very struct is left to {@link StructRules}, which reports on the record once. Any other
     * mismatch is this method's: it sits on the parameter, or on the method for the result.
     */
    private void checkStruct(int index, StructType struct, Parameter parameter) {
        String where = index == Violation.RESULT ? "The result" : "Argument " + index;
        JavaRecord record = parameter.record();
        if (record == null) {
            violations.add(Violation.onParameterOrResult(index, Message.STRUCT_NOT_A_RECORD, where, text(), struct,
                    index == Violation.RESULT ? "returned" : "passed", JavaTypes.simpleName(parameter.typeName())));
            return;
        }
        if (!record.usable()) {
            violations.add(Violation.onParameterOrResult(index, Message.STRUCT_RECORD_NOT_USABLE, where, text(),
                    record.qualifiedName()));
            return;
        }
        if (struct.equals(record.declaredStruct())) {
            return;
        }
        for (StructRecords.Mismatch mismatch : StructRecords.check(struct, record.view())) {
            violations.add(Violation.onParameterOrResult(index, Message.STRUCT_MISMATCH, where, text(), struct,
                    mismatch.message()));
        }
    }

    /**
     * A struct pointer's Java type: {@code MemorySegment}, or a record matching the struct, or as
     * an argument an array of {@code @NativeStruct} records matching it.
     */
    private void checkStructPointer(int index, StructType struct, Parameter parameter) {
        boolean result = index == Violation.RESULT;
        if (parameter.typeName().equals(JavaTypes.SEGMENT)) {
            return;
        }
        boolean array = parameter.typeName().equals(JavaTypes.STRUCT_ARRAY);
        if (parameter.record() != null && (!array || !result)) {
            checkStruct(index, struct, parameter);
            return;
        }
        if (result) {
            violations.add(Violation.onMethod(Message.STRUCT_POINTER_RESULT_TYPE, text(), struct,
                    JavaTypes.simpleName(parameter.typeName())));
        } else {
            violations.add(Violation.onParameter(index, Message.STRUCT_POINTER_ARGUMENT_TYPE, index, text(), struct,
                    JavaTypes.simpleName(parameter.typeName())));
        }
    }

    /** {@code free} names a C function and applies to a string or struct-pointer result read into Java. */
    private void checkFree(Signature signature) {
        String free = method.function().free();
        if (free.isEmpty()) {
            return;
        }
        if (!C_IDENTIFIER.matcher(free).matches()) {
            violations.add(Violation.onAnnotation("free", Message.FREE_INVALID, free));
        } else if (signature.returnType() != NativeType.STRING && signature.returnType() != NativeType.STRUCT_POINTER) {
            violations.add(Violation.onAnnotation("free", Message.FREE_NOT_OWNED, free, text(),
                    signature.describeReturn()));
        } else if (method.result().typeName().equals(JavaTypes.SEGMENT)) {
            violations.add(Violation.onAnnotation("free", Message.FREE_SEGMENT_RESULT, free, method.name(),
                    signature.returnType() == NativeType.STRING ? "String" : "a record matching the struct"));
        }
    }

    /** {@code CompletableFuture<R>} for every {@code R} that can complete the future of a {@code type} result. */
    private static String futures(NativeType type) {
        return String.join(", ", JavaTypes.allowedResults(type).stream()
                .map(javaType -> "CompletableFuture<" + JavaTypes.simpleName(BOXED.getOrDefault(javaType, javaType)) + ">")
                .distinct()
                .toList());
    }

    /** The simple names of {@code types}, comma-separated, for messages. */
    public static String simpleNames(List<String> types) {
        return String.join(", ", types.stream().map(JavaTypes::simpleName).toList());
    }
}

package dev.fastffi.model;

import dev.fastffi.model.JavaTypes.Support;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule set for a {@code @NativeCallback} interface: one abstract method whose parameters
 * and result fit a signature that is not variadic and within the linker's argument slots. The
 * processor and the runtime both apply it.
 */
public final class CallbackRules {
    private CallbackRules() {}

    /**
     * A callback interface as the rules see it; Java types are named as {@link JavaTypes} names them.
     *
     * @param name the interface's simple name
     * @param signature the {@code @NativeCallback} value
     * @param abstractMethods how many abstract methods it has, apart from those {@code Object} implements
     * @param method its one abstract method's name; the method fields are read only when there is one
     * @param parameterTypes the method's parameter types as the interface instantiates them: a type
     *     variable of a generic super-interface is the type argument bound to it
     * @param parameterRecords per parameter, the record its type names, or null; a struct arrives as one
     * @param resultRecord the record the result type names, or null
     * @param namedStructs the {@code @NativeStruct} records the signature may name besides the
     *     method's own parameter and result types: those nested in the interface and those in its
     *     package (the runtime finds the latter by the names the signature uses)
     * @param unboundTypes the parameters and result whose type the interface leaves a type variable;
     *     their entries in {@code parameterTypes} and {@code resultType} are the erasure, which no rule reads
     */
    public record CallbackView(String name, String signature, int abstractMethods, String method,
            List<String> parameterTypes, String resultType, List<MethodView.JavaRecord> parameterRecords,
            MethodView.JavaRecord resultRecord, List<MethodView.JavaRecord> namedStructs,
            List<UnboundType> unboundTypes) {

        public CallbackView {
            parameterRecords = java.util.Collections.unmodifiableList(new ArrayList<>(parameterRecords));
            namedStructs = List.copyOf(namedStructs);
            unboundTypes = List.copyOf(unboundTypes);
        }

        /** A callback whose signature names only its own parameter and result records. */
        public CallbackView(String name, String signature, int abstractMethods, String method,
                List<String> parameterTypes, String resultType, List<MethodView.JavaRecord> parameterRecords,
                MethodView.JavaRecord resultRecord) {
            this(name, signature, abstractMethods, method, parameterTypes, resultType, parameterRecords,
                    resultRecord, List.of(), List.of());
        }

        /** A callback whose parameters and result name no records. */
        public CallbackView(String name, String signature, int abstractMethods, String method,
                List<String> parameterTypes, String resultType) {
            this(name, signature, abstractMethods, method, parameterTypes, resultType,
                    java.util.Collections.nCopies(parameterTypes.size(), null), null);
        }

        /** The record of parameter {@code index}, or null. */
        MethodView.JavaRecord parameterRecord(int index) {
            return index < parameterRecords.size() ? parameterRecords.get(index) : null;
        }

        /** What the interface leaves unbound at parameter {@code index} or {@link Violation#RESULT}, or null. */
        UnboundType unbound(int index) {
            return unboundTypes.stream().filter(type -> type.index() == index).findFirst().orElse(null);
        }
    }

    /**
     * A parameter or result whose type stays a type variable in the callback interface: one of a
     * super-interface it extends raw ({@code extends Comparator}), one of its own type parameters,
     * or one of the method's. No class can stand for it, so neither the upcall nor the view can
     * convert it.
     *
     * @param index the parameter's index, or {@link Violation#RESULT}
     * @param written the type as the method declares it, {@code T} or {@code T[]}
     * @param declaredIn the canonical name of the interface that declares the method
     */
    public record UnboundType(int index, String written, String declaredIn) {}

    /** Every violation, and the signature when it parsed. */
    public record CallbackCheck(List<Violation> violations, Signature signature) {}

    public static CallbackCheck check(CallbackView callback) {
        List<Violation> violations = new ArrayList<>();
        String text = callback.signature();
        if (callback.abstractMethods() != 1) {
            violations.add(Violation.onAnnotation(null, Message.CALLBACK_METHOD_COUNT, callback.name(),
                    Message.count(callback.abstractMethods(), "abstract method")));
        }
        List<MethodView.JavaRecord> candidates = candidates(callback);
        ParseResult parsed = Signature.tryParse(text, MethodRules.structNames(candidates),
                MethodRules.ambiguousNames(candidates));
        if (!parsed.isValid()) {
            violations.add(Violation.onAnnotation("value", Message.CALLBACK_SIGNATURE_INVALID, text,
                    parsed.error().describe()));
        } else if (parsed.signature().variadic()) {
            violations.add(Violation.onAnnotation("value", Message.CALLBACK_VARIADIC, text));
        } else {
            // the downcall's rule holds for upcalls too: with the interface method's receiver, FFM's stubs
            // take 252 i32, 126 i64, 63 {i64, i64} or 125 i64 with a {i64, i64} result, and no more
            ArgumentSlots.problem(parsed.signature(), false, false).ifPresent(problem ->
                    violations.add(Violation.onAnnotation("value", Message.CALLBACK_ARGUMENT_LIMIT, text, problem)));
            if (callback.abstractMethods() == 1) {
                checkMethod(callback, parsed.signature(), violations);
            }
        }
        return new CallbackCheck(List.copyOf(violations), parsed.signature());
    }

    private static void checkMethod(CallbackView callback, Signature signature, List<Violation> violations) {
        String text = callback.signature();
        List<String> parameters = callback.parameterTypes();
        if (parameters.size() != signature.arity()) {
            violations.add(Violation.onAnnotation("value", Message.CALLBACK_ARGUMENT_COUNT, text,
                    Message.count(signature.arity(), "argument"), callback.method(),
                    Message.count(parameters.size(), "parameter")));
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            NativeType type = signature.parameter(i);
            if (callback.unbound(i) != null) {
                violations.add(unbound(callback, callback.unbound(i)));
            } else if (type == NativeType.STRUCT) {
                checkStruct(callback, i, signature.struct(i), parameters.get(i), callback.parameterRecord(i),
                        violations);
            } else if (type == NativeType.STRUCT_POINTER) {
                checkStructPointerArgument(callback, i, signature.struct(i), parameters.get(i),
                        callback.parameterRecord(i), violations);
            } else if (JavaTypes.callbackArgument(type, parameters.get(i)) == Support.NONE) {
                violations.add(Violation.onParameter(i, Message.CALLBACK_ARGUMENT_TYPE, i, text, type.cName(),
                        JavaTypes.simpleName(parameters.get(i)), allowed(JavaTypes.allowedCallbackArguments(type))));
            }
        }
        NativeType result = signature.returnType();
        if (callback.unbound(Violation.RESULT) != null) {
            violations.add(unbound(callback, callback.unbound(Violation.RESULT)));
        } else if (result == NativeType.STRUCT) {
            checkStruct(callback, Violation.RESULT, signature.returnStruct(), callback.resultType(),
                    callback.resultRecord(), violations);
        } else if (result == NativeType.STRUCT_POINTER) {
            if (JavaTypes.callbackResult(result, callback.resultType()) == Support.NONE) {
                violations.add(Violation.onMethod(Message.CALLBACK_STRUCT_POINTER_RESULT_TYPE, text,
                        signature.returnStruct(), JavaTypes.simpleName(callback.resultType())));
            }
        } else if (JavaTypes.callbackResult(result, callback.resultType()) == Support.NONE) {
            violations.add(Violation.onMethod(Message.CALLBACK_RESULT_TYPE, text, result.cName(),
                    JavaTypes.simpleName(callback.resultType()), allowed(JavaTypes.allowedCallbackResults(result))));
        }
    }

    private static Violation unbound(CallbackView callback, UnboundType type) {
        return Violation.onParameterOrResult(type.index(), Message.CALLBACK_TYPE_UNBOUND,
                type.index() == Violation.RESULT ? "The result" : "Argument " + type.index(), callback.signature(),
                type.written(), type.declaredIn(), callback.name(), callback.name());
    }

    /**
     * A struct arrives and returns as a record whose components match its fields; a
     * {@code @NativeStruct} record of that very struct is left to {@link StructRules}. Any other
     * mismatch sits on the parameter, or on the method for the result.
     */
    private static void checkStruct(CallbackView callback, int index, StructType struct, String javaType,
            MethodView.JavaRecord record, List<Violation> violations) {
        String text = callback.signature();
        boolean result = index == Violation.RESULT;
        if (record == null) {
            String hint = "use a record whose components match its fields";
            violations.add(result
                    ? Violation.onMethod(Message.CALLBACK_RESULT_TYPE, text, struct, JavaTypes.simpleName(javaType), hint)
                    : Violation.onParameter(index, Message.CALLBACK_ARGUMENT_TYPE, index, text, struct,
                            JavaTypes.simpleName(javaType), hint));
            return;
        }
        if (struct.equals(record.declaredStruct())) {
            return;
        }
        String where = result ? "The result" : "Argument " + index;
        for (StructRecords.Mismatch mismatch : StructRecords.check(struct, record.view())) {
            violations.add(Violation.onParameterOrResult(index, Message.CALLBACK_STRUCT_MISMATCH, where, text,
                    struct, mismatch.message()));
        }
    }

    /**
     * A struct pointer arrives as a segment sized to the struct, or as a record matching it, read
     * once when the upcall starts.
     */
    private static void checkStructPointerArgument(CallbackView callback, int index, StructType struct,
            String javaType, MethodView.JavaRecord record, List<Violation> violations) {
        if (javaType.equals(JavaTypes.SEGMENT)) {
            return;
        }
        if (record == null) {
            violations.add(Violation.onParameter(index, Message.CALLBACK_STRUCT_POINTER_ARGUMENT_TYPE, index,
                    callback.signature(), struct, JavaTypes.simpleName(javaType)));
            return;
        }
        checkStruct(callback, index, struct, javaType, record, violations);
    }

    /**
     * The records a callback's signature may name, as a function's may: the {@code @NativeStruct}
     * records among the method's parameter and result types, then those nested in the interface
     * and in its package. Two records of one simple name make the name ambiguous.
     */
    private static List<MethodView.JavaRecord> candidates(CallbackView callback) {
        List<MethodView.JavaRecord> records = new ArrayList<>(callback.parameterRecords());
        records.add(callback.resultRecord());
        records.addAll(callback.namedStructs());
        return records;
    }

    /**
     * How the type table names {@code callback} as a {@code function} result, which returns its
     * view: {@link JavaTypes#CALLBACK} when the view is fast (the callback method's types are fast
     * as downcall arguments and result), {@link JavaTypes#CALLBACK_COMPAT_VIEW} when not. A
     * callback with violations counts as fast; it reports them itself.
     */
    public static String viewTypeName(CallbackView callback) {
        CallbackCheck check = check(callback);
        if (!check.violations().isEmpty()) {
            return JavaTypes.CALLBACK;
        }
        List<MethodView.JavaRecord> records = java.util.stream.IntStream.range(0, callback.parameterTypes().size())
                .mapToObj(callback::parameterRecord).toList();
        return Eligibility.compatReason(check.signature(), callback.parameterTypes(), callback.resultType(), records,
                callback.resultRecord()).isEmpty()
                ? JavaTypes.CALLBACK : JavaTypes.CALLBACK_COMPAT_VIEW;
    }

    private static String allowed(List<String> types) {
        return types.isEmpty() ? "none: callbacks cannot have this C type" : "use one of "
                + MethodRules.simpleNames(types);
    }
}

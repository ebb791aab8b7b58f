package dev.fastffi.processor;

import dev.fastffi.internal.signature.JavaTypes;
import dev.fastffi.internal.signature.JavaTypes.Support;
import dev.fastffi.internal.signature.NativeType;
import dev.fastffi.internal.signature.Signature;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** Reads the runtime's type table to tell whether a method's Java types keep it on the fast path, and why not. */
final class Eligibility {
    private static final Map<String, String> UNBOXED = Map.of(
            "java.lang.Boolean", "boolean", "java.lang.Byte", "byte", "java.lang.Short", "short",
            "java.lang.Character", "char", "java.lang.Integer", "int", "java.lang.Long", "long",
            "java.lang.Float", "float", "java.lang.Double", "double");

    private Eligibility() {}

    /**
     * Why the Java types put {@code method} on the compatibility path, naming the first type that
     * does; empty when every type is a fast one. Expects every type to be allowed by the table.
     */
    static Optional<String> compatReason(Signature signature, NativeMethod method) {
        for (int i = 0; i < signature.arity(); i++) {
            NativeType type = signature.parameter(i);
            String javaType = method.parameters().get(i).typeName();
            if (JavaTypes.argument(type, javaType) != Support.FAST) {
                String use = fastAlternative(javaType, fastTypes(JavaTypes.allowedArguments(type), type, JavaTypes::argument));
                Messages template = UNBOXED.containsKey(javaType)
                        ? Messages.REASON_BOXED_ARGUMENT : Messages.REASON_OTHER_ARGUMENT;
                return Optional.of(template.format(i, JavaTypes.simpleName(javaType), use));
            }
        }
        NativeType type = signature.returnType();
        String javaType = method.resultTypeName();
        if (JavaTypes.result(type, javaType) != Support.FAST) {
            String use = fastAlternative(javaType, fastTypes(JavaTypes.allowedResults(type), type, JavaTypes::result));
            Messages template = UNBOXED.containsKey(javaType) ? Messages.REASON_BOXED_RESULT : Messages.REASON_OTHER_RESULT;
            return Optional.of(template.format(JavaTypes.simpleName(javaType), use));
        }
        return Optional.empty();
    }

    private static List<String> fastTypes(List<String> allowed, NativeType type,
            BiFunction<NativeType, String, Support> support) {
        return allowed.stream().filter(t -> support.apply(type, t) == Support.FAST).toList();
    }

    /** The unboxed type when it is fast (Integer: use int), otherwise every fast type. */
    private static String fastAlternative(String javaType, List<String> fast) {
        String unboxed = "java.lang.Void".equals(javaType) ? "void" : UNBOXED.get(javaType);
        if (unboxed != null && fast.contains(unboxed)) {
            return unboxed;
        }
        return String.join(" or ", fast.stream().map(JavaTypes::simpleName).toList());
    }
}

package dev.fastffi.model;

import dev.fastffi.model.JavaTypes.Support;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule set for a {@code @NativeCallback} interface: one abstract method whose parameters
 * and result fit a signature that is not variadic. The processor and the runtime both apply it.
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
     */
    public record CallbackView(String name, String signature, int abstractMethods, String method,
            List<String> parameterTypes, String resultType) {}

    /** Every violation, and the signature when it parsed. */
    public record CallbackCheck(List<Violation> violations, Signature signature) {}

    public static CallbackCheck check(CallbackView callback) {
        List<Violation> violations = new ArrayList<>();
        String text = callback.signature();
        if (callback.abstractMethods() != 1) {
            violations.add(Violation.onAnnotation(null, Message.CALLBACK_METHOD_COUNT, callback.name(),
                    Message.count(callback.abstractMethods(), "abstract method")));
        }
        ParseResult parsed = Signature.tryParse(text);
        if (!parsed.isValid()) {
            violations.add(Violation.onAnnotation("value", Message.CALLBACK_SIGNATURE_INVALID, text,
                    parsed.error().describe()));
        } else if (parsed.signature().variadic()) {
            violations.add(Violation.onAnnotation("value", Message.CALLBACK_VARIADIC, text));
        } else if (callback.abstractMethods() == 1) {
            checkMethod(callback, parsed.signature(), violations);
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
            if (JavaTypes.callbackArgument(type, parameters.get(i)) == Support.NONE) {
                violations.add(Violation.onParameter(i, Message.CALLBACK_ARGUMENT_TYPE, i, text, type.cName(),
                        JavaTypes.simpleName(parameters.get(i)), allowed(JavaTypes.allowedCallbackArguments(type))));
            }
        }
        NativeType result = signature.returnType();
        if (JavaTypes.callbackResult(result, callback.resultType()) == Support.NONE) {
            violations.add(Violation.onMethod(Message.CALLBACK_RESULT_TYPE, text, result.cName(),
                    JavaTypes.simpleName(callback.resultType()), allowed(JavaTypes.allowedCallbackResults(result))));
        }
    }

    private static String allowed(List<String> types) {
        return types.isEmpty() ? "none: callbacks cannot have this C type" : "use one of "
                + MethodRules.simpleNames(types);
    }
}

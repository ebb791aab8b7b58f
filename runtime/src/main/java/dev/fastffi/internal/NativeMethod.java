package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One {@code @NativeFunction} method read at run time, checked as the processor checks it; for
 * {@code describe} and for interfaces bound without generated code.
 */
public record NativeMethod(Method method, String symbol, Signature signature, List<String> argumentTypes,
        String resultType) {

    /** The abstract methods of {@code iface}, in a stable order (name, then parameter types). */
    public static List<NativeMethod> of(Class<?> iface) {
        if (!iface.isInterface()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, iface.getName() + " is not an interface");
        }
        return Arrays.stream(iface.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .map(NativeMethod::read)
                .toList();
    }

    private static NativeMethod read(Method method) {
        NativeFunction function = method.getAnnotation(NativeFunction.class);
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (function == null) {
            throw invalid(where + " has no @NativeFunction; every abstract method of a native interface needs one");
        }
        Signature signature;
        try {
            signature = Signatures.parse(function.value(), StructClasses.names(method));
        } catch (FfiException e) {
            throw invalid(where + ": " + e.getMessage().substring(e.code().name().length() + 2));
        }
        List<String> argumentTypes = Arrays.stream(method.getParameterTypes()).map(NativeMethod::argumentName).toList();
        String resultType = typeName(AsyncResult.of(method, signature.returnType()).orElse(method.getReturnType()));
        if (AsyncResult.isAsync(method) && function.errno()) {
            throw invalid(where + ": errno = true cannot be combined with a CompletableFuture result, as errno"
                    + " would be captured on a pool thread; call it synchronously");
        }
        if (signature.variadic()) {
            if (!method.isVarArgs() || method.getParameterTypes()[argumentTypes.size() - 1] != Object[].class) {
                throw invalid(where + ": \"" + signature + "\" is variadic, so the method must end with Object...");
            }
            argumentTypes = argumentTypes.subList(0, argumentTypes.size() - 1);
        }
        if (argumentTypes.size() != signature.arity()) {
            throw invalid(where + " has " + argumentTypes.size() + " parameters but \"" + signature + "\" declares "
                    + signature.arity());
        }
        for (int i = 0; i < argumentTypes.size(); i++) {
            if (JavaTypes.argument(signature.parameter(i), argumentTypes.get(i)) == JavaTypes.Support.NONE) {
                throw invalid(where + ": argument " + i + " is " + JavaTypes.simpleName(argumentTypes.get(i))
                        + ", which cannot stand for " + signature.parameter(i).cName());
            }
        }
        if (JavaTypes.result(signature.returnType(), resultType) == JavaTypes.Support.NONE) {
            throw invalid(where + ": the result is " + resultName(method, resultType) + ", which cannot stand for "
                    + signature.returnType().cName());
        }
        checkStructs(where, signature, method, AsyncResult.of(method, signature.returnType()).orElse(method.getReturnType()));
        String symbol = function.symbol().isEmpty() ? method.getName() : function.symbol();
        return new NativeMethod(method, symbol, signature, argumentTypes, resultType);
    }

    private static void checkStructs(String where, Signature signature, Method method, Class<?> result) {
        for (int i = 0; i < signature.arity(); i++) {
            if (signature.parameter(i) == NativeType.STRUCT) {
                String problem = StructClasses.mismatch(signature.struct(i), method.getParameterTypes()[i]);
                if (problem != null) {
                    throw invalid(where + ": argument " + i + ": " + problem);
                }
            }
        }
        if (signature.returnType() == NativeType.STRUCT) {
            String problem = StructClasses.mismatch(signature.returnStruct(), result);
            if (problem != null) {
                throw invalid(where + ": the result: " + problem);
            }
        }
    }

    /** Whether the method returns a {@code CompletableFuture} and runs on the runtime's pool. */
    public boolean async() {
        return AsyncResult.isAsync(method);
    }

    private static String resultName(Method method, String resultType) {
        return AsyncResult.isAsync(method) ? method.getGenericReturnType().getTypeName().replace("java.util.concurrent.", "")
                .replace("java.lang.", "") : JavaTypes.simpleName(resultType);
    }

    /** As {@link #typeName}, with callback interfaces and arrays of struct records named as the type table does. */
    private static String argumentName(Class<?> type) {
        if (type.isArray() && type.getComponentType().isRecord()
                && type.getComponentType().isAnnotationPresent(dev.fastffi.annotations.NativeStruct.class)) {
            return JavaTypes.STRUCT_ARRAY;
        }
        return CallbackType.isCallback(type) ? JavaTypes.CALLBACK : typeName(type);
    }

    /** The name javac gives the type, as the type table spells it: {@code byte[]}, {@code java.lang.Integer}. */
    static String typeName(Class<?> type) {
        String canonical = type.getCanonicalName();
        return canonical != null ? canonical : type.getName();
    }

    private static FfiException invalid(String detail) {
        return new FfiException(FfiException.Code.INVALID_SIGNATURE, detail);
    }
}

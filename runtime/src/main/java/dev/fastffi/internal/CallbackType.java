package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code @NativeCallback} interface read once, checked as the processor checks it: its one
 * method's signature, the upcall's descriptor and the guarded handle {@link UpcallStubs} binds
 * to each target, made once per interface.
 */
public record CallbackType(Class<?> iface, Signature signature, FunctionDescriptor descriptor, MethodHandle template) {

    private static final ClassValue<Object> READ = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            try {
                return read(type);
            } catch (FfiException e) {
                return e;
            }
        }
    };

    /** The callback type of {@code iface}, or {@code INVALID_SIGNATURE} saying what is wrong with it. */
    public static CallbackType of(Class<?> iface) {
        Object read = READ.get(iface);
        if (read instanceof FfiException e) {
            throw new FfiException(e.code(), e.getMessage().substring(e.code().name().length() + 2));
        }
        return (CallbackType) read;
    }

    /** Whether {@code type} is an interface annotated {@code @NativeCallback}. */
    public static boolean isCallback(Class<?> type) {
        return type.isInterface() && type.isAnnotationPresent(NativeCallback.class);
    }

    private static CallbackType read(Class<?> iface) {
        String name = iface.getSimpleName();
        NativeCallback annotation = iface.getAnnotation(NativeCallback.class);
        if (!iface.isInterface() || annotation == null) {
            throw invalid(iface.getName() + " is not an interface annotated @NativeCallback");
        }
        List<Method> abstracts = Arrays.stream(iface.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m))
                .toList();
        if (abstracts.size() != 1) {
            throw invalid("@NativeCallback " + name + " must have exactly one abstract method but has "
                    + abstracts.size());
        }
        Method method = abstracts.get(0);
        Signature signature;
        try {
            signature = Signatures.parse(annotation.value());
        } catch (FfiException e) {
            throw invalid("@NativeCallback " + name + ": " + e.getMessage().substring(e.code().name().length() + 2));
        }
        check(name, method, signature);
        return new CallbackType(iface, signature, Downcalls.descriptor(signature, Downcalls.carriers(signature), false),
                UpcallStubs.template(method, signature));
    }

    private static void check(String name, Method method, Signature signature) {
        String where = "@NativeCallback " + name + "." + method.getName();
        if (signature.variadic()) {
            throw invalid(where + ": a callback cannot be variadic ('...') in \"" + signature + "\"");
        }
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length != signature.arity()) {
            throw invalid(where + " has " + parameters.length + " parameters but \"" + signature + "\" declares "
                    + signature.arity());
        }
        for (int i = 0; i < parameters.length; i++) {
            NativeType type = signature.parameter(i);
            if (JavaTypes.callbackArgument(type, NativeMethod.typeName(parameters[i])) == JavaTypes.Support.NONE) {
                throw invalid(where + ": parameter " + i + " is " + parameters[i].getSimpleName()
                        + ", which cannot receive " + type.cName());
            }
        }
        NativeType result = signature.returnType();
        if (JavaTypes.callbackResult(result, NativeMethod.typeName(method.getReturnType())) == JavaTypes.Support.NONE) {
            throw invalid(where + ": the result is " + method.getReturnType().getSimpleName()
                    + ", which cannot be returned as " + result.cName());
        }
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static FfiException invalid(String detail) {
        return new FfiException(FfiException.Code.INVALID_SIGNATURE, detail);
    }
}

package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.model.CallbackRules;
import dev.fastffi.model.Message;
import dev.fastffi.model.Signature;
import dev.fastffi.model.Violation;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code @NativeCallback} interface read once, checked by the model's {@link CallbackRules} as
 * the processor checks it: its one method's signature, the upcall's descriptor and the guarded
 * handle {@link UpcallStubs} binds to each target, made once per interface.
 *
 * @param resultType what the method returns as the interface instantiates it, which a view returns
 */
public record CallbackType(Class<?> iface, Signature signature, FunctionDescriptor descriptor, MethodHandle template,
        Class<?> resultType) {

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
        NativeCallback annotation = iface.getAnnotation(NativeCallback.class);
        if (annotation == null) {
            throw invalid(iface.getName() + " is not an interface annotated @NativeCallback");
        }
        if (!iface.isInterface()) {
            throw invalid(Message.CALLBACK_NOT_AN_INTERFACE.format(NativeMethod.typeName(iface)));
        }
        List<Method> abstracts = abstractMethods(iface);
        CallbackMethod method = method(iface, abstracts);
        CallbackRules.CallbackCheck check = CallbackRules.check(view(iface, annotation, abstracts.size(), method));
        if (!check.violations().isEmpty()) {
            throw invalid(iface.getSimpleName() + ": "
                    + String.join("\n", check.violations().stream().map(Violation::text).toList()));
        }
        Signature signature = check.signature();
        return new CallbackType(iface, signature, Downcalls.descriptor(signature, Downcalls.carriers(signature), false),
                UpcallStubs.template(method, signature), method.returnType());
    }

    /**
     * How the type table names {@code iface} as a {@code function} result, whose view is fast or
     * not ({@link CallbackRules#viewTypeName}).
     */
    static String viewTypeName(Class<?> iface) {
        List<Method> abstracts = abstractMethods(iface);
        return CallbackRules.viewTypeName(view(iface, iface.getAnnotation(NativeCallback.class), abstracts.size(),
                method(iface, abstracts)));
    }

    private static List<Method> abstractMethods(Class<?> iface) {
        return Arrays.stream(iface.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m))
                .toList();
    }

    /** The one abstract method as a member of {@code iface}, or null when there is not exactly one. */
    private static CallbackMethod method(Class<?> iface, List<Method> abstracts) {
        return abstracts.size() == 1 ? CallbackMethod.of(iface, abstracts.get(0)) : null;
    }

    /**
     * The interface as the rules see it, with the method's types as the interface instantiates
     * them ({@code method} is null unless it has exactly one); a struct parameter or result names
     * its record.
     */
    private static CallbackRules.CallbackView view(Class<?> iface, NativeCallback annotation, int abstracts,
            CallbackMethod method) {
        if (method == null) {
            return new CallbackRules.CallbackView(iface.getSimpleName(), annotation.value(), abstracts, null,
                    List.of(), null);
        }
        return new CallbackRules.CallbackView(iface.getSimpleName(), annotation.value(), 1, method.method().getName(),
                method.parameterTypes().stream().map(NativeMethod::typeName).toList(),
                NativeMethod.typeName(method.returnType()),
                method.parameterTypes().stream().map(NativeMethod::record).toList(),
                NativeMethod.record(method.returnType()), NativeMethod.namedStructs(iface, annotation.value()),
                method.unbound());
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

package dev.fastffi.internal;

import dev.fastffi.model.CallbackRules;
import dev.fastffi.model.Violation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one abstract method of a callback interface with its parameter and result types as the
 * interface instantiates them: {@code compare(T, T)} of {@code interface Cmp extends
 * Comparator<MemorySegment>} takes two {@code MemorySegment}s, though reflection sees the erased
 * {@code compare(Object, Object)}. The processor reads the same types with {@code Types.asMemberOf}.
 *
 * @param iface the callback interface, which names the callback in messages
 * @param method the abstract method, declared by {@code iface} or a super-interface
 * @param parameterTypes per parameter, the class standing for its type, or its erasure where the type
 *     stays a type variable
 * @param returnType the same for the result
 * @param unbound the parameters and result whose type stays a type variable, which the rules refuse
 */
record CallbackMethod(Class<?> iface, Method method, List<Class<?>> parameterTypes, Class<?> returnType,
        List<CallbackRules.UnboundType> unbound) {

    CallbackMethod {
        parameterTypes = List.copyOf(parameterTypes);
        unbound = List.copyOf(unbound);
    }

    /**
     * The callback as failure messages name it: the interface's simple name and the method's,
     * {@code Cmp.compare} also where {@code Comparator} declares {@code compare}.
     */
    String name() {
        return iface.getSimpleName() + "." + method.getName();
    }

    /** {@code method}, one of {@code iface}'s own or inherited abstract methods, as a member of {@code iface}. */
    static CallbackMethod of(Class<?> iface, Method method) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        bind(iface, false, bindings);
        List<CallbackRules.UnboundType> unbound = new ArrayList<>();
        List<Class<?>> parameters = new ArrayList<>();
        Type[] declared = method.getGenericParameterTypes();
        for (int i = 0; i < declared.length; i++) {
            parameters.add(resolve(method, i, declared[i], method.getParameterTypes()[i], bindings, unbound));
        }
        Class<?> result = resolve(method, Violation.RESULT, method.getGenericReturnType(), method.getReturnType(),
                bindings, unbound);
        return new CallbackMethod(iface, method, parameters, result, unbound);
    }

    /**
     * Records the type arguments {@code type} gives each generic super-interface, and so on up the
     * hierarchy. A super-interface extended raw binds nothing, nor does anything above it: a raw
     * type's supertypes are erased (JLS 4.8), and javac erases theirs in turn, so its
     * {@code asMemberOf} sees the method erased too.
     */
    private static void bind(Class<?> type, boolean raw, Map<TypeVariable<?>, Type> bindings) {
        for (Type parent : raw ? type.getInterfaces() : type.getGenericInterfaces()) {
            if (parent instanceof ParameterizedType generic) {
                Class<?> parentClass = (Class<?>) generic.getRawType();
                TypeVariable<?>[] variables = parentClass.getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    bindings.put(variables[i], generic.getActualTypeArguments()[i]);
                }
                bind(parentClass, false, bindings);
            } else if (parent instanceof Class<?> parentClass) {
                bind(parentClass, raw || parentClass.getTypeParameters().length > 0, bindings);
            }
        }
    }

    /**
     * The class {@code declared} stands for, or {@code erased} when it stays a type variable, which
     * {@code unbound} then lists.
     */
    private static Class<?> resolve(Method method, int index, Type declared, Class<?> erased,
            Map<TypeVariable<?>, Type> bindings, List<CallbackRules.UnboundType> unbound) {
        Class<?> resolved = resolve(declared, bindings);
        if (resolved != null) {
            return resolved;
        }
        unbound.add(new CallbackRules.UnboundType(index, declared.getTypeName(),
                NativeMethod.typeName(method.getDeclaringClass())));
        return erased;
    }

    /** The class {@code type} stands for, or null when a type variable in it is bound to no class. */
    private static Class<?> resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return switch (type) {
            case Class<?> plain -> plain;
            case ParameterizedType generic -> (Class<?>) generic.getRawType();
            case GenericArrayType array -> {
                Class<?> component = resolve(array.getGenericComponentType(), bindings);
                yield component == null ? null : component.arrayType();
            }
            case TypeVariable<?> variable -> bindings.containsKey(variable) ? resolve(bindings.get(variable), bindings)
                    : null;
            // a wildcard, which no supertype's type argument can be
            default -> null;
        };
    }
}

package dev.fastffi.internal;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeFunction;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Answers, for every binding the runtime made ({@link Binder#remember}), which interface it binds
 * and whether its symbols were found, for {@code FastFfi.isAvailable} and every binding's
 * {@code toString()}, generated class or proxy alike.
 */
public final class BoundInterfaces {
    private BoundInterfaces() {}

    /**
     * Whether every {@code @NativeFunction} method named {@code method} (all overloads) has its symbol.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for an object that is not a binding, or a name
     *     that is no {@code @NativeFunction} method of its interface
     */
    public static boolean isAvailable(Object binding, String method) {
        Binder bound = binding == null ? null : Binder.of(binding);
        if (bound == null) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, (binding == null ? "null"
                    : binding.getClass().getName()) + " is not a binding made by FastFfi.load or Library.bind");
        }
        List<Method> methods = Arrays.stream(bound.iface().getMethods())
                .filter(m -> m.getName().equals(method) && m.isAnnotationPresent(NativeFunction.class))
                .toList();
        if (methods.isEmpty()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, bound.iface().getName()
                    + " has no @NativeFunction method named '" + method + "'; pass the Java method name");
        }
        return methods.stream().allMatch(m -> bound.found().getOrDefault(symbol(m), false));
    }

    /**
     * What {@code toString()} of every binding says, generated class or compatibility proxy alike:
     * {@code com.example.Zlib bound to libz.so.1 (2 FAST, 1 COMPAT)}, counted as
     * {@link FastFfi#describe} counts the interface's methods in this process.
     */
    public static String describe(Object binding) {
        Binder bound = Binder.of(binding);
        if (bound == null) { // a binding neither FastFfi.load nor Library.bind handed out
            return binding.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(binding));
        }
        List<CallPlan> plans = FastFfi.describe(bound.iface());
        long fast = plans.stream().filter(plan -> plan.path() == CallPath.FAST).count();
        return bound.iface().getName() + " bound to " + bound.library().name() + " (" + fast + " FAST, "
                + (plans.size() - fast) + " COMPAT)";
    }

    private static String symbol(Method method) {
        String symbol = method.getAnnotation(NativeFunction.class).symbol();
        return symbol.isEmpty() ? method.getName() : symbol;
    }
}

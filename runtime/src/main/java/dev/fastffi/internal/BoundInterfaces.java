package dev.fastffi.internal;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeFunction;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Remembers, for every binding the runtime made, its interface and which symbols it found, so
 * {@code FastFfi.isAvailable} answers for generated classes and proxies alike without keeping
 * bindings alive. Bindings compare by identity: generated classes inherit Object's, proxies
 * answer {@code equals} and {@code hashCode} by identity.
 */
public final class BoundInterfaces {
    private record Bound(Class<?> iface, LibraryState library, Map<String, Boolean> found) {}

    private static final Map<Object, Bound> BOUND = Collections.synchronizedMap(new WeakHashMap<>());

    private BoundInterfaces() {}

    /** Called once per binding, right after it was created with {@code binder}. */
    public static <T> T remember(T binding, Class<T> iface, Binder binder) {
        BOUND.put(binding, new Bound(iface, binder.library(), binder.found()));
        return binding;
    }

    /**
     * Whether every {@code @NativeFunction} method named {@code method} (all overloads) has its symbol.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for an object that is not a binding, or a name
     *     that is no {@code @NativeFunction} method of its interface
     */
    public static boolean isAvailable(Object binding, String method) {
        Bound bound = binding == null ? null : BOUND.get(binding);
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
        Bound bound = BOUND.get(binding);
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

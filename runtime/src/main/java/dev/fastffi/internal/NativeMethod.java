package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.Message;
import dev.fastffi.model.MethodCheck;
import dev.fastffi.model.MethodRules;
import dev.fastffi.model.MethodView;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import dev.fastffi.model.Violation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code @NativeFunction} method read at run time and checked by the model's
 * {@link MethodRules}, as the processor checks it; for {@code describe} and for interfaces bound
 * without generated code.
 *
 * @param plan the path the rules chose with the fast path enabled, and why
 */
public record NativeMethod(Method method, String symbol, MethodCheck.Plan plan) {

    /**
     * The abstract methods of {@code iface}, in a stable order (name, then parameter types),
     * without those that only redeclare a public method of {@code Object} ({@code String toString();}
     * for its Javadoc), which every binding implements as {@code Object} does, as the processor and
     * the language see them.
     */
    public static List<NativeMethod> of(Class<?> iface) {
        if (!iface.isInterface()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, iface.getName() + " is not an interface");
        }
        List<Method> methods = Arrays.stream(iface.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()))
                .filter(m -> m.isAnnotationPresent(NativeFunction.class) || objectMethod(m).isEmpty())
                .sorted(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .toList();
        checkInherited(iface, methods);
        return methods.stream().map(method -> read(iface, method)).toList();
    }

    /**
     * The public method of {@code Object} that {@code method} overrides, if any: {@code toString()},
     * {@code hashCode()} or {@code equals(Object)}, which a proxy's handler is called with too.
     */
    static Optional<Method> objectMethod(Method method) {
        try {
            return Optional.of(Object.class.getMethod(method.getName(), method.getParameterTypes()));
        } catch (NoSuchMethodException notObjects) {
            return Optional.empty();
        }
    }

    /**
     * Refuses a method that unrelated super-interfaces both declare with different
     * {@code @NativeFunction}s: one implementation serves both, so no one C function is meant.
     * {@code methods} are sorted by name, then parameter types.
     */
    private static void checkInherited(Class<?> iface, List<Method> methods) {
        for (int i = 1; i < methods.size(); i++) {
            Method first = methods.get(i - 1);
            Method second = methods.get(i);
            if (first.getName().equals(second.getName())
                    && Arrays.equals(first.getParameterTypes(), second.getParameterTypes())
                    && !Objects.equals(first.getAnnotation(NativeFunction.class),
                            second.getAnnotation(NativeFunction.class))) {
                throw invalid(iface.getSimpleName() + ": " + Message.INHERITED_CONFLICT.format(iface.getSimpleName(),
                        first.getName(), first.getDeclaringClass().getSimpleName(),
                        second.getDeclaringClass().getSimpleName(), iface.getSimpleName()));
            }
        }
    }

    public Signature signature() {
        return plan.signature();
    }

    /** Whether the method returns a {@code CompletableFuture} and runs on the runtime's pool. */
    public boolean async() {
        return AsyncResult.isAsync(method);
    }

    /**
     * Reads {@code method}; a misdeclaration is {@code INVALID_SIGNATURE} with every sentence the
     * processor would have reported, after {@code Iface.method: }.
     */
    private static NativeMethod read(Class<?> iface, Method method) {
        NativeFunction function = method.getAnnotation(NativeFunction.class);
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": ";
        if (function == null) {
            throw invalid(where + Message.MISSING_ANNOTATION.format(method.getName()));
        }
        MethodView view = view(iface, method, function);
        List<String> problems = new ArrayList<>(recordProblems(method));
        MethodCheck check = MethodRules.check(view, true);
        check.violations().stream().map(Violation::text).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw invalid(where + String.join("\n", problems));
        }
        return new NativeMethod(method, view.symbol(), check.plan());
    }

    /** The method as the rules see it, from reflection. */
    private static MethodView view(Class<?> iface, Method method, NativeFunction function) {
        MethodView.Function values = new MethodView.Function(function.value(), function.symbol(), function.critical(),
                function.errno(), function.requireFast(), function.optional(), function.free());
        List<MethodView.Parameter> parameters = Arrays.stream(method.getParameterTypes())
                .map(type -> {
                    String name = argumentName(type);
                    return new MethodView.Parameter(name,
                            record(name.equals(JavaTypes.STRUCT_ARRAY) ? type.getComponentType() : type));
                })
                .toList();
        Class<?> declared = method.getReturnType();
        boolean async = AsyncResult.isAsync(method);
        MethodView.Result result = new MethodView.Result(
                async ? AsyncResult.typeName(method, returnType(function.value())) : resultName(declared),
                record(async ? futureValue(method) : declared), async,
                simpleTypeName(method.getGenericReturnType().getTypeName()));
        List<MethodView.JavaRecord> named = new ArrayList<>(callbackStructs(method));
        named.addAll(namedStructs(method.getDeclaringClass(), function.value()));
        return new MethodView(method.getName(), values, parameters, result, method.isVarArgs(), named);
    }

    /**
     * The {@code @NativeStruct} records nested in {@code iface}, and those of its package that
     * {@code signature} names: reflection cannot list a package, so a record there is found by
     * loading {@code package.Name} for each capitalised name the signature uses.
     */
    static List<MethodView.JavaRecord> namedStructs(Class<?> iface, String signature) {
        Set<Class<?>> found = new LinkedHashSet<>(Arrays.asList(iface.getDeclaredClasses()));
        java.util.regex.Matcher names = STRUCT_NAME.matcher(signature == null ? "" : signature);
        while (names.find()) {
            String name = iface.getPackageName().isEmpty() ? names.group() : iface.getPackageName() + "." + names.group();
            try {
                found.add(Class.forName(name, false, iface.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class of the package: the name is left to the other candidates or reported unknown
            }
        }
        return found.stream()
                .filter(type -> type.isRecord() && type.isAnnotationPresent(NativeStruct.class))
                .map(NativeMethod::record)
                .toList();
    }

    /**
     * The {@code @NativeStruct} records among the parameter and result types of the callback
     * interfaces the method's parameters ({@code T} of an {@code Upcall<T>} too) and result name,
     * as each interface instantiates them.
     */
    private static List<MethodView.JavaRecord> callbackStructs(Method method) {
        List<java.lang.reflect.Type> types = new ArrayList<>(Arrays.asList(method.getGenericParameterTypes()));
        types.add(method.getGenericReturnType());
        Set<Class<?>> records = new LinkedHashSet<>();
        for (java.lang.reflect.Type type : types) {
            Class<?> callback = type instanceof ParameterizedType generic && generic.getRawType() == dev.fastffi.Upcall.class
                    && generic.getActualTypeArguments()[0] instanceof Class<?> argument ? argument
                    : type instanceof Class<?> plain ? plain : null;
            if (callback == null || !CallbackType.isCallback(callback)) {
                continue;
            }
            for (Method abstractMethod : callback.getMethods()) {
                if (Modifier.isAbstract(abstractMethod.getModifiers())) {
                    CallbackMethod resolved = CallbackMethod.of(callback, abstractMethod);
                    records.addAll(resolved.parameterTypes());
                    records.add(resolved.returnType());
                }
            }
        }
        return records.stream()
                .filter(type -> type.isRecord() && type.isAnnotationPresent(NativeStruct.class))
                .map(NativeMethod::record)
                .toList();
    }

    private static final java.util.regex.Pattern STRUCT_NAME = java.util.regex.Pattern.compile("\\b[A-Z][A-Za-z0-9_]*");

    /**
     * The C result as the signature's own text gives it, before struct names are known; null when
     * it does not parse so. The processor reads the result of a future the same way.
     */
    private static NativeType returnType(String signature) {
        ParseResult parsed = Signature.tryParse(signature);
        return parsed.isValid() ? parsed.signature().returnType() : null;
    }

    /** What the rules find wrong with the {@code @NativeStruct} records the method passes or returns. */
    private static List<String> recordProblems(Method method) {
        Set<Class<?>> records = new LinkedHashSet<>();
        for (Class<?> type : method.getParameterTypes()) {
            records.add(type.isArray() ? type.getComponentType() : type);
        }
        records.add(AsyncResult.isAsync(method) ? futureValue(method) : method.getReturnType());
        return records.stream()
                .filter(type -> type.isRecord() && type.isAnnotationPresent(NativeStruct.class))
                .flatMap(type -> StructClasses.problems(type).stream())
                .toList();
    }

    /** {@code R} of a {@code CompletableFuture<R>} result when it is a class, else {@code Object}. */
    private static Class<?> futureValue(Method method) {
        return method.getGenericReturnType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> value ? value : Object.class;
    }

    /** The record {@code type} is, as the rules see it, or null for any other type. */
    static MethodView.JavaRecord record(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        return new MethodView.JavaRecord(StructClasses.view(type), type.getCanonicalName(), true,
                type.isAnnotationPresent(NativeStruct.class) ? StructClasses.parse(type) : null);
    }

    private static String simpleTypeName(String type) {
        return type.replaceAll("\\b(?:[a-z_][\\w]*\\.)+", "").replace('$', '.');
    }

    /** As {@link #typeName}, with callback interfaces and arrays of struct records named as the type table does. */
    private static String argumentName(Class<?> type) {
        if (type.isArray() && type.getComponentType().isRecord()
                && type.getComponentType().isAnnotationPresent(NativeStruct.class)) {
            return JavaTypes.STRUCT_ARRAY;
        }
        return CallbackType.isCallback(type) ? JavaTypes.CALLBACK : typeName(type);
    }

    /** As {@link #typeName}, with a callback interface named as the type table names its view. */
    private static String resultName(Class<?> type) {
        return CallbackType.isCallback(type) ? CallbackType.viewTypeName(type) : typeName(type);
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

package dev.fastffi.model;

import java.util.List;
import java.util.Map;

/**
 * The type table: which Java types may stand for a C type, and whether they keep a
 * method on the fast path. Types are named as {@code Class.getName()} / {@code TypeMirror} print
 * them ({@code "int"}, {@code "java.lang.Integer"}), so the processor and the runtime share it.
 */
public final class JavaTypes {
    /** How a Java type serves a C type. */
    public enum Support { FAST, COMPAT, NONE }

    public static final String SEGMENT = "java.lang.foreign.MemorySegment";
    public static final String BIG_INTEGER = "java.math.BigInteger";
    public static final String STRING = "java.lang.String";
    public static final String BYTE_BUFFER = "java.nio.ByteBuffer";
    /** A registered callback, passed on the fast path. */
    public static final String UPCALL = "dev.fastffi.Upcall";
    /**
     * Stands for any interface annotated {@code @NativeCallback}: callers name such a parameter
     * type this way, as the table cannot list the user's interfaces.
     */
    public static final String CALLBACK = "a @NativeCallback interface";
    /**
     * Stands for a {@code @NativeCallback} interface as a {@code function} result whose view is on
     * the compatibility path, as its callback's parameters or result are ({@link CallbackRules#viewTypeName}):
     * the view then calls the C function on that path. As a result, {@link #CALLBACK} names one
     * whose view is fast.
     */
    public static final String CALLBACK_COMPAT_VIEW = "a @NativeCallback interface with a compatibility-path view";
    /**
     * Stands for an array of any record annotated {@code @NativeStruct}, laid out contiguously as a
     * C array of the struct; callers name such a parameter type this way, as for {@link #CALLBACK}.
     */
    public static final String STRUCT_ARRAY = "an array of @NativeStruct records";
    /**
     * A C array of pointers ({@code T**}), copied in and back through scratch memory: fast, as the
     * copy allocates nothing and only elements C changed are replaced by new segments.
     */
    public static final String SEGMENTS = SEGMENT + "[]";
    /**
     * A NULL-terminated {@code char**} of UTF-8 copies, valid for the call and not copied back:
     * never fast, as every element needs a temporary copy.
     */
    public static final String STRINGS = STRING + "[]";
    /** The fast Java types of a {@code buffer}, as {@code Class.getCanonicalName()} and javac print them. */
    public static final List<String> BUFFERS = List.of("byte[]", "short[]", "char[]", "int[]", "long[]",
            "float[]", "double[]", SEGMENT, BYTE_BUFFER, STRUCT_ARRAY, SEGMENTS);

    private static final List<String> BOXED_INTEGERS =
            List.of("java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long");
    private static final List<String> BOXED_16 = List.of("java.lang.Byte", "java.lang.Short",
            "java.lang.Character", "java.lang.Integer", "java.lang.Long");

    private static final Map<NativeType, List<String>> FAST_ARGUMENTS = Map.ofEntries(
            Map.entry(NativeType.BOOL, List.of("boolean")),
            Map.entry(NativeType.I8, List.of("byte", "int")),
            Map.entry(NativeType.U8, List.of("byte", "int")),
            Map.entry(NativeType.I16, List.of("short", "int")),
            Map.entry(NativeType.U16, List.of("char", "int")),
            Map.entry(NativeType.I32, List.of("int")),
            Map.entry(NativeType.U32, List.of("int", "long")),
            Map.entry(NativeType.I64, List.of("long")),
            Map.entry(NativeType.U64, List.of("long")),
            Map.entry(NativeType.ISIZE, List.of("long")),
            Map.entry(NativeType.USIZE, List.of("long")),
            Map.entry(NativeType.F32, List.of("float")),
            Map.entry(NativeType.F64, List.of("double")),
            Map.entry(NativeType.POINTER, List.of(SEGMENT, "long")),
            Map.entry(NativeType.BUFFER, BUFFERS),
            Map.entry(NativeType.FUNCTION, List.of(SEGMENT, UPCALL)));

    private static final Map<NativeType, List<String>> COMPAT_ARGUMENTS = Map.ofEntries(
            Map.entry(NativeType.BOOL, List.of("java.lang.Boolean")),
            Map.entry(NativeType.I8, BOXED_INTEGERS),
            Map.entry(NativeType.U8, BOXED_INTEGERS),
            Map.entry(NativeType.I16, BOXED_16),
            Map.entry(NativeType.U16, BOXED_16),
            Map.entry(NativeType.I32, BOXED_INTEGERS),
            Map.entry(NativeType.U32, BOXED_INTEGERS),
            Map.entry(NativeType.I64, List.of("java.lang.Long")),
            Map.entry(NativeType.U64, List.of("java.lang.Long", BIG_INTEGER)),
            Map.entry(NativeType.ISIZE, List.of("java.lang.Long")),
            Map.entry(NativeType.USIZE, List.of("java.lang.Long", BIG_INTEGER)),
            Map.entry(NativeType.F32, List.of("java.lang.Float")),
            Map.entry(NativeType.F64, List.of("java.lang.Double")),
            Map.entry(NativeType.POINTER, List.of("java.lang.Long", BIG_INTEGER)),
            Map.entry(NativeType.BUFFER, List.of(STRINGS)),
            Map.entry(NativeType.FUNCTION, List.of(CALLBACK)),
            Map.entry(NativeType.STRING, List.of(STRING)));

    private static final Map<NativeType, List<String>> FAST_RESULTS = Map.ofEntries(
            Map.entry(NativeType.VOID, List.of("void")),
            Map.entry(NativeType.BOOL, List.of("boolean")),
            Map.entry(NativeType.I8, List.of("byte", "int")),
            Map.entry(NativeType.U8, List.of("byte", "int")),
            Map.entry(NativeType.I16, List.of("short", "int")),
            Map.entry(NativeType.U16, List.of("char", "int")),
            Map.entry(NativeType.I32, List.of("int")),
            Map.entry(NativeType.U32, List.of("int", "long")),
            Map.entry(NativeType.I64, List.of("long")),
            Map.entry(NativeType.U64, List.of("long")),
            Map.entry(NativeType.ISIZE, List.of("long")),
            Map.entry(NativeType.USIZE, List.of("long")),
            Map.entry(NativeType.F32, List.of("float")),
            Map.entry(NativeType.F64, List.of("double")),
            Map.entry(NativeType.POINTER, List.of(SEGMENT, "long")),
            Map.entry(NativeType.FUNCTION, List.of(SEGMENT, CALLBACK)));

    private static final Map<NativeType, List<String>> COMPAT_RESULTS = Map.ofEntries(
            Map.entry(NativeType.VOID, List.of("java.lang.Void")),
            Map.entry(NativeType.BOOL, List.of("java.lang.Boolean")),
            Map.entry(NativeType.I8, List.of("java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long")),
            Map.entry(NativeType.U8, List.of("java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long")),
            Map.entry(NativeType.I16, List.of("java.lang.Short", "java.lang.Integer", "java.lang.Long")),
            Map.entry(NativeType.U16, List.of("java.lang.Character", "java.lang.Integer", "java.lang.Long")),
            Map.entry(NativeType.I32, List.of("java.lang.Integer", "java.lang.Long")),
            Map.entry(NativeType.U32, List.of("java.lang.Integer", "java.lang.Long")),
            Map.entry(NativeType.I64, List.of("java.lang.Long")),
            Map.entry(NativeType.U64, List.of("java.lang.Long", BIG_INTEGER)),
            Map.entry(NativeType.ISIZE, List.of("java.lang.Long")),
            Map.entry(NativeType.USIZE, List.of("java.lang.Long", BIG_INTEGER)),
            Map.entry(NativeType.F32, List.of("java.lang.Float")),
            Map.entry(NativeType.F64, List.of("java.lang.Double")),
            Map.entry(NativeType.POINTER, List.of("java.lang.Long", BIG_INTEGER)),
            Map.entry(NativeType.FUNCTION, List.of(CALLBACK_COMPAT_VIEW)),
            Map.entry(NativeType.STRING, List.of(STRING)));

    private JavaTypes() {}

    /**
     * How {@code javaType} serves as an argument of C type {@code type}. Any type passes for a
     * struct or struct pointer here, which {@link MethodRules} checks against the struct instead.
     */
    public static Support argument(NativeType type, String javaType) {
        return type.hasStruct() ? Support.FAST : classify(FAST_ARGUMENTS, COMPAT_ARGUMENTS, type, javaType);
    }

    /**
     * How {@code javaType} serves as the result of C type {@code type}; structs and struct pointers
     * as in {@link #argument}.
     */
    public static Support result(NativeType type, String javaType) {
        return type.hasStruct() ? Support.FAST : classify(FAST_RESULTS, COMPAT_RESULTS, type, javaType);
    }

    /**
     * What a {@code CompletableFuture<R>} of a {@code type} result completes with, as the table
     * sees it: {@code void} for {@code Void}, the primitive of a box when {@code type} allows that
     * primitive ({@code Integer} for i32 is {@code int}, which is fast), any other {@code R} as
     * itself ({@code Short} for i8 stays {@code Short}).
     */
    public static String asyncResult(NativeType type, String r) {
        String primitive = PRIMITIVES.get(r);
        if (r.equals("java.lang.Void")) {
            return "void";
        }
        return primitive != null && result(type, primitive) != Support.NONE ? primitive : r;
    }

    /**
     * The carrier of a struct field or array element of {@code type}: {@code byte} for i8 and u8
     * (raw bits), {@code char} for u16, {@code MemorySegment} for pointers. A fixed array {@code [n]T}
     * is an array of exactly this type; a scalar field also takes the other {@link #allowedFields}.
     */
    public static String fieldCarrier(NativeType type) {
        if (!type.allowedInStruct()) {
            throw new IllegalArgumentException(type.cName() + " is not a field type");
        }
        return switch (type) {
            case I8, U8 -> "byte";
            case U32 -> "int";
            default -> FAST_RESULTS.get(type).get(0);
        };
    }

    /**
     * How {@code javaType} serves as the record component of a scalar struct field of {@code type}.
     * A record goes both ways, into C and out of it, so the type must be allowed both as an
     * argument and as a result of {@code type} ({@code int} for u8, range-checked in and
     * zero-extended out; {@code BigInteger} for u64); it is FAST when it is fast both ways. A
     * {@code function} field takes {@code MemorySegment}, which is fast, or a {@code @NativeCallback}
     * interface ({@link #CALLBACK}, whatever its view's path), which is COMPAT: it is read as a view
     * of the function pointer (null for NULL) and written as a view's address or a callback
     * object's stub, made as for a callback argument. {@code Upcall} cannot be read back.
     */
    public static Support field(NativeType type, String javaType) {
        if (!type.allowedInStruct() || javaType.equals(CALLBACK_COMPAT_VIEW)) {
            return Support.NONE;
        }
        Support in = classify(FAST_ARGUMENTS, COMPAT_ARGUMENTS, type, javaType);
        Support out = classify(FAST_RESULTS, COMPAT_RESULTS, type, javaType);
        if (in == Support.NONE || out == Support.NONE) {
            return Support.NONE;
        }
        return in == Support.FAST && out == Support.FAST ? Support.FAST : Support.COMPAT;
    }

    /** Every Java type allowed for a record component of a scalar field of {@code type}, fast ones first. */
    public static List<String> allowedFields(NativeType type) {
        return allowedArguments(type).stream().filter(javaType -> field(type, javaType) != Support.NONE).toList();
    }

    /**
     * How {@code javaType} serves as a parameter of a callback, which receives it from C as a
     * result arrives: any result type, strings as {@code String}, function pointers as segments,
     * structs as records (which {@link StructRecords} checks against the fields, as for {@link #argument}),
     * struct pointers as such records or as segments sized to the struct.
     */
    public static Support callbackArgument(NativeType type, String javaType) {
        return switch (type.kind()) {
            case BUFFER, VOID -> Support.NONE;
            case STRING -> javaType.equals(STRING) ? Support.COMPAT : Support.NONE;
            case FUNCTION -> javaType.equals(SEGMENT) ? Support.FAST : Support.NONE;
            default -> result(type, javaType);
        };
    }

    /**
     * How {@code javaType} serves as what a callback returns to C: the fast result types only, as
     * nothing could free a string or unbox a value after the upcall; a struct as a record, as in
     * {@link #callbackArgument}; a struct pointer only as a segment, as no one would own memory
     * made for a record.
     */
    public static Support callbackResult(NativeType type, String javaType) {
        if (type == NativeType.STRUCT) {
            return Support.FAST;
        }
        return allowedCallbackResults(type).contains(javaType) ? Support.FAST : Support.NONE;
    }

    /**
     * Every Java type allowed for a callback parameter of {@code type}, for messages; a record
     * matching the struct is allowed too for a struct or struct pointer, which the table cannot list.
     */
    public static List<String> allowedCallbackArguments(NativeType type) {
        return switch (type.kind()) {
            case BUFFER, VOID, STRUCT -> List.of();
            case STRING -> List.of(STRING);
            case FUNCTION, STRUCT_POINTER -> List.of(SEGMENT);
            default -> allowedResults(type);
        };
    }

    /** Every Java type allowed for a callback result of {@code type}, for messages. */
    public static List<String> allowedCallbackResults(NativeType type) {
        return type == NativeType.FUNCTION || type == NativeType.STRUCT_POINTER ? List.of(SEGMENT)
                : FAST_RESULTS.getOrDefault(type, List.of());
    }

    /**
     * Whether a run-time value of class {@code valueClass} may be passed as {@code type}: the class
     * or, for a box, its primitive is allowed for the argument. This is what a proxy or
     * {@code invoke} sees of a method's fast primitive parameters.
     */
    public static boolean acceptsValue(NativeType type, Class<?> valueClass) {
        String name = valueClass.getName();
        return argument(type, name) != Support.NONE
                || (PRIMITIVES.containsKey(name) && argument(type, PRIMITIVES.get(name)) != Support.NONE);
    }

    private static final Map<String, String> PRIMITIVES = Map.of(
            "java.lang.Boolean", "boolean", "java.lang.Byte", "byte", "java.lang.Short", "short",
            "java.lang.Character", "char", "java.lang.Integer", "int", "java.lang.Long", "long",
            "java.lang.Float", "float", "java.lang.Double", "double");

    /** Every Java type allowed for an argument of {@code type}, fast ones first, for messages. */
    public static List<String> allowedArguments(NativeType type) {
        return plus(FAST_ARGUMENTS.getOrDefault(type, List.of()), COMPAT_ARGUMENTS.getOrDefault(type, List.of()));
    }

    /** Every Java type allowed for a result of {@code type}, fast ones first, for messages. */
    public static List<String> allowedResults(NativeType type) {
        // one name for every callback interface: whether its view is fast is no choice of type
        return plus(FAST_RESULTS.getOrDefault(type, List.of()), COMPAT_RESULTS.getOrDefault(type, List.of())).stream()
                .filter(name -> !name.equals(CALLBACK_COMPAT_VIEW))
                .toList();
    }

    /** The Java type name as users write it: {@code MemorySegment}, {@code Integer}, {@code int}. */
    public static String simpleName(String javaType) {
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    private static Support classify(Map<NativeType, List<String>> fast, Map<NativeType, List<String>> compat,
            NativeType type, String javaType) {
        if (fast.getOrDefault(type, List.of()).contains(javaType)) {
            return Support.FAST;
        }
        if (compat.getOrDefault(type, List.of()).contains(javaType)) {
            return Support.COMPAT;
        }
        return Support.NONE;
    }

    private static <T> List<T> plus(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}

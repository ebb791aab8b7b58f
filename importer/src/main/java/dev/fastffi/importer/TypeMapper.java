package dev.fastffi.importer;

import dev.fastffi.model.ArgumentSlots;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps C types to signature types and Java types for the x86-64 and AArch64 LP64 ABIs: fixed-width
 * integers, {@code const char*} as {@code string}, struct pointers as {@code Name*}, function
 * pointers as {@code @NativeCallback} interfaces (arguments always, results and struct fields when a
 * typedef names the function pointer). Java types come from the type table, fast ones
 * first. What no signature can express is an {@link Unmappable} with the reason.
 */
final class TypeMapper {
    /** Where a type appears; each place allows different signature and Java types. */
    enum Use { ARGUMENT, RESULT, FIELD, CALLBACK_ARGUMENT, CALLBACK_RESULT }

    /** A signature type and the Java type that stands for it. */
    record Mapped(String signature, String javaType) {}

    /** Thrown when a type has no faithful mapping; the message completes "... is/has ...". */
    static final class Unmappable extends Exception {
        private static final long serialVersionUID = 1L;

        Unmappable(String reason) {
            super(reason);
        }
    }

    private static final Set<String> TYPE_KEYWORDS = Set.of("void", "char", "short", "int", "long", "float", "double",
            "signed", "__signed", "__signed__", "unsigned", "_Bool", "_Complex", "__complex__", "__int128", "_Float128",
            "__float128", "_Float32", "_Float64", "_Float32x", "_Float64x", "_Float16", "__fp16", "__bf16");
    /** Typedefs whose width follows the pointer size, mapped to isize/usize rather than what they expand to. */
    private static final Map<String, String> SIZE_TYPEDEFS = Map.of("size_t", "usize", "uintptr_t", "usize",
            "ssize_t", "isize", "intptr_t", "isize", "ptrdiff_t", "isize");

    private final Naming.Scope typeNames;
    private final Bindings bindings;
    private final Map<String, Bindings.Callback> callbacksByKey = new HashMap<>();
    /** Each record's struct, by record name, as a signature naming it means it. */
    private final Map<String, StructType> structTypes = new HashMap<>();

    TypeMapper(Naming.Scope typeNames, Bindings bindings) {
        this.typeNames = typeNames;
        this.bindings = bindings;
    }

    static boolean isTypeKeyword(String word) {
        return TYPE_KEYWORDS.contains(word);
    }

    /** The arithmetic type a list of type keywords names, or null when it is not one. */
    static CType.Primitive primitive(String words) {
        List<String> list = new ArrayList<>(List.of(words.replace("__signed__", "signed").replace("__signed", "signed")
                .replace("__complex__", "_Complex").split(" ")));
        if (list.contains("_Complex")) {
            return CType.Primitive.COMPLEX;
        }
        boolean unsigned = list.remove("unsigned");
        boolean signed = list.remove("signed");
        int longs = 0;
        while (list.remove("long")) {
            longs++;
        }
        list.remove("int");
        String rest = String.join(" ", list);
        return switch (rest) {
            case "" -> longs == 0 && !unsigned && !signed && !words.contains("int") ? null
                    : longs == 0 ? (unsigned ? CType.Primitive.UINT : CType.Primitive.INT)
                    : longs == 1 ? (unsigned ? CType.Primitive.ULONG : CType.Primitive.LONG)
                    : (unsigned ? CType.Primitive.ULONGLONG : CType.Primitive.LONGLONG);
            case "char" -> unsigned ? CType.Primitive.UCHAR : signed ? CType.Primitive.SCHAR : CType.Primitive.CHAR;
            case "short" -> unsigned ? CType.Primitive.USHORT : CType.Primitive.SHORT;
            case "void" -> CType.Primitive.VOID;
            case "_Bool" -> CType.Primitive.BOOL;
            case "float", "_Float32" -> CType.Primitive.FLOAT;
            case "double" -> longs == 1 ? CType.Primitive.LONG_DOUBLE : CType.Primitive.DOUBLE;
            case "_Float64", "_Float32x" -> CType.Primitive.DOUBLE;
            case "_Float64x" -> CType.Primitive.LONG_DOUBLE;
            case "__int128" -> unsigned ? CType.Primitive.UINT128 : CType.Primitive.INT128;
            case "_Float128", "__float128" -> CType.Primitive.FLOAT128;
            default -> null;
        };
    }

    /** The size of an arithmetic type in bytes on LP64. */
    static long sizeOf(CType.Primitive primitive) {
        return switch (primitive) {
            case VOID, BOOL, CHAR, SCHAR, UCHAR -> 1;
            case SHORT, USHORT -> 2;
            case INT, UINT, FLOAT -> 4;
            case LONG, ULONG, LONGLONG, ULONGLONG, DOUBLE -> 8;
            default -> 16;
        };
    }

    /** The signature type and Java type of {@code type} at {@code use}; {@code owner} names inline callbacks. */
    Mapped map(CType type, Use use, String owner) throws Unmappable {
        String sized = sizeTypedef(type);
        if (sized != null) {
            return scalar(NativeType.byName(sized).orElseThrow(), use);
        }
        CType resolved = CType.resolve(type);
        return switch (resolved) {
            case CType.Basic basic -> basic(basic.primitive(), use);
            case CType.EnumRef ref -> {
                if (ref.enumeration().packed) {
                    throw new Unmappable("a packed enum, which gcc narrows to fit its values");
                }
                yield scalar(integer(ref.enumeration().underlying()), use);
            }
            case CType.Unsupported unsupported -> throw new Unmappable(unsupported.what()
                    + ", which no signature can express");
            case CType.Pointer pointer -> pointer(type, pointer, use, owner);
            case CType.StructRef ref -> structByValue(ref.struct(), owner);
            case CType.Array array -> throw new Unmappable("an array, which only a struct field can be");
            case CType.Function function -> throw new Unmappable("a function type, which only a pointer can point to");
            case CType.Named named -> throw new IllegalStateException("resolved typedef " + named.name());
        };
    }

    /** The type {@code Library.global} reads a variable of {@code type} as, or null when it reads no such type. */
    static String globalType(CType type) {
        String sized = sizeTypedef(type);
        if (sized != null) {
            return sized;
        }
        return switch (CType.resolve(type)) {
            case CType.Pointer pointer -> "pointer";
            case CType.EnumRef ref -> ref.enumeration().packed ? null : integer(ref.enumeration().underlying()).cName();
            case CType.Basic basic -> switch (basic.primitive()) {
                case VOID, LONG_DOUBLE, INT128, UINT128, FLOAT128, COMPLEX -> null;
                default -> integer(basic.primitive()).cName();
            };
            default -> null;
        };
    }

    private static String sizeTypedef(CType type) {
        for (CType t = type; t instanceof CType.Named named; t = named.target()) {
            String sized = SIZE_TYPEDEFS.get(named.name());
            if (sized != null) {
                return sized;
            }
        }
        return null;
    }

    private Mapped basic(CType.Primitive primitive, Use use) throws Unmappable {
        return switch (primitive) {
            case VOID -> {
                if (use != Use.RESULT && use != Use.CALLBACK_RESULT) {
                    throw new Unmappable("void");
                }
                yield new Mapped("void", "void");
            }
            case LONG_DOUBLE -> throw new Unmappable("a long double, which has no layout in FFM");
            case INT128, UINT128 -> throw new Unmappable("an __int128, which has no layout in FFM");
            case FLOAT128 -> throw new Unmappable("a _Float128, which has no layout in FFM");
            case COMPLEX -> throw new Unmappable("a _Complex number, which no signature can express");
            default -> scalar(integer(primitive), use);
        };
    }

    private static NativeType integer(CType.Primitive primitive) {
        return switch (primitive) {
            case BOOL -> NativeType.BOOL;
            case CHAR, SCHAR -> NativeType.I8;
            case UCHAR -> NativeType.U8;
            case SHORT -> NativeType.I16;
            case USHORT -> NativeType.U16;
            case INT -> NativeType.I32;
            case UINT -> NativeType.U32;
            case LONG, LONGLONG -> NativeType.I64;
            case ULONG, ULONGLONG -> NativeType.U64;
            case FLOAT -> NativeType.F32;
            case DOUBLE -> NativeType.F64;
            default -> throw new IllegalArgumentException(primitive.toString());
        };
    }

    /** A scalar's Java type: the first type the table lists for the place, which is a fast one. */
    private static Mapped scalar(NativeType type, Use use) {
        String java = switch (use) {
            case ARGUMENT -> JavaTypes.allowedArguments(type).get(0);
            case RESULT -> JavaTypes.allowedResults(type).get(0);
            case FIELD -> JavaTypes.fieldCarrier(type);
            case CALLBACK_ARGUMENT -> JavaTypes.allowedCallbackArguments(type).get(0);
            case CALLBACK_RESULT -> JavaTypes.allowedCallbackResults(type).get(0);
        };
        return new Mapped(type.cName(), JavaTypes.simpleName(java));
    }

    private Mapped pointer(CType declared, CType.Pointer pointer, Use use, String owner) throws Unmappable {
        CType target = CType.resolve(pointer.target());
        String segment = JavaTypes.simpleName(JavaTypes.SEGMENT);
        if (target instanceof CType.Function function) {
            if (use == Use.ARGUMENT) {
                Bindings.Callback callback = callback(declared, function, owner);
                if (callback != null) {
                    return new Mapped("function", "Upcall<" + callback.name() + ">");
                }
            }
            if ((use == Use.RESULT || use == Use.FIELD) && typedefName(declared) != null) {
                // the runtime gives a view of the function C hands out (NULL is null); a record passes a
                // callback object in the field. Only a typedef names the interface as a person would.
                Bindings.Callback callback = callback(declared, function, owner);
                if (callback != null) {
                    return new Mapped("function", callback.name());
                }
            }
            return new Mapped("function", segment);
        }
        if (target instanceof CType.Basic basic && basic.primitive() == CType.Primitive.CHAR && target.isConst()
                && use != Use.FIELD && use != Use.CALLBACK_RESULT) {
            return new Mapped("string", "String");
        }
        if (target instanceof CType.StructRef ref && use != Use.FIELD && struct(named(ref.struct(), owner)) != null) {
            return new Mapped(ref.struct().javaName + "*", segment);
        }
        return new Mapped("pointer", segment);
    }

    private Mapped structByValue(CStruct struct, String owner) throws Unmappable {
        if (struct(named(struct, owner)) == null) {
            throw new Unmappable(struct.cName() + " by value, which " + struct.skipReason);
        }
        return new Mapped(struct.javaName, struct.javaName);
    }

    /** {@code struct}, named after {@code usedAs} unless a tag or typedef names it already. */
    static CStruct named(CStruct struct, String usedAs) {
        if (struct.usedAs == null) {
            struct.usedAs = usedAs;
        }
        return struct;
    }

    /** The C name the record's name comes from: its typedef's, its tag, or where it is used. */
    static String baseName(CStruct struct) {
        return struct.typedefName != null ? struct.typedefName : struct.tag != null ? struct.tag : struct.usedAs;
    }

    /** The record for {@code struct}, made on first use; null (with {@code skipReason} set) when there is none. */
    Bindings.Struct struct(CStruct struct) {
        if (struct.mapped) {
            // null as well while its own fields are mapped: a callback field taking a pointer to the struct
            return struct.skipReason == null ? find(struct.javaName) : null;
        }
        struct.mapped = true;
        try {
            List<String> fields = new ArrayList<>();
            List<Bindings.Parameter> components = new ArrayList<>();
            StructFields.describe(struct, this, fields, components);
            if (baseName(struct) == null) {
                throw new Unmappable("has neither a tag nor a typedef name");
            }
            struct.javaName = typeNames.claim(Naming.type(baseName(struct)));
            Bindings.Struct record = new Bindings.Struct(struct.javaName, "{" + String.join(", ", fields) + "}",
                    components, struct.cName());
            bindings.structs.add(record);
            // its fields name only records made before it
            ParseResult parsed = Signature.tryParse("void(" + record.signature() + ")", structTypes);
            if (parsed.isValid()) {
                structTypes.put(record.name(), parsed.signature().struct(0));
            }
            return record;
        } catch (Unmappable e) {
            struct.skipReason = e.getMessage();
            return null;
        }
    }

    /**
     * What the platform's linker would refuse about {@code signature}, as the processor and the
     * runtime say it: more arguments than it has slots for, or a struct result too large to pass
     * by value. Its structs are the records made so far.
     */
    Optional<String> beyondLinker(String signature) {
        ParseResult parsed = Signature.tryParse(signature, structTypes);
        return parsed.isValid() ? ArgumentSlots.problem(parsed.signature(), false, false) : Optional.empty();
    }

    private Bindings.Struct find(String javaName) {
        return bindings.structs.stream().filter(s -> s.name().equals(javaName)).findFirst().orElse(null);
    }

    /**
     * The callback interface for a function pointer argument: a typedef's gets the typedef's name, an
     * inline one is named after its function and parameter and shared by identical inline ones. Null when
     * a parameter or the result cannot be a callback's, or the platform's linker cannot take its
     * signature, in which case the argument stays a plain function pointer.
     */
    private Bindings.Callback callback(CType declared, CType.Function function, String owner) {
        String typedef = typedefName(declared);
        String key = typedef != null ? "typedef " + typedef : null;
        try {
            if (!function.prototyped()) {
                return null;
            }
            if (function.variadic()) {
                return null;
            }
            Mapped result = map(function.result(), Use.CALLBACK_RESULT, owner);
            List<Bindings.Parameter> parameters = new ArrayList<>();
            List<String> types = new ArrayList<>();
            Naming.Scope names = new Naming.Scope();
            for (int i = 0; i < function.parameters().size(); i++) {
                CType.Parameter parameter = function.parameters().get(i);
                Mapped mapped = map(parameter.type(), Use.CALLBACK_ARGUMENT, owner);
                types.add(mapped.signature());
                parameters.add(new Bindings.Parameter(parameterName(names, parameter.name(), i), mapped.javaType(),
                        CTypes.describe(parameter.type())));
            }
            String signature = result.signature() + "(" + String.join(", ", types) + ")";
            if (beyondLinker(signature).isPresent()) {
                return null;
            }
            if (key == null) {
                key = "inline " + signature + " " + parameters.stream().map(Bindings.Parameter::javaType).toList();
            }
            Bindings.Callback known = callbacksByKey.get(key);
            if (known != null) {
                return known;
            }
            String name = typeNames.claim(typedef != null ? Naming.type(typedef) : owner);
            Bindings.Callback callback = new Bindings.Callback(name, signature, result.javaType(), parameters,
                    typedef != null ? typedef : CTypes.describe(declared));
            callbacksByKey.put(key, callback);
            bindings.callbacks.add(callback);
            return callback;
        } catch (Unmappable e) {
            return null;
        }
    }

    /** The typedef naming the function pointer or the function type it points to, if any. */
    private static String typedefName(CType declared) {
        for (CType t = declared; t instanceof CType.Named named; t = named.target()) {
            if (CType.resolve(named.target()) instanceof CType.Pointer) {
                return named.name();
            }
        }
        CType resolved = CType.resolve(declared);
        if (resolved instanceof CType.Pointer pointer && pointer.target() instanceof CType.Named named) {
            return named.name();
        }
        return null;
    }

    /** A parameter's Java name: its C name, escaped, or {@code arg<index>} when C gives none. */
    static String parameterName(Naming.Scope names, String cName, int index) {
        return names.claim(cName == null ? "arg" + index : Naming.escape(cName));
    }
}

package dev.fastffi.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed C signature: return type, fixed argument types and whether C variadic arguments follow.
 * A struct by value is {@link NativeType#STRUCT} in {@code returnType} or {@code parameters}, a
 * pointer to a struct {@link NativeType#STRUCT_POINTER}, and their fields are in {@code structs}:
 * one entry per STRUCT or STRUCT_POINTER, the result's first, then the arguments' in order.
 *
 * <p>{@link #toString()} prints the canonical form, with every struct inline, which {@link #parse}
 * reads back to an equal signature.
 */
public record Signature(NativeType returnType, List<NativeType> parameters, boolean variadic, List<StructType> structs) {

    public Signature {
        Objects.requireNonNull(returnType, "returnType");
        parameters = List.copyOf(parameters);
        structs = List.copyOf(structs);
        if (!returnType.allowedAsReturn()) {
            throw new IllegalArgumentException(returnType.cName() + " is not a return type");
        }
        for (NativeType parameter : parameters) {
            if (!parameter.allowedAsArgument()) {
                throw new IllegalArgumentException(parameter.cName() + " is not an argument type");
            }
        }
        int declared = returnType.hasStruct() ? 1 : 0;
        for (NativeType parameter : parameters) {
            declared += parameter.hasStruct() ? 1 : 0;
        }
        if (declared != structs.size()) {
            throw new IllegalArgumentException(declared + " struct types but " + structs.size() + " structs given");
        }
    }

    /** A signature without structs. */
    public Signature(NativeType returnType, List<NativeType> parameters, boolean variadic) {
        this(returnType, parameters, variadic, List.of());
    }

    /**
     * Parses {@code text}, in which structs are written inline.
     *
     * @throws SignatureException pointing at the column of the first problem
     */
    public static Signature parse(String text) {
        return tryParse(text).orElseThrow();
    }

    /** Parses {@code text}, in which a struct may also be named by a key of {@code structs}. */
    public static Signature parse(String text, Map<String, StructType> structs) {
        return tryParse(text, structs).orElseThrow();
    }

    /** Parses {@code text}, returning the error instead of throwing it; for the processor. */
    public static ParseResult tryParse(String text) {
        return tryParse(text, Map.of());
    }

    /** As {@link #tryParse(String)}, with struct names. */
    public static ParseResult tryParse(String text, Map<String, StructType> structs) {
        return new SignatureParser(text, structs).parse();
    }

    /**
     * As {@link #tryParse(String, Map)}; a name in {@code ambiguous}, which more than one record
     * answers to, is rejected naming those records.
     */
    public static ParseResult tryParse(String text, Map<String, StructType> structs,
            Map<String, List<String>> ambiguous) {
        return new SignatureParser(text, structs, ambiguous).parse();
    }

    /** The number of fixed arguments. */
    public int arity() {
        return parameters.size();
    }

    /** The type of fixed argument {@code index}. */
    public NativeType parameter(int index) {
        return parameters.get(index);
    }

    /**
     * The struct of argument {@code index}, which must be {@link NativeType#STRUCT} or, for the
     * struct pointed to, {@link NativeType#STRUCT_POINTER}.
     */
    public StructType struct(int index) {
        if (!parameters.get(index).hasStruct()) {
            throw new IllegalArgumentException("argument " + index + " of " + this + " is not a struct");
        }
        int before = (int) parameters.subList(0, index).stream().filter(NativeType::hasStruct).count();
        return structs.get(before + (returnType.hasStruct() ? 1 : 0));
    }

    /** The struct returned, or pointed to by the result, when {@code returnType} has a struct. */
    public StructType returnStruct() {
        if (!returnType.hasStruct()) {
            throw new IllegalArgumentException(this + " does not return a struct");
        }
        return structs.get(0);
    }

    /** Argument {@code index}'s type as written in a signature: its name, or a struct's fields. */
    public String describeParameter(int index) {
        return describe(parameters.get(index), () -> struct(index));
    }

    /** The result type as written in a signature. */
    public String describeReturn() {
        return describe(returnType, this::returnStruct);
    }

    private static String describe(NativeType type, java.util.function.Supplier<StructType> struct) {
        return switch (type) {
            case STRUCT -> struct.get().toString();
            case STRUCT_POINTER -> struct.get() + "*";
            default -> type.cName();
        };
    }

    /*
     * Written out rather than generated: a record's generated equals and hashCode bootstrap
     * java.lang.runtime.ObjectMethods on first use, and the runtime compares signatures while it
     * binds, before the first call.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that
                && returnType == that.returnType
                && variadic == that.variadic
                && parameters.equals(that.parameters)
                && structs.equals(that.structs);
    }

    @Override
    public int hashCode() {
        return ((returnType.hashCode() * 31 + parameters.hashCode()) * 31 + Boolean.hashCode(variadic)) * 31
                + structs.hashCode();
    }

    /**
     * The signature as the parser reads it back: every struct written out as its fields, so that
     * no record names are needed to parse it again.
     */
    @Override
    public String toString() {
        return toString(Collections.nCopies(structs.size(), null));
    }

    /**
     * As {@link #toString()}, but a struct whose entry in {@code names} (one per struct, in the
     * order {@link #structs} lists them) is not null is written as that name.
     */
    String toString(List<String> names) {
        int next = returnType.hasStruct() ? 1 : 0;
        List<String> fixed = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            NativeType type = parameters.get(i);
            String name = type.hasStruct() ? names.get(next++) : null;
            fixed.add(name != null ? name + (type == NativeType.STRUCT_POINTER ? "*" : "") : describeParameter(i));
        }
        String rest = !variadic ? "" : parameters.isEmpty() ? "..." : ", ...";
        String returnName = returnType.hasStruct() ? names.get(0) : null;
        String result = returnName != null
                ? returnName + (returnType == NativeType.STRUCT_POINTER ? "*" : "")
                : describeReturn();
        return result + "(" + String.join(", ", fixed) + rest + ")";
    }

}

package dev.fastffi.internal.signature;

import dev.fastffi.FfiException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed C signature: return type, fixed argument types and whether C variadic arguments follow.
 *
 * <p>{@link #toString()} prints the canonical form, which {@link #parse} reads back to an equal
 * signature.
 */
public record Signature(NativeType returnType, List<NativeType> parameters, boolean variadic) {

    public Signature {
        Objects.requireNonNull(returnType, "returnType");
        parameters = List.copyOf(parameters);
        if (!returnType.allowedAsReturn()) {
            throw new IllegalArgumentException(returnType.cName() + " is not a return type");
        }
        for (NativeType parameter : parameters) {
            if (!parameter.allowedAsArgument()) {
                throw new IllegalArgumentException(parameter.cName() + " is not an argument type");
            }
        }
    }

    /**
     * Parses {@code text}.
     *
     * @throws FfiException {@code INVALID_SIGNATURE} pointing at the column of the first problem
     */
    public static Signature parse(String text) {
        return tryParse(text).orElseThrow();
    }

    /** Parses {@code text}, returning the error instead of throwing it; for the processor. */
    public static ParseResult tryParse(String text) {
        return new SignatureParser(text).parse();
    }

    /** The number of fixed arguments. */
    public int arity() {
        return parameters.size();
    }

    /** The type of fixed argument {@code index}. */
    public NativeType parameter(int index) {
        return parameters.get(index);
    }

    @Override
    public String toString() {
        String fixed = parameters.stream().map(NativeType::cName).collect(Collectors.joining(", "));
        String rest = !variadic ? "" : parameters.isEmpty() ? "..." : ", ...";
        return returnType.cName() + "(" + fixed + rest + ")";
    }
}

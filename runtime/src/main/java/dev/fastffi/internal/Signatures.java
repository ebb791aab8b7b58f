package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.ArgumentSlots;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructType;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parses signatures at run time, where a rejected one is an {@code INVALID_SIGNATURE} error. */
public final class Signatures {
    /**
     * The signatures generated bindings pass, by text: a binding of a large C API repeats a few
     * hundred distinct signatures over thousands of functions, and its constructor and each holder
     * would otherwise parse the same text again. Only the strings of bound interfaces come here
     * (generated code and annotations), so it holds no more entries than they have distinct signatures.
     */
    private static final Map<String, Signature> GENERATED = new ConcurrentHashMap<>();

    private Signatures() {}

    /**
     * {@link #parse(String)} for a signature string of generated code, parsed once per distinct
     * text; {@code Signature} is immutable, so every symbol of that signature shares one.
     */
    public static Signature generated(String text) {
        Signature known = GENERATED.get(text);
        if (known == null) {
            known = parse(text);
            GENERATED.putIfAbsent(text, known);
        }
        return known;
    }

    /** Parses {@code text}, in which structs are written inline. */
    public static Signature parse(String text) {
        return parse(text, Map.of());
    }

    /** Parses {@code text}, in which a struct may also be named by a key of {@code structs}. */
    public static Signature parse(String text, Map<String, StructType> structs) {
        ParseResult result = Signature.tryParse(text, structs);
        if (!result.isValid()) {
            throw new FfiException(FfiException.Code.INVALID_SIGNATURE, result.error().message());
        }
        return result.signature();
    }

    /**
     * Refuses a call of {@code signature} with argument types {@code types} that needs more
     * argument slots than the platform's linker has, before FFM would throw its own exception, or
     * returns a struct larger than {@code ArgumentSlots.MAX_STRUCT_RESULT}. The
     * calls that come here, dynamic and variadic ones, are never linked critical.
     *
     * @param where what the message names first: library and symbol, or library and address
     */
    public static void checkSlots(String where, Signature signature, List<NativeType> types, boolean errno) {
        Optional<String> problem = ArgumentSlots.problem(signature, types, errno, false);
        if (problem.isPresent()) {
            throw new FfiException(FfiException.Code.INVALID_SIGNATURE, where + ": \"" + signature + "\" "
                    + problem.get());
        }
    }
}

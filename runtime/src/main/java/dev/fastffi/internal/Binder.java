package dev.fastffi.internal;

import dev.fastffi.model.Signature;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands a binding's constructor the symbols of one library; every symbol is resolved when the
 * binding is created, so a missing one fails {@code bind}, not a later call, unless it is optional.
 * It remembers which symbols it found, for {@code FastFfi.isAvailable}.
 */
public final class Binder {
    private final LibraryState library;
    private final Map<String, Boolean> found = new HashMap<>();

    public Binder(LibraryState library) {
        this.library = library;
    }

    /** Resolves a FAST method's symbol, or throws {@code SYMBOL_NOT_FOUND}. */
    public NativeSymbol symbol(String symbol, String signature) {
        return record(NativeSymbol.resolve(library, symbol, Signatures.generated(signature)));
    }

    /** Resolves an optional FAST method's symbol; a missing one throws {@code SYMBOL_NOT_FOUND} when called. */
    public NativeSymbol optionalSymbol(String symbol, String signature) {
        return record(NativeSymbol.resolveOptional(library, symbol, Signatures.generated(signature)));
    }

    /** Resolves and links a COMPAT method's symbol, or throws {@code SYMBOL_NOT_FOUND}. */
    public CompatFunction compat(String symbol, String signature) {
        return compat(symbol, signature, false);
    }

    /** As {@link #compat(String, String)}, capturing errno after each call when {@code errno} is set. */
    public CompatFunction compat(String symbol, String signature, boolean errno) {
        return CompatFunction.of(symbol(symbol, signature), errno);
    }

    /** As {@link #compat(String, String, boolean)} for an optional symbol, which may be missing. */
    public CompatFunction optionalCompat(String symbol, String signature, boolean errno) {
        return CompatFunction.of(optionalSymbol(symbol, signature), errno);
    }

    /**
     * As {@link #compat(String, String, boolean)} or, with {@code optional}, its optional form,
     * freeing each result with the function {@code free} (none when empty), resolved now.
     */
    public CompatFunction compat(String symbol, String signature, boolean errno, boolean optional, String free) {
        NativeSymbol resolved = optional ? optionalSymbol(symbol, signature) : symbol(symbol, signature);
        return CompatFunction.of(resolved, errno, free.isEmpty() ? null : free(free));
    }

    /**
     * The function that frees an owned result, from this library or else the C library.
     *
     * @throws dev.fastffi.FfiException {@code SYMBOL_NOT_FOUND} naming it when neither has it
     */
    public FreeFunction free(String symbol) {
        return FreeFunction.resolve(library, symbol);
    }

    public LibraryState library() {
        return library;
    }

    /**
     * Whether each symbol resolved so far was found, by C name: a view, not a copy, since a binder
     * serves one binding and is done once its constructor returns (copying thousands of entries
     * would add to every bind).
     */
    Map<String, Boolean> found() {
        return Collections.unmodifiableMap(found);
    }

    private NativeSymbol record(NativeSymbol symbol) {
        Boolean before = found.get(symbol.name());
        found.put(symbol.name(), symbol.isAvailable() && (before == null || before));
        return symbol;
    }
}

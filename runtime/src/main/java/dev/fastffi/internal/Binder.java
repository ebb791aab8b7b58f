package dev.fastffi.internal;

import dev.fastffi.internal.signature.Signature;

/**
 * Hands a generated binding's constructor the symbols of one library; every symbol is resolved
 * when the binding is created, so a missing one fails {@code bind}, not a later call.
 */
public final class Binder {
    private final LibraryState library;

    public Binder(LibraryState library) {
        this.library = library;
    }

    /** Resolves a FAST method's symbol, or throws {@code SYMBOL_NOT_FOUND}. */
    public NativeSymbol symbol(String symbol, String signature) {
        return NativeSymbol.resolve(library, symbol, Signature.parse(signature));
    }

    /** Resolves and links a COMPAT method's symbol, or throws {@code SYMBOL_NOT_FOUND}. */
    public CompatFunction compat(String symbol, String signature) {
        return compat(symbol, signature, false);
    }

    /** As {@link #compat(String, String)}, capturing errno after each call when {@code errno} is set. */
    public CompatFunction compat(String symbol, String signature, boolean errno) {
        return CompatFunction.of(symbol(symbol, signature), errno);
    }

    public LibraryState library() {
        return library;
    }
}

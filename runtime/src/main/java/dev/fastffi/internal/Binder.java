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

    /** Resolves {@code symbol}, checked against {@code signature}, or throws {@code SYMBOL_NOT_FOUND}. */
    public NativeSymbol symbol(String symbol, String signature) {
        return NativeSymbol.resolve(library, symbol, Signature.parse(signature));
    }

    public LibraryState library() {
        return library;
    }
}

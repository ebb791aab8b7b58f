package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.internal.signature.Signature;
import java.lang.foreign.MemorySegment;

/**
 * One resolved function of one library: its address, its signature and what messages say about it.
 * Generated methods call {@link #checkOpen()} and pass {@link #address()} to a shared handle.
 */
public final class NativeSymbol {
    private final LibraryState library;
    private final String name;
    private final Signature signature;
    private final MemorySegment address;

    NativeSymbol(LibraryState library, String name, Signature signature, MemorySegment address) {
        this.library = library;
        this.name = name;
        this.signature = signature;
        this.address = address;
    }

    /** Resolves {@code name} in {@code library}, or throws {@code SYMBOL_NOT_FOUND}. */
    public static NativeSymbol resolve(LibraryState library, String name, Signature signature) {
        NativeSymbol symbol = resolveOptional(library, name, signature);
        if (!symbol.isAvailable()) {
            throw symbol.notFound("");
        }
        return symbol;
    }

    /**
     * Resolves {@code name} in {@code library}; when the library has no such symbol the result is
     * unavailable and every call through it throws {@code SYMBOL_NOT_FOUND} ({@code optional = true}).
     */
    public static NativeSymbol resolveOptional(LibraryState library, String name, Signature signature) {
        if (name == null || name.isEmpty()) {
            throw new FfiException(FfiException.Code.SYMBOL_NOT_FOUND, "no symbol name given for " + library.name());
        }
        return new NativeSymbol(library, name, signature, library.find(name).orElse(null));
    }

    /**
     * Throws {@code LIBRARY_CLOSED} if the library was closed, {@code SYMBOL_NOT_FOUND} if the
     * symbol is optional and missing; a volatile read and a null check otherwise.
     */
    public void checkOpen() {
        library.checkOpen(name);
        if (address == null) {
            throw notFound("; it is optional, so bind succeeded, and FastFfi.isAvailable tells before calling");
        }
    }

    /** Whether the library has the symbol; false only for a missing optional one. */
    public boolean isAvailable() {
        return address != null;
    }

    /** The address; null for a missing optional symbol, which {@link #checkOpen()} rejects first. */
    public MemorySegment address() {
        return address;
    }

    public LibraryState library() {
        return library;
    }

    public String name() {
        return name;
    }

    public Signature signature() {
        return signature;
    }

    private FfiException notFound(String detail) {
        return new FfiException(FfiException.Code.SYMBOL_NOT_FOUND,
                "symbol '" + name + "' not found in " + library.name() + detail);
    }

    /** {@code library symbol}, the prefix of every message about a call. */
    @Override
    public String toString() {
        return library.name() + " " + name;
    }
}

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
        if (name == null || name.isEmpty()) {
            throw new FfiException(FfiException.Code.SYMBOL_NOT_FOUND, "no symbol name given for " + library.name());
        }
        MemorySegment address = library.find(name).orElseThrow(() -> new FfiException(
                FfiException.Code.SYMBOL_NOT_FOUND, "symbol '" + name + "' not found in " + library.name()));
        return new NativeSymbol(library, name, signature, address);
    }

    /** Throws {@code LIBRARY_CLOSED} if the library was closed; one volatile read otherwise. */
    public void checkOpen() {
        library.checkOpen(name);
    }

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

    /** {@code library symbol}, the prefix of every message about a call. */
    @Override
    public String toString() {
        return library.name() + " " + name;
    }
}

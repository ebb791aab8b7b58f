package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.Signature;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.util.function.Supplier;

/**
 * One resolved function of one library: its address, its signature and what messages say about it.
 * Generated methods call {@link #open()} and pass the address it returns to a shared handle; the
 * binding class {@code Library.bind} defines per library calls it once per method and then holds the
 * address as a constant ({@link ConstantAddresses}) until the library is closed.
 *
 * <p>The address is held in a {@code volatile} field that {@link LibraryState#close()} clears, so
 * the check before a call is one volatile read and one null check, with no load of the library:
 * null means the library was closed or the optional symbol is missing, and only then is the
 * library asked which. A thread that read the address before the close holds the segment, whose
 * automatic arena keeps the library loaded until that call returns.
 */
public final class NativeSymbol {
    private static final String OPTIONAL_HINT =
            "; it is optional, so bind succeeded, and FastFfi.isAvailable tells before calling";

    private final LibraryState library;
    private final String name;
    /** The signature as generated code spells it, parsed on first use; null when given parsed. */
    private final String text;
    /*
     * The parsed signature: a generated binding resolves every symbol when it is created and most
     * are never called, so it parses none of them. Signature is immutable, so threads that race
     * to parse it store equal values, and any of them is right.
     */
    private Signature signature;
    /*
     * Whether the lookup found the symbol: false only for a missing optional one. Only a flag is
     * kept, not the segment, which would keep a closed library loaded for as long as a binding
     * that used it is reachable.
     */
    private final boolean found;
    /** What the lookup found while the library is open, then null. */
    private volatile MemorySegment address;
    /**
     * {@code DynamicFunction.handle()}'s call sites, without and with errno capture, and their
     * targets once closed; null until its first call, since most symbols never get one (a binding
     * of thousands of functions would hold two empty arrays per symbol). Guarded by {@code this}.
     */
    private MutableCallSite[] dynamicSites;
    private MethodHandle[] dynamicClosed;
    /** The last handle {@link #bind} bound, and the handle it bound; cleared on revoke. */
    private volatile MethodHandle[] bound;

    NativeSymbol(LibraryState library, String name, Signature signature, MemorySegment found) {
        this(library, name, null, signature, found);
    }

    /** A symbol whose signature is the text generated code passes, already checked by the processor. */
    NativeSymbol(LibraryState library, String name, String text, MemorySegment found) {
        this(library, name, text, null, found);
    }

    private NativeSymbol(LibraryState library, String name, String text, Signature signature, MemorySegment found) {
        this.library = library;
        this.name = name;
        this.text = text;
        this.signature = signature;
        this.found = found != null;
        this.address = found;
    }

    /** Resolves {@code name} in {@code library}, or throws {@code SYMBOL_NOT_FOUND}. */
    public static NativeSymbol resolve(LibraryState library, String name, Signature signature) {
        return available(resolveOptional(library, name, signature));
    }

    /**
     * As {@link #resolve(LibraryState, String, Signature)} for a signature as generated code spells
     * it, parsed only when something asks for {@link #signature()}.
     */
    static NativeSymbol resolveGenerated(LibraryState library, String name, String signature) {
        return available(resolveGeneratedOptional(library, name, signature));
    }

    /** As {@link #resolveOptional} for a signature as generated code spells it, parsed on first use. */
    static NativeSymbol resolveGeneratedOptional(LibraryState library, String name, String signature) {
        checkName(library, name);
        return library.symbol(name, signature);
    }

    private static NativeSymbol available(NativeSymbol symbol) {
        if (!symbol.isAvailable()) {
            throw symbol.notFound("");
        }
        return symbol;
    }

    private static void checkName(LibraryState library, String name) {
        if (name == null || name.isEmpty()) {
            throw new FfiException(FfiException.Code.SYMBOL_NOT_FOUND, "no symbol name given for " + library.name());
        }
    }

    /**
     * Resolves {@code name} in {@code library}; when the library has no such symbol the result is
     * unavailable and every call through it throws {@code SYMBOL_NOT_FOUND} ({@code optional = true}).
     */
    public static NativeSymbol resolveOptional(LibraryState library, String name, Signature signature) {
        checkName(library, name);
        return library.symbol(name, signature);
    }

    /**
     * The address to call, after checking: throws {@code LIBRARY_CLOSED} if the library was
     * closed, {@code SYMBOL_NOT_FOUND} if the symbol is optional and missing. One volatile read
     * and a null check otherwise.
     */
    public MemorySegment open() {
        MemorySegment current = address;
        if (current == null) {
            throw unavailable();
        }
        return current;
    }

    /**
     * {@code handle}, which takes the address first, with {@link #open()}'s address bound in: for a
     * binding that binds many libraries through one class, which cannot hold each address as a
     * constant. The last one is kept, so that calling one function again binds nothing.
     */
    MethodHandle bind(MethodHandle handle) {
        MemorySegment current = open();
        MethodHandle[] known = bound;
        if (known != null && known[0] == handle) {
            return known[1];
        }
        MethodHandle result = MethodHandles.insertArguments(handle, 0, current);
        bound = new MethodHandle[] {handle, result};
        if (address == null) {
            // revoked meanwhile: keep nothing that holds the address
            bound = null;
        }
        return result;
    }

    /** {@link #open()} for callers that pass the address some other way. */
    public void checkOpen() {
        open();
    }

    /** Whether the library has the symbol; false only for a missing optional one. */
    public boolean isAvailable() {
        return found;
    }

    /**
     * The address, for what binds it once: {@code DynamicFunction.handle()}, behind its library's
     * switch point, and globals, which call {@link #checkOpen()} before each use; null for a
     * missing optional symbol.
     *
     * @throws FfiException {@code LIBRARY_CLOSED} once the library is closed
     */
    public MemorySegment address() {
        MemorySegment current = address;
        if (current == null && found) {
            throw library.closedError(name);
        }
        return current;
    }

    public LibraryState library() {
        return library;
    }

    public String name() {
        return name;
    }

    public Signature signature() {
        Signature known = signature;
        if (known == null) {
            known = Signatures.generated(text);
            signature = known;
        }
        return known;
    }

    /** Called by {@link LibraryState#close()}: from now on {@link #open()} throws. */
    void revoke() {
        address = null;
        bound = null;
        synchronized (this) {
            if (dynamicSites == null) {
                return;
            }
            for (int i = 0; i < dynamicSites.length; i++) {
                if (dynamicSites[i] != null) {
                    dynamicSites[i].setTarget(dynamicClosed[i]);
                }
            }
        }
    }

    /** The handle {@link #dynamicHandle} made for this errno flag, or null before the first. */
    synchronized MethodHandle linkedDynamicHandle(boolean errno) {
        MutableCallSite site = dynamicSites == null ? null : dynamicSites[errno ? 1 : 0];
        return site == null ? null : site.dynamicInvoker();
    }

    /**
     * The one exact handle of {@code DynamicFunction.handle()} for this symbol and errno flag, shared
     * by every function made for it: {@code open} (the address bound in) while the library is open,
     * {@code closed} (which reads the address, and so throws) from {@link #revoke()} on, so that a
     * handle kept after close holds no address.
     */
    synchronized MethodHandle dynamicHandle(boolean errno, MethodHandle closed, Supplier<MethodHandle> open) {
        int slot = errno ? 1 : 0;
        if (dynamicSites == null) {
            dynamicSites = new MutableCallSite[2];
            dynamicClosed = new MethodHandle[2];
        }
        if (dynamicSites[slot] == null) {
            dynamicSites[slot] = new MutableCallSite(address == null ? closed : open.get());
            dynamicClosed[slot] = closed;
        }
        return dynamicSites[slot].dynamicInvoker();
    }

    /** Why a call cannot run: the library was closed, or the optional symbol is missing. */
    FfiException unavailable() {
        library.checkOpen(name);
        if (!found) {
            return notFound(OPTIONAL_HINT);
        }
        // the address is cleared only after the library is marked closed
        return library.closedError(name);
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

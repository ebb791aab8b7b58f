package dev.fastffi;

import dev.fastffi.internal.GlobalVariable;
import dev.fastffi.internal.LibraryLoader;
import dev.fastffi.internal.LibraryState;
import dev.fastffi.internal.NativeAccess;
import dev.fastffi.internal.NativeSymbol;
import dev.fastffi.internal.Signatures;
import dev.fastffi.internal.SystemLibrary;
import dev.fastffi.internal.Views;
import dev.fastffi.model.Signature;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * A native library: bind interfaces to it, look functions up in it, close it.
 *
 * <p>After {@link #close()} every call through it, on every path, throws {@code LIBRARY_CLOSED}
 * before any native code runs; calls already in native code finish normally, and the library is
 * unloaded once nothing can call into it any more. Asynchronous calls follow the same rule through
 * their futures.
 */
public final class Library implements AutoCloseable {
    private final LibraryState state;

    private Library(LibraryState state) {
        this.state = state;
    }

    /**
     * Opens the first candidate that loads: a path, a soname such as {@code libz.so.1}, or a bare
     * name such as {@code z}, also tried as {@code libz.so} and as the installed versioned soname.
     *
     * <p>A candidate {@code classpath:native/{platform}/libfoo.so} is a resource, found through the
     * thread's context class loader, then through fastffi's own. Its name is absolute, as in
     * {@link ClassLoader#getResource}, with or without a leading {@code /}; {@code {platform}} is
     * {@code linux-x86-64}, {@code linux-aarch64}, {@code darwin-x86-64}, {@code darwin-aarch64} or
     * {@code win32-x86-64}. It is extracted once into
     * {@code <cache>/<SHA-256 of its content>/libfoo.so} and loaded from there; see
     * {@link FastFfi#LIBRARY_CACHE_PROPERTY} for the cache directory.
     *
     * @throws FfiException {@code LIBRARY_NOT_FOUND} listing every name tried and, for a path or a
     *     {@code classpath:} resource, why it failed as far as fastffi can tell (no such file, a
     *     directory, not readable, refused by the dynamic loader);
     *     when a resource cannot be extracted or its file cannot be mapped executable, it names
     *     the property that chooses another cache directory
     */
    public static Library open(String... candidates) {
        // enabled by the flag or the manifest line, native access needs no check: its class is not even loaded
        if (!Library.class.getModule().isNativeAccessEnabled()) {
            NativeAccess.check();
        }
        return new Library(LibraryLoader.open(false, candidates));
    }

    /**
     * The process and the C library; lives as long as the process, {@link #close()} does nothing.
     *
     * @throws FfiException {@code LIBRARY_NOT_FOUND} naming the flag to add when the JVM refuses
     *     native access
     */
    public static Library system() {
        // enabled by the flag or the manifest line, native access needs no check: its class is not even loaded
        if (!Library.class.getModule().isNativeAccessEnabled()) {
            NativeAccess.check();
        }
        return SystemHolder.SYSTEM;
    }

    /** Created on first use: linking the process lookup is a restricted call, made only once access is checked. */
    private static final class SystemHolder {
        static final Library SYSTEM = new Library(SystemLibrary.state());
    }

    /**
     * Binds {@code iface}, resolving every symbol now: through its generated class when the
     * processor ran, otherwise on the compatibility path with one warning per interface.
     *
     * @throws FfiException {@code SYMBOL_NOT_FOUND}, {@code INVALID_SIGNATURE}, {@code LIBRARY_CLOSED}, or
     *     {@code INVALID_ARGUMENT} when {@code iface} is null
     */
    public <T> T bind(Class<T> iface) {
        FastFfi.requireInterface(iface, state.name() + " bind(iface)");
        state.checkOpen("bind(" + iface.getSimpleName() + ")");
        return FastFfi.bind(iface, state, false);
    }

    /**
     * Looks up {@code symbol} and links it with {@code signature}.
     *
     * @throws FfiException {@code INVALID_SIGNATURE}, {@code SYMBOL_NOT_FOUND} or {@code LIBRARY_CLOSED}
     */
    public DynamicFunction function(String symbol, String signature) {
        return function(symbol, signature, new CallOption[0]);
    }

    /**
     * As {@link #function(String, String)}, with options: {@link CallOption#ERRNO} captures errno
     * right after every call through {@code invoke} and {@code handle()}, for {@link Errno#last()}.
     *
     * @throws FfiException as {@link #function(String, String)} does, and {@code INVALID_ARGUMENT}
     *     when {@code options} is a null array
     */
    public DynamicFunction function(String symbol, String signature, CallOption... options) {
        if (options == null) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, state.name()
                    + " function(symbol, signature, options): options is null; pass CallOption values, or none");
        }
        state.checkOpen(symbol);
        Signature parsed = Signatures.parse(signature);
        boolean errno = java.util.Arrays.asList(options).contains(CallOption.ERRNO);
        Signatures.checkSlots(state.name() + " " + symbol, parsed, parsed.parameters(), errno);
        return new DynamicFunction(NativeSymbol.resolve(state, symbol, parsed), errno);
    }

    /**
     * The C function at {@code address}, a function pointer C returned (or a struct field or
     * {@link #find} gave), linked with {@code signature}, the same as a function looked up by name.
     * It is closed with this library: once the library is closed, {@code invoke} and
     * {@code handle()} throw {@code LIBRARY_CLOSED} before any native code runs. The address is
     * trusted as C's own function pointers are: it must point at a function of this library (or of
     * one that outlives it) with this signature.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for NULL, a heap segment or one whose arena (or
     *     {@code Upcall}) is closed, {@code INVALID_SIGNATURE} or {@code LIBRARY_CLOSED}
     */
    public DynamicFunction function(MemorySegment address, String signature) {
        String where = "function(address, signature)";
        state.checkOpen(where);
        Signature parsed = Signatures.parse(signature);
        Signatures.checkSlots(state.name() + " " + where, parsed, parsed.parameters(), false);
        Views.requireFunction(address, state, where);
        return new DynamicFunction(state.functionAt(address, parsed), false);
    }

    /**
     * The C function at {@code address} as the {@code @NativeCallback} interface {@code callbackType}:
     * calling the interface's method calls the function, with the callback's signature; the
     * callback's parameters are passed as arguments and its result type is what the call returns.
     * It is closed with this library: once the library is closed, every call through the view
     * throws {@code LIBRARY_CLOSED} before any native code runs (on {@link #system()} never). The
     * processor generates a fast view for every {@code @NativeCallback} interface whose types are
     * fast (a {@code String} parameter is passed as a temporary UTF-8 copy, a boxed one on the
     * compatibility path); without it the view is a compatibility proxy with the same results.
     * The address is trusted as in {@link #function(MemorySegment, String)}.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for NULL, a heap segment, one whose arena (or
     *     {@code Upcall}) is closed or a class that is not a {@code @NativeCallback} interface,
     *     {@code INVALID_SIGNATURE} for a misdeclared callback interface, {@code LIBRARY_CLOSED}
     */
    public <T> T function(Class<T> callbackType, MemorySegment address) {
        String where = "function(" + (callbackType == null ? "null" : callbackType.getSimpleName()) + ", address)";
        state.checkOpen(where);
        return Views.of(callbackType, state, address, where);
    }

    /**
     * The address of {@code symbol} in this library, a function or a variable, or empty when it has
     * none: a zero-length segment for {@link #function(MemorySegment, String)}, for a
     * {@code function} argument, or for {@link NativeMemory#view} once its size is known.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for a null name, {@code LIBRARY_CLOSED}
     */
    public Optional<MemorySegment> find(String symbol) {
        if (symbol == null) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT,
                    state.name() + " find(symbol): symbol is null; pass the name of a function or variable");
        }
        state.checkOpen(symbol);
        return symbol.isEmpty() || symbol.indexOf('\0') >= 0 ? Optional.empty() : state.find(symbol);
    }

    /**
     * The exported variable {@code symbol}, read and written as {@code type}: {@code bool}, an
     * integer or float type, or {@code pointer}.
     *
     * @throws FfiException {@code INVALID_SIGNATURE} for an unknown type or one a global cannot
     *     have, {@code SYMBOL_NOT_FOUND} or {@code LIBRARY_CLOSED}
     */
    public NativeGlobal global(String symbol, String type) {
        state.checkOpen(symbol);
        return new NativeGlobal(GlobalVariable.resolve(state, symbol, type));
    }

    /** The name the library was loaded under, e.g. {@code libz.so.1}. */
    public String name() {
        return state.name();
    }

    /** Whether the library is still open: false once {@link #close()} has been called. */
    public boolean isOpen() {
        return state.isOpen();
    }

    /**
     * Closes the library; idempotent. Does nothing for {@link #system()}.
     *
     * <p>Asynchronous calls ({@code CompletableFuture} methods) that have not started complete with
     * {@code LIBRARY_CLOSED}; those that have started finish, and {@code close()} returns only once
     * none is running (except the call it is invoked from, when a callback of an asynchronous call
     * closes the library). No asynchronous call of this library starts afterwards.
     */
    @Override
    public void close() {
        state.close();
    }

    @Override
    public String toString() {
        return "Library[" + state.name() + (isOpen() ? "" : ", closed") + "]";
    }
}

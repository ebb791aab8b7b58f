package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.Signature;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded library: its name for messages, its lookup, the closed flag and the symbols resolved in it.
 *
 * <p>Closing sets the {@code volatile} flag and then clears the address of every symbol resolved
 * in the library, which is what each call reads before it runs ({@link NativeSymbol#open()}), and
 * last invalidates the switch point of the bindings that hold addresses as constants
 * ({@link ConstantAddresses}), which then fall back to that read. The symbols come from a lookup
 * in an automatic (or the global) arena, so a thread already past the check still references the
 * library and it cannot be unloaded under that thread, and the GC unloads it after close once
 * nothing references it.
 */
public final class LibraryState {
    private final String name;
    private final boolean global;
    private volatile SymbolLookup lookup;
    /** The arena the library was loaded in, which function pointers into it are tied to; null once closed. */
    private volatile Arena arena;
    private volatile boolean closed;
    /** The asynchronous calls into the library, made on the first one or on close, whichever comes first. */
    private volatile AsyncCalls asyncCalls;
    /** Every symbol resolved in the library, one per name and signature, so binding again adds none. */
    private final Map<List<Object>, NativeSymbol> symbols = new ConcurrentHashMap<>();
    /**
     * The functions at addresses that belong to an arena (an {@code Upcall}'s stub), weakly: each
     * is its own symbol, made per request, since a closed arena's address may be a new stub's next.
     */
    private final Set<NativeSymbol> scopedFunctions = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));
    /** The switch point behind which the closeable bindings' compiled calls hold the addresses as constants. */
    private final ConstantAddresses addresses;
    /**
     * The templates that defined a hidden binding class for this library, which forget it when it
     * closes: weakly, since each template belongs to its interface's class loader. Made on the
     * first such definition.
     */
    private Set<BindingTemplate<?>> templates;

    public LibraryState(String name, SymbolLookup lookup, boolean global) {
        this(name, lookup, global, Arena.global());
    }

    /** A library whose symbols {@code lookup} finds in {@code arena}, which keeps it loaded. */
    public LibraryState(String name, SymbolLookup lookup, boolean global, Arena arena) {
        this.name = name;
        this.lookup = lookup;
        this.global = global;
        this.arena = arena;
        this.addresses = new ConstantAddresses(global);
    }

    /** The name the library was found under, e.g. {@code libz.so.1}, used in every message. */
    public String name() {
        return name;
    }

    /** Whether the library lives as long as the process. */
    public boolean isGlobal() {
        return global;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Throws {@code LIBRARY_CLOSED} naming {@code symbol} once the library is closed. */
    public void checkOpen(String symbol) {
        if (closed) {
            throw closedError(symbol);
        }
    }

    /**
     * Marks the library closed and drops its lookup; fails the asynchronous calls that have not
     * started and waits for those that have. Idempotent; global libraries ignore it.
     */
    public void close() {
        if (!global) {
            asyncCalls().close(() -> {
                closed = true;
                lookup = null;
                arena = null;
                symbols.values().forEach(NativeSymbol::revoke);
                synchronized (scopedFunctions) {
                    scopedFunctions.forEach(NativeSymbol::revoke);
                }
                // after the revocation, so that a call that falls back reads no address
                addresses.close();
                forgetTemplates();
            });
        }
    }

    /**
     * {@code name} with {@code signature} in this library, looked up once: every later binding and
     * function of the same name and signature shares it (a missing symbol is unavailable, not an
     * error here). A symbol resolved while {@link #close()} runs is revoked by one or the other:
     * close sets the flag before it reads the map, and this reads the flag after it writes the map
     * (and then throws).
     *
     * @throws FfiException {@code LIBRARY_CLOSED} once the library is closed
     */
    NativeSymbol symbol(String name, Signature signature) {
        List<Object> key = List.of(name, signature);
        NativeSymbol known = symbols.get(key);
        return known != null ? checked(known) : register(key, new NativeSymbol(this, name, signature,
                find(name).orElse(null)));
    }

    /**
     * As {@link #symbol(String, Signature)} for a signature as generated code spells it, which the
     * symbol parses only when asked: a binding resolves all of its functions when it is created.
     * Generated code spells each signature one way, so one text means one signature.
     */
    NativeSymbol symbol(String name, String signature) {
        List<Object> key = List.of(name, signature);
        NativeSymbol known = symbols.get(key);
        return known != null ? checked(known) : register(key, new NativeSymbol(this, name, signature,
                find(name).orElse(null)));
    }

    /**
     * The function at {@code address}, a function pointer C handed out, with {@code signature}:
     * a symbol like the others, so closing the library revokes it. Its segment is tied to the
     * library's arena, so a call that passed the closed check keeps the library loaded until it
     * returns, as calls through named symbols do. An address that belongs to an arena (an
     * {@code Upcall}'s stub, another library's symbol) keeps it instead: FFM refuses a call
     * through it once that arena is closed, before the freed stub could run.
     *
     * @throws FfiException {@code LIBRARY_CLOSED} once the library is closed
     */
    public NativeSymbol functionAt(MemorySegment address, Signature signature) {
        return functionAt(address, signature, null);
    }

    /**
     * As {@link #functionAt(MemorySegment, Signature)} for a signature as a generated view spells
     * it, parsed only when something asks for the symbol's {@link NativeSymbol#signature()}.
     */
    NativeSymbol functionAt(MemorySegment address, String generated) {
        return functionAt(address, null, generated);
    }

    @SuppressWarnings("restricted")
    private NativeSymbol functionAt(MemorySegment address, Signature signature, String generated) {
        String pointer = "function pointer 0x" + Long.toHexString(address.address());
        Arena current = arena;
        if (current == null) {
            throw closedError(pointer);
        }
        if (!address.scope().equals(MemorySegment.NULL.scope())) {
            NativeSymbol scoped = signature != null ? new NativeSymbol(this, pointer, signature, address)
                    : new NativeSymbol(this, pointer, generated, address);
            scopedFunctions.add(scoped);
            return checked(scoped);
        }
        List<Object> key = List.of(pointer, signature != null ? signature : generated);
        NativeSymbol known = symbols.get(key);
        if (known != null) {
            return checked(known);
        }
        MemorySegment function = address.reinterpret(current, null);
        return register(key, signature != null ? new NativeSymbol(this, pointer, signature, function)
                : new NativeSymbol(this, pointer, generated, function));
    }

    /*
     * Adds a symbol just created (no lambda: this runs on the way to a first call, where each
     * lambda would spin a class). Two threads resolving the same symbol at once both look it up,
     * and the first one stored wins.
     */
    private NativeSymbol register(List<Object> key, NativeSymbol created) {
        NativeSymbol raced = symbols.putIfAbsent(key, created);
        return checked(raced != null ? raced : created);
    }

    /** {@code symbol}, unless the library closed meanwhile: then revoked, and {@code LIBRARY_CLOSED}. */
    private NativeSymbol checked(NativeSymbol symbol) {
        if (closed) {
            symbol.revoke();
            throw closedError(symbol.name());
        }
        return symbol;
    }

    /**
     * Records that {@code template} holds a hidden class for this library, which it forgets on
     * close, or right away when the library closed meanwhile. The template calls this without its
     * own lock held, and this calls it back without this library's, so neither waits on the other.
     */
    void definedBy(BindingTemplate<?> template) {
        boolean closedMeanwhile;
        synchronized (this) {
            // close() sets closed, then takes the templates under this lock: one of the two sees the other
            closedMeanwhile = closed;
            if (!closedMeanwhile) {
                if (templates == null) {
                    templates = Collections.newSetFromMap(new WeakHashMap<>());
                }
                templates.add(template);
            }
        }
        if (closedMeanwhile) {
            template.forget(this);
        }
    }

    private void forgetTemplates() {
        List<BindingTemplate<?>> forgetting;
        synchronized (this) {
            forgetting = templates == null ? List.of() : new ArrayList<>(templates);
            templates = null;
        }
        for (BindingTemplate<?> template : forgetting) {
            template.forget(this);
        }
    }

    /** This library's addresses as JIT constants, for the classes of bindings to it. */
    ConstantAddresses addresses() {
        return addresses;
    }

    /** The asynchronous calls into this library that have not finished. */
    AsyncCalls asyncCalls() {
        AsyncCalls known = asyncCalls;
        if (known == null) {
            synchronized (this) {
                known = asyncCalls;
                if (known == null) {
                    known = new AsyncCalls();
                    asyncCalls = known;
                }
            }
        }
        return known;
    }

    /** The symbol's address, or empty when the library has no such symbol. */
    public Optional<MemorySegment> find(String symbol) {
        SymbolLookup current = lookup;
        if (current == null) {
            throw closedError(symbol);
        }
        return current.find(symbol);
    }

    FfiException closedError(String symbol) {
        return new FfiException(FfiException.Code.LIBRARY_CLOSED,
                name + " " + symbol + ": the library was closed; no native code ran");
    }

    @Override
    public String toString() {
        return name;
    }
}

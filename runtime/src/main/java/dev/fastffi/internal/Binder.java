package dev.fastffi.internal;

import dev.fastffi.model.Signature;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hands a binding's constructor the symbols of one library; every symbol is resolved when the
 * binding is created, so a missing one fails {@code bind}, not a later call, unless it is optional.
 * It remembers which symbols it found, for {@code FastFfi.isAvailable}.
 */
public final class Binder {
    /** What marks an optional symbol's name in {@link #symbols}. */
    static final String OPTIONAL = "?";
    /** The flag of a packed site entry whose function links with {@code Linker.Option.critical}. */
    static final String CRITICAL = " critical";
    /** The flag of a packed site entry whose function captures errno. */
    static final String ERRNO = " errno";

    /*
     * Every binding the runtime made, with the binder that made it, so FastFfi.isAvailable and
     * toString answer for generated classes and proxies alike without keeping bindings alive.
     * Bindings compare by identity: generated classes inherit Object's, proxies answer equals and
     * hashCode by identity. Kept here rather than in BoundInterfaces, which only those questions load.
     */
    private static final Map<Object, Binder> BOUND = Collections.synchronizedMap(new WeakHashMap<>());

    private final LibraryState library;
    private final Map<String, Boolean> found = new HashMap<>();
    /**
     * The interface of the binding this binder made; set once the binding is. Weakly: a stale
     * entry of {@link #BOUND} keeps its binder until the map's next use, and must not keep the
     * interface's class loader meanwhile; the binding's class implements the interface, so it is
     * there for as long as anyone can ask.
     */
    private WeakReference<Class<?>> iface;

    public Binder(LibraryState library) {
        this.library = library;
    }

    /** Resolves a FAST method's symbol, or throws {@code SYMBOL_NOT_FOUND}. */
    public NativeSymbol symbol(String symbol, String signature) {
        return record(NativeSymbol.resolveGenerated(library, symbol, signature));
    }

    /** Resolves an optional FAST method's symbol; a missing one throws {@code SYMBOL_NOT_FOUND} when called. */
    public NativeSymbol optionalSymbol(String symbol, String signature) {
        return record(NativeSymbol.resolveGeneratedOptional(library, symbol, signature));
    }

    /**
     * Resolves the symbols of a binding's direct methods, in order, as {@link #symbol} and
     * {@link #optionalSymbol} do: a generated constructor resolves them all with one call, since
     * javac's time on a constructor grows with its calls times the class's members. {@code packed}
     * holds a line per symbol, its C name (after {@value #OPTIONAL} when optional), a space and its
     * signature, in chunks split at line ends as {@link #lines} reads them. The processor resolves
     * a name that has a space or starts with {@value #OPTIONAL} on its own.
     *
     * @throws IllegalArgumentException when a line has no signature
     */
    public NativeSymbol[] symbols(String... packed) {
        String[] lines = lines(packed);
        NativeSymbol[] symbols = new NativeSymbol[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("a packed symbol is its name, a space and its signature; got \""
                        + line + "\"");
            }
            String signature = line.substring(space + 1);
            symbols[i] = line.startsWith(OPTIONAL)
                    ? optionalSymbol(line.substring(OPTIONAL.length(), space), signature)
                    : symbol(line.substring(0, space), signature);
        }
        return symbols;
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

    /** Called once per binding, right after this binder made it. */
    public <T> T remember(T binding, Class<T> iface) {
        this.iface = new WeakReference<>(iface);
        BOUND.put(binding, this);
        return binding;
    }

    /** The binder that made {@code binding}, or null for an object the runtime did not bind. */
    static Binder of(Object binding) {
        return BOUND.get(binding);
    }

    /** The interface of the binding this binder made. */
    Class<?> iface() {
        return iface.get();
    }

    /**
     * The lines of packed constants, over every chunk in order: a generated class splits them at
     * line ends into chunks that each fit the class file's limit of 64 KiB per string constant.
     */
    static String[] lines(String[] packed) {
        List<String> lines = new ArrayList<>();
        for (String chunk : packed) {
            int start = 0;
            for (int end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
                lines.add(chunk.substring(start, end));
                start = end + 1;
            }
            lines.add(chunk.substring(start));
        }
        return lines.toArray(new String[0]);
    }

    /** A packed site entry's signature and carriers, without its flags. */
    static String function(String entry) {
        int flags = flags(entry);
        return flags < 0 ? entry : entry.substring(0, flags);
    }

    /** Whether a packed site entry has {@code flag} ({@link #CRITICAL} or {@link #ERRNO}) after its function. */
    static boolean hasFlag(String entry, String flag) {
        int flags = flags(entry);
        return flags >= 0 && entry.indexOf(flag, flags) >= 0;
    }

    /** Where a packed site entry's flags start, or -1: at the first space after the descriptor, which has none. */
    private static int flags(String entry) {
        return entry.indexOf(' ', entry.lastIndexOf('('));
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

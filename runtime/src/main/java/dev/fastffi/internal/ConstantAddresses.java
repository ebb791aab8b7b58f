package dev.fastffi.internal;

import java.lang.constant.ConstantDescs;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.SwitchPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The downcall handles of a generated binding class, each with its function's address bound in, as
 * JIT constants. The class keeps one {@link #lazy} site per synchronous direct method in a
 * {@code static final} field, so the compiled call sees a constant handle and in it a constant
 * address, as a hand-written {@code static final} downcall handle does. Whose addresses they are
 * depends on the class ({@link #of}): loaded as itself, it binds the library {@code FastFfi.load}
 * chose; each hidden copy {@link BindingTemplate} defines binds one library, whose
 * {@code ConstantAddresses} are its class data.
 *
 * <p>A site links on the first call of its method: it links the downcall handle, reads the
 * symbol's address through {@link NativeSymbol#open()} (so a closed library or a missing optional
 * symbol throws as on every other path) and retargets itself to the handle with that address bound
 * in; a closeable library's behind its {@link SwitchPoint}. {@link #close()} invalidates the switch
 * point after the library marked itself closed and revoked its symbols: invalidation deoptimizes
 * every compiled method that folded a handle, so from then on every call reads the symbol again
 * and throws {@code LIBRARY_CLOSED} before any native code runs. A thread already past the site
 * holds the handle, and in it the address segment, whose automatic arena keeps the library loaded
 * until its call returns. Close then unlinks every site, so a binding kept after close holds no
 * address and the library can be unloaded once no call is running.
 *
 * <p>The downcall handle itself is linked here too ({@link #handle}) when the function's carriers
 * fix its layouts, as they do for most C functions, and by {@link Downcalls} from the parsed
 * signature otherwise: a first call of such a function loads neither the signature parser nor
 * {@link Downcalls}, a cold start's cost being mostly the classes it loads.
 */
public final class ConstantAddresses {
    /** A site's type: it is passed to its own target, so that every unlinked site shares one. */
    private static final MethodType SITE_TYPE = MethodType.methodType(MethodHandle.class, MutableCallSite.class,
            NativeSymbol.class);
    private static final MethodHandle CHECK;
    private static final MethodHandle LINK;
    private static final MethodHandle CONSTANT;
    /**
     * The {@code private static final} field in which a generated class keeps what {@link #of}
     * returned to its static initializer; the processor gives it this name.
     */
    static final String FIELD = "ADDRESSES$";
    private static final Linker.Option[] NO_OPTIONS = {};
    /** The descriptor of {@code MemorySegment}, the one class a FAST site carries. */
    private static final String SEGMENT = "Ljava/lang/foreign/MemorySegment;";
    /** How many sites have linked, for the cold-start probe that shows only called functions link. */
    private static final AtomicInteger LINKED = new AtomicInteger();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            /*
             * Direct handles of the site's type, whose lambda forms the JDK has pregenerated: no
             * class is spun on the way to a first call. That holds for a static method of an
             * initialized class only; one of a class not yet initialized gets a form that
             * initializes it first, which is spun. So they live in Site, initialized here.
             */
            lookup.ensureInitialized(Site.class);
            CHECK = lookup.findStatic(Site.class, "check", SITE_TYPE);
            LINK = lookup.findStatic(Site.class, "link", SITE_TYPE);
            CONSTANT = lookup.findStatic(Site.class, "constant", SITE_TYPE.insertParameterTypes(0, MethodHandle.class));
        } catch (ReflectiveOperationException e) {
            // as the JDK's own static initializers do: an error of a class loaded anyway, whose
            // verification then loads no other exception class on the way to a first call
            throw new InternalError(e);
        }
    }

    /** Invalidated on close; null for a global library, which is never closed (a switch point costs start-up). */
    private final SwitchPoint open;
    /** Whether these are a class's {@link #shared} addresses, which may have to check every call. */
    private final boolean shared;
    /** Every site handed out, to unlink on close (or check, if shared); the static initializer adds them all. */
    private final List<Site> sites = new ArrayList<>();
    /** Set once, under the lock on {@link #sites}, when shared sites must read the symbol on every call. */
    private boolean checking;
    /**
     * What the classes whose class data these addresses are need kept while the library is open:
     * the constructor of each {@link BindingTemplate}'s hidden class, by template. Guarded by
     * {@link #sites}; emptied on close.
     */
    private Map<Object, Object> kept;

    ConstantAddresses(boolean global) {
        this(global, false);
    }

    private ConstantAddresses(boolean global, boolean shared) {
        this.open = global ? null : new SwitchPoint();
        this.shared = shared;
    }

    /**
     * The addresses of the class {@code lookup} belongs to, which generated bindings read from their
     * static initializer with their own lookup: its class data where {@link BindingTemplate} defined
     * it as a hidden class for one library, else the class's own {@linkplain #shared shared}
     * addresses, where the generated class is loaded as itself. Called once per class, by its
     * static initializer, which keeps the result in its {@value #FIELD} field.
     */
    public static ConstantAddresses of(MethodHandles.Lookup lookup) {
        ConstantAddresses data;
        try {
            data = MethodHandles.classData(lookup, ConstantDescs.DEFAULT_NAME, ConstantAddresses.class);
        } catch (ReflectiveOperationException e) {
            // (IllegalAccessException, caught as its superclass, which is loaded anyway)
            throw new IllegalStateException(e);
        }
        return data != null ? data : new ConstantAddresses(true, true);
    }

    /**
     * The addresses of a generated class loaded as itself, read from its {@value #FIELD} field with
     * the class's own {@code lookup}: each site links to the address of the symbol of its first
     * call, a constant from then on, which is right for as long as every instance of the class
     * binds one library: the one {@code FastFfi.load} chose, never closed. Where no hidden class
     * can be defined, {@link BindingTemplate} makes that class bind closeable libraries too, and
     * first calls {@link #checkEverySite()} on these. (A field, not a {@code ClassValue}: every
     * program loads a generated class, few ever need this.)
     */
    static ConstantAddresses shared(MethodHandles.Lookup lookup) {
        try {
            return (ConstantAddresses) lookup.findStaticVarHandle(lookup.lookupClass(), FIELD, ConstantAddresses.class)
                    .get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fastffi bug: " + lookup.lookupClass().getName() + " keeps no "
                    + FIELD, e);
        }
    }

    /**
     * {@code bound}, a handle with this library's address bound in, until {@link #close()}; from
     * then on {@code closed}, which reads the address from its symbol and so throws before any
     * native code runs. Behind the switch point a compiled call checks nothing (invalidation
     * deoptimizes it); a global library is never closed, so its handle is {@code bound} itself.
     */
    MethodHandle untilClosed(MethodHandle bound, MethodHandle closed) {
        return open == null ? bound : open.guardWithTest(bound, closed);
    }

    /**
     * The sites of a binding's synchronous direct methods, in order, which {@link #handle} reads:
     * each the downcall handle of one function, linked on the first call with the symbol's address
     * bound in, constant from then on until {@link #close()}. {@code packed} holds them as
     * {@link Downcalls#lazy(String...)} does, a line per function ({@code "i32(i32, i32)(II)I"}).
     * The class creates them with one call, and a site costs an object, so that a binding of
     * thousands of methods compiles and loads fast.
     */
    public MutableCallSite[] lazy(String... packed) {
        String[] entries = Binder.lines(packed);
        Site[] result = new Site[entries.length];
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            result[i] = new Site(this, Binder.function(entry), Binder.hasFlag(entry, Binder.CRITICAL),
                    Binder.hasFlag(entry, Binder.ERRNO));
        }
        if (open != null || shared) {
            // a global library's sites are never unlinked
            synchronized (sites) {
                Collections.addAll(sites, result);
            }
        }
        return result;
    }

    /**
     * The handle to call, through {@code site}, for {@code symbol}, with the address
     * {@link NativeSymbol#open()} returns bound in: a JIT constant when {@code site} is one, since
     * the JIT treats a constant call site's target as a constant.
     */
    public static MethodHandle handle(MutableCallSite site, NativeSymbol symbol) {
        try {
            return (MethodHandle) site.getTarget().invokeExact(site, symbol);
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }

    /**
     * The handle of a site, its own or a {@code Downcalls.lazy} one, on its first call:
     * {@code function} is the C signature followed by the carriers' method descriptor
     * ({@code "i32(i32, i32)(II)I"}), split at the descriptor's parenthesis and parsed only now.
     */
    static MethodHandle linkLazily(String function, boolean critical, boolean errno) {
        int split = function.lastIndexOf('(');
        MethodType carriers = carriers(function.substring(split));
        MethodHandle handle = handle(function.substring(0, split), carriers, critical, errno);
        LINKED.incrementAndGet();
        return handle;
    }

    /**
     * The method type of a generated carrier descriptor ({@code "(IJ)D"}). A FAST site carries
     * primitives and {@code MemorySegment}, which this reads itself; anything else goes to
     * {@link MethodType#fromMethodDescriptorString}, whose parser is one more class to load on
     * the way to a first call.
     */
    static MethodType carriers(String descriptor) {
        int close = descriptor.indexOf(')');
        List<Class<?>> parameters = new ArrayList<>();
        for (int at = 1; at < close; ) {
            Class<?> carrier = carrier(descriptor, at);
            if (carrier == null || carrier == void.class) {
                return MethodType.fromMethodDescriptorString(descriptor, ConstantAddresses.class.getClassLoader());
            }
            parameters.add(carrier);
            at += carrier == MemorySegment.class ? SEGMENT.length() : 1;
        }
        Class<?> result = close + 1 < descriptor.length() ? carrier(descriptor, close + 1) : null;
        int end = close + 1 + (result == MemorySegment.class ? SEGMENT.length() : 1);
        if (result == null || end != descriptor.length()) {
            return MethodType.fromMethodDescriptorString(descriptor, ConstantAddresses.class.getClassLoader());
        }
        return MethodType.methodType(result, parameters);
    }

    /** The carrier whose descriptor starts at {@code at}, or null for one {@link #carriers} leaves to the JDK. */
    private static Class<?> carrier(String descriptor, int at) {
        return switch (descriptor.charAt(at)) {
            case 'I' -> int.class;
            case 'J' -> long.class;
            case 'D' -> double.class;
            case 'F' -> float.class;
            case 'Z' -> boolean.class;
            case 'B' -> byte.class;
            case 'S' -> short.class;
            case 'C' -> char.class;
            case 'V' -> void.class;
            case 'L' -> descriptor.startsWith(SEGMENT, at) ? MemorySegment.class : null;
            default -> null;
        };
    }

    /** How many sites have linked in this JVM so far, for the cold-start probe that shows only called functions link. */
    static int linkedCount() {
        return LINKED.get();
    }

    /**
     * The address-less downcall handle {@code Downcalls.handle} describes. Most C functions take
     * and return only types whose carriers fix their layouts: those link here, from the carriers,
     * without the signature parser or {@link Downcalls}, neither of which a first call then loads.
     */
    static MethodHandle handle(String signature, MethodType carriers, boolean critical, boolean errno) {
        FunctionDescriptor descriptor = byCarriers(signature, carriers);
        if (descriptor != null) {
            try {
                // the linker is initialized on the first link, not with a binding's class
                MethodHandle handle = Linker.nativeLinker().downcallHandle(descriptor, options(critical, errno));
                // no struct result, so the capture segment comes right after the address
                return errno ? ErrnoState.capturing(handle, 1) : handle;
            } catch (IllegalArgumentException e) {
                // refused (too many arguments for the platform): the parsed path says why
            }
        }
        return Downcalls.parsed(signature, carriers, critical, errno);
    }

    /**
     * The descriptor of a generated signature read from its carriers alone, each at the layout FFM
     * pairs with it ({@code int} as {@code JAVA_INT}, {@code MemorySegment} as {@code ADDRESS}), or
     * null where the C types decide more than that. That is the layout {@link Downcalls#descriptor} gives
     * every C type but a struct, by value or by pointer (written with a brace in generated text),
     * and a {@code u8} argument, which may be widened (carried as {@code byte}; an {@code i8}
     * argument is too, and also takes the parsed path). What it saves is the parser, and loading
     * it, on the way to a first call: most C functions take and return only such types.
     */
    static FunctionDescriptor byCarriers(String signature, MethodType carriers) {
        if (signature.indexOf('{') >= 0) {
            return null;
        }
        MemoryLayout[] arguments = new MemoryLayout[carriers.parameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            Class<?> carrier = carriers.parameterType(i);
            arguments[i] = carrier == byte.class ? null : canonicalLayout(carrier);
            if (arguments[i] == null) {
                return null;
            }
        }
        if (carriers.returnType() == void.class) {
            return FunctionDescriptor.ofVoid(arguments);
        }
        MemoryLayout result = canonicalLayout(carriers.returnType());
        return result == null ? null : FunctionDescriptor.of(result, arguments);
    }

    /** The layout FFM carries as {@code carrier}, or null for a carrier of no single layout. */
    private static MemoryLayout canonicalLayout(Class<?> carrier) {
        if (carrier == int.class) {
            return ValueLayout.JAVA_INT;
        } else if (carrier == long.class) {
            return ValueLayout.JAVA_LONG;
        } else if (carrier == MemorySegment.class) {
            return ValueLayout.ADDRESS;
        } else if (carrier == double.class) {
            return ValueLayout.JAVA_DOUBLE;
        } else if (carrier == float.class) {
            return ValueLayout.JAVA_FLOAT;
        } else if (carrier == boolean.class) {
            return ValueLayout.JAVA_BOOLEAN;
        } else if (carrier == byte.class) {
            return ValueLayout.JAVA_BYTE;
        } else if (carrier == short.class) {
            return ValueLayout.JAVA_SHORT;
        } else if (carrier == char.class) {
            return ValueLayout.JAVA_CHAR;
        }
        return null;
    }

    /** The linker options of a function linked {@code critical} and capturing {@code errno}. */
    static Linker.Option[] options(boolean critical, boolean errno) {
        if (!critical && !errno) {
            return NO_OPTIONS;
        }
        List<Linker.Option> options = new ArrayList<>();
        if (critical) {
            options.add(Linker.Option.critical(true));
        }
        if (errno) {
            options.add(ErrnoState.option());
        }
        return options.toArray(NO_OPTIONS);
    }

    /** Called once the library is closed and its symbols revoked: every site falls back to {@link NativeSymbol#open()}. */
    void close() {
        if (open == null) {
            throw new IllegalStateException("a global library is never closed");
        }
        SwitchPoint.invalidateAll(new SwitchPoint[] {open});
        synchronized (sites) {
            for (Site site : sites) {
                site.unlink();
            }
            kept = null;
        }
    }

    /**
     * Keeps {@code value} for {@code owner} as long as these addresses are reachable (the library,
     * or a class whose class data they are) and the library is open.
     */
    void keep(Object owner, Object value) {
        synchronized (sites) {
            if (open != null && open.hasBeenInvalidated()) {
                return;
            }
            if (kept == null) {
                kept = new HashMap<>();
            }
            kept.put(owner, value);
        }
    }

    /**
     * Makes every site of these {@link #shared} addresses read its symbol on every call from now on,
     * before the class they belong to binds a closeable library: its instances no longer share one
     * library, and only the symbol knows which library a call is for, and whether it is open.
     * Compiled calls that folded a handle are deoptimized before this returns.
     */
    void checkEverySite() {
        if (!shared) {
            throw new IllegalStateException("only a class's shared addresses check every site");
        }
        synchronized (sites) {
            if (checking) {
                return;
            }
            checking = true;
            for (Site site : sites) {
                site.unlink();
            }
        }
    }

    /**
     * What a call through {@code site}, one of a generated class's {@link #lazy} sites, called:
     * {@code "library function"}, as its symbol prints; the function alone where the site's class
     * binds many libraries, which one call of it does not record. Only for a failure's message.
     */
    static String describe(MutableCallSite site) {
        return ((Site) site).describe();
    }

    /** One method's call site and what it links to. */
    private static final class Site extends MutableCallSite {
        private final ConstantAddresses addresses;
        /** The C signature followed by the carriers' descriptor, split only when the site links. */
        private final String function;
        private final boolean critical;
        private final boolean errno;
        /** The downcall handle, which takes the address first; linked on the first call. */
        private volatile MethodHandle unbound;
        /**
         * The symbol of the site's first call, which names what the site calls in a failure's
         * message: every call through the site is for the same C function, and of one library
         * unless its class binds many.
         */
        private volatile NativeSymbol called;

        Site(ConstantAddresses addresses, String function, boolean critical, boolean errno) {
            super(LINK);
            this.addresses = addresses;
            this.function = function;
            this.critical = critical;
            this.errno = errno;
        }

        /** A site's target once linked: the handle, a constant of the bound handle. */
        private static MethodHandle constant(MethodHandle handle, MutableCallSite site, NativeSymbol symbol) {
            return handle;
        }

        /** The first call (or a later one, if another thread linked meanwhile): fixes the handle for good. */
        private static MethodHandle link(MutableCallSite site, NativeSymbol symbol) {
            return ((Site) site).link(symbol);
        }

        /** A site's target once its library is closed, or its class binds many: the symbol's address, bound per call. */
        private static MethodHandle check(MutableCallSite site, NativeSymbol symbol) {
            Site own = (Site) site;
            own.calledFor(symbol);
            return symbol.bind(own.unbound());
        }

        private MethodHandle link(NativeSymbol symbol) {
            calledFor(symbol);
            MethodHandle handle = MethodHandles.insertArguments(unbound(), 0, symbol.open());
            MethodHandle constant = CONSTANT.bindTo(handle);
            SwitchPoint open = addresses.open;
            if (addresses.shared) {
                // under the lock checkEverySite takes, so that no handle is fixed after it ran
                synchronized (addresses.sites) {
                    setTarget(addresses.checking ? CHECK : constant);
                }
                return addresses.checking ? check(this, symbol) : handle;
            }
            // an invalidated switch point returns the fallback itself, so a close that came first wins
            setTarget(addresses.untilClosed(constant, CHECK));
            if (open != null && open.hasBeenInvalidated()) {
                // close ran between the guard and the store: drop the address it may have missed
                unlink();
            }
            return handle;
        }

        private MethodHandle unbound() {
            MethodHandle known = unbound;
            if (known == null) {
                synchronized (this) {
                    known = unbound;
                    if (known == null) {
                        known = linkLazily(function, critical, errno);
                        unbound = known;
                    }
                }
            }
            return known;
        }

        /** Records the symbol of the site's first call, for {@link #describe()}. */
        private void calledFor(NativeSymbol symbol) {
            if (called == null) {
                called = symbol;
            }
        }

        String describe() {
            NativeSymbol symbol = called;
            if (symbol == null) {
                // no call has gone through the site yet, so none failed: name the signature
                return function.substring(0, function.lastIndexOf('('));
            }
            boolean many;
            synchronized (addresses.sites) {
                many = addresses.checking;
            }
            return many ? symbol.name() : symbol.toString();
        }

        /** Forgets the address: the site calls {@link NativeSymbol#open()}, which throws once closed. */
        void unlink() {
            setTarget(CHECK);
        }
    }
}

package dev.fastffi.internal;

import java.lang.constant.ConstantDescs;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.SwitchPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of a closeable library's functions as JIT constants, for the class
 * {@code Library.bind} defines per library and interface from the processor's template
 * ({@link BindingTemplate}). That class keeps one {@link #site()} per method in a
 * {@code static final} field, so the compiled call sees a constant handle, and through it a
 * constant address, as a hand-written {@code static final} downcall handle does.
 *
 * <p>A site links on the first call of its method: it reads the symbol's address through
 * {@link NativeSymbol#open()} (so a closed library or a missing optional symbol throws as on
 * every other path) and retargets itself to that address behind the library's
 * {@link SwitchPoint}. {@link #close()} invalidates the switch point after the library marked
 * itself closed and revoked its symbols: invalidation deoptimizes every compiled method that folded
 * an address, so from then on every call falls back to {@link NativeSymbol#open()} and throws
 * {@code LIBRARY_CLOSED} before any native code runs. A thread already past the site holds the
 * address segment, whose automatic arena keeps the library loaded until its call returns. Close
 * then unlinks every site, so a binding kept after close holds no address and the library can be
 * unloaded once no call is running.
 */
public final class ConstantAddresses {
    /** A site's type: it is passed to its own target, so that every unlinked site shares one. */
    private static final MethodType SITE_TYPE = MethodType.methodType(MemorySegment.class, MutableCallSite.class,
            NativeSymbol.class);
    private static final MethodHandle OPEN;
    private static final MethodHandle LINK;
    private static final MethodHandle CONSTANT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            // direct handles of the site's type: no lambda form is spun on the way to a first call
            OPEN = lookup.findStatic(ConstantAddresses.class, "read", SITE_TYPE);
            LINK = lookup.findStatic(Site.class, "link", SITE_TYPE);
            CONSTANT = lookup.findStatic(ConstantAddresses.class, "constant",
                    SITE_TYPE.insertParameterTypes(0, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Invalidated on close; null for a global library, which is never closed (a switch point costs start-up). */
    private final SwitchPoint open;
    /** Every site handed out, to unlink on close; a template's static initializer adds them all. */
    private final List<Site> sites = new ArrayList<>();

    ConstantAddresses(boolean global) {
        this.open = global ? null : new SwitchPoint();
    }

    /**
     * The addresses of the class {@code lookup} belongs to, which generated bindings read from their
     * static initializer with their own lookup: its class data where {@link BindingTemplate} defined
     * it for a library, else the addresses of the library {@code FastFfi.load} bound {@code iface}
     * to, where the class is loaded as itself for that binding.
     */
    public static ConstantAddresses of(MethodHandles.Lookup lookup, Class<?> iface) {
        ConstantAddresses data;
        try {
            data = MethodHandles.classData(lookup, ConstantDescs.DEFAULT_NAME, ConstantAddresses.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return data != null ? data : Bindings.globalAddresses(iface);
    }

    /**
     * A new site for one method, which {@link #address} reads: the symbol's address, linked on its
     * first call and constant from then on until {@link #close()}. Creating one costs an object,
     * so that a binding of thousands of methods loads fast.
     */
    public MutableCallSite site() {
        Site site = new Site(open);
        if (open != null) {
            // only a closeable library's sites are unlinked, on close
            synchronized (sites) {
                sites.add(site);
            }
        }
        return site;
    }

    /**
     * The address to call, through {@code site}, for {@code symbol}: what {@link NativeSymbol#open()}
     * returns, a JIT constant when {@code site} is one, since the JIT treats a constant call site's
     * target as a constant.
     */
    public static MemorySegment address(MutableCallSite site, NativeSymbol symbol) {
        try {
            return (MemorySegment) site.getTarget().invokeExact(site, symbol);
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
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
        }
    }

    /** A site's target once linked: the address, a constant of the bound handle. */
    private static MemorySegment constant(MemorySegment address, MutableCallSite site, NativeSymbol symbol) {
        return address;
    }

    /** A site's target once its library is closed (or before it links): the symbol's check. */
    private static MemorySegment read(MutableCallSite site, NativeSymbol symbol) {
        return symbol.open();
    }

    /** One method's call site and what it links to. */
    private static final class Site extends MutableCallSite {
        /** The library's switch point; null for a global library. */
        private final SwitchPoint open;

        Site(SwitchPoint open) {
            super(LINK);
            this.open = open;
        }

        /** The first call (or a later one, if another thread linked meanwhile): fixes the address for good. */
        private static MemorySegment link(MutableCallSite site, NativeSymbol symbol) {
            return ((Site) site).link(symbol);
        }

        private MemorySegment link(NativeSymbol symbol) {
            MemorySegment address = symbol.open();
            MethodHandle constant = CONSTANT.bindTo(address);
            if (open == null) {
                // a global library is never closed: no switch point to guard the address with
                setTarget(constant);
                return address;
            }
            // an invalidated switch point returns the fallback itself, so a close that came first wins
            setTarget(open.guardWithTest(constant, OPEN));
            if (open.hasBeenInvalidated()) {
                // close ran between the guard and the store: drop the address it may have missed
                unlink();
            }
            return address;
        }

        /** Forgets the address: the site calls {@link NativeSymbol#open()}, which throws once closed. */
        void unlink() {
            setTarget(OPEN);
        }
    }
}

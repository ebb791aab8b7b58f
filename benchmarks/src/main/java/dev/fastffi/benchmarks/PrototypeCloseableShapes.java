package dev.fastffi.benchmarks;

import dev.fastffi.FfiException;
import dev.fastffi.internal.Downcalls;
import dev.fastffi.internal.LibraryState;
import dev.fastffi.internal.NativeSymbol;
import dev.fastffi.internal.Rethrow;
import dev.fastffi.internal.UpcallFailures;
import dev.fastffi.model.Signature;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.SwitchPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a mechanism: shapes a closeable binding could take so that its handles are JIT constants,
 * measured by {@link PrototypeCloseableBenchmark}. Each binding of a library guards handles with
 * the address bound in by the library's {@link SwitchPoint}, which closing invalidates: once
 * compiled the guard costs nothing, and invalidating it deoptimizes every compiled caller.
 */
final class PrototypeCloseableShapes {
    /** The four scalar cases. */
    interface Scalars {
        void noop();

        int add(int a, int b);

        double mul(double a, double b);

        long xor(long a, long b);
    }

    /** A closeable library: its state (symbols in an automatic arena) and the switch point that closing invalidates. */
    static final class Lib {
        final LibraryState state;
        final SwitchPoint open = new SwitchPoint();

        Lib() {
            state = new LibraryState(BenchNative.library().getFileName().toString(),
                    SymbolLookup.libraryLookup(BenchNative.library(), Arena.ofAuto()), false, Arena.ofAuto());
        }

        void close() {
            state.close();
            SwitchPoint.invalidateAll(new SwitchPoint[] {open});
        }
    }

    private static final String[][] FUNCTIONS = {
        {"noop", "void()"}, {"add", "i32(i32, i32)"}, {"mul", "f64(f64, f64)"}, {"xor_u64", "u64(u64, u64)"},
    };
    private static final MethodType[] CARRIERS = {
        MethodType.methodType(void.class),
        MethodType.methodType(int.class, int.class, int.class),
        MethodType.methodType(double.class, double.class, double.class),
        MethodType.methodType(long.class, long.class, long.class),
    };
    private static final MethodHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findStatic(PrototypeCloseableShapes.class, "closed",
                    MethodType.methodType(FfiException.class, NativeSymbol.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private PrototypeCloseableShapes() {}

    /** What the call throws once the library is closed (the runtime's message comes from the symbol). */
    private static FfiException closed(NativeSymbol symbol) {
        return new FfiException(FfiException.Code.LIBRARY_CLOSED,
                symbol + ": the library was closed; no native code ran");
    }

    static NativeSymbol symbol(Lib lib, int i) {
        return NativeSymbol.resolve(lib.state, FUNCTIONS[i][0], Signature.parse(FUNCTIONS[i][1]));
    }

    /** Function {@code i}'s handle with the address bound in, behind the library's switch point. */
    static MethodHandle guarded(Lib lib, int i) {
        NativeSymbol symbol = symbol(lib, i);
        MethodHandle bound = Downcalls.bind(Downcalls.handle(FUNCTIONS[i][1], CARRIERS[i], false), symbol);
        MethodType type = bound.type();
        MethodHandle thrower = MethodHandles.dropArguments(MethodHandles.collectArguments(
                MethodHandles.throwException(type.returnType(), FfiException.class), 0, CLOSED.bindTo(symbol)),
                0, type.parameterList());
        return lib.open.guardWithTest(bound, thrower);
    }

    // ---- (b) a hidden class per binding: static final handles read from its class data

    /** Spins {@link PrototypeHiddenTemplate} once per binding, its static finals the binding's guarded handles. */
    static Scalars hidden(Lib lib) {
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < FUNCTIONS.length; i++) {
            data.add(guarded(lib, i));
        }
        data.add(symbol(lib, 1));
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(TEMPLATE, List.copyOf(data), true);
            return (Scalars) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static final byte[] TEMPLATE = bytes(PrototypeHiddenTemplate.class);

    private static byte[] bytes(Class<?> type) {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- (c) no class per binding: one call site per method, bound to the first binding (an inline cache)

    static final MutableCallSite NOOP_SITE =
            new MutableCallSite(MethodType.methodType(void.class, CallSiteBinding.class));
    static final MutableCallSite ADD_SITE =
            new MutableCallSite(MethodType.methodType(int.class, CallSiteBinding.class, int.class, int.class));
    static final MutableCallSite MUL_SITE =
            new MutableCallSite(MethodType.methodType(double.class, CallSiteBinding.class, double.class, double.class));
    static final MutableCallSite XOR_SITE =
            new MutableCallSite(MethodType.methodType(long.class, CallSiteBinding.class, long.class, long.class));
    static final MethodHandle NOOP_CS = NOOP_SITE.dynamicInvoker();
    static final MethodHandle ADD_CS = ADD_SITE.dynamicInvoker();
    static final MethodHandle MUL_CS = MUL_SITE.dynamicInvoker();
    static final MethodHandle XOR_CS = XOR_SITE.dynamicInvoker();

    /**
     * A plain class: each method calls its call site with itself; the site tests the receiver
     * against the binding it was bound to (one compare, folded when the binding is a constant)
     * and calls that binding's guarded handle, else the binding's own guarded handle out of line.
     */
    static final class CallSiteBinding implements Scalars {
        final MethodHandle noop;
        final MethodHandle add;
        final MethodHandle mul;
        final MethodHandle xor;
        final NativeSymbol site;

        CallSiteBinding(Lib lib) {
            noop = guarded(lib, 0);
            add = guarded(lib, 1);
            mul = guarded(lib, 2);
            xor = guarded(lib, 3);
            site = symbol(lib, 1);
            MutableCallSite[] sites = {NOOP_SITE, ADD_SITE, MUL_SITE, XOR_SITE};
            MethodHandle[] handles = {noop, add, mul, xor};
            for (int i = 0; i < sites.length; i++) {
                if (!bound[i]) {
                    bound[i] = true;
                    sites[i].setTarget(cache(sites[i].type(), this, handles[i], i));
                }
            }
        }

        @Override
        public void noop() {
            try {
                NOOP_CS.invokeExact(this);
                UpcallFailures.check(site);
            } catch (Throwable t) {
                throw Rethrow.unchecked(t);
            }
        }

        @Override
        public int add(int a, int b) {
            try {
                int result = (int) ADD_CS.invokeExact(this, a, b);
                UpcallFailures.check(site);
                return result;
            } catch (Throwable t) {
                throw Rethrow.unchecked(t);
            }
        }

        @Override
        public double mul(double a, double b) {
            try {
                double result = (double) MUL_CS.invokeExact(this, a, b);
                UpcallFailures.check(site);
                return result;
            } catch (Throwable t) {
                throw Rethrow.unchecked(t);
            }
        }

        @Override
        public long xor(long a, long b) {
            try {
                long result = (long) XOR_CS.invokeExact(this, a, b);
                UpcallFailures.check(site);
                return result;
            } catch (Throwable t) {
                throw Rethrow.unchecked(t);
            }
        }
    }

    private static final boolean[] bound = new boolean[4];
    private static final MethodHandle SAME;
    private static final MethodHandle[] FIELD = new MethodHandle[4];

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SAME = lookup.findStatic(PrototypeCloseableShapes.class, "same",
                    MethodType.methodType(boolean.class, Object.class, Object.class));
            String[] names = {"noop", "add", "mul", "xor"};
            for (int i = 0; i < names.length; i++) {
                FIELD[i] = lookup.findGetter(CallSiteBinding.class, names[i], MethodHandle.class);
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static boolean same(Object a, Object b) {
        return a == b;
    }

    /** {@code receiver == binding ? handle(args) : receiver.field.invokeExact(args)}. */
    private static MethodHandle cache(MethodType type, CallSiteBinding binding, MethodHandle handle, int i) {
        MethodHandle test = MethodHandles.insertArguments(SAME, 1, binding)
                .asType(MethodType.methodType(boolean.class, CallSiteBinding.class));
        MethodHandle hit = MethodHandles.dropArguments(handle, 0, CallSiteBinding.class);
        MethodHandle miss = MethodHandles.filterArguments(
                MethodHandles.exactInvoker(handle.type()), 0, FIELD[i]);
        return MethodHandles.guardWithTest(test, hit, miss.asType(type));
    }
}

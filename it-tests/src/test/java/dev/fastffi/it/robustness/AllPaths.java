package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.DynamicFunction;
import dev.fastffi.Library;
import dev.fastffi.it.robustness.Robust.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open fixture library and every way to call it: the generated FAST binding, the same
 * interface generated with {@code -Afastffi.fast=false}, a COMPAT interface of boxed types, and
 * {@code DynamicFunction}s for {@code invoke} and {@code handle()}, linked once per signature.
 */
final class AllPaths implements AutoCloseable {
    final Library library;
    final ScalarEchoes fast;
    final ScalarEchoes compiledCompat;
    final BoxedEchoes boxed;
    private final Map<String, DynamicFunction> functions = new ConcurrentHashMap<>();

    AllPaths() {
        library = Robust.open();
        fast = library.bind(ScalarEchoes.class);
        compiledCompat = CompiledCompat.bind(library);
        boxed = library.bind(BoxedEchoes.class);
    }

    /** The dynamic function of {@code symbol} with {@code signature}, linked on first use. */
    DynamicFunction function(String symbol, String signature) {
        return functions.computeIfAbsent(symbol + " " + signature, key -> library.function(symbol, signature));
    }

    /** The prefix of every message about argument {@code index} of {@code symbol}. */
    String argument(String symbol, int index, String cType) {
        return "INVALID_ARGUMENT: " + library.name() + " " + symbol + ", argument " + index + " (" + cType + "): ";
    }

    /** Starts a comparison of the named calls, in the order they are added. */
    static Comparison compare() {
        return new Comparison();
    }

    @Override
    public void close() {
        library.close();
    }

    /** Named calls whose outcomes must all be equal, and equal to an expected one. */
    static final class Comparison {
        private final Map<String, Callable<?>> calls = new LinkedHashMap<>();

        Comparison path(String name, Callable<?> call) {
            calls.put(name, call);
            return this;
        }

        /** Asserts that every call returned {@code expected} (after its own normalization). */
        void allReturn(Object expected) {
            allAre(new Outcome(expected, null, null));
        }

        /** Asserts that every call had {@code expected} as its outcome, naming the first path that did not. */
        void allAre(Outcome expected) {
            for (Map.Entry<String, Callable<?>> call : calls.entrySet()) {
                assertEquals(expected, Outcome.of(call.getValue()), call.getKey());
            }
        }
    }
}

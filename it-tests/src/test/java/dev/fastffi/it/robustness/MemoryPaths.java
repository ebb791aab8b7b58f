package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.it.robustness.CompiledCopies.Kind;
import dev.fastffi.it.robustness.owned.Driver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One open fixture library and a {@link MemoryDriver} per path: the generated binding, its copy
 * compiled with {@code -Afastffi.fast=false}, its copy compiled without the processor (a proxy),
 * and {@code DynamicFunction.invoke}. Under {@code -Dfastffi.fast=false} the generated binding
 * takes the compatibility path too, so the second run compares that path as well.
 */
final class MemoryPaths implements AutoCloseable {
    final Library library;
    final Map<String, MemoryDriver> drivers = new LinkedHashMap<>();

    MemoryPaths() {
        library = Robust.open();
        drivers.put("generated", new Driver(library));
        drivers.put("compiled compat", CompiledCopies.driver(Kind.COMPILED_COMPAT, library));
        drivers.put("unprocessed proxy", CompiledCopies.driver(Kind.UNPROCESSED, library));
        drivers.put("invoke", new InvokeDriver(library));
    }

    /** The drivers that bind an interface, which invoke does not. */
    Map<String, MemoryDriver> bound() {
        Map<String, MemoryDriver> bound = new LinkedHashMap<>(drivers);
        bound.remove("invoke");
        return bound;
    }

    /** What a call did, as text: the value it returned (doubles as raw bits) or the exception it threw. */
    static String outcome(Callable<?> call) {
        try {
            Object value = call.call();
            return "returned " + (value instanceof Double d ? f64(d) : String.valueOf(value));
        } catch (FfiException e) {
            return "threw " + MemoryDriver.failure(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String f64(double value) {
        return "f64 0x" + Long.toHexString(Double.doubleToRawLongBits(value));
    }

    /** Runs {@code operation} through every driver and asserts one outcome, which it returns. */
    String same(String what, Function<MemoryDriver, Object> operation) {
        return same(what, drivers, operation);
    }

    /** As {@link #same(String, Function)}, through {@code among} only. */
    static String same(String what, Map<String, MemoryDriver> among, Function<MemoryDriver, Object> operation) {
        String first = null;
        String firstPath = null;
        for (Map.Entry<String, MemoryDriver> driver : among.entrySet()) {
            String outcome = outcome(() -> operation.apply(driver.getValue()));
            if (first == null) {
                first = outcome;
                firstPath = driver.getKey();
            } else {
                assertEquals(first, outcome, what + ": " + driver.getKey() + " differs from " + firstPath);
            }
        }
        return first;
    }

    /** Asserts that every driver has the {@code expected} outcome. */
    void assertAll(String expected, String what, Function<MemoryDriver, Object> operation) {
        assertEquals(expected, same(what, operation), what);
    }

    /** The outcome of an {@code INVALID_ARGUMENT} about argument {@code index} of {@code symbol}. */
    String invalidArgument(String symbol, int index, String cType, String detail) {
        return "threw INVALID_ARGUMENT INVALID_ARGUMENT: " + library.name() + " " + symbol + ", argument " + index
                + " (" + cType + "): " + detail;
    }

    @Override
    public void close() {
        library.close();
    }
}

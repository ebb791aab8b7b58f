package dev.fastffi.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where generated code and proxies hand over a method that returns {@code CompletableFuture}: the
 * call runs on the runtime's pool, never on the caller's thread, and every failure, from a closed
 * library to a bad argument or a failed callback, completes the future instead of being thrown.
 */
public final class Async {
    private Async() {}

    /** Runs {@code call}, the method's synchronous body, on the pool. */
    public static <T> CompletableFuture<T> call(NativeSymbol symbol, Supplier<T> call) {
        return symbol.library().asyncCalls().submit(symbol, call);
    }

    /** As {@link #call(NativeSymbol, Supplier)} for a method on the compatibility path. */
    public static <T> CompletableFuture<T> call(CompatFunction function, Supplier<T> call) {
        return call(function.symbol(), call);
    }

    /** Runs {@code call}, the body of a {@code void} function, on the pool. */
    public static CompletableFuture<Void> run(NativeSymbol symbol, Runnable call) {
        return call(symbol, () -> {
            call.run();
            return null;
        });
    }

    /** As {@link #run(NativeSymbol, Runnable)} for a method on the compatibility path. */
    public static CompletableFuture<Void> run(CompatFunction function, Runnable call) {
        return run(function.symbol(), call);
    }
}

package dev.fastffi.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One asynchronous call: queued, then either started by a pool thread or cancelled by
 * {@code Library.close()}, whichever comes first; the future completes once the call is done.
 */
final class AsyncCall<T> implements Runnable {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int CANCELLED = 2;
    /** The call a pool thread is running, so that {@code close()} from inside it does not wait for itself. */
    private static final ThreadLocal<AsyncCall<?>> CURRENT = new ThreadLocal<>();

    private final AsyncCalls owner;
    private final NativeSymbol symbol;
    private final Supplier<T> call;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    AsyncCall(AsyncCalls owner, NativeSymbol symbol, Supplier<T> call) {
        this.owner = owner;
        this.symbol = symbol;
        this.call = call;
    }

    @Override
    public void run() {
        if (!state.compareAndSet(QUEUED, RUNNING)) {
            return;
        }
        T result = null;
        Throwable failure = null;
        CURRENT.set(this);
        try {
            result = call.get();
        } catch (Throwable t) {
            failure = t;
        } finally {
            CURRENT.remove();
            owner.finished(this);
        }
        // completed after leaving the library's books: a dependent stage that closes the library must not wait for this call
        if (failure == null) {
            future.complete(result);
        } else {
            future.completeExceptionally(failure);
        }
    }

    /** Stops the call from starting; false when it already started. */
    boolean cancel() {
        return state.compareAndSet(QUEUED, CANCELLED);
    }

    NativeSymbol symbol() {
        return symbol;
    }

    CompletableFuture<T> future() {
        return future;
    }

    static AsyncCall<?> current() {
        return CURRENT.get();
    }
}

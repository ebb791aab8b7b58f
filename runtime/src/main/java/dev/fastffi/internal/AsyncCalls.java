package dev.fastffi.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The asynchronous calls of one library that were accepted and have not finished. Accepting a
 * call and closing the library take the same lock, so a call is either refused as closed or
 * known to {@link #close}, which cancels it if it has not started and waits for it if it has.
 */
final class AsyncCalls {
    private final Set<AsyncCall<?>> pending = new HashSet<>();

    /** Queues {@code call} unless the library is closed or the queue is full; never throws. */
    <T> CompletableFuture<T> submit(NativeSymbol symbol, Supplier<T> call) {
        AsyncCall<T> task = new AsyncCall<>(this, symbol, call);
        synchronized (this) {
            if (!symbol.library().isOpen()) {
                return CompletableFuture.failedFuture(symbol.library().closedError(symbol.name()));
            }
            pending.add(task);
        }
        try {
            AsyncPool.execute(task);
        } catch (RejectedExecutionException e) {
            finished(task);
            task.future().completeExceptionally(AsyncPool.full(symbol));
        }
        return task.future();
    }

    /**
     * Runs {@code markClosed} so that no call is accepted afterwards, fails every call that has not
     * started with {@code LIBRARY_CLOSED}, and returns once no started call is running.
     */
    void close(Runnable markClosed) {
        List<AsyncCall<?>> cancelled = new ArrayList<>();
        synchronized (this) {
            markClosed.run();
            for (AsyncCall<?> call : List.copyOf(pending)) {
                if (call.cancel()) {
                    pending.remove(call);
                    cancelled.add(call);
                }
            }
        }
        for (AsyncCall<?> call : cancelled) {
            AsyncPool.remove(call);
            NativeSymbol symbol = call.symbol();
            call.future().completeExceptionally(symbol.library().closedError(symbol.name()));
        }
        awaitRunning();
    }

    void finished(AsyncCall<?> call) {
        synchronized (this) {
            pending.remove(call);
            notifyAll();
        }
    }

    /** Waits for the started calls, except the one this thread runs if {@code close()} came from inside it. */
    private synchronized void awaitRunning() {
        AsyncCall<?> self = AsyncCall.current();
        boolean interrupted = false;
        while (!pending.isEmpty() && !(pending.size() == 1 && pending.contains(self))) {
            try {
                wait();
            } catch (InterruptedException e) {
                // close() must not return while native code of this library runs; keep the interrupt for the caller
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

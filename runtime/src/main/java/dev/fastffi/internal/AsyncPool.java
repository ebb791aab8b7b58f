package dev.fastffi.internal;

import dev.fastffi.FastFfi;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run asynchronous calls: a fixed number of daemon platform threads (a native
 * call pins a virtual thread's carrier anyway) and a bounded queue, both read once from system
 * properties; a full queue rejects the call rather than growing or blocking the caller.
 */
final class AsyncPool {
    /** The queue size when {@code -Dfastffi.async.queue} is not set. */
    static final int DEFAULT_QUEUE = 1024;

    private static final System.Logger LOG = System.getLogger("dev.fastffi");
    private static final int THREADS = property(FastFfi.ASYNC_THREADS_PROPERTY,
            Math.max(2, Runtime.getRuntime().availableProcessors()));
    private static final int QUEUE = property(FastFfi.ASYNC_QUEUE_PROPERTY, DEFAULT_QUEUE);
    private static final ThreadFactory THREAD = Thread.ofPlatform().name("fastffi-async-", 1).daemon(true).factory();
    private static final ThreadPoolExecutor EXECUTOR = new ThreadPoolExecutor(THREADS, THREADS, 0,
            TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
            AsyncPool::thread, new ThreadPoolExecutor.AbortPolicy());

    private AsyncPool() {}

    /**
     * A pool thread, whose context class loader is the runtime's own rather than that of whichever
     * thread's call happened to start it: that one may be a plugin's, which the thread, living as
     * long as the process, would keep from unloading.
     */
    private static Thread thread(Runnable task) {
        Thread thread = THREAD.newThread(task);
        thread.setContextClassLoader(AsyncPool.class.getClassLoader());
        return thread;
    }

    /** Queues {@code call}; throws {@code RejectedExecutionException} when the queue is full. */
    static void execute(Runnable call) {
        EXECUTOR.execute(call);
    }

    /** Takes a call that has not started out of the queue, freeing its place. */
    static void remove(Runnable call) {
        EXECUTOR.remove(call);
    }

    static RejectedExecutionException full(NativeSymbol symbol) {
        return new RejectedExecutionException(symbol + ": the fastffi async queue is full (" + QUEUE
                + " calls wait for " + THREADS + " threads; -D" + FastFfi.ASYNC_QUEUE_PROPERTY + " and -D"
                + FastFfi.ASYNC_THREADS_PROPERTY + " size them); the call was not made");
    }

    private static int property(String name, int fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, like any other unusable value
        }
        LOG.log(System.Logger.Level.WARNING, "-D" + name + "=" + value + " is not a positive integer; using " + fallback);
        return fallback;
    }
}

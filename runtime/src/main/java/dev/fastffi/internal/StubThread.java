package dev.fastffi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one thread that makes and frees the stubs of callback objects, each in a confined arena of
 * its own, so that freeing a stub is closing that arena: some 0.1 µs. Closing a shared arena
 * instead stops every platform thread of the JVM at a handshake, which costs tens of microseconds
 * on an idle machine and tens of milliseconds on one whose threads outnumber its cores, once per
 * callback object.
 *
 * <p>A caller waits for its stub: a hand-off to this thread and back, some 10 µs on a two-core
 * machine, which only a new callback object pays. Arenas of the caller's own would free nothing
 * once the caller ends, as no other thread may close them, and virtual threads end all the time.
 *
 * <p>The stub's address is handed out as a segment of the global scope: a downcall passed a
 * segment of a confined arena on another thread would throw {@code WrongThreadException}. What
 * keeps a stub alive during a call is its callback object, which the call holds until it returns.
 */
final class StubThread {
    /** A stub: its address, valid until {@code arena}, which only the stub thread may close, is closed. */
    record Stub(MemorySegment address, Arena arena) {}

    private static final BlockingQueue<Runnable> TASKS = new LinkedBlockingQueue<>();
    /** Stubs made and not yet freed. */
    private static final AtomicInteger HELD = new AtomicInteger();
    /** Stubs made so far. */
    private static final AtomicLong MADE = new AtomicLong();
    private static volatile Thread thread;

    private StubThread() {}

    /**
     * Makes on the stub thread a stub calling the object {@code target} refers to, waiting for it
     * without being interruptible: an interrupt lost here would leak the stub.
     *
     * @throws OutOfMemoryError when the JVM has no code heap left for it
     */
    static Stub make(CallbackType type, Reference<?> target) {
        start();
        CompletableFuture<Stub> made = new CompletableFuture<>();
        TASKS.add(() -> {
            Arena arena = Arena.ofConfined();
            try {
                MemorySegment stub = UpcallStubs.createWeak(type, target, arena);
                made.complete(new Stub(MemorySegment.ofAddress(stub.address()), arena));
            } catch (Throwable failed) {
                arena.close();
                made.completeExceptionally(failed);
            }
        });
        Stub stub;
        try {
            stub = made.join();
        } catch (CompletionException e) {
            // rethrown as the stub thread caught it: FfiException, OutOfMemoryError, ...
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        }
        HELD.incrementAndGet();
        MADE.incrementAndGet();
        return stub;
    }

    /** Frees {@code stub} on the stub thread; does not wait. */
    static void free(Stub stub) {
        TASKS.add(new Free(stub));
    }

    /** Returns once every stub that {@link #free} was given before is freed. */
    static void settle() {
        if (thread != null) {
            Settled settled = new Settled();
            TASKS.add(settled);
            settled.join();
        }
    }

    /** How many stubs are made and not yet freed. */
    static int held() {
        return HELD.get();
    }

    /** How many stubs were made so far. */
    static long made() {
        return MADE.get();
    }

    /**
     * Frees a stub. A class rather than a lambda, as are {@link Settled}: freeing stubs is what
     * makes room when the code heap is full, and a lambda used for the first time then would need
     * room there for the code that links it.
     */
    private record Free(Stub stub) implements Runnable {
        @Override
        public void run() {
            stub.arena().close();
            HELD.decrementAndGet();
        }
    }

    /** Completes once the stub thread reaches it. */
    private static final class Settled extends CompletableFuture<Void> implements Runnable {
        @Override
        public void run() {
            complete(null);
        }
    }

    /**
     * Starts the thread on the first stub rather than in a static initializer, which would make
     * this class unusable for good should the JVM fail to start it once.
     */
    private static void start() {
        if (thread != null) {
            return;
        }
        synchronized (TASKS) {
            if (thread == null) {
                Thread started = Thread.ofPlatform().name("fastffi-upcall-stubs").daemon(true)
                        .unstarted(StubThread::run);
                // the runtime's loader, not that of the plugin whose call happened to start the thread
                started.setContextClassLoader(StubThread.class.getClassLoader());
                started.start();
                thread = started;
            }
        }
    }

    /**
     * Runs tasks for as long as the JVM does. It never ends: no other thread may close the arenas
     * it owns, so they would never be freed.
     */
    private static void run() {
        while (true) {
            try {
                TASKS.take().run();
            } catch (Throwable ignored) {
                // a task reports its own failures; an interrupt has nothing to stop
            }
        }
    }
}

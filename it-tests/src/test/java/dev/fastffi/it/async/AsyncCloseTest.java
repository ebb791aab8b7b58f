package dev.fastffi.it.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Library.close()} racing asynchronous calls, and called from inside one. */
class AsyncCloseTest {
    /** A guard against a hanging build (a close() that waits for itself), not a timing assertion. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private Library library;
    private Library control;
    private AsyncFunctions calls;
    private Gate gate;

    @BeforeEach
    void open() {
        library = AsyncFixture.open();
        control = AsyncFixture.open();
        calls = library.bind(AsyncFunctions.class);
        gate = control.bind(Gate.class);
    }

    @AfterEach
    void close() {
        gate.open();
        library.close();
        control.close();
    }

    @Test
    void closeFromACallbackDuringAnAsynchronousCallDoesNotWaitForItself() throws Exception {
        CompletableFuture<Integer> applied = calls.apply(x -> {
            library.close();
            return x + 1;
        }, 1);
        assertEquals(2, assertTimeoutPreemptively(HANG_GUARD, () -> applied.get()));
        assertFalse(library.isOpen());
    }

    @Test
    void closeFromAStageThatDependsOnACallReturns() throws Exception {
        CompletableFuture<Void> closed = calls.sleepAdd(0, 1, 2).thenRun(library::close);
        assertTimeoutPreemptively(HANG_GUARD, () -> closed.get());
        assertFalse(library.isOpen());
    }

    @Test
    void whenCloseReturnsNoCallIsInsideNativeCodeAndEveryFutureCompletes() throws Exception {
        int submitters = 4;
        CountDownLatch started = new CountDownLatch(submitters);
        ConcurrentLinkedQueue<CompletableFuture<Integer>> futures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = IntStream.range(0, submitters).mapToObj(i -> Thread.ofPlatform()
                .start(() -> {
                    started.countDown();
                    for (int n = 0; n < 200; n++) {
                        futures.add(calls.sleepAdd(1, n, i));
                    }
                })).toList();
        started.await();
        library.close();
        assertEquals(0, gate.sleeping(), "close() returned while a call was inside native code");
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, gate.sleeping(), "a call started after close() returned");
        for (CompletableFuture<Integer> future : futures) {
            assertFinishedAsAllowed(future);
        }
    }

    /** A result, LIBRARY_CLOSED, or the full queue's rejection; nothing else, and never pending. */
    private static void assertFinishedAsAllowed(CompletableFuture<Integer> future) throws Exception {
        try {
            future.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FfiException ffi) {
                assertEquals(FfiException.Code.LIBRARY_CLOSED, ffi.code(), ffi::getMessage);
            } else {
                assertInstanceOf(RejectedExecutionException.class, cause);
            }
        }
        assertTrue(future.isDone());
    }
}

package dev.fastffi.it.async;

import static dev.fastffi.it.async.AsyncFixture.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Methods returning {@code CompletableFuture}: they run on the runtime's pool, overlap, and report
 * every failure through the future. Calls wait at the fixture's gate, so ordering is shown with
 * the gate, not with timing. The POM sizes the pool at 2 threads and 4 queued calls.
 */
class AsyncCallTest {
    /** A guard against a hanging build, not a timing assertion. */
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
    void futureCompletesWithTheResultOfTheSleepingFunction() throws Exception {
        CompletableFuture<Integer> fast = calls.sleepAdd(20, 2, 3);
        CompletableFuture<Integer> boxed = calls.sleepAddBoxed(20, 4, 5);
        assertEquals(5, result(fast));
        assertEquals(9, result(boxed));
    }

    @Test
    void callerReturnsWhileTheNativeCallWaits() throws Exception {
        gate.shut();
        CompletableFuture<Integer> waiting = assertTimeoutPreemptively(HANG_GUARD, () -> calls.passGate(7));
        gate.awaitWaiting(1);
        assertFalse(waiting.isDone(), "the call cannot finish while the gate is shut");
        gate.open();
        assertEquals(7, result(waiting));
    }

    @Test
    void twoCallsAreInsideNativeCodeAtTheSameTime() throws Exception {
        gate.shut();
        CompletableFuture<Integer> first = calls.passGate(1);
        CompletableFuture<Long> second = calls.passGateBoxed(2L);
        gate.awaitWaiting(2);
        gate.open();
        assertEquals(1, result(first));
        assertEquals(2L, result(second));
    }

    @Test
    void voidFunctionCompletesWithNullAfterItRan() throws Exception {
        gate.shut();
        CompletableFuture<Integer> waiting = calls.passGate(5);
        gate.awaitWaiting(1);
        assertNull(result(calls.openGate()));
        assertEquals(5, result(waiting));
    }

    @Test
    void nativeCallRunsOnADaemonPlatformThreadOfThePool() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CompletableFuture<Integer> applied = calls.apply(x -> {
            ranOn.set(Thread.currentThread());
            return x + 1;
        }, 41);
        assertEquals(42, result(applied));
        Thread thread = ranOn.get();
        assertNotSame(Thread.currentThread(), thread);
        assertTrue(thread.getName().startsWith("fastffi-async-"), thread::getName);
        assertTrue(thread.isDaemon());
        assertFalse(thread.isVirtual());
    }

    @Test
    void callbackFailureCompletesTheFutureWithCallbackFailed() {
        IllegalStateException boom = new IllegalStateException("boom");
        CompletableFuture<Integer> applied = calls.apply(x -> {
            throw boom;
        }, 1);
        FfiException failure = failure(applied, FfiException.Code.CALLBACK_FAILED);
        assertSame(boom, failure.getCause());
        assertMentions(failure.getMessage(), "cb_apply", "boom");
    }

    @Test
    void badArgumentCompletesTheFutureWithTheMessageOfASynchronousCall() {
        CompletableFuture<Integer> rejected = assertTimeoutPreemptively(HANG_GUARD, () -> calls.u8Twice(256));
        FfiException failure = failure(rejected, FfiException.Code.INVALID_ARGUMENT);
        FfiException synchronous = assertThrows(FfiException.class, () -> calls.u8TwiceNow(256));
        assertEquals(synchronous.getMessage(), failure.getMessage());
        assertMentions(failure.getMessage(), "async_u8_twice, argument 0 (u8): 256 is outside 0..255");
    }

    @Test
    void missingOptionalSymbolCompletesTheFutureWithSymbolNotFound() {
        FfiException failure = failure(calls.missing(1), FfiException.Code.SYMBOL_NOT_FOUND);
        assertMentions(failure.getMessage(), "'async_opt_missing'");
    }

    @Test
    void callAfterCloseCompletesTheFutureWithLibraryClosed() {
        library.close();
        CompletableFuture<Integer> late = assertTimeoutPreemptively(HANG_GUARD, () -> calls.sleepAdd(0, 1, 1));
        assertMentions(failure(late, FfiException.Code.LIBRARY_CLOSED).getMessage(), "async_sleep_add");
        assertMentions(failure(calls.sleepAddBoxed(0, 1, 1), FfiException.Code.LIBRARY_CLOSED).getMessage(),
                "async_sleep_add");
    }

    @Test
    void closeFailsQueuedCallsAndReturnsOnceRunningCallsFinished() throws Exception {
        gate.shut();
        CompletableFuture<Integer> running1 = calls.passGate(1);
        CompletableFuture<Integer> running2 = calls.passGate(2);
        gate.awaitWaiting(2);
        CompletableFuture<Integer> queued1 = calls.passGate(3);
        CompletableFuture<Long> queued2 = calls.passGateBoxed(4L);
        CompletableFuture<Void> closed = CompletableFuture.runAsync(library::close);

        assertMentions(failure(queued1, FfiException.Code.LIBRARY_CLOSED).getMessage(), "async_pass_gate");
        assertMentions(failure(queued2, FfiException.Code.LIBRARY_CLOSED).getMessage(), "async_pass_gate");
        assertFalse(library.isOpen());
        assertFalse(closed.isDone(), "close waits for the calls at the gate");
        assertFalse(running1.isDone());

        gate.open();
        result(closed);
        // the futures complete just after their calls leave the library's books, so what close
        // guarantees is that no call is still inside C when it returns
        assertEquals(0, gate.waiting(), "close returned only after the running calls left C");
        assertEquals(1, result(running1));
        assertEquals(2, result(running2));
        assertEquals(0, gate.waiting());
    }

    @Test
    void fullQueueFailsTheFutureWithRejectedExecutionAndMakesNoCall() throws Exception {
        gate.shut();
        CompletableFuture<?>[] accepted = {calls.passGate(1), calls.passGate(2), null, null, null, null};
        gate.awaitWaiting(2);
        for (int i = 2; i < accepted.length; i++) {
            accepted[i] = calls.passGate(i + 1);
        }
        CompletableFuture<Integer> rejected = assertTimeoutPreemptively(HANG_GUARD, () -> calls.passGate(99));

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> rejected.get(30, TimeUnit.SECONDS));
        assertInstanceOf(java.util.concurrent.RejectedExecutionException.class, thrown.getCause());
        assertMentions(thrown.getCause().getMessage(), "async_pass_gate", "queue is full (4 calls wait for 2 threads",
                "-Dfastffi.async.queue", "the call was not made");
        gate.open();
        for (int i = 0; i < accepted.length; i++) {
            assertEquals(i + 1, result(accepted[i]));
        }
    }

    @Test
    void dynamicFunctionInvokesAsynchronouslyWithBoxedResults() throws Exception {
        DynamicFunction passGate = library.function("async_pass_gate", "i32(i32)");
        gate.shut();
        CompletableFuture<Object> waiting = assertTimeoutPreemptively(HANG_GUARD, () -> passGate.invokeAsync(8));
        gate.awaitWaiting(1);
        assertFalse(waiting.isDone());
        gate.open();
        assertEquals(8, result(waiting));
    }

    @Test
    void dynamicFunctionFailuresCompleteTheFuture() {
        DynamicFunction twice = library.function("async_u8_twice", "i32(u8)");
        FfiException failure = failure(twice.invokeAsync(256), FfiException.Code.INVALID_ARGUMENT);
        assertMentions(failure.getMessage(), "async_u8_twice, argument 0 (u8): 256 is outside 0..255");
        failure(twice.invokeAsync(), FfiException.Code.INVALID_ARGUMENT);
        library.close();
        failure(twice.invokeAsync(1), FfiException.Code.LIBRARY_CLOSED);
    }

    @Test
    void describeSaysAsynchronousAndKeepsThePathOfTheTypes() {
        Map<String, CallPlan> plans = FastFfi.describe(AsyncFunctions.class).stream()
                .collect(Collectors.toMap(CallPlan::method, Function.identity()));
        String prefix = "asynchronous on the runtime's fastffi-async threads; ";
        CallPlan fast = plans.get("sleepAdd");
        assertEquals(AsyncFixture.fastPathEnabled() ? CallPath.FAST : CallPath.COMPAT, fast.path());
        assertTrue(fast.reason().startsWith(prefix), fast::reason);
        CallPlan boxed = plans.get("sleepAddBoxed");
        assertEquals(CallPath.COMPAT, boxed.path());
        assertTrue(boxed.reason().startsWith(prefix), boxed::reason);
        assertFalse(plans.get("u8TwiceNow").reason().startsWith(prefix));
    }

    private static Object result(CompletableFuture<?> future) throws Exception {
        return future.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
    }

    /** Asserts that {@code future} failed with an FfiException of {@code code}, and returns it. */
    private static FfiException failure(CompletableFuture<?> future, FfiException.Code code) {
        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> future.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
        FfiException failure = assertInstanceOf(FfiException.class, thrown.getCause());
        assertEquals(code, failure.code(), failure::getMessage);
        return failure;
    }
}

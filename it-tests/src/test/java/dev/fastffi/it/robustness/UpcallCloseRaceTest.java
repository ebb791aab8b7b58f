package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import dev.fastffi.it.callbacks.Callbacks;
import dev.fastffi.it.callbacks.IntOp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Upcall.close()} racing with C calling the upcall, where FFM makes that safe: the upcall is
 * passed as the {@code function} argument of each call, so FFM keeps its stub alive for the call.
 * Each call returns the callback's value or is refused with INVALID_ARGUMENT (closed upcall);
 * {@code close()} either frees the stub or, while a call holds it, throws IllegalStateException
 * saying so, as its Javadoc says, and frees it when called again after that call.
 *
 * <p>Found with this test: a call that passes the open-check of the upcall just before
 * another thread's {@code close()} frees the stub throws FFM's raw
 * {@code IllegalStateException: Already closed} from the downcall (SharedSession.acquire0),
 * on the fast path and through {@code invoke}, instead of INVALID_ARGUMENT naming the closed upcall.
 * Passing {@code upcall.address()} as a {@code MemorySegment} does the same, which is FFM's own
 * behaviour for a segment of a closed arena and therefore not asserted here.
 *
 * <p>Where FFM does not make it safe, there is no test, because the failure is a crash: when C
 * stored the address earlier ({@code cb_store}) and calls it from a later downcall that was not
 * passed the upcall ({@code cb_call_stored}), nothing holds the stub, so closing the upcall while
 * or before C calls it frees code C then jumps into. The user must stop C from calling a stored
 * pointer before closing its upcall, as with any FFI; {@code Upcall}'s Javadoc says so.
 */
class UpcallCloseRaceTest {
    private static final int ROUNDS = 300;

    private static Library library;
    private static Callbacks callbacks;
    private static DynamicFunction apply;
    private static ExecutorService pool;

    @BeforeAll
    static void open() {
        library = Robust.open();
        callbacks = library.bind(Callbacks.class);
        apply = library.function("cb_apply", "i32(function, i32)");
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void close() {
        pool.shutdownNow();
        library.close();
    }

    /** A call with the upcall; it asserts the callback's result. */
    @FunctionalInterface
    private interface Call {
        void run(Upcall<IntOp> upcall, int x) throws Throwable;
    }

    @Test
    void upcallClosedWhileCallsPassItGivesTheCallbacksValueOrAClosedUpcallError() throws Exception {
        List<Call> calls = List.of(
                (upcall, x) -> assertEquals(x + 1, callbacks.cb_apply(upcall, x)),
                (upcall, x) -> assertEquals(x + 1, apply.invoke(upcall, x)));
        // close() may be refused while a call holds the stub, any number of times; race checks each refusal
        for (int round = 0; round < ROUNDS; round++) {
            race(calls);
        }
    }

    /** One round: callers loop with a new upcall until it is refused, while this thread closes it. */
    private static void race(List<Call> calls) throws Exception {
        Upcall<IntOp> upcall = Upcall.of(IntOp.class, x -> x + 1);
        CountDownLatch started = new CountDownLatch(calls.size());
        List<Future<Integer>> callers = new ArrayList<>();
        for (Call call : calls) {
            callers.add(pool.submit(() -> callUntilRefused(call, upcall, started)));
        }
        started.await();
        closeUntilFreed(upcall);
        assertFalse(upcall.isOpen());
        for (Future<Integer> caller : callers) {
            assertTrue(caller.get() > 0, "every caller made at least one call before the close");
        }
    }

    /**
     * Closes until the stub is freed. A refusal is close()'s IllegalStateException while a running
     * call holds the stub; the callers stop starting calls once the upcall is closed, so this ends.
     */
    private static void closeUntilFreed(Upcall<IntOp> upcall) {
        while (true) {
            try {
                upcall.close();
                return;
            } catch (IllegalStateException e) {
                assertFalse(upcall.isOpen(), "a refused close still marks the upcall closed");
                assertEquals("Upcall<IntOp>[closed]: a call that was passed this upcall is still running, and FFM"
                        + " keeps its stub until that call returns; close it again after that to free it",
                        e.getMessage());
                Thread.onSpinWait();
            }
        }
    }

    private static int callUntilRefused(Call call, Upcall<IntOp> upcall, CountDownLatch started) throws Exception {
        for (int i = 0; ; i++) {
            try {
                call.run(upcall, i);
            } catch (FfiException e) {
                assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code(), e::getMessage);
                assertTrue(e.getMessage().contains("closed"), e.getMessage());
                return i;
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError(t);
            } finally {
                if (i == 0) {
                    started.countDown();
                }
            }
        }
    }
}

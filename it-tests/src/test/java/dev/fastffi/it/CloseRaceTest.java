package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Closing under contention: threads call through every path while two others close
 * the library. Each call must return the right value or throw LIBRARY_CLOSED, and the JVM must
 * survive; slow_sum keeps calls inside native code for microseconds while the close happens.
 */
class CloseRaceTest {
    private static final int ROUNDS = 30;

    /** One kind of call; it asserts its own result. */
    @FunctionalInterface
    private interface Call {
        void run(int n) throws Throwable;
    }

    @Test
    void callsRacingWithCloseReturnTheRightValueOrThrowLibraryClosed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                race(pool);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void race(ExecutorService pool) throws Exception {
        Library library = Fixture.open();
        List<Call> calls = calls(library);
        CountDownLatch started = new CountDownLatch(calls.size());
        AtomicBoolean closeReturned = new AtomicBoolean();
        List<Future<Integer>> callers = new ArrayList<>();
        for (Call call : calls) {
            callers.add(pool.submit(() -> callUntilClosed(call, started, closeReturned)));
        }
        started.await();
        Future<?> otherCloser = pool.submit(library::close);
        library.close();
        closeReturned.set(true);
        otherCloser.get();
        for (Future<Integer> caller : callers) {
            assertTrue(caller.get() > 0, "every caller made at least one call before the close");
        }
        // Lets the GC release the closed library while the next round opens it again.
        System.gc();
    }

    private static List<Call> calls(Library library) {
        Basics fast = library.bind(Basics.class);
        BoxedScalars compat = library.bind(BoxedScalars.class);
        DynamicFunction add = library.function("add_i32", "i32(i32, i32)");
        MethodHandle slowSum = library.function("slow_sum", "u64(u32)").handle();
        return List.of(
                n -> assertEquals(sumBelow(n), fast.slowSum(n)),
                n -> assertEquals(n + 1, compat.addI32(n, 1)),
                n -> assertEquals(n + 1, add.invoke(n, 1)),
                n -> assertEquals(sumBelow(n), (long) slowSum.invokeExact(n)));
    }

    /**
     * Calls until LIBRARY_CLOSED, then checks that it stays closed; returns the successful calls.
     * A call that starts after {@code close()} returned must throw, which also ends the loop when
     * a path misses the closed check, without a timeout.
     */
    private static int callUntilClosed(Call call, CountDownLatch started, AtomicBoolean closeReturned)
            throws Exception {
        for (int i = 0; ; i++) {
            boolean startedAfterClose = closeReturned.get();
            try {
                call.run(10_000 + (i & 0x3ff) * 16);
            } catch (FfiException e) {
                assertEquals(FfiException.Code.LIBRARY_CLOSED, e.code(), e::getMessage);
                Fixture.assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> call.run(1));
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
            assertFalse(startedAfterClose, "a call that started after close() returned ran native code");
        }
    }

    private static long sumBelow(int n) {
        return (long) n * (n - 1) / 2;
    }
}

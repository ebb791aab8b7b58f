package dev.fastffi.it.robustness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing under contention, beyond {@code CloseRaceTest}'s scalar calls: calls whose
 * arguments are copied into scratch memory (arrays, heap ByteBuffers, Strings), critical arrays,
 * native segments through {@code handle()}, and {@code bind} and {@code function} themselves race
 * with {@code close()}. Each call returns the right value (and writes back the right data) or
 * throws LIBRARY_CLOSED; nothing else is thrown and no call that starts after close runs native code.
 * Every caller stops at its first LIBRARY_CLOSED, so the iterations are bounded by the close.
 */
class CloseRaceWithBuffersStringsAndBindingTest {
    private static final int ROUNDS = 20;
    private static final byte[] BYTES = bytes();
    private static final long BYTES_SUM = sumUnsigned(BYTES);
    private static final String TEXT = "h\u00e9llo w\u00f6rld \u2713 ".repeat(64);
    private static final long TEXT_LENGTH = TEXT.getBytes(UTF_8).length;
    private static final String SUM = "i64(buffer, usize, u32)";

    private static ExecutorService pool;

    /** One kind of call against an open library; it asserts its own result. */
    @FunctionalInterface
    private interface Call {
        void run(int rounds) throws Throwable;
    }

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(10);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void copiedAndCriticalBufferCallsRacingWithCloseReturnTheRightSumOrThrowLibraryClosed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            race(library -> {
                SlowCalls slow = library.bind(SlowCalls.class);
                DynamicFunction sum = library.function("slow_sum_u8", SUM);
                return List.of(
                        rounds -> assertEquals(rounds * BYTES_SUM, slow.sum(BYTES, BYTES.length, rounds)),
                        rounds -> assertEquals(rounds * BYTES_SUM, slow.sumCritical(BYTES, BYTES.length, rounds)),
                        rounds -> assertEquals(rounds * BYTES_SUM,
                                slow.sumCompat(ByteBuffer.wrap(BYTES), (long) BYTES.length, rounds)),
                        rounds -> assertEquals(rounds * BYTES_SUM, sum.invoke(BYTES, (long) BYTES.length, rounds)),
                        rounds -> {
                            byte[] values = {1, 2, 3};
                            slow.increment(values, 3);
                            assertArrayEquals(new byte[] {2, 3, 4}, values, "the copy came back whole");
                        });
            });
        }
    }

    @Test
    void stringAndNativeSegmentCallsRacingWithCloseReturnTheRightValueOrThrowLibraryClosed() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment nativeBytes = arena.allocate(BYTES.length).copyFrom(MemorySegment.ofArray(BYTES));
            for (int round = 0; round < ROUNDS; round++) {
                race(library -> {
                    SlowCalls slow = library.bind(SlowCalls.class);
                    DynamicFunction strlen = library.function("slow_strlen", "usize(string, u32)");
                    MethodHandle sum = library.function("slow_sum_u8", SUM).handle();
                    return List.of(
                            rounds -> assertEquals(TEXT_LENGTH, slow.strlen(TEXT, rounds)),
                            rounds -> assertEquals(BigInteger.valueOf(TEXT_LENGTH), strlen.invoke(TEXT, rounds)),
                            rounds -> assertEquals(rounds * BYTES_SUM,
                                    (long) sum.invokeExact(nativeBytes, (long) BYTES.length, rounds)));
                });
            }
        }
    }

    /** Binding and linking race too: each either fails with LIBRARY_CLOSED or gives something that calls correctly. */
    @Test
    void bindAndFunctionRacingWithCloseSucceedOrThrowLibraryClosed() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            race(library -> List.of(
                    rounds -> assertEquals(rounds * BYTES_SUM, library.bind(SlowCalls.class).sum(BYTES, BYTES.length, rounds)),
                    rounds -> assertEquals(rounds * BYTES_SUM,
                            library.function("slow_sum_u8", SUM).invoke(BYTES, (long) BYTES.length, rounds)),
                    rounds -> {
                        MethodHandle sum = library.function("slow_sum_u8", SUM).handle();
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment copy = arena.allocate(BYTES.length).copyFrom(MemorySegment.ofArray(BYTES));
                            assertEquals(rounds * BYTES_SUM, (long) sum.invokeExact(copy, (long) BYTES.length, rounds));
                        }
                    },
                    rounds -> assertEquals(TEXT_LENGTH, library.bind(SlowCalls.class).strlen(TEXT, rounds))));
        }
    }

    /** Prepares the calls of one round against an open library. */
    @FunctionalInterface
    private interface Calls {
        List<Call> prepare(Library library);
    }

    /** Opens a library, starts every call in a loop on its own thread, closes from two threads, and checks. */
    private static void race(Calls calls) throws Exception {
        Library library = Robust.open();
        List<Call> prepared = calls.prepare(library);
        CountDownLatch started = new CountDownLatch(prepared.size());
        AtomicBoolean closeReturned = new AtomicBoolean();
        List<Future<Integer>> callers = new ArrayList<>();
        for (Call call : prepared) {
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
        System.gc();
    }

    /** Calls until LIBRARY_CLOSED and checks that it stays closed; returns the calls that succeeded. */
    private static int callUntilClosed(Call call, CountDownLatch started, AtomicBoolean closeReturned) throws Exception {
        for (int i = 0; ; i++) {
            boolean startedAfterClose = closeReturned.get();
            try {
                call.run(1 + (i & 7));
            } catch (FfiException e) {
                assertEquals(FfiException.Code.LIBRARY_CLOSED, e.code(), e::getMessage);
                Robust.assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> call.run(1));
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

    private static byte[] bytes() {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static long sumUnsigned(byte[] bytes) {
        long sum = 0;
        for (byte b : bytes) {
            sum += Byte.toUnsignedInt(b);
        }
        return sum;
    }
}

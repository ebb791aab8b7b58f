package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A callback's failure is thrown by the call it belongs to and then no longer pending anywhere. */
class UpcallFailuresTest {
    private static final IllegalStateException BOOM = new IllegalStateException("boom");

    /** qsort's comparator over ints. */
    @NativeCallback("i32(pointer, pointer)")
    public interface IntCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    /** Bound without the processor: the compatibility path. */
    public interface LibC {
        @NativeFunction("void(pointer, usize, usize, function)")
        void qsort(MemorySegment base, long count, long size, IntCompare compare);
    }

    private final LibC libc = Library.system().bind(LibC.class);

    @Test
    void proxyBindingThrowsCallbackFailedAndLeavesNothingPending() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            FfiException thrown = assertThrows(FfiException.class, () -> libc.qsort(values, 3, 4, (a, b) -> {
                throw BOOM;
            }));
            assertEquals(FfiException.Code.CALLBACK_FAILED, thrown.code());
            assertSame(BOOM, thrown.getCause());
            assertTrue(thrown.getMessage().startsWith("CALLBACK_FAILED: system qsort: a Java callback threw "
                    + BOOM), thrown.getMessage());
            assertFalse(UpcallFailures.anyPending());
            // the next call on the thread has nothing left to throw
            libc.qsort(values, 3, 4, (a, b) -> 0);
        }
    }

    /** libc's qsort linked as plain FFM links it: a downcall fastffi does not make. */
    private static MethodHandle plainQsort() {
        String signature = "void(pointer, usize, usize, function)";
        return MethodHandles.insertArguments(Downcalls.handle(signature, MethodType.methodType(void.class,
                        MemorySegment.class, long.class, long.class, MemorySegment.class), false), 0,
                NativeSymbol.resolve(SystemLibrary.state(), "qsort", Signatures.parse(signature)).address());
    }

    @Test
    void aFailureLeftByAThreadThatEndedGoesToTheHandlerAndNothingStaysPending() throws Exception {
        MethodHandle qsort = plainQsort();
        List<FfiException> delivered = new CopyOnWriteArrayList<>();
        UpcallFailures.handler(delivered::add);
        try (Arena arena = Arena.ofShared();
                Upcall<IntCompare> throwing = Upcall.of(IntCompare.class, (a, b) -> {
                    throw BOOM;
                })) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            // qsort through plain FFM, not a fastffi call: the failure waits for a fastffi call on
            // that thread, which ends first
            Thread plain = Thread.ofVirtual().unstarted(() -> {
                try {
                    qsort.invokeExact(values, 2L, 4L, throwing.address());
                } catch (Throwable t) {
                    throw new AssertionError("plain FFM threw", t);
                }
            });
            plain.start();
            plain.join();
            assertTrue(UpcallFailures.anyPending());

            // calls on this thread never throw it; one of them hands it to the handler
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (delivered.isEmpty() && System.nanoTime() < giveUp) {
                libc.qsort(values, 3, 4, (a, b) -> 0);
                Thread.sleep(5);
            }
            assertEquals(1, delivered.size(), "delivered to the handler");
            FfiException failure = delivered.get(0);
            assertEquals(FfiException.Code.CALLBACK_FAILED, failure.code());
            assertSame(BOOM, failure.getCause());
            assertEquals("CALLBACK_FAILED: a downcall fastffi did not make, on thread #" + plain.threadId()
                    + ", which ended before a fastffi call on it could throw this: a Java callback threw " + BOOM
                    + "; it returned 0 to C", failure.getMessage());
            assertFalse(UpcallFailures.anyPending());
        } finally {
            UpcallFailures.handler(null);
        }
    }

    @Test
    void aFailureOfAThreadStillRunningIsLeftForItsOwnNextCall() throws Exception {
        MethodHandle qsort = plainQsort();
        List<FfiException> delivered = new CopyOnWriteArrayList<>();
        UpcallFailures.handler(delivered::add);
        try (Arena arena = Arena.ofShared();
                Upcall<IntCompare> throwing = Upcall.of(IntCompare.class, (a, b) -> {
                    throw BOOM;
                })) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            CountDownLatch failed = new CountDownLatch(1);
            CountDownLatch swept = new CountDownLatch(1);
            FfiException[] thrown = new FfiException[1];
            Thread waiting = Thread.ofPlatform().start(() -> {
                try {
                    qsort.invokeExact(values, 2L, 4L, throwing.address());
                } catch (Throwable t) {
                    throw new AssertionError("plain FFM threw", t);
                }
                failed.countDown();
                try {
                    swept.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                thrown[0] = assertThrows(FfiException.class, () -> libc.qsort(values, 3, 4, (a, b) -> 0));
            });
            failed.await();
            UpcallFailures.sweep();
            assertTrue(UpcallFailures.anyPending(), "a running thread keeps its failure");
            swept.countDown();
            waiting.join();
            assertEquals(FfiException.Code.CALLBACK_FAILED, thrown[0].code());
            assertSame(BOOM, thrown[0].getCause());
            assertTrue(delivered.isEmpty(), "nothing went to the handler");
            assertFalse(UpcallFailures.anyPending());
        } finally {
            UpcallFailures.handler(null);
        }
    }
}

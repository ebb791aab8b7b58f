package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Callback objects C keeps ({@code cb_keep}, called later by {@code cb_call_kept}): the pointer
 * stays valid while Java keeps the object, however many other callbacks pass and collections run;
 * once the object is collected, calling it fails the call instead of the JVM.
 */
class KeptCallbackTest {
    private static final int SLOTS = 16;

    private static Library library;
    private static Callbacks callbacks;

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        callbacks = library.bind(Callbacks.class);
    }

    @AfterEach
    void forgetKeptCallbacks() {
        for (int slot = 0; slot < SLOTS; slot++) {
            callbacks.cb_keep(slot, null);
        }
    }

    @AfterAll
    static void close() {
        library.close();
    }

    /** A new callback object on every call: adds {@code k}. */
    private static IntOp plus(int k) {
        return x -> x + k;
    }

    /**
     * Collects until {@code done} holds, at most 50 times; each time waits until the reference
     * handler has enqueued what that collection cleared, so the answer does not depend on timing.
     */
    static boolean collectUntil(BooleanSupplier done) throws InterruptedException {
        for (int round = 0; round < 50; round++) {
            collect();
            if (done.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    static void collect() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        System.gc();
        queue.remove(1_000);
        Reference.reachabilityFence(sentinel);
    }

    @Test
    void aCallbackObjectWhoseMethodASuperInterfaceDeclaresGetsItsStub() {
        InheritedOp twice = x -> 2 * x;
        assertEquals(42, callbacks.applyInherited(twice, 21));
        assertEquals(8, callbacks.applyInherited(twice, 4));
    }

    @Test
    void aKeptCallbackObjectOutlivesThousandsOfOtherCallbacksAndCollections() throws InterruptedException {
        IntOp kept = plus(1_000);
        callbacks.cb_keep(0, kept);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 1_000; i++) {
                assertEquals(i + round, callbacks.applyTransient(plus(round), i));
            }
            for (int i = 0; i < 3; i++) {
                collect();
            }
            assertEquals(1_007 + round, callbacks.cb_call_kept(0, 7 + round));
        }
        Reference.reachabilityFence(kept);
    }

    @Test
    void passingTheKeptObjectAgainKeepsItsPointer() throws InterruptedException {
        IntOp kept = plus(5);
        callbacks.cb_keep(1, kept);
        for (int i = 0; i < 100; i++) {
            assertEquals(i + 5, callbacks.applyTransient(kept, i));
            assertEquals(i + 6, callbacks.applyTransient(plus(6), i));
        }
        collect();
        assertEquals(47, callbacks.cb_call_kept(1, 42));
        Reference.reachabilityFence(kept);
    }

    /** Keeps a new callback object in {@code slot} and lets Java forget it; returns a watch on it. */
    private static WeakReference<IntOp> keepAndForget(int slot) {
        IntOp forgotten = plus(9);
        callbacks.cb_keep(slot, forgotten);
        assertEquals(10, callbacks.cb_call_kept(slot, 1));
        return new WeakReference<>(forgotten);
    }

    @Test
    void callingAKeptCallbackWhoseObjectWasCollectedFailsTheCallNotTheJvm() throws InterruptedException {
        WeakReference<IntOp> watched = keepAndForget(2);
        assertTrue(collectUntil(() -> watched.get() == null));
        FfiException thrown = assertFfiException(FfiException.Code.CALLBACK_FAILED,
                () -> callbacks.cb_call_kept(2, 1));
        assertInstanceOf(IllegalStateException.class, thrown.getCause());
        String message = thrown.getMessage();
        assertTrue(message.startsWith("CALLBACK_FAILED: "), message);
        assertTrue(message.endsWith(" cb_call_kept: C called the function pointer of a callback object (IntOp)"
                + " that was garbage-collected; Java must keep a reference to a callback object for as long as C"
                + " keeps its pointer, or pass an Upcall and close it once C is done with it; it returned 0 to C"),
                message);
        callbacks.cb_keep(2, null);
        assertEquals(-1, callbacks.cb_call_kept(2, 1), "the JVM is still there to make the next call");
    }

    @Test
    void threadsKeepingAndPassingCallbacksWhileCollectionsRunGetTheirOwnResults() throws Exception {
        int threads = 4;
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> collector = pool.submit(() -> {
                while (!done.get()) {
                    System.gc();
                }
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int slot = 3 + t;
                workers.add(pool.submit(() -> {
                    IntOp kept = plus(100 * slot);
                    callbacks.cb_keep(slot, kept);
                    for (int i = 0; i < 2_000; i++) {
                        assertEquals(i + slot, callbacks.applyTransient(plus(slot), i));
                        assertEquals(i + 100 * slot, callbacks.cb_call_kept(slot, i));
                    }
                    Reference.reachabilityFence(kept);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            done.set(true);
            collector.get();
        } finally {
            done.set(true);
            pool.shutdown();
        }
    }
}

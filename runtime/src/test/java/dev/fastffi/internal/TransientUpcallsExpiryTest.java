package dev.fastffi.internal;

import static dev.fastffi.internal.TransientUpcallsTest.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.Library;
import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stubs of callback objects a program no longer passes go by time, not only when other
 * objects follow them: a stub in grace is spare after the grace time, and the spares of an
 * interface no new object is passed of are dropped after the idle time, so that nothing keeps
 * the interface's class loader (which {@code ClassLoaderUnloadTest} sees unloaded, at the default
 * times). The times are shortened here; their defaults are a few seconds.
 */
class TransientUpcallsExpiryTest {
    /**
     * Interfaces each of which one test alone passes, so that the spares of each are that test's
     * own: a new object takes a spare of its interface when there is one.
     */
    @NativeCallback("i32(pointer, pointer)")
    public interface LonelyCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface IdleCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    private final TransientUpcallsTest.LibC libc = Library.system().bind(TransientUpcallsTest.LibC.class);

    @BeforeEach
    void shortTimes() {
        TransientUpcalls.graceNanos = TimeUnit.MILLISECONDS.toNanos(100);
        TransientUpcalls.spareIdleNanos = TimeUnit.MILLISECONDS.toNanos(100);
        TransientUpcalls.reapMillis = 20;
    }

    @AfterEach
    void defaultTimes() {
        TransientUpcalls.graceNanos = TransientUpcalls.GRACE_NANOS;
        TransientUpcalls.spareIdleNanos = TransientUpcalls.SPARE_IDLE_NANOS;
        TransientUpcalls.reapMillis = TransientUpcalls.REAP_MILLIS;
    }

    /** Sorts 3, 1, 2 through the function pointer {@code stub}. */
    private int[] sortThrough(MemorySegment stub) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            libc.qsortAddress(values, 3, 4, stub);
            return values.toArray(ValueLayout.JAVA_INT);
        }
    }

    /** Collects, then waits a little, until {@code done} holds; at most ten seconds. */
    private static boolean collectUntil(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - end < 0) {
            System.gc();
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    @Test
    void aStubInGraceIsSpareOnceTheGraceTimeIsUpThoughNoOtherStubFollowedIt() throws Exception {
        // the spares must outlast the test's collections: only the grace is short here
        TransientUpcalls.spareIdleNanos = TimeUnit.MINUTES.toNanos(1);
        int sign = 1;
        LonelyCompare first = (a, b) -> sign * Integer.compare(read(a), read(b));
        long address = TransientUpcalls.stub(first, null, 3).address();
        WeakReference<LonelyCompare> watched = new WeakReference<>(first);
        first = null;
        assertTrue(collectUntil(() -> watched.refersTo(null) && TransientUpcalls.spareStubs(LonelyCompare.class) == 1),
                () -> "spares of the interface: " + TransientUpcalls.spareStubs(LonelyCompare.class));
        LonelyCompare descending = (a, b) -> -sign * Integer.compare(read(a), read(b));
        MemorySegment next = TransientUpcalls.stub(descending, null, 3);
        assertEquals(address, next.address(), "the spare of its interface");
        assertArrayEquals(new int[] {3, 2, 1}, sortThrough(next));
        Reference.reachabilityFence(descending);
    }

    @Test
    void theSparesOfAnInterfaceNoNewObjectIsPassedOfAreDroppedOnceTheIdleTimeIsUp() throws Exception {
        WeakReference<Arena> arena = stubOfAnObjectThatGoes();
        assertTrue(collectUntil(() -> arena.refersTo(null)), "dropped, so a collection frees it");
    }

    private static WeakReference<Arena> stubOfAnObjectThatGoes() {
        int sign = 1;
        // a lambda that captures is a new object each time it is evaluated
        IdleCompare compare = (a, b) -> sign * Integer.compare(read(a), read(b));
        TransientUpcalls.stub(compare, null, 3);
        Arena arena = TransientUpcalls.arena(compare);
        assertNotNull(arena);
        Reference.reachabilityFence(compare);
        return new WeakReference<>(arena);
    }
}

package dev.fastffi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where {@code errno = true} calls capture errno: on a platform thread, one segment per thread,
 * allocated once, passed to every capturing downcall, so capturing allocates nothing per call.
 *
 * <p>A virtual thread keeps no native memory: capturing handles ({@link #capturing}) lend the call
 * a capture segment from a small shared set for the downcall alone, then keep errno in the
 * thread's Java memory for {@link #last()}. The segment a virtual thread's caller passes, from
 * {@link #current()}, is a placeholder those handles ignore. A downcall pins its virtual thread,
 * so a segment is lent only while a call is in C, with one more per call a callback makes.
 */
public final class ErrnoState {
    private static final StructLayout LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(LAYOUT));
    /** What a virtual thread's caller passes; never written, since the capturing handle lends its own. */
    private static final MemorySegment PLACEHOLDER = Arena.global().allocate(LAYOUT);
    /** errno as a virtual thread's last capturing call left it: Java memory only. */
    private static final ThreadLocal<int[]> VIRTUAL_LAST = ThreadLocal.withInitial(() -> new int[1]);
    /** Capture segments not lent now; a slot's content is the ownership of its segment. */
    private static final AtomicReferenceArray<MemorySegment> IDLE =
            new AtomicReferenceArray<>(4 * Runtime.getRuntime().availableProcessors());
    /** Capture segments ever made for virtual threads, for tests of the bound. */
    private static final AtomicInteger MADE = new AtomicInteger();
    private static final MethodHandle IS_VIRTUAL;
    private static final MethodHandle LEND;
    private static final MethodHandle GIVE_BACK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            IS_VIRTUAL = lookup.findStatic(ErrnoState.class, "onVirtualThread", MethodType.methodType(boolean.class));
            LEND = lookup.findStatic(ErrnoState.class, "lend", MethodType.methodType(MemorySegment.class));
            GIVE_BACK = lookup.findStatic(ErrnoState.class, "giveBack",
                    MethodType.methodType(void.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ErrnoState() {}

    /** The calling thread's capture segment, the capture argument of a capturing handle. */
    public static MemorySegment current() {
        return Thread.currentThread().isVirtual() ? PLACEHOLDER : STATE.get();
    }

    /** errno as the calling thread's last capturing call left it. */
    public static int last() {
        return Thread.currentThread().isVirtual() ? VIRTUAL_LAST.get()[0] : (int) ERRNO.get(STATE.get(), 0L);
    }

    static Linker.Option option() {
        return Linker.Option.captureCallState("errno");
    }

    /**
     * {@code handle}, a downcall linked with {@link #option()} whose capture segment is parameter
     * {@code capture}, as a handle of the same type that, on a virtual thread, captures into a lent
     * segment instead of the one passed; on a platform thread it is {@code handle} behind one test.
     */
    static MethodHandle capturing(MethodHandle handle, int capture) {
        MethodType type = handle.type();
        List<Class<?>> leading = type.parameterList().subList(0, capture + 1);
        Class<?> result = type.returnType();
        // after the call, whether it returned or threw: errno into Java memory, the segment back
        MethodHandle cleanup = MethodHandles.dropArguments(GIVE_BACK, 0, leading.subList(0, capture));
        if (result != void.class) {
            cleanup = MethodHandles.foldArguments(
                    MethodHandles.dropArguments(MethodHandles.identity(result), 1, leading), 1, cleanup);
        }
        cleanup = MethodHandles.dropArguments(cleanup, 0, Throwable.class);
        MethodHandle lent = MethodHandles.foldArguments(MethodHandles.tryFinally(handle, cleanup), capture, LEND);
        lent = MethodHandles.dropArguments(lent, capture, MemorySegment.class);
        return MethodHandles.guardWithTest(IS_VIRTUAL, lent, handle);
    }

    private static boolean onVirtualThread() {
        return Thread.currentThread().isVirtual();
    }

    private static MemorySegment lend() {
        for (int i = 0; i < IDLE.length(); i++) {
            MemorySegment segment = IDLE.get(i);
            if (segment != null && IDLE.compareAndSet(i, segment, null)) {
                return segment;
            }
        }
        MADE.incrementAndGet();
        return Arena.ofAuto().allocate(LAYOUT);
    }

    private static void giveBack(MemorySegment segment) {
        VIRTUAL_LAST.get()[0] = (int) ERRNO.get(segment, 0L);
        for (int i = 0; i < IDLE.length(); i++) {
            if (IDLE.get(i) == null && IDLE.compareAndSet(i, null, segment)) {
                return;
            }
        }
        // more calls in C at once than slots (callbacks calling again): the GC frees the extra one
    }

    /** Capture segments made for virtual threads so far; for tests. */
    static int madeForVirtualThreads() {
        return MADE.get();
    }

    /** Capture segments not lent now; for tests. */
    static int idleForVirtualThreads() {
        int count = 0;
        for (int i = 0; i < IDLE.length(); i++) {
            if (IDLE.get(i) != null) {
                count++;
            }
        }
        return count;
    }
}

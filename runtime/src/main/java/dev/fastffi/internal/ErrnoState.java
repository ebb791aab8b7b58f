package dev.fastffi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * Where {@code errno = true} calls capture errno: one segment per thread, allocated once, passed
 * to every capturing downcall, so capturing allocates nothing per call.
 */
public final class ErrnoState {
    private static final StructLayout LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(LAYOUT));

    private ErrnoState() {}

    /** The calling thread's capture segment, the second argument of a capturing handle. */
    public static MemorySegment current() {
        return STATE.get();
    }

    /** errno as the calling thread's last capturing call left it. */
    public static int last() {
        return (int) ERRNO.get(current(), 0L);
    }

    static Linker.Option option() {
        return Linker.Option.captureCallState("errno");
    }
}

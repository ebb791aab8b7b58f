package dev.fastffi.internal;

import dev.fastffi.FfiException;

/** Lets generated code call {@code invokeExact}, which declares {@code Throwable}. */
public final class Rethrow {
    private Rethrow() {}

    /**
     * Whether FFM refused the call because an argument's arena was closed after fastffi checked
     * it (an {@code Upcall} closed by another thread, a segment whose arena was closed): the
     * downcall acquires every argument's scope before it runs any native code.
     */
    private static boolean closedScope(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        return t.getClass() == IllegalStateException.class && stack.length > 0
                && stack[0].getClassName().startsWith("jdk.internal.foreign.");
    }

    /**
     * Rethrows unchecked throwables as they are; wraps a checked one, which a downcall handle never
     * throws, so that nothing is swallowed.
     */
    public static RuntimeException unchecked(Throwable t) {
        if (closedScope(t)) {
            return new FfiException(FfiException.Code.INVALID_ARGUMENT, "a MemorySegment or Upcall argument was"
                    + " closed before the call could start; no native code ran", t);
        }
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("unexpected checked exception from a native call", t);
    }
}

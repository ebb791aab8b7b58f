package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/** Lets generated code call {@code invokeExact}, which declares {@code Throwable}. */
public final class Rethrow {
    private Rethrow() {}

    /**
     * Whether FFM refused the call because an argument's arena was closed after fastffi checked
     * it (an {@code Upcall} closed by another thread, a segment whose arena was closed): the
     * downcall acquires every argument's scope before it runs any native code, and throws an
     * {@code IllegalStateException} created where {@link ClosedArena#SITE} says.
     */
    private static boolean closedScope(Throwable t) {
        if (t.getClass() != IllegalStateException.class) {
            return false;
        }
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].equals(ClosedArena.SITE);
    }

    /**
     * Where FFM creates the exception for an argument whose arena is closed, learnt by making it
     * refuse such a call once, when the first {@code IllegalStateException} reaches {@link #unchecked}:
     * so the exception is recognised by where it comes from, not by the names of JDK internals.
     */
    private static final class ClosedArena {
        /** Null only where the probe cannot run; nothing is recognised then. */
        static final StackTraceElement SITE = probe();

        /**
         * Passes {@code strlen} a segment whose arena is closed, which FFM refuses before calling
         * it, and returns where the exception it threw was created.
         */
        private static StackTraceElement probe() {
            try {
                Linker linker = Linker.nativeLinker();
                Optional<MemorySegment> strlen = linker.defaultLookup().find("strlen");
                if (strlen.isEmpty()) {
                    return null;
                }
                MethodHandle handle = linker.downcallHandle(strlen.get(),
                        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
                Arena arena = Arena.ofConfined();
                MemorySegment closed = arena.allocate(1);
                arena.close();
                long unreached = (long) handle.invokeExact(closed);
                return null;
            } catch (IllegalStateException refused) {
                StackTraceElement[] stack = refused.getStackTrace();
                return stack.length > 0 ? stack[0] : null;
            } catch (Throwable t) {
                return null;
            }
        }
    }

    /**
     * Rethrows unchecked throwables as they are; wraps a checked one, which a downcall handle never
     * throws, so that nothing is swallowed. FFM's refusals of an argument become
     * {@code INVALID_ARGUMENT}: one whose arena was closed, and one from a confined arena of another
     * thread, which FFM refuses with a {@link WrongThreadException} before any native code runs (a
     * call's own scratch memory belongs to the calling thread, and what a callback throws never
     * gets here).
     */
    public static RuntimeException unchecked(Throwable t) {
        if (closedScope(t)) {
            return new FfiException(FfiException.Code.INVALID_ARGUMENT, "a MemorySegment or Upcall argument was"
                    + " closed before the call could start; no native code ran", t);
        }
        if (t instanceof WrongThreadException) {
            return new FfiException(FfiException.Code.INVALID_ARGUMENT, "a MemorySegment argument belongs to a"
                    + " confined Arena of another thread, which alone may pass it; no native code ran", t);
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

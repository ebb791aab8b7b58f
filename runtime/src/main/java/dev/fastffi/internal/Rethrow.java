package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.Upcall;
import dev.fastffi.model.NativeType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.Optional;

/** Lets generated code call {@code invokeExact}, which declares {@code Throwable}. */
public final class Rethrow {
    private static final Object[] NO_ARGUMENTS = {};

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
     * gets here). Without the arguments the message cannot say which one it was: calls that pass
     * a {@code MemorySegment} or an {@code Upcall} use the overloads that take them.
     */
    public static RuntimeException unchecked(Throwable t) {
        return rethrow(t, null, NO_ARGUMENTS);
    }

    /**
     * As {@link #unchecked(Throwable)} for a call of {@code site} that passes nothing FFM may refuse:
     * a function pointer's own memory may still be freed (a closed {@code Upcall}'s stub).
     */
    public static RuntimeException unchecked(Throwable t, NativeSymbol site) {
        return rethrow(t, site, NO_ARGUMENTS);
    }

    /**
     * As {@link #unchecked(Throwable)} for a call of {@code site} whose argument {@code i0} is
     * {@code a0}: a refusal of it names it, as {@link Args#invalid} words it. Generated code passes
     * only the arguments FFM may refuse (segments, {@code Upcall}s, buffers), each after its index,
     * so that the catch block stays a few bytes and its method small enough to inline.
     */
    public static RuntimeException unchecked(Throwable t, NativeSymbol site, int i0, Object a0) {
        Object[] arguments = new Object[i0 + 1];
        arguments[i0] = a0;
        return rethrow(t, site, arguments);
    }

    /** As {@link #unchecked(Throwable, NativeSymbol, int, Object)} for two arguments, by ascending index. */
    public static RuntimeException unchecked(Throwable t, NativeSymbol site, int i0, Object a0, int i1, Object a1) {
        Object[] arguments = new Object[i1 + 1];
        arguments[i0] = a0;
        arguments[i1] = a1;
        return rethrow(t, site, arguments);
    }

    /** As {@link #unchecked(Throwable, NativeSymbol, int, Object)} for three arguments, by ascending index. */
    public static RuntimeException unchecked(Throwable t, NativeSymbol site, int i0, Object a0, int i1, Object a1,
            int i2, Object a2) {
        Object[] arguments = new Object[i2 + 1];
        arguments[i0] = a0;
        arguments[i1] = a1;
        arguments[i2] = a2;
        return rethrow(t, site, arguments);
    }

    /**
     * As {@link #unchecked(Throwable, NativeSymbol, int, Object)} for the arguments in order (null
     * where one cannot be refused), the variadic ones of a variadic function included.
     */
    public static RuntimeException unchecked(Throwable t, NativeSymbol site, Object... arguments) {
        return rethrow(t, site, arguments == null ? NO_ARGUMENTS : arguments);
    }

    private static RuntimeException rethrow(Throwable t, NativeSymbol site, Object[] arguments) {
        if (t instanceof WrongThreadException || closedScope(t)) {
            return refusal(t, site, arguments);
        }
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("unexpected checked exception from a native call", t);
    }

    /**
     * {@code INVALID_ARGUMENT} for FFM's refusal {@code t}, naming the first of {@code arguments}
     * FFM refuses that way; without a site, or when none of them is (memory of a struct field, or
     * an argument the caller did not pass here), the message says what FFM refused.
     */
    private static FfiException refusal(Throwable t, NativeSymbol site, Object[] arguments) {
        boolean closed = !(t instanceof WrongThreadException);
        if (closed && site != null && freed(site)) {
            return new FfiException(FfiException.Code.INVALID_ARGUMENT, site + ": the function's address belongs to"
                    + " an Arena that is closed, as a closed Upcall's does; no native code ran", t);
        }
        for (int i = 0; site != null && i < arguments.length; i++) {
            String problem = closed ? closedProblem(arguments[i]) : elsewhereProblem(arguments[i]);
            if (problem != null) {
                NativeType type = i < site.signature().arity() ? site.signature().parameter(i) : NativeType.POINTER;
                return Args.invalid(site, i, type, problem, t);
            }
        }
        String prefix = site == null ? "" : site + ": ";
        return new FfiException(FfiException.Code.INVALID_ARGUMENT, prefix + (closed
                ? "a MemorySegment or Upcall argument was closed before the call could start; no native code ran"
                : "a MemorySegment argument belongs to a confined Arena of another thread, which alone may pass"
                        + " it; no native code ran"), t);
    }

    /**
     * Whether the address {@code site} calls is memory that was freed: a function pointer of an
     * {@code Upcall} or of a segment whose arena is closed, which FFM refuses before calling it.
     */
    private static boolean freed(NativeSymbol site) {
        try {
            MemorySegment address = site.address();
            return address != null && !address.scope().isAlive();
        } catch (FfiException libraryClosed) {
            return false;
        }
    }

    /** What is wrong with {@code argument} if FFM refuses it as closed, else null. */
    private static String closedProblem(Object argument) {
        if (argument instanceof Upcall<?> upcall && !upcall.isOpen()) {
            // closed by another thread after it was checked: the message of that check
            return Args.closedUpcall(upcall);
        }
        MemorySegment segment = segment(argument);
        if (segment != null && !segment.scope().isAlive()) {
            return Conversions.describe(segment) + " belongs to an Arena that is closed; no native code ran";
        }
        return null;
    }

    /** What is wrong with {@code argument} if FFM refuses it as another thread's, else null. */
    private static String elsewhereProblem(Object argument) {
        MemorySegment segment = segment(argument);
        if (segment != null && segment.scope().isAlive() && !segment.isAccessibleBy(Thread.currentThread())) {
            return Conversions.describe(segment) + " belongs to a confined Arena of another thread, which alone"
                    + " may pass it; no native code ran";
        }
        return null;
    }

    /** The memory {@code argument} passes to C, if it is a segment or a direct buffer. */
    private static MemorySegment segment(Object argument) {
        return switch (argument) {
            case MemorySegment segment -> segment;
            case ByteBuffer buffer when buffer.isDirect() -> MemorySegment.ofBuffer(buffer);
            case null, default -> null;
        };
    }
}

package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.FfiException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * What generated code throws when {@code invokeExact} fails: FFM's refusal of an argument whose
 * arena was closed becomes {@code INVALID_ARGUMENT}, recognised by where FFM created it, and so does
 * its refusal of an argument confined to another thread; any other unchecked throwable goes out as
 * it is.
 */
class RethrowTest {
    /** {@code strlen} as a generated binding links it, without fastffi's own check of the argument. */
    private static final MethodHandle STRLEN = MethodHandles.insertArguments(
            Downcalls.handle("usize(pointer)", MethodType.methodType(long.class, MemorySegment.class), false), 0,
            NativeSymbol.resolve(SystemLibrary.state(), "strlen", Signatures.parse("usize(pointer)")).address());

    private static Throwable strlenOfClosedSegment() {
        Arena arena = Arena.ofConfined();
        MemorySegment text = arena.allocateFrom("closed");
        arena.close();
        try {
            long length = (long) STRLEN.invokeExact(text);
            throw new AssertionError("FFM called strlen with a segment of a closed arena: " + length);
        } catch (Throwable t) {
            return t;
        }
    }

    @Test
    void aClosedArgumentBecomesInvalidArgument() {
        Throwable refused = strlenOfClosedSegment();
        assertEquals(IllegalStateException.class, refused.getClass());
        FfiException failure = assertInstanceOf(FfiException.class, Rethrow.unchecked(refused));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, failure.code());
        assertEquals("INVALID_ARGUMENT: a MemorySegment or Upcall argument was closed before the call could start;"
                + " no native code ran", failure.getMessage());
        assertSame(refused, failure.getCause());
    }

    @Test
    void anArgumentConfinedToAnotherThreadBecomesInvalidArgument() throws InterruptedException {
        MemorySegment[] text = new MemorySegment[1];
        Thread owner = Thread.ofPlatform().start(() -> text[0] = Arena.ofConfined().allocateFrom("elsewhere"));
        owner.join();
        Throwable refused;
        try {
            long length = (long) STRLEN.invokeExact(text[0]);
            throw new AssertionError("FFM called strlen with a segment confined to another thread: " + length);
        } catch (Throwable t) {
            refused = t;
        }
        assertEquals(WrongThreadException.class, refused.getClass());
        FfiException failure = assertInstanceOf(FfiException.class, Rethrow.unchecked(refused));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, failure.code());
        assertEquals("INVALID_ARGUMENT: a MemorySegment argument belongs to a confined Arena of another thread,"
                + " which alone may pass it; no native code ran", failure.getMessage());
        assertSame(refused, failure.getCause());
    }

    @Test
    void anIllegalStateExceptionFromElsewhereInTheJdkGoesOutAsItIs() {
        IllegalStateException fromJdk = assertThrows(IllegalStateException.class,
                () -> new ArrayList<>().iterator().remove());
        assertSame(fromJdk, Rethrow.unchecked(fromJdk));
    }

    @Test
    void anIllegalStateExceptionWithFfmsMessageButAnotherOriginGoesOutAsItIs() {
        IllegalStateException lookalike = new IllegalStateException(strlenOfClosedSegment().getMessage());
        assertSame(lookalike, Rethrow.unchecked(lookalike));
    }

    @Test
    void anErrorIsThrownAndACheckedExceptionWrapped() {
        StackOverflowError error = new StackOverflowError();
        assertSame(error, assertThrows(StackOverflowError.class, () -> Rethrow.unchecked(error)));
        IOException checked = new IOException("checked");
        RuntimeException wrapped = Rethrow.unchecked(checked);
        assertEquals(IllegalStateException.class, wrapped.getClass());
        assertEquals("unexpected checked exception from a native call", wrapped.getMessage());
        assertSame(checked, wrapped.getCause());
    }
}

package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeCallback;
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
 * its refusal of an argument confined to another thread, naming the argument when the caller passes
 * the arguments; any other unchecked throwable goes out as it is.
 */
class RethrowTest {
    private static final NativeSymbol STRLEN_SYMBOL =
            NativeSymbol.resolve(SystemLibrary.state(), "strlen", Signatures.parse("usize(pointer)"));
    /** {@code strlen} as a generated binding links it, without fastffi's own check of the argument. */
    private static final MethodHandle STRLEN = MethodHandles.insertArguments(
            Downcalls.handle("usize(pointer)", MethodType.methodType(long.class, MemorySegment.class), false), 0,
            STRLEN_SYMBOL.address());

    @NativeCallback("i32(i32)")
    public interface IntOp {
        int apply(int x);
    }

    private static Throwable strlenOfClosedSegment() {
        Arena arena = Arena.ofConfined();
        MemorySegment text = arena.allocateFrom("closed");
        arena.close();
        return strlenRefusing(text);
    }

    /** What {@code strlen} throws for {@code text}, which FFM refuses before calling it. */
    private static Throwable strlenRefusing(MemorySegment text) {
        try {
            long length = (long) STRLEN.invokeExact(text);
            throw new AssertionError("FFM called strlen with a segment it should refuse: " + length);
        } catch (Throwable t) {
            return t;
        }
    }

    /** A segment of a confined arena of a thread that has ended. */
    private static MemorySegment confinedToAnotherThread(String text) throws InterruptedException {
        MemorySegment[] segment = new MemorySegment[1];
        Thread owner = Thread.ofPlatform().start(() -> segment[0] = Arena.ofConfined().allocateFrom(text));
        owner.join();
        return segment[0];
    }

    private static String shown(MemorySegment segment) {
        return "MemorySegment 0x" + Long.toHexString(segment.address()) + " of " + segment.byteSize() + " bytes";
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
    void aClosedSegmentIsNamedByItsIndexTypeAndAddressWhenTheArgumentsArePassed() {
        Arena arena = Arena.ofConfined();
        MemorySegment text = arena.allocateFrom("closed");
        arena.close();
        Throwable refused = strlenRefusing(text);
        FfiException failure = assertInstanceOf(FfiException.class,
                Rethrow.unchecked(refused, STRLEN_SYMBOL, 0, text));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, failure.code());
        assertEquals("INVALID_ARGUMENT: system strlen, argument 0 (pointer): " + shown(text) + " belongs to an Arena"
                + " that is closed; no native code ran", failure.getMessage());
        assertSame(refused, failure.getCause());
    }

    @Test
    void aSegmentConfinedToAnotherThreadIsNamedByItsIndexTypeAndAddress() throws InterruptedException {
        MemorySegment elsewhere = confinedToAnotherThread("elsewhere");
        Throwable refused = strlenRefusing(elsewhere);
        FfiException failure = assertInstanceOf(FfiException.class,
                Rethrow.unchecked(refused, STRLEN_SYMBOL, 0, elsewhere));
        assertEquals("INVALID_ARGUMENT: system strlen, argument 0 (pointer): " + shown(elsewhere) + " belongs to a"
                + " confined Arena of another thread, which alone may pass it; no native code ran",
                failure.getMessage());
        assertSame(refused, failure.getCause());
    }

    @Test
    void theRefusedArgumentIsFoundAmongOthersByItsPosition() throws InterruptedException {
        NativeSymbol memcpy = NativeSymbol.resolve(SystemLibrary.state(), "memcpy",
                Signatures.parse("pointer(pointer, pointer, usize)"));
        MemorySegment elsewhere = confinedToAnotherThread("elsewhere");
        Arena arena = Arena.ofConfined();
        MemorySegment closed = arena.allocate(8);
        arena.close();
        try (Arena open = Arena.ofConfined()) {
            MemorySegment alive = open.allocate(8);
            String closedAt1 = Rethrow.unchecked(strlenOfClosedSegment(), memcpy, 0, alive, 1, closed).getMessage();
            assertEquals("INVALID_ARGUMENT: system memcpy, argument 1 (pointer): " + shown(closed) + " belongs to an"
                    + " Arena that is closed; no native code ran", closedAt1);
            // a segment of another thread is not what a closed-arena refusal is about, and the reverse
            String closedAt1AfterElsewhere = Rethrow.unchecked(strlenOfClosedSegment(), memcpy, 0, elsewhere, 1, closed)
                    .getMessage();
            assertTrue(closedAt1AfterElsewhere.startsWith("INVALID_ARGUMENT: system memcpy, argument 1 (pointer): "),
                    closedAt1AfterElsewhere);
            String elsewhereAt0 = Rethrow.unchecked(strlenRefusing(elsewhere), memcpy, 0, elsewhere, 1, closed)
                    .getMessage();
            assertTrue(elsewhereAt0.startsWith("INVALID_ARGUMENT: system memcpy, argument 0 (pointer): "
                    + shown(elsewhere) + " belongs to a confined Arena of another thread"), elsewhereAt0);
            String third = Rethrow.unchecked(strlenOfClosedSegment(), memcpy, 0, alive, 1, alive, 2,
                    closed).getMessage();
            assertTrue(third.startsWith("INVALID_ARGUMENT: system memcpy, argument 2 (usize): "), third);
            String fifth = Rethrow.unchecked(strlenOfClosedSegment(), memcpy, null, null, null, null, closed)
                    .getMessage();
            assertTrue(fifth.startsWith("INVALID_ARGUMENT: system memcpy, argument 4 (pointer): "), fifth);
        }
    }

    @Test
    void aClosedUpcallIsNamedAsTheCheckBeforeTheCallNamesIt() {
        Upcall<IntOp> upcall = Upcall.of(IntOp.class, x -> x);
        MemorySegment stub = upcall.address();
        upcall.close();
        Throwable refused = strlenRefusing(stub);
        NativeSymbol apply = NativeSymbol.resolve(SystemLibrary.state(), "strlen",
                Signatures.parse("i32(i32, function)"));
        FfiException failure = assertInstanceOf(FfiException.class, Rethrow.unchecked(refused, apply, 1, upcall));
        assertEquals("INVALID_ARGUMENT: system strlen, argument 1 (function): Upcall<IntOp>[closed] was closed; its"
                + " stub is freed", failure.getMessage());
        assertSame(refused, failure.getCause());
    }

    @Test
    void aRefusalOfNoArgumentPassedNamesTheFunctionAndWhatFfmRefused() throws InterruptedException {
        MemorySegment elsewhere = confinedToAnotherThread("elsewhere");
        assertEquals("INVALID_ARGUMENT: system strlen: a MemorySegment or Upcall argument was closed before the call"
                + " could start; no native code ran",
                Rethrow.unchecked(strlenOfClosedSegment(), STRLEN_SYMBOL, 0, null).getMessage());
        assertEquals("INVALID_ARGUMENT: system strlen: a MemorySegment argument belongs to a confined Arena of"
                + " another thread, which alone may pass it; no native code ran",
                Rethrow.unchecked(strlenRefusing(elsewhere), STRLEN_SYMBOL, 0, MemorySegment.NULL).getMessage());
    }

    @Test
    void anythingElseGoesOutAsItIsAlsoWithTheArguments() {
        IllegalStateException fromJdk = assertThrows(IllegalStateException.class,
                () -> new ArrayList<>().iterator().remove());
        assertSame(fromJdk, Rethrow.unchecked(fromJdk, STRLEN_SYMBOL, 0, MemorySegment.NULL));
        FfiException failed = new FfiException(FfiException.Code.CALLBACK_FAILED, "boom");
        assertSame(failed, Rethrow.unchecked(failed, STRLEN_SYMBOL, null, null, null, null, null));
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

package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upcall.of: one stub until close, passed as Upcall or as its address; a closed one is refused;
 * a callback may make calls of its own while C holds the outer call's memory.
 */
class RegisteredCallbackTest {
    private static Library library;
    private static Callbacks callbacks;

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        callbacks = library.bind(Callbacks.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void registeredCallbackIsCalledByC() {
        try (Upcall<IntOp> plusOne = Upcall.of(IntOp.class, x -> x + 1)) {
            assertEquals(42, callbacks.cb_apply(plusOne, 41));
            assertEquals(42, callbacks.applyAddress(plusOne.address(), 41));
        }
    }

    @Test
    void upcallArgumentStaysOnTheFastPathAndCallbackObjectIsCompat() {
        Map<String, CallPath> paths = FastFfi.describe(Callbacks.class).stream()
                .collect(Collectors.toMap(CallPlan::method, CallPlan::path));
        // the build runs these tests again with -Dfastffi.fast=false, where every method is COMPAT
        CallPath fast = "false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY)) ? CallPath.COMPAT : CallPath.FAST;
        assertEquals(fast, paths.get("cb_apply"));
        assertEquals(fast, paths.get("applyAddress"));
        assertEquals(CallPath.COMPAT, paths.get("applyTransient"));
    }

    @Test
    void u8ArgumentArrivesZeroExtendedAndResultReachesC() {
        List<Integer> seen = new ArrayList<>();
        try (Upcall<U8Op> echo = Upcall.of(U8Op.class, x -> {
            seen.add(x);
            return 255;
        })) {
            assertEquals(255, callbacks.cb_apply_u8(echo, 200));
        }
        assertEquals(List.of(200), seen);
    }

    @Test
    void stringArgumentArrivesAsString() {
        List<String> seen = new ArrayList<>();
        callbacks.cb_send_text((text, length) -> seen.add(text + "/" + length));
        assertEquals(List.of("héllo/5"), seen);
    }

    @Test
    void closedUpcallIsInvalidArgumentNamingIndexAndType() {
        Upcall<IntOp> upcall = Upcall.of(IntOp.class, x -> x);
        upcall.close();
        upcall.close();
        assertFalse(upcall.isOpen());
        FfiException thrown = assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> callbacks.cb_apply(upcall, 1));
        assertEquals(true, thrown.getMessage().endsWith(
                " cb_apply, argument 0 (function): Upcall<IntOp>[closed] was closed; its stub is freed"),
                thrown.getMessage());
        assertFfiException(FfiException.Code.INVALID_ARGUMENT, upcall::address);
    }

    @Test
    void closedUpcallIsRefusedByInvokeToo() {
        Upcall<IntOp> upcall = Upcall.of(IntOp.class, x -> x);
        upcall.close();
        FfiException thrown = assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                () -> library.function("cb_apply", "i32(function, i32)").invoke(upcall, 1));
        assertEquals(true, thrown.getMessage().contains("argument 0 (function)"), thrown.getMessage());
    }

    @Test
    void interfaceWithoutNativeCallbackCannotBeRegistered() {
        FfiException thrown = assertFfiException(FfiException.Code.INVALID_SIGNATURE,
                () -> Upcall.of(Runnable.class, () -> { }));
        assertEquals("INVALID_SIGNATURE: java.lang.Runnable is not an interface annotated @NativeCallback",
                thrown.getMessage());
    }

    @Test
    void nullTargetIsInvalidArgument() {
        FfiException thrown = assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> Upcall.of(IntOp.class, null));
        assertEquals("INVALID_ARGUMENT: Upcall.of(IntOp): the target is null", thrown.getMessage());
    }

    @Test
    void twoUpcallsOfOneLambdaAreTwoStubs() {
        IntOp same = x -> x;
        try (Upcall<IntOp> first = Upcall.of(IntOp.class, same); Upcall<IntOp> second = Upcall.of(IntOp.class, same)) {
            assertNotEquals(first.address().address(), second.address().address());
            assertEquals(5, callbacks.applyAddress(second.address(), 5));
        }
    }

    /**
     * A callback that makes fastffi calls of its own on the same thread while C still holds the
     * outer call's buffer: the inner calls' memory comes and goes above the outer call's, also when
     * the outer buffer (100,000 ints, 400 KB) is larger than a thread keeps between calls and has
     * memory of its own; 16 ints fit any thread's scratch block.
     */
    @ParameterizedTest
    @ValueSource(ints = {16, 100_000})
    void theOuterBufferSurvivesTheCallbacksOwnCalls(int count) {
        int[] expected = IntStream.range(0, count).toArray();
        IntOp nested = x -> x + callbacks.thenFillTransient(new int[x], x, y -> y)
                + callbacks.thenFillTransient(new int[200_000], 3, y -> y);
        int[] registered = new int[count];
        try (Upcall<IntOp> upcall = Upcall.of(IntOp.class, nested)) {
            assertEquals(count + count + 3, callbacks.cb_then_fill(registered, count, upcall));
        }
        assertArrayEquals(expected, registered);
        int[] transientCallback = new int[count];
        assertEquals(count + count + 3, callbacks.thenFillTransient(transientCallback, count, nested));
        assertArrayEquals(expected, transientCallback);
    }
}

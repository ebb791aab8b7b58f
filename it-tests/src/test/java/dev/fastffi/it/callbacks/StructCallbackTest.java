package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertCallbackFailed;
import static dev.fastffi.it.callbacks.CallbackFixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Callbacks that receive a struct by value as a record and return one that C uses. */
class StructCallbackTest {
    private static Library library;
    private static FunctionPointers pointers;

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        pointers = library.bind(FunctionPointers.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void aCallbackReceivesTheStructAndCUsesTheOneItReturns() {
        List<Pair> seen = new ArrayList<>();
        try (Upcall<PairOp> op = Upcall.of(PairOp.class, pair -> {
            seen.add(pair);
            return new Pair(pair.right(), pair.left() * 2);
        })) {
            assertEquals(4_006L, pointers.cb_pair_call(op, 3, 4));
        }
        assertEquals(List.of(new Pair(3, 4)), seen);
    }

    @Test
    void aTransientCallbackObjectTakesStructsToo() {
        assertEquals(-2_000_000L - 1, pointers.pairCallTransient(pair -> new Pair(-pair.left(), -pair.right()), 2_000, 1));
    }

    @Test
    void aPaddedStructReturnedInMemoryArrivesAndReturnsWhole() {
        List<Mixed> seen = new ArrayList<>();
        try (Upcall<MixedOp> op = Upcall.of(MixedOp.class, (mixed, k) -> {
            seen.add(mixed);
            return new Mixed(mixed.x() * k, (byte) (mixed.tag() + 1), mixed.n() + k);
        })) {
            assertEquals(1.5 * 4 + 201 + ((1L << 40) + 4), pointers.cb_mixed_call(op, 1.5, 200, 1L << 40, 4));
        }
        assertEquals(List.of(new Mixed(1.5, (byte) 200, 1L << 40)), seen);
    }

    @Test
    void aNullStructResultFailsTheCallAndCGetsZeros() {
        try (Upcall<PairOp> op = Upcall.of(PairOp.class, pair -> null)) {
            FfiException thrown = assertFfiException(FfiException.Code.CALLBACK_FAILED,
                    () -> pointers.cb_pair_call(op, 1, 2));
            FfiException cause = assertInstanceOf(FfiException.class, thrown.getCause());
            assertEquals("INVALID_ARGUMENT: a callback (PairOp.apply) returned null for the struct {i32, i32}; return a"
                    + " record of its fields", cause.getMessage());
        }
    }

    @Test
    void aThrowingStructCallbackFailsTheCall() {
        IllegalStateException failure = new IllegalStateException("no pair today");
        try (Upcall<MixedOp> op = Upcall.of(MixedOp.class, (mixed, k) -> {
            throw failure;
        })) {
            assertCallbackFailed("cb_mixed_call", failure, () -> pointers.cb_mixed_call(op, 1, 2, 3, 4));
        }
    }
}

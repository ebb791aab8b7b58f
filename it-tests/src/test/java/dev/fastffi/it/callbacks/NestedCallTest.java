package dev.fastffi.it.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A callback that makes a fastffi call of its own on the same thread, while C still holds the
 * outer call's buffer: the inner call's memory comes and goes above the outer call's, also when
 * the outer buffer is larger than the thread keeps between calls and has memory of its own.
 */
class NestedCallTest {
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

    /** 16 ints fit any thread's scratch block; 100,000 (400 KB) are more than a thread keeps. */
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
        int[] transient_ = new int[count];
        assertEquals(count + count + 3, callbacks.thenFillTransient(transient_, count, nested));
        assertArrayEquals(expected, transient_);
    }
}

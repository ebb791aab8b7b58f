package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Variadic functions: extra arguments typed by their Java class and promoted as C requires. */
class VariadicTest {
    private static Library library;
    private static Variadics variadics;
    private final LibC libc = Library.system().bind(LibC.class);

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        variadics = library.bind(Variadics.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void sumOfIntsThroughAnInterface() {
        assertEquals(0, variadics.variadic_sum_i32(0));
        assertEquals(6, variadics.variadic_sum_i32(3, 1, 2, 3));
        assertEquals(-1, variadics.variadic_sum_i32(2, Integer.MAX_VALUE, Integer.MIN_VALUE));
    }

    @Test
    void narrowIntegersArepromotedToInt() {
        assertEquals(1 + 2 + 'A', variadics.variadic_sum_i32(3, (byte) 1, (short) 2, 'A'));
    }

    @Test
    void mixedTypesKeepTheirWidths() {
        assertEquals(1 + 5_000_000_000L + 0.5 + 0.25, variadics.variadic_sum_mixed("ildd", 1, 5_000_000_000L, 0.5, 0.25f));
    }

    @Test
    void dynamicInvokeCachesEachShape() {
        DynamicFunction sum = library.function("variadic_sum_mixed", "f64(string, ...)");
        assertEquals(3.5, sum.invoke("id", 3, 0.5));
        assertEquals(4.5, sum.invoke("id", 4, 0.5));
        assertEquals(7.0, sum.invoke("ll", 3L, 4L));
    }

    @Test
    void snprintfFormatsMixedTypesIntoABuffer() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(64);
            int length = libc.snprintf(buffer, 64, "%d|%ld|%.2f|%s|%c", -7, 1L << 40, 2.5f, "héllo", 'x');
            String expected = "-7|1099511627776|2.50|héllo|x";
            assertEquals(expected, buffer.getString(0));
            assertEquals(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, length);
        }
    }

    @Test
    void dynamicSnprintfFromTheSystemLibrary() {
        DynamicFunction snprintf = Library.system().function("snprintf", "i32(pointer, usize, string, ...)");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(32);
            assertEquals(5, snprintf.invoke(buffer, 32L, "%s", "fixed"));
            assertEquals("fixed", buffer.getString(0));
            snprintf.invoke(buffer, 32L, "%p", MemorySegment.NULL);
            assertEquals("(nil)", buffer.getString(0));
        }
    }

    @Test
    void unsupportedVariadicValueIsInvalidArgument() {
        DynamicFunction sum = library.function("variadic_sum_i32", "i64(i32, ...)");
        FfiException thrown = assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> sum.invoke(1, true));
        assertEquals(true, thrown.getMessage().endsWith(" variadic_sum_i32, argument 1 (...): Boolean true cannot be"
                + " passed as a variadic argument; pass an int, long, double (float, byte, short and char are"
                + " promoted), MemorySegment or String"), thrown.getMessage());
    }

    @Test
    void missingFixedArgumentIsInvalidArgument() {
        DynamicFunction sum = library.function("variadic_sum_i32", "i64(i32, ...)");
        FfiException thrown = assertFfiException(FfiException.Code.INVALID_ARGUMENT, sum::invoke);
        assertEquals(true, thrown.getMessage().endsWith(
                " variadic_sum_i32: expected at least 1 argument for i64(i32, ...) but got 0"), thrown.getMessage());
    }

    @Test
    void variadicFunctionHasNoSingleHandle() {
        DynamicFunction sum = library.function("variadic_sum_i32", "i64(i32, ...)");
        FfiException thrown = assertFfiException(FfiException.Code.INVALID_SIGNATURE, sum::handle);
        assertEquals(true, thrown.getMessage().endsWith("variadic_sum_i32 i64(i32, ...) is variadic, so it has no"
                + " single exact handle; call invoke(...), which links each shape of call once"), thrown.getMessage());
    }
}

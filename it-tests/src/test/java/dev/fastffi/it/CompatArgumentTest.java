package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Arguments only the compatibility path takes: {@code BigInteger} for u64, usize and pointers,
 * {@code Long} pointers and null boxes, checked alike by COMPAT methods and {@code invoke}
 * (bad arguments throw INVALID_ARGUMENT with the same message on every path).
 */
class CompatArgumentTest {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private static Library library;
    private static BoxedScalars boxed;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        boxed = library.bind(BoxedScalars.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void bigIntegerTakesEveryU64AndUsizeValue() {
        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.shiftLeft(63),
                U64_MAX}) {
            assertEquals(value, boxed.echoU64(value));
            assertEquals(value, boxed.echoUsize(value));
            assertEquals(value, library.function("echo_usize", "usize(usize)").invoke(value));
        }
        assertEquals(1, boxed.isMaxUsize(U64_MAX));
        assertEquals(0, boxed.isMaxUsize(U64_MAX.subtract(BigInteger.ONE)));
    }

    @Test
    void bigIntegerAboveU64MaxIsAnInvalidArgumentOnBothPaths() {
        String detail = "echo_u64, argument 0 (u64): 18446744073709551616 is outside 0..18446744073709551615";
        Fixture.assertInvalidArgument(detail, () -> boxed.echoU64(TWO_TO_64));
        Fixture.assertInvalidArgument(detail, () -> library.function("echo_u64", "u64(u64)").invoke(TWO_TO_64));
    }

    @Test
    void negativeBigIntegerForUsizeIsAnInvalidArgumentOnBothPaths() {
        String detail = "echo_usize, argument 0 (usize): -1 is outside 0..18446744073709551615";
        Fixture.assertInvalidArgument(detail, () -> boxed.echoUsize(BigInteger.ONE.negate()));
        Fixture.assertInvalidArgument(detail,
                () -> library.function("echo_usize", "usize(usize)").invoke(BigInteger.ONE.negate()));
    }

    @Test
    void pointerAsBigIntegerOrLongArrivesAtItsAddress() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fortyTwo = arena.allocateFrom(ValueLayout.JAVA_INT, 42);
            BigInteger address = BigInteger.valueOf(fortyTwo.address());
            assertEquals(42, boxed.readI32(address));
            assertEquals(42, boxed.readI32(fortyTwo.address()));
            assertEquals(address, boxed.echoPointer(address));
        }
        assertEquals(1, boxed.isNull(0L));
        assertEquals(1, boxed.isNull(null));
        assertEquals(U64_MAX, boxed.echoPointer(U64_MAX), "an address with the top bit set reads unsigned");
    }

    @Test
    void bigIntegerPointerOutsideTheAddressRangeIsAnInvalidArgument() {
        String detail = "echo_pointer, argument 0 (pointer): 18446744073709551616 is outside 0..18446744073709551615";
        Fixture.assertInvalidArgument(detail, () -> boxed.echoPointer(TWO_TO_64));
        Fixture.assertInvalidArgument(detail,
                () -> library.function("echo_pointer", "pointer(pointer)").invoke(TWO_TO_64));
    }

    @Test
    void nullForAPrimitiveCTypeIsAnInvalidArgumentOnBothPaths() {
        Fixture.assertInvalidArgument("add_i32, argument 1 (i32): null cannot be passed as i32",
                () -> boxed.addI32(1, null));
        Fixture.assertInvalidArgument("add_i32, argument 1 (i32): null cannot be passed as i32",
                () -> library.function("add_i32", "i32(i32, i32)").invoke(1, null));
        Fixture.assertInvalidArgument("echo_u64, argument 0 (u64): null cannot be passed as u64",
                () -> boxed.echoU64(null));
        Fixture.assertInvalidArgument("echo_bool, argument 0 (bool): null cannot be passed as bool",
                () -> boxed.echoBool(null));
        Fixture.assertInvalidArgument("echo_f64, argument 0 (f64): null cannot be passed as f64",
                () -> library.function("echo_f64", "f64(f64)").invoke((Object) null));
    }

    @Test
    void boxedI64KeepsItsBoundaries() {
        assertEquals(Long.MIN_VALUE, boxed.echoI64(Long.MIN_VALUE));
        assertEquals(Long.MAX_VALUE, boxed.echoI64(Long.MAX_VALUE));
    }

    @Test
    void wrongJavaTypeOnInvokeIsAnInvalidArgumentNamingTheValue() {
        DynamicFunction add = library.function("add_i32", "i32(i32, i32)");
        assertMessage("add_i32, argument 1 (i32): String \"x\" cannot be passed as i32", () -> add.invoke(1, "x"));
        assertMessage("add_i32, argument 0 (i32): Double 1.5 cannot be passed as i32", () -> add.invoke(1.5, 1));
        assertMessage("echo_i64, argument 0 (i64): BigInteger 1 cannot be passed as i64",
                () -> library.function("echo_i64", "i64(i64)").invoke(BigInteger.ONE));
    }

    @Test
    void wrongArgumentCountOnInvokeIsAnInvalidArgument() {
        DynamicFunction add = library.function("add_i32", "i32(i32, i32)");
        assertMessage("add_i32: expected 2 arguments for i32(i32, i32) but got 1", () -> add.invoke(1));
        assertMessage("add_i32: expected 2 arguments for i32(i32, i32) but got 3", () -> add.invoke(1, 2, 3));
    }

    private static void assertMessage(String detail, Executable call) {
        String message = Fixture.assertFfiException(FfiException.Code.INVALID_ARGUMENT, call).getMessage();
        assertTrue(message.contains(detail), () -> "expected '" + detail + "' in: " + message);
    }
}

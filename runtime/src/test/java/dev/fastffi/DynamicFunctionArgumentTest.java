package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code INVALID_ARGUMENT} from {@link DynamicFunction#invoke}: wrong count, null for a primitive,
 * wrong Java type, out-of-range values; each names the argument index, the C type and the value.
 * Rejected calls go to {@code abs}, whose extra arguments C ignores, so a missed check cannot
 * harm the JVM.
 */
class DynamicFunctionArgumentTest {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    @Test
    void tooManyArgumentsAreRejected() {
        FfiException e = assertInvalid(() -> abs("i32(i32)").invoke(1, 2));

        assertContains(e, "system abs");
        assertContains(e, "expected 1 argument");
        assertContains(e, "got 2");
    }

    @Test
    void tooFewArgumentsAreRejected() {
        FfiException e = assertInvalid(() -> abs("i32(i32, i32)").invoke(1));

        assertContains(e, "expected 2 arguments");
        assertContains(e, "got 1");
    }

    @Test
    void noArgumentsForAOneArgumentFunctionAreRejected() {
        FfiException e = assertInvalid(() -> abs("i32(i32)").invoke());

        assertContains(e, "got 0");
    }

    @Test
    void aNullArrayIsOneNullArgument() {
        FfiException e = assertInvalid(() -> Library.system().function("getpid", "i32()").invoke((Object[]) null));

        assertContains(e, "expected 0 arguments");
        assertContains(e, "got 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bool", "i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "isize", "usize", "f32", "f64"})
    void nullForAPrimitiveIsRejectedNamingIndexTypeAndValue(String type) {
        FfiException e = assertInvalid(() -> abs("i32(i32, " + type + ")").invoke(0, null));

        assertContains(e, "system abs, argument 1 (" + type + "): ");
        assertContains(e, "null");
    }

    @Test
    void nullAtTheFirstArgumentIsArgumentZero() {
        FfiException e = assertInvalid(() -> abs("i32(i32)").invoke((Object) null));

        assertEquals("INVALID_ARGUMENT: system abs, argument 0 (i32): null cannot be passed as i32", e.getMessage());
    }

    static Stream<Arguments> wrongJavaTypes() {
        return Stream.of(
                Arguments.of("i32", "seven", "seven"),
                Arguments.of("i32", 7.0, "7.0"),
                Arguments.of("i32", true, "true"),
                Arguments.of("i64", BigInteger.TEN, "10"),
                Arguments.of("f32", 1.5, "1.5"),
                Arguments.of("f64", 2, "2"),
                Arguments.of("f64", 2L, "2"),
                Arguments.of("bool", 1, "1"),
                Arguments.of("pointer", 7, "7"),
                Arguments.of("pointer", "text", "text"),
                Arguments.of("pointer", new byte[] {1, 2}, "byte[2]"),
                Arguments.of("buffer", "text", "String"),
                Arguments.of("buffer", 7, "Integer 7"),
                Arguments.of("buffer", new boolean[2], "boolean[2]"),
                Arguments.of("string", 7, "Integer 7"),
                Arguments.of("string", new byte[] {'a', 0}, "byte[2]"),
                Arguments.of("pointer", MemorySegment.ofArray(new byte[4]), "heap MemorySegment"));
    }

    @ParameterizedTest(name = "{0} refuses {2}")
    @MethodSource("wrongJavaTypes")
    void wrongJavaTypeIsRejectedNamingIndexTypeAndValue(String type, Object value, String shown) {
        FfiException e = assertInvalid(() -> abs("i32(i32, " + type + ")").invoke(0, value));

        assertContains(e, "system abs, argument 1 (" + type + "): ");
        assertContains(e, shown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i8", "u8", "i32", "u32", "i64", "u64", "isize", "usize"})
    void characterIsRefusedWhereTheTypeTableDoesNotListIt(String type) {
        FfiException e = assertInvalid(() -> abs("i32(i32, " + type + ")").invoke(0, 'x'));

        assertContains(e, "system abs, argument 1 (" + type + "): ");
        assertContains(e, "Character x");
    }

    @Test
    void stringWithANulCharacterIsRejectedNamingItsIndex() {
        FfiException e = assertInvalid(() -> Library.system().function("strlen", "usize(string)").invoke("ab\0c"));

        assertContains(e, "system strlen, argument 0 (string): ");
        assertContains(e, "NUL character at index 2");
    }

    @Test
    void wrongJavaTypeMessageSaysWhatToPass() {
        FfiException e = assertInvalid(() -> abs("i32(i32)").invoke("seven"));

        assertEquals("INVALID_ARGUMENT: system abs, argument 0 (i32): String \"seven\" cannot be passed as i32;"
                + " pass int, Byte, Short, Integer, Long", e.getMessage());
    }

    @Test
    void stringForAPointerSaysItIsNeverConverted() {
        FfiException e = assertInvalid(() -> abs("i32(pointer)").invoke("text"));

        assertContains(e, "argument 0 (pointer)");
        assertContains(e, "String \"text\" is never turned into a pointer");
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of("i8", 128, "128 is outside -128..127"),
                Arguments.of("i8", -129, "-129 is outside -128..127"),
                Arguments.of("i8", (short) 300, "300 is outside -128..127"),
                Arguments.of("u8", 256, "256 is outside 0..255"),
                Arguments.of("u8", -1, "-1 is outside 0..255"),
                Arguments.of("i16", 32768, "32768 is outside -32768..32767"),
                Arguments.of("i16", -32769L, "-32769 is outside -32768..32767"),
                Arguments.of("u16", 65536, "65536 is outside 0..65535"),
                Arguments.of("u16", -1, "-1 is outside 0..65535"),
                Arguments.of("u16", (short) -1, "-1 is outside 0..65535"),
                Arguments.of("i16", (char) 0xFFFF, "65535 is outside -32768..32767"),
                Arguments.of("i32", 2147483648L, "2147483648 is outside -2147483648..2147483647"),
                Arguments.of("i32", -2147483649L, "-2147483649 is outside -2147483648..2147483647"),
                Arguments.of("u32", 4294967296L, "4294967296 is outside 0..4294967295"),
                Arguments.of("u32", -1L, "-1 is outside 0..4294967295"),
                Arguments.of("u64", BigInteger.ONE.negate(), "-1 is outside 0..18446744073709551615"),
                Arguments.of("u64", TWO_TO_64, "18446744073709551616 is outside 0..18446744073709551615"),
                Arguments.of("usize", TWO_TO_64, "18446744073709551616 is outside 0..18446744073709551615"),
                Arguments.of("pointer", BigInteger.ONE.negate(), "-1 is outside"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("outOfRange")
    void outOfRangeValueIsRejectedNamingIndexTypeAndValue(String type, Object value, String problem) {
        FfiException e = assertInvalid(() -> abs("i32(i32, " + type + ")").invoke(0, value));

        assertContains(e, "system abs, argument 1 (" + type + "): " + problem);
    }

    @Test
    void outOfRangeMessageIsExact() {
        FfiException e = assertInvalid(() -> abs("i32(i8)").invoke(200));

        assertEquals("INVALID_ARGUMENT: system abs, argument 0 (i8): 200 is outside -128..127", e.getMessage());
    }

    static Stream<Arguments> inRange() {
        return Stream.of(
                Arguments.of("abs", "i32(i8)", 127, 127),
                Arguments.of("abs", "i32(i8)", -128, 128),
                Arguments.of("abs", "i32(i8)", (byte) -128, 128),
                Arguments.of("abs", "i32(u8)", 255, 255),
                Arguments.of("abs", "i32(u8)", (byte) -1, 255),
                Arguments.of("abs", "i32(i16)", -32768, 32768),
                Arguments.of("abs", "i32(i16)", (short) -32768, 32768),
                Arguments.of("htons", "u16(u16)", 0xFFFF, 0xFFFF),
                Arguments.of("htons", "u16(u16)", (short) 0x7FFF, 0xFF7F),
                Arguments.of("abs", "i32(i16)", (char) 0x7FFF, 32767),
                Arguments.of("htons", "u16(u16)", (char) 0x00FF, 0xFF00),
                Arguments.of("abs", "i32(i32)", -2147483647L, 2147483647),
                Arguments.of("htonl", "u32(u32)", 4294967295L, 4294967295L),
                Arguments.of("htonl", "u32(u32)", -1, 4294967295L),
                Arguments.of("htonl", "u32(u32)", 0xFF, 0xFF000000L),
                Arguments.of("labs", "i64(u64)", TWO_TO_64.subtract(BigInteger.valueOf(5)), 5L),
                Arguments.of("labs", "i64(u64)", -5L, 5L),
                Arguments.of("labs", "i64(usize)", BigInteger.valueOf(5), 5L),
                Arguments.of("labs", "i64(i64)", Long.MIN_VALUE + 5, Long.MAX_VALUE - 4));
    }

    @ParameterizedTest(name = "{0} as {1} takes {2}")
    @MethodSource("inRange")
    void valuesAtTheEdgeOfTheRangeReachC(String symbol, String signature, Object value, Object expected) {
        assertEquals(expected, Library.system().function(symbol, signature).invoke(value));
    }

    @Test
    void handleRefusesAHeapSegmentForAPointer() {
        MethodHandle strlen = Library.system().function("strlen", "usize(pointer)").handle();

        FfiException e = assertInvalid(() -> {
            long unused = (long) strlen.invokeExact(MemorySegment.ofArray(new byte[] {'a', 0}));
        });

        assertContains(e, "system strlen, argument 0 (pointer)");
    }

    @Test
    void heapSegmentIsRefusedAlikeByInvokeAndHandle() {
        DynamicFunction strlen = Library.system().function("strlen", "usize(pointer)");
        MemorySegment heap = MemorySegment.ofArray(new byte[] {'a', 0});

        FfiException byInvoke = assertInvalid(() -> strlen.invoke(heap));
        FfiException byHandle = assertInvalid(() -> {
            long unused = (long) strlen.handle().invokeExact(heap);
        });

        assertEquals(byInvoke.getMessage(), byHandle.getMessage());
    }

    @Test
    void handleRefusesASegmentWhoseArenaIsClosedAsInvokeDoes() {
        DynamicFunction strlen = Library.system().function("strlen", "usize(pointer)");
        Arena arena = Arena.ofConfined();
        MemorySegment closed = arena.allocateFrom("closed");
        arena.close();

        FfiException byInvoke = assertInvalid(() -> strlen.invoke(closed));
        FfiException byHandle = assertInvalid(() -> {
            long unused = (long) strlen.handle().invokeExact(closed);
        });

        assertEquals("INVALID_ARGUMENT: system strlen, argument 0 (pointer): MemorySegment 0x"
                + Long.toHexString(closed.address()) + " of 7 bytes belongs to an Arena that is closed; no native code"
                + " ran", byHandle.getMessage());
        assertEquals(byInvoke.getMessage(), byHandle.getMessage());
        assertEquals(IllegalStateException.class, byHandle.getCause().getClass());
    }

    @Test
    void handleRefusesASegmentConfinedToAnotherThreadAsInvokeDoes() throws InterruptedException {
        DynamicFunction strlen = Library.system().function("strlen", "usize(pointer)");
        MemorySegment[] elsewhere = new MemorySegment[1];
        Thread owner = Thread.ofPlatform().start(() -> elsewhere[0] = Arena.ofConfined().allocateFrom("elsewhere"));
        owner.join();

        FfiException byInvoke = assertInvalid(() -> strlen.invoke(elsewhere[0]));
        FfiException byHandle = assertInvalid(() -> {
            long unused = (long) strlen.handle().invokeExact(elsewhere[0]);
        });

        assertEquals("INVALID_ARGUMENT: system strlen, argument 0 (pointer): MemorySegment 0x"
                + Long.toHexString(elsewhere[0].address()) + " of 10 bytes belongs to a confined Arena of another"
                + " thread, which alone may pass it; no native code ran", byHandle.getMessage());
        assertEquals(byInvoke.getMessage(), byHandle.getMessage());
        assertEquals(WrongThreadException.class, byHandle.getCause().getClass());
    }

    @Test
    void aClosedSegmentIsNamedByItsOwnIndexOnInvokeAndHandle() {
        DynamicFunction memcpy = Library.system().function("memcpy", "pointer(pointer, pointer, usize)");
        Arena arena = Arena.ofConfined();
        MemorySegment closed = arena.allocate(8);
        arena.close();
        try (Arena open = Arena.ofConfined()) {
            MemorySegment to = open.allocate(8);

            FfiException byInvoke = assertInvalid(() -> memcpy.invoke(to, closed, 8L));
            FfiException byHandle = assertInvalid(() -> {
                MemorySegment unused = (MemorySegment) memcpy.handle().invokeExact(to, closed, 8L);
            });

            assertEquals("INVALID_ARGUMENT: system memcpy, argument 1 (pointer): MemorySegment 0x"
                    + Long.toHexString(closed.address()) + " of 8 bytes belongs to an Arena that is closed; no native"
                    + " code ran", byHandle.getMessage());
            assertEquals(byInvoke.getMessage(), byHandle.getMessage());
        }
    }

    @Test
    void aClosedSegmentPassedAsAVariadicArgumentIsNamedAsAPointer() {
        DynamicFunction snprintf = Library.system().function("snprintf", "i32(pointer, usize, string, ...)");
        Arena arena = Arena.ofConfined();
        MemorySegment closed = arena.allocate(8);
        arena.close();
        try (Arena open = Arena.ofConfined()) {
            MemorySegment buffer = open.allocate(32);

            FfiException e = assertInvalid(() -> snprintf.invoke(buffer, 32L, "%p", closed));

            assertContains(e, "system snprintf, argument 3 (pointer): MemorySegment 0x"
                    + Long.toHexString(closed.address()) + " of 8 bytes belongs to an Arena that is closed");
        }
    }

    @Test
    void aFunctionPointerOfAClosedUpcallIsRefusedNamingTheFunctionOnInvokeAndHandle() {
        Upcall<LibraryViewTest.DoubleOp> upcall = Upcall.of(LibraryViewTest.DoubleOp.class, x -> x);
        long stub = upcall.address().address();
        DynamicFunction function = Library.system().function(upcall.address(), "f64(f64)");
        MethodHandle handle = function.handle();
        upcall.close();

        FfiException byInvoke = assertInvalid(() -> function.invoke(1.0));
        FfiException byHandle = assertInvalid(() -> {
            double unused = (double) handle.invokeExact(1.0);
        });

        assertEquals("INVALID_ARGUMENT: system function pointer 0x" + Long.toHexString(stub) + ": the function's"
                + " address belongs to an Arena that is closed, as a closed Upcall's does; no native code ran",
                byInvoke.getMessage());
        assertEquals(byInvoke.getMessage(), byHandle.getMessage());
    }

    private static DynamicFunction abs(String signature) {
        return Library.system().function("abs", signature);
    }

    private static FfiException assertInvalid(Executable call) {
        FfiException e = assertThrows(FfiException.class, call);
        assertAll(
                () -> assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code()),
                () -> assertTrue(e.getMessage().startsWith("INVALID_ARGUMENT: "), e.getMessage()));
        return e;
    }

    private static void assertContains(Throwable e, String expected) {
        assertTrue(e.getMessage().contains(expected),
                () -> "expected the message to contain <" + expected + "> but was:\n" + e.getMessage());
    }
}

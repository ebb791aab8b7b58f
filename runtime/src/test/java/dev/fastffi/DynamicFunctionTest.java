package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DynamicFunction} on real libc and libm functions: results boxed as {@code invoke} documents, and
 * the exact handle. Where libc has no function of a narrow C type, {@code abs} is declared with
 * that result type: on x86_64 the narrow result is the low bits of its {@code int}.
 */
class DynamicFunctionTest {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static Library libm;
    private static Arena arena;

    @BeforeAll
    static void openLibm() {
        libm = Library.open("m");
        arena = Arena.ofShared();
    }

    @AfterAll
    static void closeLibm() {
        libm.close();
        arena.close();
    }

    @Test
    void absReturnsAnInteger() {
        assertEquals(Integer.valueOf(42), system("abs", "i32(i32)").invoke(-42));
    }

    @Test
    void labsReturnsALong() {
        assertEquals(Long.valueOf(Long.MAX_VALUE), system("labs", "i64(i64)").invoke(Long.MIN_VALUE + 1));
    }

    @Test
    void cosReturnsADouble() {
        assertEquals(Double.valueOf(-1.0), libm.function("cos", "f64(f64)").invoke(Math.PI));
    }

    @Test
    void cosfReturnsAFloat() {
        assertEquals(Float.valueOf(1.0f), libm.function("cosf", "f32(f32)").invoke(0.0f));
    }

    @Test
    void strlenOfArenaMemoryReturnsTheLengthAsBigInteger() {
        MemorySegment text = arena.allocateFrom("fastffi");

        assertEquals(BigInteger.valueOf(7), system("strlen", "usize(pointer)").invoke(text));
    }

    @Test
    void getpidReturnsThisProcessId() {
        assertEquals(Integer.valueOf((int) ProcessHandle.current().pid()), system("getpid", "i32()").invoke());
    }

    static Stream<Arguments> boxedResults() {
        return Stream.of(
                Arguments.of("abs", "i8(i32)", 255, (byte) -1),
                Arguments.of("abs", "u8(i32)", 255, 255),
                Arguments.of("abs", "i16(i32)", 0xFFFF, (short) -1),
                Arguments.of("htons", "u16(u16)", 0xFF, 0xFF00),
                Arguments.of("abs", "i32(i32)", -7, 7),
                Arguments.of("htonl", "u32(u32)", 0xFF, 0xFF000000L),
                Arguments.of("labs", "i64(i64)", -7L, 7L),
                Arguments.of("labs", "isize(isize)", -7L, 7L),
                Arguments.of("labs", "u64(i64)", -7L, BigInteger.valueOf(7)),
                Arguments.of("labs", "usize(i64)", -7L, BigInteger.valueOf(7)),
                Arguments.of("abs", "bool(i32)", 1, true),
                Arguments.of("abs", "bool(i32)", 0, false));
    }

    @ParameterizedTest(name = "{0} as {1}: {3}")
    @MethodSource("boxedResults")
    void invokeBoxesEachResultTypeAsDesigned(String symbol, String signature, Object argument, Object expected) {
        Object result = system(symbol, signature).invoke(argument);

        assertEquals(expected.getClass(), result.getClass());
        assertEquals(expected, result);
    }

    @Test
    void f32AndF64ResultsAreFloatAndDouble() {
        assertAll(
                () -> assertEquals(Float.valueOf(2.0f), libm.function("fabsf", "f32(f32)").invoke(-2.0f)),
                () -> assertEquals(Double.valueOf(2.0), libm.function("fabs", "f64(f64)").invoke(-2.0)));
    }

    @Test
    void u64ResultKeepsAll64Bits() throws Throwable {
        DynamicFunction strtoull = system("strtoull", "u64(pointer, pointer, i32)");
        MemorySegment max = arena.allocateFrom("18446744073709551615");

        assertEquals(U64_MAX, strtoull.invoke(max, null, 10));
        assertEquals(-1L, (long) strtoull.handle().invokeExact(max, MemorySegment.NULL, 10));
    }

    @Test
    void pointerResultIsAZeroLengthSegmentAtTheAddress() {
        MemorySegment text = arena.allocateFrom("fastffi");

        Object found = system("strchr", "pointer(pointer, i32)").invoke(text, (int) 'f');

        MemorySegment segment = assertInstanceOf(MemorySegment.class, found);
        assertEquals(text.address(), segment.address());
        assertEquals(0, segment.byteSize());
    }

    @Test
    void nullPointerResultIsMemorySegmentNull() {
        MemorySegment text = arena.allocateFrom("fastffi");

        assertEquals(MemorySegment.NULL, system("strchr", "pointer(pointer, i32)").invoke(text, (int) 'z'));
    }

    @Test
    void voidResultIsNull() {
        assertNull(system("srand", "void(u32)").invoke(1));
    }

    @Test
    void pointerArgumentAcceptsNullLongAndBigIntegerAddresses() {
        MemorySegment text = arena.allocateFrom("fastffi");
        DynamicFunction strlen = system("strlen", "i64(pointer)");
        long now = System.currentTimeMillis() / 1000;

        assertAll(
                () -> assertEquals(7L, strlen.invoke(text.address())),
                () -> assertEquals(7L, strlen.invoke(BigInteger.valueOf(text.address()))),
                () -> assertTrue(Math.abs((Long) system("time", "i64(pointer)").invoke((Object) null) - now) < 60));
    }

    @Test
    void f64KeepsNegativeZeroNanAndInfinity() {
        assertAll(
                () -> assertEquals(Double.valueOf(-0.0), libm.function("copysign", "f64(f64, f64)").invoke(0.0, -1.0)),
                () -> assertTrue(Double.isNaN((Double) libm.function("sqrt", "f64(f64)").invoke(-1.0))),
                () -> assertEquals(Double.POSITIVE_INFINITY,
                        libm.function("fabs", "f64(f64)").invoke(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void f32KeepsNegativeZeroNanAndInfinity() {
        assertAll(
                () -> assertEquals(Float.valueOf(-0.0f), libm.function("copysignf", "f32(f32, f32)").invoke(0.0f, -1.0f)),
                () -> assertTrue(Float.isNaN((Float) libm.function("fabsf", "f32(f32)").invoke(Float.NaN))),
                () -> assertEquals(Float.POSITIVE_INFINITY,
                        libm.function("fabsf", "f32(f32)").invoke(Float.NEGATIVE_INFINITY)));
    }

    @Test
    void handleCallsAbsLabsCosAndCosfExactly() throws Throwable {
        MethodHandle abs = system("abs", "i32(i32)").handle();
        MethodHandle labs = system("labs", "i64(i64)").handle();
        MethodHandle cos = libm.function("cos", "f64(f64)").handle();
        MethodHandle cosf = libm.function("cosf", "f32(f32)").handle();

        assertEquals(5, (int) abs.invokeExact(-5));
        assertEquals(5L, (long) labs.invokeExact(-5L));
        assertEquals(1.0, (double) cos.invokeExact(0.0));
        assertEquals(1.0f, (float) cosf.invokeExact(0.0f));
    }

    @Test
    void handleCallsStrlenAndGetpid() throws Throwable {
        MethodHandle strlen = system("strlen", "usize(pointer)").handle();
        MethodHandle getpid = system("getpid", "i32()").handle();

        assertEquals(7L, (long) strlen.invokeExact(arena.allocateFrom("fastffi")));
        assertEquals(ProcessHandle.current().pid(), (int) getpid.invokeExact());
    }

    @Test
    void handlePassesNullPointerAsNull() throws Throwable {
        MethodHandle time = system("time", "i64(pointer)").handle();

        long seconds = (long) time.invokeExact((MemorySegment) null);

        assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000) < 60);
    }

    @Test
    void handleTypeUsesTheCarrierOfEveryCType() {
        DynamicFunction f = system("abs",
                "bool(i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, pointer, bool)");

        assertEquals(MethodType.methodType(boolean.class, byte.class, byte.class, short.class, char.class,
                        int.class, int.class, long.class, long.class, long.class, long.class, float.class,
                        double.class, MemorySegment.class, boolean.class),
                f.handle().type());
    }

    @Test
    void voidHandleReturnsVoid() {
        assertEquals(MethodType.methodType(void.class, int.class), system("srand", "void(u32)").handle().type());
    }

    @Test
    void signatureIsCanonical() {
        DynamicFunction f = system("strlen", "  usize ( pointer )");

        assertEquals("usize(pointer)", f.signature());
        assertTrue(f.toString().contains("strlen"), f.toString());
    }

    @Test
    void handleIsTheSameEveryTime() {
        DynamicFunction abs = system("abs", "i32(i32)");

        assertSame(abs.handle(), abs.handle());
    }

    @Test
    void stringArgumentIsPassedAsNulTerminatedUtf8() {
        DynamicFunction strlen = system("strlen", "usize(string)");

        assertEquals(BigInteger.valueOf(7), strlen.invoke("fastffi"));
        assertEquals(BigInteger.valueOf(6), strlen.invoke("caf\u00e9!"));
    }

    @Test
    void stringResultIsReadAsUtf8AndNullIsNull() {
        DynamicFunction getenv = system("getenv", "string(string)");

        assertEquals(System.getenv("PATH"), getenv.invoke("PATH"));
        assertNull(getenv.invoke("FASTFFI_NO_SUCH_VARIABLE"));
    }

    @Test
    void bufferArgumentIsCopiedBackIntoTheArray() {
        byte[] bytes = new byte[8];

        system("memset", "pointer(buffer, i32, usize)").invoke(bytes, 0x5A, 3L);

        assertEquals("[90, 90, 90, 0, 0, 0, 0, 0]", Arrays.toString(bytes));
    }

    @Test
    void heapByteBufferIsPassedFromItsPositionAndCopiedBack() {
        byte[] bytes = new byte[8];

        system("memset", "pointer(buffer, i32, usize)").invoke(ByteBuffer.wrap(bytes, 2, 4), 0x5A, 3L);

        assertEquals("[0, 0, 90, 90, 90, 0, 0, 0]", Arrays.toString(bytes));
    }

    @Test
    void directByteBufferIsWrittenInPlace() {
        java.nio.ByteBuffer direct = ByteBuffer.allocateDirect(4);

        system("memset", "pointer(buffer, i32, usize)").invoke(direct, 0x5A, 4L);

        assertEquals(0x5A5A5A5A, direct.getInt(0));
    }

    @Test
    void bufferArgumentIsReadFromAnIntArray() {
        int[] values = {0, 0x01000000, 0};

        Object found = system("memchr", "pointer(buffer, i32, usize)").invoke(values, 1, 12L);

        assertTrue(((MemorySegment) found).address() != 0);
    }

    private static DynamicFunction system(String symbol, String signature) {
        return Library.system().function(symbol, signature);
    }
}

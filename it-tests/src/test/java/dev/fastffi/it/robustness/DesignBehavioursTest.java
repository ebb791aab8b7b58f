package dev.fastffi.it.robustness;

import static java.lang.Double.doubleToRawLongBits;
import static java.lang.Double.longBitsToDouble;
import static java.lang.Float.floatToRawIntBits;
import static java.lang.Float.intBitsToFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.it.callbacks.Callbacks;
import dev.fastffi.it.robustness.Robust.Outcome;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The ten behaviours users can rely on, one nested class each, named after the behaviour: each shows it
 * on every path in a few lines and its Javadoc lists the test classes that hold the full evidence.
 * Everything here also runs a second time with {@code -Dfastffi.fast=false} (the it-tests POM).
 */
class DesignBehavioursTest {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static AllPaths paths;

    @BeforeAll
    static void open() {
        paths = new AllPaths();
    }

    @AfterAll
    static void close() {
        paths.close();
    }

    /** Evidence: U64Test, CompatArgumentTest, IntegerDifferentialTest#u64AndUsizeKeepAll64BitsOnEveryPath. */
    @Nested
    class Behaviour01U64KeepsAll64Bits {
        @Test
        void twoToThe64MinusOneRoundTripsAsMinusOneRawAndAsBigIntegerOnEveryPath() throws Throwable {
            MethodHandle echo = paths.function("echo_u64", "u64(u64)").handle();
            assertEquals(-1L, paths.fast.echoU64(-1L));
            assertEquals(-1L, paths.compiledCompat.echoU64(-1L));
            assertEquals(-1L, (long) echo.invokeExact(-1L));
            assertEquals(U64_MAX, paths.boxed.echoU64(U64_MAX));
            assertEquals(U64_MAX, paths.function("echo_u64", "u64(u64)").invoke(U64_MAX));
            assertEquals(0xffff_ffff, paths.fast.highU32OfU64(-1L), "C received all 64 bits");
        }
    }

    /** Evidence: NarrowIntegerTest, ArgumentRegisterTest, CompatPathTest, IntegerDifferentialTest. */
    @Nested
    class Behaviour02NarrowIntegersAreExtendedAsTheirCTypeSays {
        @Test
        void u8AndU16AreZeroExtendedAndI8AndI16SignExtendedOnBothPaths() {
            for (ScalarEchoes echoes : List.of(paths.fast, paths.compiledCompat)) {
                assertEquals(255, echoes.u8AsU32((byte) -1));
                assertEquals(65535, echoes.u16AsU32('\uffff'));
                assertEquals(-1, echoes.i8AsI32((byte) -1));
                assertEquals(-1, echoes.i16AsI32((short) -1));
                assertEquals(255, echoes.echoU8AsInt(255));
            }
            assertEquals(255, paths.function("echo_u8", "u8(u8)").invoke((byte) -1));
            assertEquals(255, paths.boxed.echoU8(255));
        }
    }

    /** Evidence: FloatTest, CompiledCodeTest, FloatAndPointerDifferentialTest. */
    @Nested
    class Behaviour03FloatsKeepNanInfinitiesAndNegativeZero {
        @Test
        void payloadNanInfinityAndNegativeZeroKeepTheirBitsOnEveryPath() throws Throwable {
            MethodHandle echo = paths.function("echo_f64", "f64(f64)").handle();
            for (long bits : new long[] {0xfff8_0000_dead_beefL, 0x7ff0_0000_0000_0001L, 0x7ff0_0000_0000_0000L,
                0x8000_0000_0000_0000L}) {
                double v = longBitsToDouble(bits);
                assertEquals(bits, doubleToRawLongBits(paths.fast.echoF64(v)));
                assertEquals(bits, doubleToRawLongBits(paths.compiledCompat.echoF64(v)));
                assertEquals(bits, doubleToRawLongBits(paths.boxed.echoF64(v)));
                assertEquals(bits, doubleToRawLongBits((Double) paths.function("echo_f64", "f64(f64)").invoke(v)));
                assertEquals(bits, doubleToRawLongBits((double) echo.invokeExact(v)));
            }
            assertEquals(0x7fc1_2345, floatToRawIntBits(paths.fast.echoF32(intBitsToFloat(0x7fc1_2345))));
        }
    }

    /** Evidence: PointerTest, FloatAndPointerDifferentialTest#pointerKeepsEveryAddressOnEveryPath. */
    @Nested
    class Behaviour04PointerAcceptsNullSegmentsAndLongAddressesOnTheFastPath {
        @Test
        void nullSegmentAndAddressReachC() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment fortyTwo = arena.allocateFrom(ValueLayout.JAVA_INT, 42);
                assertEquals(42, paths.fast.readI32(fortyTwo));
                assertEquals(fortyTwo.address(), paths.fast.echoPointerAddress(fortyTwo.address()));
                assertEquals(MemorySegment.NULL, paths.fast.echoPointer(null));
            }
        }
    }

    /** Evidence: ArrayBufferTest, MemoryBufferTest, DynamicBufferTest, StringTest, BadInputMatrixTest. */
    @Nested
    class Behaviour05RawBytesGoThroughBufferAndAStringNeverBecomesAPointer {
        @Test
        void bytesReachCAsABufferAndAStringIsRefusedAsPointerOrBuffer() {
            assertEquals(255L + 1, paths.fast.sumU8(new byte[] {-1, 1}, 2));
            String pointer = Robust.assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                    () -> paths.function("is_null", "i32(pointer)").invoke("abc")).getMessage();
            assertTrue(pointer.contains("is never turned into a pointer"), pointer);
            String buffer = Robust.assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                    () -> paths.function("sum_u8", "i64(buffer, usize)").invoke("abc", 3L)).getMessage();
            assertTrue(buffer.contains("is never turned into a buffer"), buffer);
        }
    }

    /** Evidence: CloseTest, CloseRaceTest, CloseRaceWithBuffersStringsAndBindingTest, BadInputMatrixTest. */
    @Nested
    class Behaviour06ClosedLibraryThrowsLibraryClosedBeforeAnyNativeCodeRuns {
        @Test
        void everyPathThrowsLibraryClosedAfterClose() {
            Library library = Robust.open();
            ScalarEchoes fast = library.bind(ScalarEchoes.class);
            ScalarEchoes compat = CompiledCompat.bind(library);
            MethodHandle echo = library.function("echo_i32", "i32(i32)").handle();
            library.close();
            Robust.assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> fast.echoI32(1));
            Robust.assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> compat.echoI32(1));
            Robust.assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> {
                int ignored = (int) echo.invokeExact(1);
            });
        }
    }

    /** Evidence: BadInputMatrixTest, IntegerDifferentialTest, NarrowIntegerRangeTest, CompatArgumentTest. */
    @Nested
    class Behaviour07BadArgumentsThrowInvalidArgumentNamingIndexTypeAndValueAlikeOnEveryPath {
        @Test
        void u8Of256GivesOneMessageOnEveryPath() {
            Outcome expected = new Outcome(null, FfiException.Code.INVALID_ARGUMENT,
                    paths.argument("echo_u8", 0, "u8") + "256 is outside 0..255");
            AllPaths.compare()
                    .path("fast", () -> paths.fast.echoU8AsInt(256))
                    .path("compiled compat", () -> paths.compiledCompat.echoU8AsInt(256))
                    .path("boxed", () -> paths.boxed.echoU8(256))
                    .path("invoke", () -> paths.function("echo_u8", "u8(u8)").invoke(256))
                    .allAre(expected);
        }

        @Test
        void aSegmentConfinedToAnotherThreadGivesOneMessageOnEveryPath() throws InterruptedException {
            MemorySegment[] elsewhere = new MemorySegment[1];
            Thread owner = Thread.ofPlatform().start(
                    () -> elsewhere[0] = Arena.ofConfined().allocateFrom(ValueLayout.JAVA_INT, 42));
            owner.join();
            MemorySegment segment = elsewhere[0];
            readI32RefusesOnEveryPath(segment, " belongs to a confined Arena of another thread, which alone may pass"
                    + " it; no native code ran");
        }

        /** {@code read_i32(segment)} on every path: INVALID_ARGUMENT naming argument 0, the segment and {@code problem}. */
        private void readI32RefusesOnEveryPath(MemorySegment segment, String problem) {
            Outcome expected = new Outcome(null, FfiException.Code.INVALID_ARGUMENT,
                    paths.argument("read_i32", 0, "pointer") + shown(segment) + problem);
            AllPaths.compare()
                    .path("fast", () -> paths.fast.readI32(segment))
                    .path("compiled compat", () -> paths.compiledCompat.readI32(segment))
                    .path("boxed", () -> paths.boxed.readI32(segment))
                    .path("invoke", () -> paths.function("read_i32", "i32(pointer)").invoke(segment))
                    .path("handle", () -> readI32ThroughHandle(segment))
                    .allAre(expected);
        }

        @Test
        void aSegmentOfAClosedArenaGivesOneMessageOnEveryPath() {
            Arena arena = Arena.ofConfined();
            MemorySegment segment = arena.allocateFrom(ValueLayout.JAVA_INT, 42);
            arena.close();
            readI32RefusesOnEveryPath(segment, " belongs to an Arena that is closed; no native code ran");
        }

        @Test
        void aSegmentOfAClosedArenaAfterThirteenScalarsIsNamedAsArgument13OnEveryPath() {
            Arena arena = Arena.ofConfined();
            MemorySegment segment = arena.allocateFrom(ValueLayout.JAVA_INT, 42);
            arena.close();
            Outcome expected = new Outcome(null, FfiException.Code.INVALID_ARGUMENT, paths.argument("mix_scalars", 13,
                    "pointer") + shown(segment) + " belongs to an Arena that is closed; no native code ran");
            AllPaths.compare()
                    .path("fast", () -> paths.fast.mixScalars(true, (byte) 1, (byte) 2, (short) 3, 'a', 5, 6, 7L, 8L,
                            9L, 10L, 1.5f, 2.5d, segment))
                    .path("compiled compat", () -> paths.compiledCompat.mixScalars(true, (byte) 1, (byte) 2, (short) 3,
                            'a', 5, 6, 7L, 8L, 9L, 10L, 1.5f, 2.5d, segment))
                    .path("invoke", () -> paths.function("mix_scalars", MIX).invoke(true, (byte) 1, (byte) 2,
                            (short) 3, 'a', 5, 6, 7L, 8L, 9L, 10L, 1.5f, 2.5d, segment))
                    .path("handle", () -> mixScalarsThroughHandle(segment))
                    .allAre(expected);
        }
    }

    private static final String MIX = "u64(bool, i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, pointer)";

    /** A segment as argument messages show it: its address and size. */
    private static String shown(MemorySegment segment) {
        return "MemorySegment 0x" + Long.toHexString(segment.address()) + " of " + segment.byteSize() + " bytes";
    }

    /** {@code mix_scalars} through {@code DynamicFunction.handle()}, with {@code p} as its pointer. */
    private static long mixScalarsThroughHandle(MemorySegment p) throws Exception {
        try {
            return (long) paths.function("mix_scalars", MIX).handle().invokeExact(true, (byte) 1, (byte) 2,
                    (short) 3, 'a', 5, 6, 7L, 8L, 9L, 10L, 1.5f, 2.5d, p);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("neither an exception nor an error", t);
        }
    }

    /** {@code read_i32} through {@code DynamicFunction.handle()}, whose {@code invokeExact} declares Throwable. */
    private static int readI32ThroughHandle(MemorySegment segment) throws Exception {
        try {
            return (int) paths.function("read_i32", "i32(pointer)").handle().invokeExact(segment);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("neither an exception nor an error", t);
        }
    }

    /** Evidence: CallbackFailureTest, NativeThreadCallbackTest, BadInputMatrixTest (callback cases). */
    @Nested
    class Behaviour08ThrowingCallbackFailsTheCallWithCallbackFailedAndTheJvmSurvives {
        @Test
        void callbackThatThrowsMakesTheCallThrowCallbackFailedWithItAsCause() {
            Callbacks callbacks = paths.library.bind(Callbacks.class);
            IllegalStateException boom = new IllegalStateException("boom");
            FfiException thrown = Robust.assertFfiException(FfiException.Code.CALLBACK_FAILED,
                    () -> callbacks.applyTransient(x -> {
                        throw boom;
                    }, 1));
            assertSame(boom, thrown.getCause());
            assertEquals(3, callbacks.applyTransient(x -> x + 1, 2), "the next call works");
        }
    }

    /** Evidence: GeneratedBindingTest, FallbackTest. */
    @Nested
    class Behaviour09SignatureIsFastOrCompatAsAWholeAndDescribeSaysWhy {
        @Test
        void describeJudgesEachMethodWholeAndGivesAReason() {
            CallPath fastOrOff = Robust.fastPathEnabled() ? CallPath.FAST : CallPath.COMPAT;
            for (CallPlan plan : FastFfi.describe(ScalarEchoes.class)) {
                assertEquals(fastOrOff, plan.path(), plan::toString);
            }
            for (CallPlan plan : FastFfi.describe(BoxedEchoes.class)) {
                assertEquals(CallPath.COMPAT, plan.path(), plan::toString);
                assertTrue(!plan.reason().isBlank(), plan::toString);
            }
        }
    }

    /** Evidence: the it-tests POM's compatibility-path execution and every *DifferentialTest. */
    @Nested
    class Behaviour10FastFalseAtRunOrCompileTimePutsEveryCallOnTheCompatibilityPathWithIdenticalResults {
        @Test
        void interfaceCompiledWithFastFalseIsAllCompatAndGivesTheFastResults() {
            for (CallPlan plan : FastFfi.describe(CompiledCompat.iface())) {
                assertEquals(CallPath.COMPAT, plan.path(), plan::toString);
                if (Robust.fastPathEnabled()) {
                    assertEquals("compiled with -Afastffi.fast=false, which puts every method on the compatibility path",
                            plan.reason());
                }
            }
            for (long v : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
                assertEquals(paths.fast.echoU64(v), paths.compiledCompat.echoU64(v));
                assertEquals(paths.fast.u32AsU64((int) v), paths.compiledCompat.u32AsU64((int) v));
            }
        }
    }
}

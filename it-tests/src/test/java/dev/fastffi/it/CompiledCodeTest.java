package dev.fastffi.it;

import static java.lang.Double.doubleToRawLongBits;
import static java.lang.Double.longBitsToDouble;
import static java.lang.Float.floatToRawIntBits;
import static java.lang.Float.intBitsToFloat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Library;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundary checks of the other tests, repeated until the JIT has compiled the calls: the
 * interpreter and C2 handle extensions and float registers separately, and a few calls only ever
 * run interpreted.
 */
class CompiledCodeTest {
    /** Well past C2's default compile threshold of 10,000 invocations. */
    private static final int CALLS = 30_000;

    private static Library library;
    private static NarrowIntegers narrow;
    private static WideIntegers wide;
    private static Floats floats;
    private static Pointers pointers;
    private static RawRegister raw;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        narrow = library.bind(NarrowIntegers.class);
        wide = library.bind(WideIntegers.class);
        floats = library.bind(Floats.class);
        pointers = library.bind(Pointers.class);
        raw = library.bind(RawRegister.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void u8StaysZeroExtendedInItsRegisterWhenCompiled() throws Throwable {
        MethodHandle u8 = library.function("raw_register_32", "u32(u8)").handle();
        for (int i = 0; i < CALLS; i++) {
            assertEquals(0xFF, raw.u8((byte) -1));
            assertEquals(0xFFL, raw.u8FromInt(255));
            assertEquals(0xFF, (int) u8.invokeExact((byte) -1));
        }
    }

    @Test
    void narrowResultsStayExtendedWhenCompiled() {
        for (int i = 0; i < CALLS; i++) {
            assertEquals(255, narrow.echoU8AsInt(255));
            assertEquals(-128, narrow.echoI8AsInt(-128));
            assertEquals(65535, narrow.echoU16AsInt(65535));
            assertEquals(-32768, narrow.echoI16AsInt(-32768));
            assertEquals(4294967295L, narrow.echoU32AsLong(4294967295L));
            assertEquals(4294967295L, narrow.u32AsU64(-1));
        }
    }

    @Test
    void u64MaxStaysMinusOneWhenCompiled() {
        for (int i = 0; i < CALLS; i++) {
            assertEquals(-1L, wide.echoU64(-1L));
            assertEquals(1, wide.isMaxU64(-1L));
        }
    }

    @Test
    void floatBitsSurviveWhenCompiled() throws Throwable {
        MethodHandle echoF32 = library.function("echo_f32", "f32(f32)").handle();
        float payloadNan = intBitsToFloat(0xffc12345);
        double negativePayloadNan = longBitsToDouble(0xfff80000deadbeefL);
        for (int i = 0; i < CALLS; i++) {
            assertEquals(0xffc12345, floatToRawIntBits(floats.echoF32(payloadNan)));
            assertEquals(0xffc12345, floatToRawIntBits((float) echoF32.invokeExact(payloadNan)));
            assertEquals(0xfff80000deadbeefL, doubleToRawLongBits(floats.echoF64(negativePayloadNan)));
            assertEquals(0xfff80000deadbeefL, floats.u64BitsOfF64(negativePayloadNan));
            assertEquals(0x80000000, floatToRawIntBits(floats.negZeroF32()));
        }
    }

    @Test
    void pointersKeepNullAndAddressesWhenCompiled() {
        for (int i = 0; i < CALLS; i++) {
            assertEquals(1, pointers.isNull(null));
            assertEquals(MemorySegment.NULL, pointers.nullPointer());
            assertEquals(-16L, pointers.echoAddress(-16L));
        }
    }
}

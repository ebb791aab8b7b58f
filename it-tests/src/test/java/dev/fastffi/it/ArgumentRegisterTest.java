package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.DynamicFunction;
import dev.fastffi.Library;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How narrow arguments arrive in their register, read back by the fixture's assembly function
 * raw_register_32. FFM sign-extends every byte, but callees built by clang expect a uint8_t
 * zero-extended to 32 bits, so u8 255 must arrive as 0x000000FF; the other narrow types must
 * arrive extended as their C type says, as clang expects too.
 */
class ArgumentRegisterTest {
    private static Library library;
    private static RawRegister raw;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        raw = library.bind(RawRegister.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void u8ArrivesZeroExtendedThroughABinding() {
        assertEquals(0x0000_00FF, raw.u8((byte) -1));
        assertEquals(0x0000_0080, raw.u8((byte) 0x80));
        assertEquals(0x0000_00FFL, raw.u8FromInt(255));
        assertEquals(0L, raw.u8FromInt(0));
    }

    @Test
    void u8ArrivesZeroExtendedThroughACompatMethod() {
        assertEquals(0x0000_00FFL, raw.u8Boxed(255));
        assertEquals(0x0000_0080L, raw.u8Boxed(128));
    }

    @Test
    void u8ArrivesZeroExtendedThroughTheExactHandle() throws Throwable {
        MethodHandle u8 = library.function("raw_register_32", "u32(u8)").handle();
        assertEquals(0x0000_00FF, (int) u8.invokeExact((byte) -1));
        assertEquals(0x0000_0080, (int) u8.invokeExact((byte) 0x80));
    }

    @Test
    void u8ArrivesZeroExtendedThroughInvoke() {
        DynamicFunction u8 = library.function("raw_register_32", "u32(u8)");
        assertEquals(0x0000_00FFL, u8.invoke(255));
        assertEquals(0x0000_0080L, u8.invoke(128));
    }

    @Test
    void u8ArrivesAs0x000000FFInTheFirstArgumentRegisterOfThisMachine() throws Throwable {
        MethodHandle u8 = library.function(firstArgumentRegisterProbe(), "u32(u8)").handle();
        assertEquals(0x0000_00FF, (int) u8.invokeExact((byte) -1));
    }

    @Test
    void i8ArrivesSignExtended() throws Throwable {
        MethodHandle i8 = library.function("raw_register_32", "u32(i8)").handle();
        assertEquals(0xFFFF_FFFF, raw.i8((byte) -1));
        assertEquals(0xFFFF_FF80, raw.i8((byte) -128));
        assertEquals(0x0000_007F, raw.i8((byte) 127));
        assertEquals(0xFFFF_FF80, (int) i8.invokeExact((byte) -128));
        assertEquals(0xFFFF_FF80L, library.function("raw_register_32", "u32(i8)").invoke(-128));
    }

    @Test
    void u16ArrivesZeroExtended() throws Throwable {
        MethodHandle u16 = library.function("raw_register_32", "u32(u16)").handle();
        assertEquals(0x0000_FFFF, raw.u16('\uFFFF'));
        assertEquals(0x0000_8000, raw.u16('\u8000'));
        assertEquals(0x0000_FFFF, (int) u16.invokeExact('\uFFFF'));
        assertEquals(0x0000_FFFFL, library.function("raw_register_32", "u32(u16)").invoke(65535));
    }

    @Test
    void i16ArrivesSignExtended() throws Throwable {
        MethodHandle i16 = library.function("raw_register_32", "u32(i16)").handle();
        assertEquals(0xFFFF_FFFF, raw.i16((short) -1));
        assertEquals(0xFFFF_8000, raw.i16(Short.MIN_VALUE));
        assertEquals(0xFFFF_8000, (int) i16.invokeExact(Short.MIN_VALUE));
    }

    @Test
    void boolArrivesAsZeroOrOne() {
        assertEquals(1, raw.bool(true));
        assertEquals(0, raw.bool(false));
    }

    /** The fixture's name for the probe on this architecture: the register it reads, in the ABI's words. */
    private static String firstArgumentRegisterProbe() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "raw_edi_u8";
            case "aarch64" -> "raw_w0_u8";
            default -> throw new AssertionError("fixture.c has no raw register probe for os.arch " + arch);
        };
    }
}

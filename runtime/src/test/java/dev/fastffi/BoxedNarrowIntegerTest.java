package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A {@code Short} for a u16 and a {@code Character} for an i16 are not their C type's carrier, so
 * they are range-checked: a binding without generated code and {@code invoke} reject alike.
 */
class BoxedNarrowIntegerTest {
    /** Bound without generated code: the runtime reads the methods by reflection. */
    public interface LibC {
        @NativeFunction(value = "u16(u16)", symbol = "htons")
        Integer htons(Short value);

        @NativeFunction(value = "i32(i16)", symbol = "abs")
        Integer abs(Character value);
    }

    private final LibC bound = Library.system().bind(LibC.class);
    private final DynamicFunction htons = Library.system().function("htons", "u16(u16)");
    private final DynamicFunction abs = Library.system().function("abs", "i32(i16)");

    @Test
    void negativeShortForU16IsOneInvalidArgumentOnBothPaths() {
        String expected = "INVALID_ARGUMENT: system htons, argument 0 (u16): -1 is outside 0..65535";
        assertInvalid(expected, () -> bound.htons((short) -1));
        assertInvalid(expected, () -> htons.invoke((short) -1));
    }

    @Test
    void characterAbove32767ForI16IsOneInvalidArgumentOnBothPaths() {
        String expected = "INVALID_ARGUMENT: system abs, argument 0 (i16): 65535 is outside -32768..32767";
        assertInvalid(expected, () -> bound.abs((char) 0xFFFF));
        assertInvalid(expected, () -> abs.invoke((char) 0xFFFF));
    }

    @Test
    void valuesTheCTypeHoldsReachC() {
        assertEquals(0x0201, bound.htons((short) 0x0102));
        assertEquals(0x0201, htons.invoke((short) 0x0102));
        assertEquals(32767, bound.abs((char) 0x7FFF));
        assertEquals(32767, abs.invoke((char) 0x7FFF));
    }

    private static void assertInvalid(String expected, Executable call) {
        FfiException thrown = assertThrows(FfiException.class, call);
        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
        assertEquals(expected, thrown.getMessage());
    }
}

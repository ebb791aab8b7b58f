package dev.fastffi.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.FastFfi;
import org.junit.jupiter.api.Test;

/** jextract's shape of the cold-start functions calls the same twenty C functions as fastffi's binding. */
class ColdJextractTest {
    @Test
    void everyFunctionReturnsWhatFastFfisBindingReturns() {
        ColdLib lib = FastFfi.load(ColdLib.class);

        assertEquals(lib.cold0(3, -7), ColdJextract.cold_0(3, -7));
        assertEquals(lib.cold1(1L << 40, 5L), ColdJextract.cold_1(1L << 40, 5L));
        assertEquals(lib.cold2(1.5, -0.25), ColdJextract.cold_2(1.5, -0.25));
        assertEquals(lib.cold3(2.5f, 0.5f), ColdJextract.cold_3(2.5f, 0.5f));
        assertEquals(lib.cold4(-11), ColdJextract.cold_4(-11));
        assertEquals(lib.cold5(Long.MIN_VALUE + 9), ColdJextract.cold_5(Long.MIN_VALUE + 9));
        assertEquals(lib.cold6(6.75), ColdJextract.cold_6(6.75));
        assertEquals(lib.cold7(-3.5f), ColdJextract.cold_7(-3.5f));
        assertEquals(lib.cold8(1, 2, 3), ColdJextract.cold_8(1, 2, 3));
        assertEquals(lib.cold9(4L, 5L, 6L), ColdJextract.cold_9(4L, 5L, 6L));
        assertEquals(lib.cold10(0.1, 0.2, 0.3), ColdJextract.cold_10(0.1, 0.2, 0.3));
        assertEquals(lib.cold11(1L << 33, 8), ColdJextract.cold_11(1L << 33, 8));
        assertEquals(lib.cold12(9, 1L << 35), ColdJextract.cold_12(9, 1L << 35));
        assertEquals(lib.cold13(10, 2.75), ColdJextract.cold_13(10, 2.75));
        assertEquals(lib.cold14(3.25, 11), ColdJextract.cold_14(3.25, 11));
        assertEquals(lib.cold15(12.9), ColdJextract.cold_15(12.9));
        assertEquals(lib.cold16(13.5, 14.5), ColdJextract.cold_16(13.5, 14.5));
        assertEquals(lib.cold17(1, 2, 3, 4), ColdJextract.cold_17(1, 2, 3, 4));
        assertEquals(lib.cold18(5, 6, 7, 8), ColdJextract.cold_18(5, 6, 7, 8));
        assertEquals(lib.cold19(1L << 50), ColdJextract.cold_19(1L << 50));
    }

    @Test
    void theFunctionsOfTheHeaderAreLinkedFromItsDescriptors() {
        // each holder's descriptor is jextract's: C layouts of the header's superclass, in C's order
        assertEquals(java.lang.foreign.FunctionDescriptor.of(ColdJextract.C_INT, ColdJextract.C_INT, ColdJextract.C_INT),
                ColdJextract.cold_0$descriptor());
        assertEquals(ColdJextract.cold_0$descriptor().toMethodType(), ColdJextract.cold_0$handle().type());
        assertEquals(ColdJextract.SYMBOL_LOOKUP.find("cold_0").orElseThrow(), ColdJextract.cold_0$address());
    }
}

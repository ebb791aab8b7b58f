package dev.fastffi.it.structs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.it.structs.Carriers.Address;
import dev.fastffi.it.structs.Carriers.BoxedFlags;
import dev.fastffi.it.structs.Carriers.BoxedPoint;
import dev.fastffi.it.structs.Carriers.Huge;
import dev.fastffi.it.structs.Carriers.Unsigned;
import dev.fastffi.it.structs.Carriers.WideFlags;
import dev.fastffi.it.structs.Carriers.WideNested;
import dev.fastffi.it.structs.Carriers.WidePadded;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Records whose components are any carrier the type table allows for their fields, on a generated
 * binding: the same values and the same rejections in the default run and with {@code -Dfastffi.fast=false}.
 */
class StructCarrierTest {
    private static Library library;
    private static CarrierFunctions carriers;
    private static String site;

    @BeforeAll
    static void open() {
        library = StructFixture.open();
        carriers = library.bind(CarrierFunctions.class);
        site = "INVALID_ARGUMENT: " + System.getProperty("fastffi.fixture") + " ";
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private static void assertRejected(String message, Executable call) {
        FfiException e = assertThrows(FfiException.class, call);
        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code(), e::getMessage);
        assertEquals(site + message, e.getMessage());
    }

    @Test
    void narrowFieldsInIntsRoundTripWithTheirCValues() {
        assertEquals(new WideFlags(false, 65535, 32767, -127), carriers.flip(new WideFlags(true, 65534, -32767, -126)));
        assertEquals(new WideFlags(true, 0, -5, -128), carriers.flip(new WideFlags(false, 65535, 5, -127)));
    }

    @Test
    void boxedFieldsRoundTripAsTheFastOnes() {
        assertEquals(new BoxedFlags(true, '\u0000', (short) -5, -128L),
                carriers.flip(new BoxedFlags(false, '\uffff', (short) 5, -127L)));
    }

    @Test
    void aU8InAnIntReadsZeroExtended() {
        assertEquals(new WidePadded(255, 0.5), carriers.next(new WidePadded(254, 1.0)));
        assertEquals(new WidePadded(0, 0.5), carriers.next(new WidePadded(255, 1.0)));
        assertEquals(200L, carriers.tag(new WidePadded(200, 0)));
    }

    @Test
    void anArrayOfWidenedRecordsIsCopiedInAndBack() {
        WidePadded[] values = {new WidePadded(1, 1.5), new WidePadded(255, -2)};

        carriers.bump(values, values.length);

        assertArrayEquals(new WidePadded[] {new WidePadded(2, 3.0), new WidePadded(0, -4)}, values);
    }

    @Test
    void u32FieldsInLongsKeepTheirFullRange() {
        assertEquals(new Unsigned(4294967295L, 2147483648L), carriers.make(-1, Integer.MIN_VALUE));
        assertEquals(-1, carriers.dot(new Unsigned(4294967295L, 0), new Unsigned(1, 0)));
    }

    @Test
    void aU64FieldInABigIntegerKeepsAll64Bits() {
        BigInteger max = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

        assertEquals(new Huge(4.0, max, -3), carriers.next(new Huge(2.0, max.subtract(BigInteger.ONE), 3)));
    }

    @Test
    void aHeapSegmentInAPointerFieldIsRejectedNamingItsField() {
        assertRejected("st_tagged_next, argument 0 ({pointer, i64}), field 0 (pointer): a heap MemorySegment cannot be"
                + " passed as a pointer; declare the argument as 'buffer' or pass memory from an Arena",
                () -> carriers.passSegment(new Shapes.Tagged(MemorySegment.ofArray(new byte[8]), 1)));
        Shapes.Tagged fromNull = carriers.passSegment(new Shapes.Tagged(null, 1));
        assertEquals(1L, fromNull.address().address());
        assertEquals(2L, fromNull.tag());
    }

    @Test
    void aPointerFieldInALongIsItsAddress() {
        assertEquals(new Address(0x1001L, 6), carriers.pass(new Address(0x1000L, 3)));
    }

    @Test
    void nestedRecordsMixWidenedAndBoxedComponents() {
        assertEquals(new WideNested(255, new BoxedPoint(11, -1L), 20.0),
                carriers.move(new WideNested(254, new BoxedPoint(10, 0L), 2.0), 1, -1));
    }

    @Test
    void anOutOfRangeFieldIsRejectedNamingTheFieldOnBothPaths() {
        assertRejected("st_padded_tag, argument 0 ({u8, f64}), field 0 (u8): 300 is outside 0..255",
                () -> carriers.tag(new WidePadded(300, 0)));
        assertRejected("st_flags_flip, argument 0 ({bool, u16, i16, i8}), field 2 (i16): 32768 is outside"
                + " -32768..32767", () -> carriers.flip(new WideFlags(true, 0, 32768, 0)));
        assertRejected("st_small_dot, argument 1 ({u32, u32}), field 1 (u32): 4294967296 is outside 0..4294967295",
                () -> carriers.dot(new Unsigned(0, 0), new Unsigned(0, 4294967296L)));
        assertRejected("st_nested_move, argument 0 ({u8, {i32, i32}, f64}), field 1 (i32): null cannot be passed"
                + " as i32", () -> carriers.move(new WideNested(1, new BoxedPoint(1, null), 0), 0, 0));
        assertRejected("st_padded_bump, argument 0 (buffer), field 0 (u8): -1 is outside 0..255",
                () -> carriers.bump(new WidePadded[] {new WidePadded(1, 0), new WidePadded(-1, 0)}, 2));
        assertRejected("st_large_next, argument 0 ({f64, u64, i32}), field 1 (u64): -1 is outside"
                + " 0..18446744073709551615", () -> carriers.next(new Huge(0, BigInteger.ONE.negate(), 0)));
    }

    @Test
    void boxedComponentsPutTheWholeMethodOnTheCompatibilityPathNamingTheComponent() {
        Map<String, CallPlan> plans = FastFfi.describe(CarrierFunctions.class).stream()
                .filter(plan -> plan.method().equals("move") || plan.method().equals("pass"))
                .collect(Collectors.toMap(CallPlan::method, Function.identity()));

        assertEquals(CallPath.COMPAT, plans.get("move").path());
        assertEquals(fastPathEnabled() ? CallPath.FAST : CallPath.COMPAT, plans.get("pass").path());
        if (fastPathEnabled()) {
            assertEquals("argument 0 is WideNested: record BoxedPoint component 'x' is Integer: boxed values are on"
                    + " the compatibility path; use int to stay fast", plans.get("move").reason());
        }
    }

    private static boolean fastPathEnabled() {
        return !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));
    }
}

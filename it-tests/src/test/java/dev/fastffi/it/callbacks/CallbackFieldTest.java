package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.ref.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Structs holding a function pointer as a record whose component is a @NativeCallback interface:
 * read as views, written as views' addresses or callback objects' stubs, the same in the default run
 * and with {@code -Dfastffi.fast=false}.
 */
class CallbackFieldTest {
    /** The build runs these tests again with -Dfastffi.fast=false, which gives every method that reason. */
    private static final boolean FAST = !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));

    private static Library library;
    private static CallbackFields fields;

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        fields = library.bind(CallbackFields.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void aStructResultByValueReadsItsFunctionFieldAsAView() {
        Handler square = fields.cf_make(1);
        Handler negate = fields.cf_make(2);

        assertEquals(1, square.tag());
        assertEquals(49L, square.op().apply(7));
        assertEquals(-7L, negate.op().apply(7));
        assertNull(fields.cf_make(3).op());
    }

    @Test
    void aViewOfAFieldIsClosedWithTheLibraryTheStructCameFrom() {
        Library other = CallbackFixture.open();
        HandlerOp square = other.bind(CallbackFields.class).cf_make(1).op();
        assertEquals(9L, square.apply(3));
        other.close();

        FfiException e = assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> square.apply(3));
        assertEquals(true, e.getMessage().endsWith(": the library was closed; no native code ran"), e.getMessage());
    }

    @Test
    void aStructPointerResultReadAsARecordReadsItsFunctionFieldAsAView() {
        Handler negate = fields.cf_make_at(2);

        assertEquals(2, negate.tag());
        assertEquals(5L, negate.op().apply(-5));
        assertNull(fields.cf_make_at(0).op());
    }

    @Test
    void aViewPassedBackPassesTheAddressOfItsFunction() {
        Handler square = fields.cf_make(1);

        assertEquals(101L, fields.cf_apply(new Handler(1, square.op()), 10));
        assertEquals(105L, fields.cf_apply_at(new Handler(5, square.op()), 10));
        fields.cf_keep(square);
        assertEquals(17L, fields.cf_call_kept(4));
    }

    @Test
    void aCallbackObjectIsPassedAsItsStubWhichCCalls() {
        HandlerOp triple = x -> 3 * x;

        assertEquals(32L, fields.cf_apply(new Handler(2, triple), 10));
        assertEquals(33L, fields.cf_apply_at(new Handler(3, triple), 10));
        Reference.reachabilityFence(triple);
    }

    @Test
    void cKeepsACallbackObjectsStubWhileJavaHoldsTheObject() {
        HandlerOp plusOne = x -> x + 1;

        fields.cf_keep(new Handler(10, plusOne));

        assertEquals(15L, fields.cf_call_kept(4));
        assertEquals(15L, fields.cf_call_kept(4));
        Reference.reachabilityFence(plusOne);
        fields.cf_keep(new Handler(0, null));
        assertEquals(-1L, fields.cf_call_kept(4));
    }

    @Test
    void nullIsPassedAsNull() {
        assertEquals(-1L, fields.cf_apply(new Handler(1, null), 10));
    }

    @Test
    void recordsCopiedBackReadTheirFunctionFieldsAsViews() {
        HandlerOp triple = x -> 3 * x;
        Handler[] behind = {fields.cf_make(1), new Handler(7, triple)};
        Handler[] buffer = {fields.cf_make(2)};

        fields.cf_swap_all(behind, 2);
        fields.swapAll(buffer, 1);

        assertEquals(2, behind[0].tag());
        assertEquals(-4L, behind[0].op().apply(4));
        assertEquals(8, behind[1].tag());
        assertEquals(16L, behind[1].op().apply(4));
        assertEquals(3, buffer[0].tag());
        assertEquals(16L, buffer[0].op().apply(4));
        Reference.reachabilityFence(triple);
    }

    @Test
    void aCallbackReceivesAStructWhoseFunctionFieldIsAView() {
        long result = fields.cf_visit(handler -> handler.op() == null ? -100 : handler.op().apply(6) + handler.tag(), 1);

        assertEquals(37L, result);
        assertEquals(-100L, fields.cf_visit(handler -> handler.op() == null ? -100 : 0, 9));
    }

    @Test
    void aCallbackReturnsAStructWhoseFunctionFieldIsACallbackObjectOrAView() {
        HandlerOp half = x -> x / 2;
        Handler negate = fields.cf_make(2);

        assertEquals(25L, fields.cf_produce(tag -> new Handler(tag, half), 5, 40));
        assertEquals(-38L, fields.cf_produce(tag -> new Handler(tag, negate.op()), 2, 40));
        Reference.reachabilityFence(half);
    }

    @Test
    void methodsWithACallbackFieldRecordAreOnTheCompatibilityPathNamingTheComponent() {
        CallPlan plan = FastFfi.describe(CallbackFields.class).stream()
                .filter(p -> p.method().equals("cf_apply")).findFirst().orElseThrow();

        assertEquals(CallPath.COMPAT, plan.path());
        assertEquals(FAST ? "argument 0 is Handler: record Handler component 'op' is a @NativeCallback interface: such"
                + " a field is read as a view of the function pointer and written as a callback object's stub, both"
                + " on the compatibility path; declare it as MemorySegment to stay fast"
                : "-Dfastffi.fast=false puts every call on the compatibility path", plan.reason());
    }

    @Test
    void aCallbackObjectOfTwoCallbackInterfacesIsRejectedNamingItsField() {
        class Both implements HandlerOp, IntOp {
            @Override
            public long apply(long x) {
                return x;
            }

            @Override
            public int apply(int x) {
                return x;
            }

            @Override
            public String toString() {
                return "both";
            }
        }

        FfiException e = assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                () -> fields.cf_apply(new Handler(1, new Both()), 1));

        assertEquals("INVALID_ARGUMENT: " + library.name() + " cf_apply, argument 0 ({i32, function}), field 1"
                + " (function): Both both implements several @NativeCallback interfaces [HandlerOp, IntOp]; pass"
                + " Upcall.of(TheInterface.class, target)", e.getMessage());
    }
}

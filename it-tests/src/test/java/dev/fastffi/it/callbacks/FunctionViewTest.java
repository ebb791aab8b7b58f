package dev.fastffi.it.callbacks;

import static dev.fastffi.it.callbacks.CallbackFixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Function pointers C returns, called through @NativeCallback views: generated, or compatibility proxies. */
class FunctionViewTest {
    /** The build runs these tests again with -Dfastffi.fast=false, where views are compatibility proxies. */
    private static final boolean FAST = !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));

    private static Library library;
    private static FunctionPointers pointers;

    @BeforeAll
    static void open() {
        library = CallbackFixture.open();
        pointers = library.bind(FunctionPointers.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private static String pointer(MemorySegment address) {
        return library.name() + " function pointer 0x" + Long.toHexString(address.address());
    }

    @Test
    void aFunctionResultIsAViewThatCallsTheFunction() {
        Binary add = pointers.cb_binary_op(0);
        Binary subtract = pointers.cb_binary_op(1);

        assertEquals(42, add.apply(40, 2));
        assertEquals(38, subtract.apply(40, 2));
        assertEquals(Integer.MIN_VALUE, add.apply(Integer.MAX_VALUE, 1));
        assertEquals(5, pointers.boxedBinary(0).apply(2, 3));
    }

    @Test
    void aNullFunctionResultIsNull() {
        assertNull(pointers.cb_binary_op(2));
        assertNull(pointers.boxedBinary(2));
    }

    @Test
    void libraryFunctionViewsAnAddressAsTheCallback() {
        MemorySegment address = pointers.binaryAddress(1);
        Binary subtract = library.function(Binary.class, address);

        assertEquals(-1, subtract.apply(1, 2));
        assertEquals("Binary view of " + pointer(address), subtract.toString());
    }

    @Test
    void theViewIsGeneratedUnlessTheFastPathIsOff() {
        Binary add = pointers.cb_binary_op(0);

        assertEquals(!FAST, Proxy.isProxyClass(add.getClass()));
        assertEquals(FAST ? Binary.class.getName() + "$FastFfiView" : add.getClass().getName(), add.getClass().getName());
    }

    @Test
    void describeSaysAViewResultIsFastWhenTheViewIs() {
        Map<String, CallPlan> plans = FastFfi.describe(FunctionPointers.class).stream()
                .collect(Collectors.toMap(CallPlan::method, Function.identity()));

        assertEquals(FAST ? CallPath.FAST : CallPath.COMPAT, plans.get("cb_binary_op").path());
        assertEquals(CallPath.COMPAT, plans.get("boxedBinary").path());
        if (FAST) {
            assertEquals("the result is a @NativeCallback interface with a compatibility-path view: the callback"
                    + " method has boxed, BigInteger or String types, so its view calls the function on the"
                    + " compatibility path; give it fast types or return MemorySegment to stay fast",
                    plans.get("boxedBinary").reason());
        }
    }

    @Test
    void aViewConvertsNarrowTypesAsABoundMethodDoes() {
        Widen widen = pointers.cb_widen_op();

        assertEquals(255L + 4_294_967_040L, widen.widen(255, 4_294_967_040L));
        assertEquals(0xFFFF_FFFFL, widen.widen(0, -1L));
        FfiException e = assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> widen.widen(256, 0));
        assertEquals("INVALID_ARGUMENT: " + pointer(pointers.widenAddress()) + ", argument 0 (u8): 256 is outside"
                + " 0..255", e.getMessage());
    }

    @Test
    void aViewPassesAStringAsAUtf8Copy() {
        Count count = pointers.cb_count_op();

        assertEquals(6L, count.count("h\u00e9llo"));
        assertEquals(0L, count.count(""));
    }

    @Test
    void aViewPassesAndReturnsAStructByValue() {
        PairOp swap = pointers.cb_swap_op();

        assertEquals(new Pair(2, 1), swap.apply(new Pair(1, 2)));
        assertEquals(new Pair(Integer.MIN_VALUE, -7), swap.apply(new Pair(-7, Integer.MIN_VALUE)));
    }

    @Test
    void aViewIsAlsoACallbackObjectThatCCalls() {
        assertEquals(4_003L, pointers.pairCallTransient(pointers.cb_swap_op(), 3, 4));
    }

    @Test
    void aCallThroughAViewAfterCloseThrowsLibraryClosedBeforeNativeCode() {
        Library other = CallbackFixture.open();
        FunctionPointers bound = other.bind(FunctionPointers.class);
        Binary add = bound.cb_binary_op(0);
        MemorySegment address = bound.binaryAddress(0);
        Binary viewed = other.function(Binary.class, address);
        PairOp swap = bound.cb_swap_op();
        other.close();

        String message = "LIBRARY_CLOSED: " + other.name() + " function pointer 0x" + Long.toHexString(address.address())
                + ": the library was closed; no native code ran";
        assertEquals(message, assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> add.apply(1, 2)).getMessage());
        assertEquals(message, assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> viewed.apply(1, 2))
                .getMessage());
        assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> swap.apply(new Pair(1, 2)));
    }

    @Test
    void aViewOrFunctionOfAnUpcallIsRefusedOnceTheUpcallIsClosed() throws Throwable {
        Upcall<Binary> upcall = Upcall.of(Binary.class, (a, b) -> a * b);
        long stub = upcall.address().address();
        Binary viewed = library.function(Binary.class, upcall.address());
        DynamicFunction function = library.function(upcall.address(), "i32(i32, i32)");
        MethodHandle handle = function.handle();
        assertEquals(6, viewed.apply(2, 3));
        assertEquals(6, function.invoke(2, 3));
        assertEquals(6, (int) handle.invokeExact(2, 3));
        upcall.close();

        // its stub is freed: FFM refuses the call, where calling the address would crash the JVM
        String message = "INVALID_ARGUMENT: " + library.name() + " function pointer 0x"
                + Long.toHexString(stub) + ": the function's address belongs to an Arena that is"
                + " closed, as a closed Upcall's does; no native code ran";
        assertEquals(message, assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> viewed.apply(2, 3))
                .getMessage());
        assertEquals(message, assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> function.invoke(2, 3))
                .getMessage());
        assertEquals(message, assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> {
            int unreached = (int) handle.invokeExact(2, 3);
        }).getMessage());
        // a new upcall, which may get the freed stub's address, is a function of its own
        try (Upcall<Binary> next = Upcall.of(Binary.class, (a, b) -> a + b)) {
            assertEquals(5, library.function(Binary.class, next.address()).apply(2, 3));
        }
    }

    @Test
    void aNullAddressOrAClassThatIsNoCallbackIsInvalidArgument() {
        assertEquals("INVALID_ARGUMENT: " + library.name() + " function(Binary, address): address is NULL, no function"
                + " to call there", assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                        () -> library.function(Binary.class, MemorySegment.NULL)).getMessage());
        assertEquals("INVALID_ARGUMENT: " + library.name() + " function(FunctionPointers, address): "
                + FunctionPointers.class.getName() + " is not an interface annotated @NativeCallback; pass the class"
                + " of the @NativeCallback interface to call the function as",
                assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                        () -> library.function(FunctionPointers.class, pointers.binaryAddress(0))).getMessage());
    }
}

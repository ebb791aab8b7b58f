package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Symbol addresses from {@link Library#find} and functions called through an address, closed with their library. */
class LibraryAddressTest {

    private static void assertFfi(FfiException.Code code, String message, Executable call) {
        FfiException e = assertThrows(FfiException.class, call);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(code + ": " + message, e.getMessage());
    }

    @Test
    void findGivesTheAddressASymbolHasOrNothing() {
        try (Library m = Library.open("m")) {
            Optional<MemorySegment> cos = m.find("cos");

            assertTrue(cos.isPresent());
            assertEquals(0, cos.get().byteSize());
            assertEquals(Optional.empty(), m.find("no_such_function_here"));
            assertEquals(Optional.empty(), m.find(""));
            assertEquals(Optional.empty(), m.find("cos\0"));
        }
    }

    @Test
    void aFoundAddressCallsTheFunctionThroughInvokeAndHandle() throws Throwable {
        try (Library m = Library.open("m")) {
            DynamicFunction cos = m.function(m.find("cos").orElseThrow(), "f64(f64)");

            assertEquals(1.0, cos.invoke(0.0));
            assertEquals(-1.0, (double) cos.handle().invokeExact(Math.PI));
            assertEquals("f64(f64)", cos.signature());
        }
    }

    @Test
    void theSystemLibraryFindsAndCallsLibcAndIsNeverClosed() {
        Library system = Library.system();
        DynamicFunction labs = system.function(system.find("labs").orElseThrow(), "i64(i64)");
        system.close();

        assertEquals(7L, labs.invoke(-7L));
        assertTrue(system.find("labs").isPresent());
    }

    @Test
    void afterCloseFunctionsAtAnAddressAndFindThrowLibraryClosed() {
        Library m = Library.open("m");
        MemorySegment address = m.find("cos").orElseThrow();
        DynamicFunction cos = m.function(address, "f64(f64)");
        MethodHandle handle = cos.handle();
        String pointer = "function pointer 0x" + Long.toHexString(address.address());
        m.close();

        assertFfi(FfiException.Code.LIBRARY_CLOSED, m.name() + " " + pointer + ": the library was closed; no native"
                + " code ran", () -> cos.invoke(0.0));
        assertFfi(FfiException.Code.LIBRARY_CLOSED, m.name() + " " + pointer + ": the library was closed; no native"
                + " code ran", () -> {
                    double unused = (double) handle.invokeExact(0.0);
                });
        assertFfi(FfiException.Code.LIBRARY_CLOSED, m.name() + " " + pointer + ": the library was closed; no native"
                + " code ran", () -> {
                    double unused = (double) cos.handle().invokeExact(0.0);
                });
        assertFfi(FfiException.Code.LIBRARY_CLOSED, m.name() + " cos: the library was closed; no native code ran",
                () -> m.find("cos"));
        assertFfi(FfiException.Code.LIBRARY_CLOSED, m.name() + " function(address, signature): the library was"
                + " closed; no native code ran", () -> m.function(address, "f64(f64)"));
    }

    @Test
    void aNullOrHeapAddressIsNoFunction() {
        Library system = Library.system();
        assertFfi(FfiException.Code.INVALID_ARGUMENT, "system function(address, signature): address is NULL, no"
                + " function to call there", () -> system.function(MemorySegment.NULL, "i32(i32)"));
        assertFfi(FfiException.Code.INVALID_ARGUMENT, "system function(address, signature): address is NULL, no"
                + " function to call there", () -> system.function((MemorySegment) null, "i32(i32)"));
        assertFfi(FfiException.Code.INVALID_ARGUMENT, "system function(address, signature): address is a heap"
                + " segment, which is no function; pass the function pointer C returned",
                () -> system.function(MemorySegment.ofArray(new byte[8]), "i32(i32)"));
        assertFfi(FfiException.Code.INVALID_ARGUMENT, "system find(symbol): symbol is null; pass the name of a"
                + " function or variable", () -> system.find(null));
    }

    @Test
    void anAddressWhoseArenaIsClosedIsNoFunction() {
        Library system = Library.system();
        Upcall<LibraryViewTest.DoubleOp> upcall = Upcall.of(LibraryViewTest.DoubleOp.class, x -> x);
        MemorySegment stub = upcall.address();
        upcall.close();
        MemorySegment freed;
        try (Arena arena = Arena.ofConfined()) {
            freed = arena.allocate(8);
        }
        MemorySegment closed = freed;

        assertFfi(FfiException.Code.INVALID_ARGUMENT, "system function(address, signature): address belongs to an"
                + " arena or Upcall that is closed; its memory is freed, no function to call there",
                () -> system.function(stub, "f64(f64)"));
        assertFfi(FfiException.Code.INVALID_ARGUMENT, "system function(address, signature): address belongs to an"
                + " arena or Upcall that is closed; its memory is freed, no function to call there",
                () -> system.function(closed, "i32(i32)"));
    }

    @Test
    void aBadSignatureForAnAddressIsInvalidSignature() {
        Library system = Library.system();
        FfiException e = assertThrows(FfiException.class,
                () -> system.function(system.find("labs").orElseThrow(), "i64(i6)"));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
        assertTrue(e.getMessage().startsWith("INVALID_SIGNATURE: unknown type 'i6' at column 5; did you mean 'i16'?"
                + " in \"i64(i6)\""), e::getMessage);
    }
}

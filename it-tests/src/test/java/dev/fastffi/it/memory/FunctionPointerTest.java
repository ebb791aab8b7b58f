package dev.fastffi.it.memory;

import static dev.fastffi.it.memory.MemoryFixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Function pointers C returns, called through {@code Library.function(address, signature)}, and {@code find}. */
class FunctionPointerTest {

    @Test
    void aFunctionPointerCReturnedIsCalledThroughInvokeAndHandle() throws Throwable {
        try (Library library = MemoryFixture.open()) {
            MemorySegment pointer = library.bind(MemoryFunctions.class).adder();

            DynamicFunction add = library.function(pointer, "i32(i32, i32)");

            assertEquals(5, add.invoke(2, 3));
            assertEquals(-1, (int) add.handle().invokeExact(Integer.MAX_VALUE, Integer.MIN_VALUE));
        }
    }

    @Test
    void findGivesTheAddressTheSymbolResolvesTo() {
        try (Library library = MemoryFixture.open()) {
            MemorySegment pointer = library.bind(MemoryFunctions.class).adder();

            Optional<MemorySegment> found = library.find("mem_add");

            assertTrue(found.isPresent());
            assertEquals(pointer.address(), found.get().address());
            assertEquals(Optional.empty(), library.find("mem_missing"));
        }
    }

    @Test
    void aNullFunctionPointerIsAnInvalidArgument() {
        try (Library library = MemoryFixture.open()) {
            MemorySegment none = library.bind(MemoryFunctions.class).noFunction();

            assertFfiException(FfiException.Code.INVALID_ARGUMENT, library.name() + " function(address, signature):"
                    + " address is NULL, no function to call there", () -> library.function(none, "i32(i32, i32)"));
        }
    }

    @Test
    void closingTheLibraryClosesItsFunctionPointersAndFind() {
        Library library = MemoryFixture.open();
        MemorySegment pointer = library.bind(MemoryFunctions.class).adder();
        DynamicFunction add = library.function(pointer, "i32(i32, i32)");
        MethodHandle handle = add.handle();
        library.close();
        String closed = library.name() + " function pointer 0x" + Long.toHexString(pointer.address())
                + ": the library was closed; no native code ran";

        assertFfiException(FfiException.Code.LIBRARY_CLOSED, closed, () -> add.invoke(2, 3));
        assertFfiException(FfiException.Code.LIBRARY_CLOSED, closed, () -> {
            int unused = (int) handle.invokeExact(2, 3);
        });
        assertFfiException(FfiException.Code.LIBRARY_CLOSED, library.name() + " mem_add: the library was closed; no"
                + " native code ran", () -> library.find("mem_add"));
        assertFfiException(FfiException.Code.LIBRARY_CLOSED, library.name() + " function(address, signature): the"
                + " library was closed; no native code ran", () -> library.function(pointer, "i32(i32, i32)"));
    }

    @Test
    void aFunctionPointerOfAnotherOpenLibraryStaysCallableWhenOneIsClosed() {
        try (Library open = MemoryFixture.open()) {
            MemorySegment pointer = open.bind(MemoryFunctions.class).adder();
            Library other = MemoryFixture.open();
            DynamicFunction closedAdd = other.function(pointer, "i32(i32, i32)");
            DynamicFunction add = open.function(pointer, "i32(i32, i32)");
            other.close();

            assertEquals(9, add.invoke(4, 5));
            assertFfiException(FfiException.Code.LIBRARY_CLOSED, other.name() + " function pointer 0x"
                    + Long.toHexString(pointer.address()) + ": the library was closed; no native code ran",
                    () -> closedAdd.invoke(4, 5));
        }
    }
}

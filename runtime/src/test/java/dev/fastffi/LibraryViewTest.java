package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Function pointers called through a {@code @NativeCallback} interface, without generated views. */
class LibraryViewTest {

    @NativeCallback("f64(f64)")
    public interface DoubleOp {
        double apply(double x);
    }

    @NativeCallback("i64(i64)")
    public interface LongOp {
        long apply(long x);
    }

    @NativeCallback("usize(string)")
    public interface Length {
        long of(String text);
    }

    @NativeCallback("i32(i32)")
    public interface Boxed {
        int apply(Integer x);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface Compare {
        int compare(MemorySegment a, MemorySegment b);

        default boolean same(MemorySegment a, MemorySegment b) {
            return compare(a, b) == 0;
        }
    }

    public interface NotACallback {
        int apply(int x);
    }

    @NativeCallback("i32(i32, bufer)")
    public interface Misdeclared {
        int apply(int x, int y);
    }

    private static void assertFfi(FfiException.Code code, String message, Executable call) {
        FfiException e = assertThrows(FfiException.class, call);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(code + ": " + message, e.getMessage());
    }

    @Test
    void aViewCallsTheFunctionWithTheCallbackSignature() {
        try (Library m = Library.open("m")) {
            DoubleOp cos = m.function(DoubleOp.class, m.find("cos").orElseThrow());

            assertEquals(1.0, cos.apply(0.0));
            assertEquals(-1.0, cos.apply(Math.PI));
        }
    }

    @Test
    void aViewPassesStringsAndBoxedValuesAsTheCompatibilityPathDoes() {
        Library system = Library.system();
        Length strlen = system.function(Length.class, system.find("strlen").orElseThrow());
        Boxed abs = system.function(Boxed.class, system.find("abs").orElseThrow());

        assertEquals(5L, strlen.of("héllo".substring(0, 4)));
        assertEquals(7, abs.apply(-7));
        assertFfi(FfiException.Code.INVALID_ARGUMENT, system.name() + " function pointer 0x"
                + Long.toHexString(system.find("abs").orElseThrow().address())
                + ", argument 0 (i32): null cannot be passed as i32", () -> abs.apply(null));
    }

    @Test
    void aViewKeepsDefaultMethodsAndSaysWhatItCalls() {
        Library system = Library.system();
        MemorySegment address = system.find("strcmp").orElseThrow();
        Compare strcmp = system.function(Compare.class, address);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocateFrom("abc");
            MemorySegment b = arena.allocateFrom("abd");

            assertEquals(true, strcmp.same(a, arena.allocateFrom("abc")));
            assertEquals(true, strcmp.compare(a, b) < 0);
        }
        assertEquals("Compare view of " + system.name() + " function pointer 0x" + Long.toHexString(address.address()),
                strcmp.toString());
        assertEquals(false, strcmp.equals(system.function(Compare.class, address)));
    }

    @Test
    void theSystemLibraryViewIsNeverClosed() {
        Library system = Library.system();
        LongOp labs = system.function(LongOp.class, system.find("labs").orElseThrow());
        system.close();

        assertEquals(7L, labs.apply(-7L));
    }

    @Test
    void aCallThroughAViewAfterCloseThrowsLibraryClosed() {
        Library m = Library.open("m");
        MemorySegment address = m.find("cos").orElseThrow();
        DoubleOp cos = m.function(DoubleOp.class, address);
        m.close();

        assertFfi(FfiException.Code.LIBRARY_CLOSED, m.name() + " function pointer 0x"
                + Long.toHexString(address.address()) + ": the library was closed; no native code ran",
                () -> cos.apply(0.0));
        assertFfi(FfiException.Code.LIBRARY_CLOSED, m.name() + " function(DoubleOp, address): the library was closed;"
                + " no native code ran", () -> m.function(DoubleOp.class, address));
    }

    @Test
    void aNullOrHeapAddressIsInvalidArgument() {
        try (Library m = Library.open("m")) {
            assertFfi(FfiException.Code.INVALID_ARGUMENT, m.name() + " function(DoubleOp, address): address is NULL,"
                    + " no function to call there", () -> m.function(DoubleOp.class, MemorySegment.NULL));
            assertFfi(FfiException.Code.INVALID_ARGUMENT, m.name() + " function(DoubleOp, address): address is NULL,"
                    + " no function to call there", () -> m.function(DoubleOp.class, null));
            assertFfi(FfiException.Code.INVALID_ARGUMENT, m.name() + " function(DoubleOp, address): address is a heap"
                    + " segment, which is no function; pass the function pointer C returned",
                    () -> m.function(DoubleOp.class, MemorySegment.ofArray(new byte[8])));
        }
    }

    @Test
    void theAddressOfAClosedUpcallIsInvalidArgument() {
        Upcall<DoubleOp> upcall = Upcall.of(DoubleOp.class, x -> x);
        MemorySegment stub = upcall.address();
        upcall.close();

        assertFfi(FfiException.Code.INVALID_ARGUMENT, "system function(DoubleOp, address): address belongs to an"
                + " arena or Upcall that is closed; its memory is freed, no function to call there",
                () -> Library.system().function(DoubleOp.class, stub));
    }

    @Test
    void aClassThatIsNoCallbackInterfaceIsInvalidArgument() {
        try (Library m = Library.open("m")) {
            MemorySegment cos = m.find("cos").orElseThrow();

            assertFfi(FfiException.Code.INVALID_ARGUMENT, m.name() + " function(NotACallback, address): "
                    + NotACallback.class.getName() + " is not an interface annotated @NativeCallback; pass the class"
                    + " of the @NativeCallback interface to call the function as",
                    () -> m.function(NotACallback.class, cos));
            assertFfi(FfiException.Code.INVALID_ARGUMENT, m.name() + " function(String, address): java.lang.String is"
                    + " not an interface annotated @NativeCallback; pass the class of the @NativeCallback interface"
                    + " to call the function as", () -> m.function(String.class, cos));
            assertFfi(FfiException.Code.INVALID_ARGUMENT, m.name() + " function(null, address): null is not an"
                    + " interface annotated @NativeCallback; pass the class of the @NativeCallback interface to call"
                    + " the function as", () -> m.function(null, cos));
        }
    }

    @Test
    void aMisdeclaredCallbackInterfaceIsInvalidSignature() {
        try (Library m = Library.open("m")) {
            FfiException e = assertThrows(FfiException.class,
                    () -> m.function(Misdeclared.class, m.find("cos").orElseThrow()));

            assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
            assertEquals(true, e.getMessage().startsWith("INVALID_SIGNATURE: Misdeclared: @NativeCallback(\"i32(i32,"
                    + " bufer)\"): unknown type 'bufer'"), e::getMessage);
        }
    }

    @Test
    void aViewReadsMemoryTheFunctionWrote() {
        Library system = Library.system();
        Compare strcmp = system.function(Compare.class, system.find("strcmp").orElseThrow());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocateFrom("same");
            assertEquals(0, strcmp.compare(text, text));
            assertEquals('s', (char) text.get(ValueLayout.JAVA_BYTE, 0));
        }
    }
}

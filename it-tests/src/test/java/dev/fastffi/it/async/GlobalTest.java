package dev.fastffi.it.async;

import static dev.fastffi.it.async.AsyncFixture.assertFails;
import static dev.fastffi.it.async.AsyncFixture.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.NativeGlobal;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Library.global}: the fixture's exported variables, read and written from both sides. */
class GlobalTest {
    private Library library;

    @BeforeEach
    void open() {
        library = AsyncFixture.open();
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void i32GlobalWrittenFromJavaIsWhatCReads() {
        NativeGlobal counter = library.global("glob_counter", "i32");
        counter.set(-12);
        assertEquals(-12, library.function("glob_read_counter", "i32()").invoke());
        assertEquals(-12, counter.get());
    }

    @Test
    void i32GlobalWrittenByCIsWhatJavaReads() {
        NativeGlobal counter = library.global("glob_counter", "i32");
        counter.set(41);
        library.function("glob_bump_counter", "void()").invoke();
        assertEquals(42, counter.get());
    }

    @Test
    void f64GlobalRoundTripsThroughC() {
        NativeGlobal ratio = library.global("glob_ratio", "f64");
        ratio.set(-0.0);
        assertEquals(-0.0, library.function("glob_read_ratio", "f64()").invoke());
        ratio.set(Double.NaN);
        assertEquals(Double.NaN, ratio.get());
        ratio.set(1.5);
        assertEquals(1.5, ratio.get());
    }

    @Test
    void unsignedGlobalsAreBoxedAsInvokeResultsAre() {
        NativeGlobal small = library.global("glob_small", "u8");
        small.set(200);
        assertEquals(200, small.get());
        assertEquals((byte) -56, library.global("glob_small", "i8").get());
        NativeGlobal big = library.global("glob_big", "u64");
        big.set(new BigInteger("18446744073709551615"));
        assertEquals(new BigInteger("18446744073709551615"), big.get());
        big.set(-2L);
        assertEquals(new BigInteger("18446744073709551614"), big.get());
    }

    @Test
    void pointerGlobalTakesSegmentsAddressesAndNull() {
        NativeGlobal pointer = library.global("glob_pointer", "pointer");
        DynamicFunction read = library.function("glob_read_pointer", "pointer()");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocateFrom("hi");
            pointer.set(text);
            assertEquals(text.address(), ((MemorySegment) read.invoke()).address());
            assertEquals(text.address(), ((MemorySegment) pointer.get()).address());
            pointer.set(text.address() + 1);
            assertEquals(text.address() + 1, ((MemorySegment) pointer.get()).address());
        }
        pointer.set(null);
        assertEquals(MemorySegment.NULL, pointer.get());
    }

    @Test
    void rejectedValueIsReportedAsAnArgumentAndWritesNothing() {
        NativeGlobal small = library.global("glob_small", "u8");
        small.set(7);
        String message = assertFails(FfiException.Code.INVALID_ARGUMENT, () -> small.set(256));
        assertMentions(message, "glob_small, argument 0 (u8): 256 is outside 0..255");
        assertFails(FfiException.Code.INVALID_ARGUMENT, () -> small.set(null));
        assertFails(FfiException.Code.INVALID_ARGUMENT, () -> small.set("7"));
        assertEquals(7, small.get());
    }

    @Test
    void shortForU16AndCharacterForI16AreRangeCheckedAndWriteNothing() {
        NativeGlobal counter = library.global("glob_counter", "i32");
        counter.set(7);
        String u16 = assertFails(FfiException.Code.INVALID_ARGUMENT,
                () -> library.global("glob_counter", "u16").set((short) -1));
        assertMentions(u16, "glob_counter, argument 0 (u16): -1 is outside 0..65535");
        String i16 = assertFails(FfiException.Code.INVALID_ARGUMENT,
                () -> library.global("glob_counter", "i16").set((char) 0xFFFF));
        assertMentions(i16, "glob_counter, argument 0 (i16): 65535 is outside -32768..32767");
        assertEquals(7, counter.get());
    }

    @Test
    void stringIsNeverWrittenIntoAPointerGlobal() {
        NativeGlobal pointer = library.global("glob_pointer", "pointer");
        pointer.set(null);
        String message = assertFails(FfiException.Code.INVALID_ARGUMENT, () -> pointer.set("text"));
        assertMentions(message, "glob_pointer, argument 0 (pointer): String \"text\" is never turned into a pointer");
        assertEquals(MemorySegment.NULL, pointer.get());
    }

    @Test
    void globalAfterCloseThrowsLibraryClosedOnGetAndSet() {
        Library other = AsyncFixture.open();
        NativeGlobal counter = other.global("glob_counter", "i32");
        other.close();
        assertMentions(assertFails(FfiException.Code.LIBRARY_CLOSED, counter::get), "glob_counter");
        assertMentions(assertFails(FfiException.Code.LIBRARY_CLOSED, () -> counter.set(1)), "glob_counter");
        assertMentions(assertFails(FfiException.Code.LIBRARY_CLOSED, () -> other.global("glob_counter", "i32")),
                "glob_counter");
    }

    @Test
    void missingGlobalThrowsSymbolNotFound() {
        String message = assertFails(FfiException.Code.SYMBOL_NOT_FOUND, () -> library.global("glob_nothing", "i32"));
        assertMentions(message, "'glob_nothing'", library.name());
    }

    @Test
    void unknownGlobalTypeThrowsInvalidSignatureListingTheTypes() {
        String message = assertFails(FfiException.Code.INVALID_SIGNATURE, () -> library.global("glob_counter", "int"));
        assertMentions(message, "global 'glob_counter': unknown type 'int'; use one of bool, i8, u8",
                "f64, pointer");
    }

    @Test
    void typesWithoutAStorableValueAreRejectedAsGlobalTypes() {
        for (String type : new String[] {"void", "buffer", "function", "string"}) {
            String message = assertFails(FfiException.Code.INVALID_SIGNATURE, () -> library.global("glob_counter", type));
            assertMentions(message, "a global cannot be of type '" + type + "'");
        }
    }

    @Test
    void aStringGlobalIsToldToBeReadThroughAPointer() {
        String message = assertFails(FfiException.Code.INVALID_SIGNATURE, () -> library.global("glob_counter", "string"));
        assertMentions(message, "a global cannot be of type 'string'",
                "(a char * global is a 'pointer'; read the text through it)");
    }
}

package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import org.junit.jupiter.api.Test;

/**
 * The packed constants a generated class passes to create all of its sites and resolve all of its
 * symbols with one call each: a line per function, in chunks split at line ends.
 */
class PackedConstantsTest {
    @Test
    void linesRunOverEveryChunkInOrder() {
        assertArrayEquals(new String[] {"a", "b c", "d"}, Binder.lines(new String[] {"a\nb c", "d"}));
        assertArrayEquals(new String[] {"only"}, Binder.lines(new String[] {"only"}));
    }

    @Test
    void aSiteEntryIsItsFunctionThenItsFlags() {
        String plain = "i32(i32, i32)(II)I";
        assertEquals(plain, Binder.function(plain));
        assertFalse(Binder.hasFlag(plain, Binder.CRITICAL));
        assertFalse(Binder.hasFlag(plain, Binder.ERRNO));

        String errno = "i32(string)(Ljava/lang/foreign/MemorySegment;)I errno";
        assertEquals("i32(string)(Ljava/lang/foreign/MemorySegment;)I", Binder.function(errno));
        assertFalse(Binder.hasFlag(errno, Binder.CRITICAL));
        assertTrue(Binder.hasFlag(errno, Binder.ERRNO));

        String both = "i64(buffer, usize)(JJ)J critical errno";
        assertEquals("i64(buffer, usize)(JJ)J", Binder.function(both));
        assertTrue(Binder.hasFlag(both, Binder.CRITICAL));
        assertTrue(Binder.hasFlag(both, Binder.ERRNO));
    }

    @Test
    void symbolsResolvesEachLineInOrderAndAnOptionalOneMayBeMissing() {
        Binder binder = new Binder(SystemLibrary.state());

        NativeSymbol[] symbols = binder.symbols("abs i32(i32)\n?fastffi_no_such_function i32(i32)", "labs i64(i64)");

        assertEquals(3, symbols.length);
        assertEquals("abs", symbols[0].name());
        assertTrue(symbols[0].isAvailable());
        assertEquals("fastffi_no_such_function", symbols[1].name());
        assertFalse(symbols[1].isAvailable());
        assertEquals("labs", symbols[2].name());
        assertEquals("i64(i64)", symbols[2].signature().toString());
        assertEquals(Boolean.FALSE, binder.found().get("fastffi_no_such_function"));
    }

    @Test
    void aMissingSymbolThatIsNotOptionalFailsTheBind() {
        Binder binder = new Binder(SystemLibrary.state());

        FfiException thrown = assertThrows(FfiException.class,
                () -> binder.symbols("abs i32(i32)\nfastffi_no_such_function i32(i32)"));

        assertEquals(FfiException.Code.SYMBOL_NOT_FOUND, thrown.code());
        assertTrue(thrown.getMessage().contains("fastffi_no_such_function"), thrown.getMessage());
    }

    @Test
    void aLineWithoutASignatureIsRejectedNamingIt() {
        Binder binder = new Binder(SystemLibrary.state());

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> binder.symbols("abs i32(i32)\nlabs"));

        assertEquals("a packed symbol is its name, a space and its signature; got \"labs\"", thrown.getMessage());
    }

    @Test
    void packedDowncallSitesLinkOnTheirFirstCallWithTheirFlags() throws Throwable {
        MutableCallSite[] sites = Downcalls.lazy("i32(i32)(I)I", "i64(i64)(J)J errno");
        assertEquals(2, sites.length);
        MemorySegment abs = SystemLibrary.state().find("abs").orElseThrow();

        MethodHandle plain = Downcalls.target(sites[0]);
        MethodHandle errno = Downcalls.target(sites[1]);

        assertEquals(7, (int) plain.invokeExact(abs, -7));
        // errno is captured into a segment passed right after the address
        assertEquals(MethodType.methodType(long.class, MemorySegment.class, MemorySegment.class, long.class), errno.type());
    }
}

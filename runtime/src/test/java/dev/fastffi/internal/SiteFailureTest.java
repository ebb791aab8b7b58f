package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import org.junit.jupiter.api.Test;

/**
 * A generated direct method checks for callback failures with its class's site, a constant, not
 * with its symbol: the failure's message still names what was called, as the site recorded it.
 */
class SiteFailureTest {
    private static final IllegalStateException BOOM = new IllegalStateException("boom");
    private static final String QSORT = "void(pointer, usize, usize, function)"
            + "(Ljava/lang/foreign/MemorySegment;JJLjava/lang/foreign/MemorySegment;)V";

    /** qsort's comparator over ints. */
    @NativeCallback("i32(pointer, pointer)")
    public interface IntCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    @Test
    void aFailureAfterACallThroughASiteNamesTheLibraryAndTheFunction() throws Throwable {
        // this class has no class data, so these are the addresses of a class loaded as itself
        ConstantAddresses addresses = ConstantAddresses.of(MethodHandles.lookup());
        MutableCallSite site = addresses.lazy(QSORT)[0];

        FfiException thrown = callFailing(site);

        assertEquals(FfiException.Code.CALLBACK_FAILED, thrown.code());
        assertSame(BOOM, thrown.getCause());
        assertTrue(thrown.getMessage().startsWith("CALLBACK_FAILED: system qsort: a Java callback threw " + BOOM),
                thrown.getMessage());
        assertFalse(UpcallFailures.anyPending());
    }

    @Test
    void whereTheSitesClassBindsManyLibrariesTheMessageNamesTheFunctionAlone() throws Throwable {
        ConstantAddresses addresses = ConstantAddresses.of(MethodHandles.lookup());
        MutableCallSite site = addresses.lazy(QSORT)[0];
        callFailing(site);
        // what happens where no hidden class can be defined: the class goes on to bind other libraries
        addresses.checkEverySite();

        FfiException thrown = callFailing(site);

        assertEquals(FfiException.Code.CALLBACK_FAILED, thrown.code());
        assertTrue(thrown.getMessage().startsWith("CALLBACK_FAILED: qsort: a Java callback threw " + BOOM),
                thrown.getMessage());
        assertFalse(UpcallFailures.anyPending());
    }

    /** Sorts through {@code site} with a comparator that throws, then checks as a generated method does. */
    private static FfiException callFailing(MutableCallSite site) throws Throwable {
        NativeSymbol qsort = new Binder(SystemLibrary.state()).symbol("qsort", "void(pointer, usize, usize, function)");
        try (Arena arena = Arena.ofConfined();
                Upcall<IntCompare> compare = Upcall.of(IntCompare.class, (a, b) -> {
                    throw BOOM;
                })) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            MethodHandle handle = ConstantAddresses.handle(site, qsort);
            handle.invokeExact(values, 3L, 4L, compare.address());
            return assertThrows(FfiException.class, () -> UpcallFailures.check(site));
        }
    }
}

package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.annotations.NativeFunction;
import org.junit.jupiter.api.Test;

/** Optional symbols on a proxy binding, the path of interfaces the processor did not see. */
class OptionalSymbolTest {
    /** Bound without the processor. */
    public interface MaybeLibC {
        @NativeFunction(value = "i32(i32)", optional = true)
        int abs(int x);

        @NativeFunction(value = "i32(i32)", symbol = "fastffi_no_such_function", optional = true)
        int absent(int x);
    }

    private final MaybeLibC libc = Library.system().bind(MaybeLibC.class);

    @Test
    void presentOptionalSymbolIsCalledThroughTheProxy() {
        assertEquals(5, libc.abs(-5));
        assertTrue(FastFfi.isAvailable(libc, "abs"));
    }

    @Test
    void missingOptionalSymbolBindsAndThrowsSymbolNotFoundWhenCalled() {
        assertFalse(FastFfi.isAvailable(libc, "absent"));
        FfiException thrown = assertThrows(FfiException.class, () -> libc.absent(1));
        assertEquals(FfiException.Code.SYMBOL_NOT_FOUND, thrown.code());
        assertEquals("SYMBOL_NOT_FOUND: symbol 'fastffi_no_such_function' not found in system; it is optional,"
                + " so bind succeeded, and FastFfi.isAvailable tells before calling", thrown.getMessage());
    }

    @Test
    void requiredMissingSymbolStillFailsBind() {
        FfiException thrown = assertThrows(FfiException.class, () -> Library.system().function(
                "fastffi_no_such_function", "i32(i32)"));
        assertEquals(FfiException.Code.SYMBOL_NOT_FOUND, thrown.code());
        assertEquals("SYMBOL_NOT_FOUND: symbol 'fastffi_no_such_function' not found in system", thrown.getMessage());
    }
}

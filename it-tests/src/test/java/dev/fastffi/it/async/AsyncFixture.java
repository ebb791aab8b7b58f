package dev.fastffi.it.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import org.junit.jupiter.api.function.Executable;

/** Opens the fixture library and holds the assertions the tests of this package share. */
final class AsyncFixture {
    private AsyncFixture() {}

    /** The fixture is built into target/ by the it-tests POM, so its path is only known at run time. */
    static Library open() {
        String path = System.getProperty("fastffi.fixture");
        assertNotNull(path, "system property fastffi.fixture is not set; run the tests through Maven");
        return Library.open(path);
    }

    /** Whether generated fast paths are used; the POM runs the suite again with -Dfastffi.fast=false. */
    static boolean fastPathEnabled() {
        return !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));
    }

    /** Asserts that {@code call} throws an {@code FfiException} with {@code code} and returns its message. */
    static String assertFails(FfiException.Code code, Executable call) {
        FfiException thrown = assertThrows(FfiException.class, call);
        assertEquals(code, thrown.code(), thrown::getMessage);
        return thrown.getMessage();
    }

    /** Asserts that {@code message} contains every one of {@code parts}. */
    static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
        }
    }
}

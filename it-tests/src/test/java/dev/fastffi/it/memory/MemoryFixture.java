package dev.fastffi.it.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import org.junit.jupiter.api.function.Executable;

/** Opens the fixture library and holds the assertion the memory tests share. */
final class MemoryFixture {
    private MemoryFixture() {}

    static Library open() {
        String path = System.getProperty("fastffi.fixture");
        assertNotNull(path, "system property fastffi.fixture is not set; run the tests through Maven");
        return Library.open(path);
    }

    /** Asserts that {@code call} throws {@code code} with exactly {@code message} after the code. */
    static void assertFfiException(FfiException.Code code, String message, Executable call) {
        FfiException thrown = assertThrows(FfiException.class, call);
        assertEquals(code, thrown.code(), thrown::getMessage);
        assertEquals(code + ": " + message, thrown.getMessage());
    }
}

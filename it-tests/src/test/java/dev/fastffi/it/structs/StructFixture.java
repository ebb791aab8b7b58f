package dev.fastffi.it.structs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import org.junit.jupiter.api.function.Executable;

/** Opens the fixture library and holds the assertions the struct tests share. */
final class StructFixture {
    private StructFixture() {}

    static Library open() {
        String path = System.getProperty("fastffi.fixture");
        assertNotNull(path, "system property fastffi.fixture is not set; run the tests through Maven");
        return Library.open(path);
    }

    /** Asserts {@code INVALID_ARGUMENT} whose message contains every one of {@code parts}. */
    static void assertInvalidArgument(Executable call, String... parts) {
        FfiException thrown = assertThrows(FfiException.class, call);
        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code(), thrown::getMessage);
        for (String part : parts) {
            assertTrue(thrown.getMessage().contains(part), () -> "'" + part + "' not in " + thrown.getMessage());
        }
    }
}

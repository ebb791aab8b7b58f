package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed library is released once nothing can call into it, even while bindings and functions
 * made from it are still reachable: after close they can only throw {@code LIBRARY_CLOSED}, so
 * they must not keep the library loaded. One that is never closed is released once neither it nor
 * anything made from it is reachable. Each test opens its own copy of the fixture, which no
 * other test opens, so the dynamic loader's count of opens is this test's alone.
 */
class ClosedLibraryUnloadTest {
    interface Fixture {
        @NativeFunction("i32(i32, i32)")
        int add_i32(int a, int b);

        @NativeFunction("usize(string)")
        long byte_length(String text);
    }

    @TempDir
    Path directory;

    @Test
    void aBindingKeptAfterCloseDoesNotKeepTheLibraryLoaded() {
        Path copy = copyOfFixture("libunload-bind.so");
        Library library = Library.open(copy.toString());
        Fixture fixture = library.bind(Fixture.class);
        assertEquals(3, fixture.add_i32(1, 2));
        assertEquals(5, fixture.byte_length("hello"));
        library.close();
        library = null;

        collectUntilUnmapped(copy);
        FfiException fast = assertThrows(FfiException.class, () -> fixture.add_i32(1, 2));
        assertEquals(FfiException.Code.LIBRARY_CLOSED, fast.code());
        assertEquals("LIBRARY_CLOSED: " + copy + " add_i32: the library was closed; no native code ran", fast.getMessage());
        FfiException compat = assertThrows(FfiException.class, () -> fixture.byte_length("hello"));
        assertEquals(FfiException.Code.LIBRARY_CLOSED, compat.code());
        assertEquals("LIBRARY_CLOSED: " + copy + " byte_length: the library was closed; no native code ran", compat.getMessage());
    }

    @Test
    void aFunctionKeptAfterCloseDoesNotKeepTheLibraryLoaded() {
        Path copy = copyOfFixture("libunload-function.so");
        Library library = Library.open(copy.toString());
        DynamicFunction add = library.function("add_i32", "i32(i32, i32)");
        assertEquals(3, add.invoke(1, 2));
        library.close();
        library = null;

        collectUntilUnmapped(copy);
        FfiException e = assertThrows(FfiException.class, () -> add.invoke(1, 2));
        assertEquals(FfiException.Code.LIBRARY_CLOSED, e.code());
        assertEquals("LIBRARY_CLOSED: " + copy + " add_i32: the library was closed; no native code ran", e.getMessage());
    }

    @Test
    void aLibraryDroppedWithoutCloseIsReleasedOnceItsBindingIsUnreachable() {
        Path copy = copyOfFixture("libunload-dropped.so");
        assertEquals(3, Library.open(copy.toString()).bind(Fixture.class).add_i32(1, 2));

        // neither the library nor the binding is reachable, and neither was closed; the program
        // goes on binding (the runtime's weak maps drop what was collected when they are next used)
        try (Library fixture = Library.open(System.getProperty("fastffi.fixture"))) {
            Fixture other = fixture.bind(Fixture.class);
            for (int i = 0; i < 500 && mapped(copy); i++) {
                System.gc();
                Thread.yield();
                assertTrue(FastFfi.isAvailable(other, "add_i32"));
            }
        }
        collectUntilUnmapped(copy);
    }

    private Path copyOfFixture(String name) {
        try {
            Path copy = directory.resolve(name);
            Files.copy(Path.of(System.getProperty("fastffi.fixture")), copy, StandardCopyOption.REPLACE_EXISTING);
            assertFalse(mapped(copy), "no other test opened " + copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the garbage collector until the library is unmapped; bounded, so a leak fails rather than hangs. */
    private static void collectUntilUnmapped(Path copy) {
        for (int i = 0; i < 500 && mapped(copy); i++) {
            System.gc();
            Thread.yield();
        }
        assertFalse(mapped(copy), copy + " is still mapped after close and collection");
        assertTrue(Files.exists(copy));
    }

    private static boolean mapped(Path file) {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains(file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

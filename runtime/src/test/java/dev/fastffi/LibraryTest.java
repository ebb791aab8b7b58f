package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link Library} finds libraries, looks symbols up and behaves once closed. The names are
 * those of a glibc x86_64 Linux (Debian 12): {@code libm.so} and {@code libc.so} are linker
 * scripts there, and {@code libdl.so.2} has no unversioned {@code libdl.so}.
 */
class LibraryTest {
    private static final Path LIB_DIR = Path.of("/usr/lib/x86_64-linux-gnu");

    @Test
    void bareNameWithALoadableUnversionedFileResolvesToIt() {
        assertTrue(Files.exists(LIB_DIR.resolve("libz.so")), "this machine has the zlib development link");
        try (Library z = Library.open("z")) {
            assertEquals("libz.so", z.name());
            assertTrue(z.isOpen());
        }
    }

    @Test
    void bareNameInAJavaLibraryPathDirectoryResolvesToThatFileBeforeTheDynamicLoadersOwn(@TempDir Path directory)
            throws Exception {
        Path copy = Files.copy(LIB_DIR.resolve("libz.so.1"), directory.resolve("libz.so"));
        String before = System.getProperty("java.library.path");
        System.setProperty("java.library.path", "/nonexistent" + java.io.File.pathSeparator + directory);
        try (Library z = Library.open("z")) {
            assertEquals(copy.toString(), z.name());
            assertTrue(z.find("crc32").isPresent());
        } finally {
            System.setProperty("java.library.path", before);
        }
    }

    @Test
    void bareNameWithoutUnversionedFileResolvesToTheVersionedSoname() {
        assertFalse(Files.exists(LIB_DIR.resolve("libdl.so")), "this machine has no unversioned libdl.so");
        try (Library dl = Library.open("dl")) {
            assertEquals("libdl.so.2", dl.name());
        }
    }

    @Test
    void bareNameWhoseUnversionedFileIsALinkerScriptResolvesToTheVersionedSoname() throws Exception {
        assertTrue(Files.readString(LIB_DIR.resolve("libm.so")).contains("GNU ld script"),
                "libm.so is a linker script on this machine");
        try (Library m = Library.open("m")) {
            assertEquals("libm.so.6", m.name());
            assertEquals(1.0, m.function("cos", "f64(f64)").invoke(0.0));
        }
    }

    @Test
    void bareNameOfTheCLibraryResolvesToLibcSo6() {
        try (Library c = Library.open("c")) {
            assertEquals("libc.so.6", c.name());
            assertEquals(7, c.function("abs", "i32(i32)").invoke(-7));
        }
    }

    @Test
    void pathOpensThatFile() {
        String path = LIB_DIR.resolve("libz.so.1").toString();
        try (Library z = Library.open(path)) {
            assertEquals(path, z.name());
            assertTrue(z.isOpen());
            assertDoesNotThrow(() -> z.function("crc32", "u64(u64, pointer, u32)"));
        }
    }

    @Test
    void sonameOpensThatLibrary() {
        try (Library z = Library.open("libz.so.1")) {
            assertEquals("libz.so.1", z.name());
            assertDoesNotThrow(() -> z.function("zlibVersion", "pointer()"));
        }
    }

    @Test
    void candidatesAreTriedInOrderAndTheFirstThatLoadsWins() {
        try (Library first = Library.open("fastffi_no_such_library", "libz.so.1", "m")) {
            assertEquals("libz.so.1", first.name());
        }
        try (Library second = Library.open("m", "libz.so.1")) {
            assertEquals("libm.so.6", second.name());
        }
    }

    @Test
    void libraryNotFoundListsEveryCandidateTried() {
        FfiException e = assertThrows(FfiException.class, () -> Library.open(
                "fastffi_missing_a", "/nonexistent/libfastffi_missing_b.so", "libfastffi_missing_c.so.3"));

        assertAll(
                () -> assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code()),
                () -> assertTrue(e.getMessage().startsWith("LIBRARY_NOT_FOUND: "), e.getMessage()),
                () -> assertContains(e, "libfastffi_missing_a.so"),
                () -> assertContains(e, "/nonexistent/libfastffi_missing_b.so"),
                () -> assertContains(e, "libfastffi_missing_c.so.3"));
    }

    @Test
    void libraryNotFoundListsTheUnloadableLinkerScriptGivenAsASoname() {
        FfiException e = assertThrows(FfiException.class, () -> Library.open("libm.so"));

        assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
        assertContains(e, "libm.so");
    }

    @Test
    void openWithoutCandidatesIsLibraryNotFound() {
        for (Executable open : List.<Executable>of(Library::open, () -> Library.open((String[]) null))) {
            FfiException e = assertThrows(FfiException.class, open);
            assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
            assertEquals("LIBRARY_NOT_FOUND: no library candidates were given", e.getMessage());
        }
    }

    @Test
    void aBareNameTooLongForAFileIsListedAsNoLibraryName() {
        String name = "x".repeat(300);
        FfiException e = assertThrows(FfiException.class, () -> Library.open(name, "/nonexistent/libfastffi_missing_b.so"));

        assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
        assertEquals("LIBRARY_NOT_FOUND: none of the candidates could be loaded; tried '" + name + "' (too long for"
                + " a library name), /nonexistent/libfastffi_missing_b.so (no such file)", e.getMessage());
    }

    @Test
    void aPathThatDoesNotLoadSaysWhyAsFarAsTheFileTells(@TempDir Path directory) throws Exception {
        Path text = Files.writeString(directory.resolve("libtext.so"), "not a library");
        FfiException e = assertThrows(FfiException.class,
                () -> Library.open(directory + "/libabsent.so", directory.toString(), text.toString(), "libabsent.so"));

        assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
        assertEquals("LIBRARY_NOT_FOUND: none of the candidates could be loaded; tried " + directory
                + "/libabsent.so (no such file), " + directory + " (a directory), " + text + " (the dynamic loader"
                + " refused it: not a shared library for this platform, or one it needs is missing), libabsent.so",
                e.getMessage());
    }

    @Test
    void nullAndBlankCandidatesAreSkippedAndListed() {
        FfiException e = assertThrows(FfiException.class, () -> Library.open(null, " "));
        assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
        assertContains(e, "null");

        try (Library z = Library.open(null, "", "libz.so.1")) {
            assertEquals("libz.so.1", z.name());
        }
    }

    @Test
    void closeMarksTheLibraryClosed() {
        Library m = Library.open("m");
        assertTrue(m.isOpen());

        m.close();

        assertFalse(m.isOpen());
    }

    @Test
    void closeIsIdempotent() {
        Library m = Library.open("m");
        m.close();

        assertDoesNotThrow(m::close);
        assertFalse(m.isOpen());
    }

    @Test
    void systemFindsStrlenAndGetpid() {
        Library system = Library.system();

        assertAll(
                () -> assertDoesNotThrow(() -> system.function("strlen", "usize(pointer)")),
                () -> assertEquals((int) ProcessHandle.current().pid(), system.function("getpid", "i32()").invoke()));
    }

    @Test
    void systemIsOneLibraryThatCloseDoesNotClose() {
        Library system = Library.system();

        system.close();

        assertSame(system, Library.system());
        assertTrue(system.isOpen());
        assertEquals(3, system.function("abs", "i32(i32)").invoke(-3));
    }

    @Test
    void unknownSymbolIsSymbolNotFoundNamingSymbolAndLibrary() {
        try (Library m = Library.open("m")) {
            FfiException e = assertThrows(FfiException.class, () -> m.function("fastffi_no_such_symbol", "i32()"));

            assertEquals(FfiException.Code.SYMBOL_NOT_FOUND, e.code());
            assertContains(e, "fastffi_no_such_symbol");
            assertContains(e, "libm.so.6");
        }
    }

    @Test
    void unknownSymbolInTheSystemLibraryIsSymbolNotFound() {
        FfiException e = assertThrows(FfiException.class,
                () -> Library.system().function("fastffi_no_such_symbol", "void()"));

        assertEquals(FfiException.Code.SYMBOL_NOT_FOUND, e.code());
        assertContains(e, "fastffi_no_such_symbol");
    }

    @Test
    void nullOptionsAreInvalidArgument() {
        FfiException e = assertThrows(FfiException.class,
                () -> Library.system().function("abs", "i32(i32)", (CallOption[]) null));

        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code());
        assertEquals("INVALID_ARGUMENT: system function(symbol, signature, options): options is null; pass"
                + " CallOption values, or none", e.getMessage());
    }

    @Test
    void badSignatureIsInvalidSignature() {
        try (Library m = Library.open("m")) {
            FfiException e = assertThrows(FfiException.class, () -> m.function("cos", "f64(bufer"));

            assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
            assertContains(e, "f64(bufer");
            assertContains(e, "did you mean 'buffer'?");
        }
    }

    @Test
    void aStructNestedTooDeepIsInvalidSignature() {
        String signature = "i32(" + "{".repeat(5000) + "i32" + "}".repeat(5000) + ")";
        FfiException e = assertThrows(FfiException.class, () -> Library.system().function("abs", signature));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
        assertContains(e, "structs nest more than 64 deep at column 69");
    }

    @Test
    void functionAfterCloseThrowsLibraryClosed() {
        Library m = Library.open("m");
        m.close();

        assertClosed(() -> m.function("cos", "f64(f64)"), "cos");
    }

    @Test
    void invokeAfterCloseThrowsLibraryClosed() {
        Library m = Library.open("m");
        DynamicFunction cos = m.function("cos", "f64(f64)");
        assertEquals(1.0, cos.invoke(0.0));

        m.close();

        assertClosed(() -> cos.invoke(0.0), "cos");
    }

    @Test
    void handleAfterCloseThrowsLibraryClosed() throws Throwable {
        Library m = Library.open("m");
        MethodHandle cos = m.function("cos", "f64(f64)").handle();
        assertEquals(1.0, (double) cos.invokeExact(0.0));

        m.close();

        assertClosed(() -> {
            double unused = (double) cos.invokeExact(0.0);
        }, "cos");
    }

    @Test
    void handleTakenAfterCloseStillThrowsLibraryClosed() {
        Library m = Library.open("m");
        DynamicFunction cosf = m.function("cosf", "f32(f32)");
        m.close();

        MethodHandle handle = cosf.handle();

        assertClosed(() -> {
            float unused = (float) handle.invokeExact(0.0f);
        }, "cosf");
    }

    @Test
    void invokeAndHandleReportTheSameClosedMessage() {
        Library m = Library.open("m");
        DynamicFunction cos = m.function("cos", "f64(f64)");
        m.close();

        FfiException byInvoke = assertThrows(FfiException.class, () -> cos.invoke(0.0));
        FfiException byHandle = assertThrows(FfiException.class, () -> {
            double unused = (double) cos.handle().invokeExact(0.0);
        });

        assertEquals(byInvoke.getMessage(), byHandle.getMessage());
    }

    private static void assertClosed(Executable call, String symbol) {
        FfiException e = assertThrows(FfiException.class, call);
        assertEquals(FfiException.Code.LIBRARY_CLOSED, e.code());
        assertContains(e, symbol);
        assertContains(e, "libm.so.6");
    }

    private static void assertContains(Throwable e, String expected) {
        assertTrue(e.getMessage().contains(expected),
                () -> "expected the message to contain <" + expected + "> but was:\n" + e.getMessage());
    }
}

package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Why an extracted library did not load, by what the mount table says of its file system. */
class ClasspathLibrariesTest {
    private static final String CANDIDATE = "classpath:native/{platform}/libfoo.so";
    private static final Path FILE = Path.of("/cache/ab12/libfoo.so");
    private static final String ADVICE =
            "set -Dfastffi.library.cache=<a writable directory on a file system that allows executables>";

    @Test
    void aNoexecFileSystemIsNamedWithThePropertyToSet() {
        assertEquals("classpath:native/linux-x86-64/libfoo.so (extracted to /cache/ab12/libfoo.so, which cannot be"
                + " mapped executable: the file system at /cache is mounted noexec; " + ADVICE + ")",
                ClasspathLibraries.loadFailure(CANDIDATE, FILE, Optional.of(new Mounts.Mount("/cache", true))));
    }

    @Test
    void onAnExecutableFileSystemTheLibraryItselfIsTheCause() {
        assertEquals("classpath:native/linux-x86-64/libfoo.so (extracted to /cache/ab12/libfoo.so, which the dynamic"
                + " loader refused: it is not a library for linux-x86-64 or a library it needs is missing)",
                ClasspathLibraries.loadFailure(CANDIDATE, FILE, Optional.of(new Mounts.Mount("/", false))));
    }

    @Test
    void withoutAMountTableNoexecIsNamedAsAPossibleCause() {
        assertEquals("classpath:native/linux-x86-64/libfoo.so (extracted to /cache/ab12/libfoo.so, which the dynamic"
                + " loader refused: it is not a library for linux-x86-64 or a library it needs is missing; if"
                + " /cache/ab12 is on a file system mounted noexec, " + ADVICE + ")",
                ClasspathLibraries.loadFailure(CANDIDATE, FILE, Optional.empty()));
    }
}

package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Linker;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The system library finds libc's symbols, then every global symbol of the process, then nothing. */
class SystemLibraryTest {

    @Test
    void aLibcSymbolIsLibcsOwn() {
        assertEquals(Linker.nativeLinker().defaultLookup().find("strlen"), SystemLibrary.state().find("strlen"));
    }

    @Test
    void aSymbolLibcLacksIsFoundAmongTheProcesssGlobalSymbols() {
        // exported by libjvm, which the launcher loads with RTLD_GLOBAL; not a libc symbol
        assertTrue(Linker.nativeLinker().defaultLookup().find("JNI_GetCreatedJavaVMs").isEmpty());
        assertTrue(SystemLibrary.state().find("JNI_GetCreatedJavaVMs").isPresent());
    }

    @Test
    void aNameNoOneDefinesIsNotFound() {
        assertEquals(Optional.empty(), SystemLibrary.state().find("fastffi_no_such_symbol_anywhere"));
    }
}

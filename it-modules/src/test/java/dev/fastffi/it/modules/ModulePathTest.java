package dev.fastffi.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.it.modules.internal.LibC;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The setting every other test here runs in: this module and the runtime are named modules on the
 * module path, only the runtime has native access, and the bindings' package is closed to it.
 */
class ModulePathTest {
    private static final Module USER = ModulePathTest.class.getModule();
    private static final Module RUNTIME = FastFfi.class.getModule();
    private static final String BINDINGS = LibC.class.getPackageName();

    @Test
    void theTestsRunInsideTheNamedUserModule() {
        assertTrue(USER.isNamed());
        assertEquals("dev.fastffi.it.modules", USER.getName());
        assertEquals(USER, LibC.class.getModule());
    }

    @Test
    void theRuntimeIsTheNamedModuleDevFastffiOnTheModulePath() {
        assertEquals("dev.fastffi", RUNTIME.getName());
        Path classes = Path.of("target", "classes").toAbsolutePath();
        assertTrue(Arrays.stream(System.getProperty("jdk.module.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath())
                .anyMatch(classes::equals), System.getProperty("jdk.module.path"));
    }

    @Test
    void onlyTheRuntimeHasNativeAccess() {
        assertTrue(RUNTIME.isNativeAccessEnabled());
        assertFalse(USER.isNativeAccessEnabled());
    }

    @Test
    @SuppressWarnings("restricted") // the point: the JVM refuses it here
    void theJvmRefusesRestrictedCallsFromTheUserModule() {
        IllegalCallerException refused = assertThrows(IllegalCallerException.class,
                () -> MemorySegment.NULL.reinterpret(1));
        assertTrue(refused.getMessage().contains("dev.fastffi.it.modules"), refused.getMessage());
    }

    @Test
    void theBindingsPackageIsNeitherExportedNorOpenedToTheRuntime() {
        assertFalse(USER.isExported(BINDINGS, RUNTIME));
        assertFalse(USER.isOpen(BINDINGS, RUNTIME));
        assertTrue(USER.isExported("dev.fastffi.it.modules.api"));
    }
}

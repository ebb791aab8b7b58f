package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The advice fastffi gives when the JVM refuses or only tolerates native access, for the runtime
 * in a named module (the module path, as these tests run) and in the unnamed module (the class path).
 */
class NativeAccessTest {
    private static final Module NAMED = NativeAccess.class.getModule();
    private static final Module UNNAMED = ClassLoader.getSystemClassLoader().getUnnamedModule();

    @Test
    void theseTestsRunTheRuntimeAsTheNamedModuleDevFastffi() {
        assertTrue(NAMED.isNamed());
        assertEquals("dev.fastffi", NAMED.getName());
        assertTrue(NAMED.isNativeAccessEnabled(), "the build passes --enable-native-access=dev.fastffi");
    }

    @Test
    void onTheModulePathTheFlagNamesTheRuntimeModule() {
        assertEquals("--enable-native-access=dev.fastffi", NativeAccess.flag(NAMED));
    }

    @Test
    void onTheClassPathTheFlagNamesAllUnnamed() {
        assertEquals("--enable-native-access=ALL-UNNAMED", NativeAccess.flag(UNNAMED));
    }

    @Test
    void refusalOnTheModulePathNamesTheModuleFlagAndTheManifestLine() {
        assertEquals("the JVM refuses native access to module dev.fastffi, and fastffi cannot load or call a"
                + " native library without it; start java with --enable-native-access=dev.fastffi (fastffi makes"
                + " every native call itself, so no other module needs it) or, for an executable jar started"
                + " with java -jar, add the line 'Enable-Native-Access: ALL-UNNAMED' to its manifest",
                NativeAccess.refusal(NAMED));
    }

    @Test
    void refusalOnTheClassPathNamesAllUnnamedAndTheManifestLine() {
        assertEquals("the JVM refuses native access to the class path (fastffi is in the unnamed module), and"
                + " fastffi cannot load or call a native library without it; start java with"
                + " --enable-native-access=ALL-UNNAMED or, for an executable jar started with java -jar, add the"
                + " line 'Enable-Native-Access: ALL-UNNAMED' to its manifest",
                NativeAccess.refusal(UNNAMED));
    }

    @Test
    void warningOnTheModulePathGivesTheSameAdvice() {
        assertEquals("native access is not enabled for module dev.fastffi: the JVM allows it with a warning for"
                + " now and refuses it under --illegal-native-access=deny, as future releases will by default;"
                + " start java with --enable-native-access=dev.fastffi (fastffi makes every native call itself,"
                + " so no other module needs it) or, for an executable jar started with java -jar, add the line"
                + " 'Enable-Native-Access: ALL-UNNAMED' to its manifest",
                NativeAccess.warning(NAMED));
    }

    @Test
    void warningOnTheClassPathGivesTheSameAdvice() {
        assertEquals("native access is not enabled for the class path (fastffi is in the unnamed module): the JVM"
                + " allows it with a warning for now and refuses it under --illegal-native-access=deny, as future"
                + " releases will by default; start java with --enable-native-access=ALL-UNNAMED or, for an"
                + " executable jar started with java -jar, add the line 'Enable-Native-Access: ALL-UNNAMED' to"
                + " its manifest",
                NativeAccess.warning(UNNAMED));
    }

    @Test
    void withNativeAccessEnabledTheCheckPasses() {
        assertDoesNotThrow(NativeAccess::check);
    }
}

package dev.fastffi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.benchmarks.coldstart.ColdStartProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime classes a first call loads, in a fresh JVM: {@code FastFfi.load} of the cold-start
 * probe's binding, then one call; or a first view of a C function pointer, then one call. A cold start's cost is mostly the classes it loads (about half a
 * millisecond each, loaded by interpreted code), so this list is a budget: a change that adds a
 * class to the way to a first call shows up here, and is made on purpose or not at all.
 */
class ColdStartClassesTest {
    /** {@code [0.123s][info][class,load] dev.fastffi.X source: ...} */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (dev\\.fastffi\\.(?!benchmarks)\\S+) ");

    @Test
    void aFirstCallThroughFastFfiLoadLoadsOnlyTheseRuntimeClasses(@TempDir Path directory) throws Exception {
        // no signature parser (dev.fastffi.model), no Downcalls, no native-access probe (access is enabled)
        assertEquals(new TreeSet<>(List.of(
                        "dev.fastffi.FastFfi",
                        "dev.fastffi.FfiException",
                        "dev.fastffi.internal.Binder",
                        "dev.fastffi.internal.Bindings",
                        "dev.fastffi.internal.Bindings$Factory",
                        "dev.fastffi.internal.ConstantAddresses",
                        "dev.fastffi.internal.ConstantAddresses$Site",
                        "dev.fastffi.internal.LibraryLoader",
                        "dev.fastffi.internal.LibraryState",
                        "dev.fastffi.internal.NativeSymbol",
                        "dev.fastffi.internal.UpcallFailures")),
                loadedRuntimeClasses("fastffi", directory), "the runtime classes loaded on the way to a first call");
    }

    @Test
    void aFirstViewCallLoadsNeitherTheSignatureParserNorTheCallbackChecks(@TempDir Path directory) throws Exception {
        // Library.system(), a generated view of a pointer-taking callback, one call through it
        assertEquals(new TreeSet<>(List.of(
                        "dev.fastffi.FfiException",
                        "dev.fastffi.Library",
                        "dev.fastffi.Library$SystemHolder",
                        "dev.fastffi.internal.Args",
                        "dev.fastffi.internal.Bindings",
                        "dev.fastffi.internal.Bindings$ViewFactory",
                        "dev.fastffi.internal.ConstantAddresses",
                        "dev.fastffi.internal.ConstantAddresses$Site",
                        "dev.fastffi.internal.Downcalls",
                        "dev.fastffi.internal.Downcalls$LazySite",
                        "dev.fastffi.internal.LibraryState",
                        "dev.fastffi.internal.NativeSymbol",
                        "dev.fastffi.internal.SystemLibrary",
                        "dev.fastffi.internal.SystemLibrary$ProcessLookup",
                        "dev.fastffi.internal.UpcallFailures",
                        "dev.fastffi.internal.Views")),
                loadedRuntimeClasses("fastffiView", directory), "the runtime classes loaded on the way to a first view call");
    }

    /** The fastffi classes, but the benchmarks' own, that the probe of {@code mechanism} loads in a fresh JVM. */
    private static TreeSet<String> loadedRuntimeClasses(String mechanism, Path directory) throws Exception {
        Path log = directory.resolve("classes.log");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xlog:class+load=info:file=" + log,
                "-Djava.library.path=" + System.getProperty("java.library.path"),
                "-Dfastffi.bench.library=" + System.getProperty("fastffi.bench.library"),
                "-cp", System.getProperty("java.class.path"),
                ColdStartProbe.class.getName(), mechanism)
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes());
        assertTrue(probe.waitFor(1, TimeUnit.MINUTES), "the probe did not finish");
        assertEquals(0, probe.exitValue(), output);
        TreeSet<String> loaded = new TreeSet<>();
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = LOADED.matcher(line);
            if (matcher.find()) {
                loaded.add(matcher.group(1));
            }
        }
        return loaded;
    }
}

package dev.fastffi.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The header under {@code src/test/resources/golden/constructs/input} holds every construct the
 * importer maps or leaves out; {@code expected/} holds what it writes, compared as exact text. With
 * {@code -Dfastffi.golden.update=true} a mismatch rewrites {@code expected/} instead of failing.
 */
class GoldenTest {
    private static final Path CASE = Path.of(System.getProperty("basedir", "."), "src/test/resources/golden/constructs");
    private static final boolean UPDATE = Boolean.getBoolean("fastffi.golden.update");
    private static final String REGENERATE =
            "if the change is intended, regenerate with: mvn -B -q -pl importer -am verify -Dfastffi.golden.update=true";

    private static Importer.Result importDemo() throws ImporterException {
        return Importer.run(ImporterOptions.parse(List.of("-o", "unused", "-p", "golden.demo", "-s", "demo_", "-l", "demo",
                CASE.resolve("input/demo.h").toString())));
    }

    @Test
    void demoHeaderGivesTheExpectedSources() throws Exception {
        SortedMap<String, String> generated = importDemo().files();
        Path expectedFolder = CASE.resolve("expected");
        Map<String, String> expected = read(expectedFolder);
        if (UPDATE && !generated.equals(expected)) {
            write(expectedFolder, generated);
            return;
        }
        assertEquals(expected.keySet(), generated.keySet(), "generated files of " + expectedFolder + "; " + REGENERATE);
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertEquals(file.getValue(), generated.get(file.getKey()),
                    "generated " + expectedFolder.resolve(file.getKey()) + " differs; " + REGENERATE);
        }
    }

    @Test
    void sameHeaderGivesTheSameBytes() throws Exception {
        assertEquals(importDemo().files(), importDemo().files());
    }

    @Test
    void demoHeaderCountsBoundAndSkippedFunctions() throws Exception {
        Importer.Result result = importDemo();
        assertEquals(32, result.functions());
        assertEquals(14, result.skipped());
    }

    @Test
    void expectedSourcesCompileWithTheProcessorWithoutWarnings(@org.junit.jupiter.api.io.TempDir Path classes)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> files;
        try (Stream<Path> walk = Files.walk(CASE.resolve("expected"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().map(Path::toFile).toList();
        }
        String classPath = System.getProperty("java.class.path");
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean compiled = javac.getTask(null, fileManager, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", classPath, "-processorpath", classPath,
                            "-Xlint:all,-processing", "-Werror"),
                    null, fileManager.getJavaFileObjectsFromFiles(files)).call();
            assertTrue(compiled && diagnostics.getDiagnostics().isEmpty(), () -> diagnostics.getDiagnostics().toString());
        }
        assertTrue(Files.exists(classes.resolve("golden/demo/Demo$FastFfi.class")), "the processor generated the binding");
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString().replace(File.separatorChar, '/'), Files.readString(path));
            }
        }
        return files;
    }

    private static void write(Path folder, Map<String, String> files) {
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = folder.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.fastffi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Golden cases under {@code src/test/resources/golden/<case>}: {@code input/} holds the sources,
 * {@code expected/} every generated file, compared as exact text. With
 * {@code -Dfastffi.golden.update=true} a mismatch rewrites {@code expected/} instead of failing.
 */
final class GoldenFiles {
    private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("fastffi.golden.update");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final String REGENERATE =
            "if the change is intended, regenerate with: mvn -B -q -pl processor -am verify -Dfastffi.golden.update=true";

    private GoldenFiles() {}

    /**
     * Compiles the case's inputs with {@code options} and compares every generated source. The
     * compilation also runs doclint, which a user's build may run over generated Javadoc too.
     */
    static void check(String name, String... options) {
        Path folder = ROOT.resolve(name);
        List<String> all = new java.util.ArrayList<>(List.of(options));
        all.add("-Xdoclint:all,-missing");
        Compilation compilation = Compilations.compile(all, inputs(folder.resolve("input")));
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, String> generated = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            generated.put(fileName(file), content(file));
        }
        Path expectedFolder = folder.resolve("expected");
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

    private static JavaFileObject[] inputs(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().map(GoldenFiles::input)
                    .toArray(JavaFileObject[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaFileObject input(Path file) {
        String text = readString(file);
        Matcher matcher = PACKAGE.matcher(text);
        String packagePrefix = matcher.find() ? matcher.group(1) + "." : "";
        String simpleName = file.getFileName().toString().replace(".java", "");
        return JavaFileObjects.forSourceString(packagePrefix + simpleName, text);
    }

    private static Map<String, String> read(Path folder) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            paths.forEach(p -> files.put(p.getFileName().toString(), readString(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void write(Path folder, Map<String, String> files) {
        try {
            Files.createDirectories(folder);
            for (Path stale : read(folder).keySet().stream().map(folder::resolve).toList()) {
                Files.delete(stale);
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(folder.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("golden: rewrote " + folder);
    }

    private static String fileName(JavaFileObject file) {
        String path = file.toUri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

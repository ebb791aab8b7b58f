package dev.fastffi.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** The jars under test, as the build packaged them, named by the system properties the POM sets. */
final class Jars {
    static final Path PROCESSOR = path("fastffi.processor.jar");
    static final Path MODEL = path("fastffi.model.jar");
    static final Path ANNOTATIONS = path("fastffi.annotations.jar");
    static final Path RUNTIME = path("fastffi.runtime.jar");
    static final Path OTHER_JAVAPOET = path("fastffi.other.javapoet.jar");

    private Jars() {}

    static Path path(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null && !value.isEmpty(), "system property " + property + " is not set");
        Path path = Path.of(value);
        assertTrue(Files.isRegularFile(path), property + " is not a packaged file: " + path
                + " (run the build to at least the package phase, with -am)");
        return path;
    }

    /** Every entry name of a jar, in the jar's order. */
    static List<String> entries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            file.stream().forEach(entry -> names.add(entry.getName()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of one entry. */
    static byte[] read(Path jar, String entry) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getInputStream(file.getJarEntry(entry)).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

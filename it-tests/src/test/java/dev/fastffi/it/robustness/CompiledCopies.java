package dev.fastffi.it.robustness;

import dev.fastffi.Library;
import dev.fastffi.it.TestJavac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The package {@code owned} compiled again by javac at test time into a package of its own: with
 * the processor and {@code -Afastffi.fast=false}, so that every generated method and view is on
 * the compatibility path, or without the processor, so that the runtime binds a proxy. Each copy's
 * {@code Driver} is a {@link MemoryDriver} like the original's.
 */
final class CompiledCopies {
    private static final String ORIGINAL = "dev.fastffi.it.robustness.owned";
    private static final Path SOURCES = Path.of("src/test/java/dev/fastffi/it/robustness/owned");

    /** How a copy is compiled, and the package it is compiled into. */
    enum Kind {
        COMPILED_COMPAT("compiledcompat", "-Afastffi.fast=false", "-proc:full"),
        UNPROCESSED("unprocessed", "-proc:none");

        private final String suffix;
        private final List<String> options;

        Kind(String suffix, String... options) {
            this.suffix = suffix;
            this.options = List.of(options);
        }

        String packageName() {
            return ORIGINAL + "." + suffix;
        }
    }

    private static final Map<Kind, ClassLoader> LOADERS = new EnumMap<>(Kind.class);

    private CompiledCopies() {}

    /** The copy's driver, bound to {@code library}. */
    static MemoryDriver driver(Kind kind, Library library) {
        try {
            return (MemoryDriver) type(kind, "Driver").getConstructor(Library.class).newInstance(library);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The copy's class of {@code simpleName}, such as {@code OwnedMemory}. */
    static Class<?> type(Kind kind, String simpleName) {
        try {
            return Class.forName(kind.packageName() + "." + simpleName, true, loader(kind));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static synchronized ClassLoader loader(Kind kind) {
        return LOADERS.computeIfAbsent(kind, CompiledCopies::compile);
    }

    private static ClassLoader compile(Kind kind) {
        try {
            Path directory = freshDirectory(kind.suffix);
            Path sources = Files.createDirectories(directory.resolve("src"));
            List<Path> copies = new ArrayList<>();
            try (Stream<Path> files = Files.list(SOURCES)) {
                for (Path file : files.sorted().toList()) {
                    Path copy = sources.resolve(file.getFileName());
                    Files.writeString(copy, Files.readString(file).replace(ORIGINAL, kind.packageName()));
                    copies.add(copy);
                }
            }
            Path classes = Files.createDirectories(directory.resolve("classes"));
            javac(kind, copies, classes);
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledCopies.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code target/compiled/name}, emptied: the build directory, so that every run reuses it and
     * {@code mvn clean} removes it, where a temporary directory per run would pile up in the
     * system's. One test JVM at a time uses a module's build directory.
     */
    static Path freshDirectory(String name) throws IOException {
        Path directory = Path.of("target", "compiled", name).toAbsolutePath();
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    private static void javac(Kind kind, List<Path> sources, Path classes) throws IOException {
        String path = TestJavac.processorPath(MemoryDriver.class);
        List<String> options = new ArrayList<>(kind.options);
        options.addAll(List.of("-processorpath", path, "-classpath", path, "-d", classes.toString(),
                "-Xlint:all,-processing,-path", "-Werror"));
        TestJavac.compile(options, sources);
    }
}

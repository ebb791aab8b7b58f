package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeFunction;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

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
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK, not a JRE");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String path = jarsOf(NativeFunction.class, FastFfi.class, MemoryDriver.class,
                "dev.fastffi.processor.FastFfiProcessor", "com.palantir.javapoet.JavaFile");
        List<String> options = new ArrayList<>(kind.options);
        options.addAll(List.of("-processorpath", path, "-classpath", path, "-d", classes.toString(),
                "-Xlint:all,-processing,-path", "-Werror"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, () -> "javac failed: " + diagnostics.getDiagnostics());
        }
    }

    /** The class path entries holding these classes (a Class or a class name), from their code sources. */
    private static String jarsOf(Object... classes) {
        return Stream.of(classes).map(CompiledCopies::location).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Object classOrName) {
        try {
            Class<?> type = classOrName instanceof Class<?> c ? c
                    : Class.forName((String) classOrName, false, CompiledCopies.class.getClassLoader());
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new AssertionError("not on the test class path: " + classOrName, e);
        }
    }
}

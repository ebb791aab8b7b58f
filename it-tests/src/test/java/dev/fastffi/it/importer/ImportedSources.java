package dev.fastffi.it.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.importer.Importer;
import dev.fastffi.importer.ImporterOptions;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs the importer on C sources, compiles what it wrote with javac and the fastffi processor (any
 * warning fails, as in this module's own build), and loads the classes: what a user's build does.
 */
final class ImportedSources {
    private final ClassLoader loader;
    private final String packageName;
    final Importer.Result result;

    private ImportedSources(ClassLoader loader, String packageName, Importer.Result result) {
        this.loader = loader;
        this.packageName = packageName;
        this.result = result;
    }

    static ImportedSources importAndCompile(String packageName, String... importerArgs) throws Exception {
        Path root = Path.of("target", "imported", packageName);
        deleteRecursively(root);
        Path sources = root.resolve("src");
        Path classes = root.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-o", sources.toString(), "-p", packageName));
        args.addAll(List.of(importerArgs));
        Importer.Result result = Importer.runAndWrite(ImporterOptions.parse(args));
        compile(sources, classes);
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ImportedSources.class.getClassLoader());
        return new ImportedSources(loader, packageName, result);
    }

    private static void compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().map(Path::toFile).toList();
        }
        String classPath = System.getProperty("java.class.path");
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean compiled = javac.getTask(null, fileManager, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", classPath, "-processorpath", classPath,
                            "-Xlint:all,-processing", "-Werror"),
                    null, fileManager.getJavaFileObjectsFromFiles(files)).call();
            assertTrue(compiled && diagnostics.getDiagnostics().isEmpty(), () -> "the imported sources do not compile"
                    + " cleanly:\n" + diagnostics.getDiagnostics());
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    Class<?> type(String simpleName) throws ClassNotFoundException {
        return Class.forName(packageName + "." + simpleName, true, loader);
    }

    /** A record of the imported package, made with its canonical constructor. */
    Object record(String simpleName, Object... components) throws ReflectiveOperationException {
        Class<?> type = type(simpleName);
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(types).newInstance(components);
    }

    static Method method(Class<?> binding, String name) {
        return Arrays.stream(binding.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(binding.getSimpleName() + " has no method " + name));
    }

    /** Calls a binding method by name, rethrowing what the call threw. */
    static Object call(Object binding, Class<?> type, String name, Object... args) throws Throwable {
        try {
            return method(type, name).invoke(binding, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** How many of the interface's methods are FAST, as the runtime reports it. */
    static long fastCount(Class<?> binding) {
        List<CallPlan> plans = FastFfi.describe(binding);
        return plans.stream().filter(plan -> plan.path() == CallPath.FAST).count();
    }

    /** Record equality that compares array components by content and floats bit for bit. */
    static void assertSame(Object expected, Object actual, String what) {
        if (expected instanceof Record && actual instanceof Record) {
            assertEquals(expected.getClass(), actual.getClass(), what);
            for (RecordComponent component : expected.getClass().getRecordComponents()) {
                try {
                    assertSame(component.getAccessor().invoke(expected), component.getAccessor().invoke(actual),
                            what + "." + component.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        } else if (expected != null && expected.getClass().isArray()) {
            assertTrue(Arrays.deepEquals(new Object[] {expected}, new Object[] {actual}),
                    () -> what + ": expected " + Arrays.deepToString(new Object[] {expected}) + " but was "
                            + Arrays.deepToString(new Object[] {actual}));
        } else {
            assertEquals(expected, actual, what);
        }
    }
}

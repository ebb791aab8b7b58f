package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.annotations.NativeFunction;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** javac at test time, for sources the tests write or copy, as a user's build would compile them. */
public final class TestJavac {
    private TestJavac() {}

    /** Compiles {@code sources} with {@code options}, or fails the test with javac's diagnostics. */
    public static void compile(List<String> options, List<Path> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests need a JDK, not a JRE");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, () -> "javac failed: " + diagnostics.getDiagnostics());
        }
    }

    /**
     * The class path of a compilation with the processor: the annotations, the runtime, the
     * processor and JavaPoet, then the entries holding {@code more}.
     */
    public static String processorPath(Object... more) {
        List<Object> classes = new ArrayList<>(List.of(NativeFunction.class, FastFfi.class,
                "dev.fastffi.processor.FastFfiProcessor", "com.palantir.javapoet.JavaFile"));
        classes.addAll(List.of(more));
        return classPath(classes.toArray());
    }

    /** The class path entries holding these classes (a Class or a class name), from their code sources. */
    public static String classPath(Object... classes) {
        return Stream.of(classes).map(TestJavac::location).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Object classOrName) {
        try {
            Class<?> type = classOrName instanceof Class<?> c ? c
                    : Class.forName((String) classOrName, false, TestJavac.class.getClassLoader());
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new AssertionError("not on the test class path: " + classOrName, e);
        }
    }
}

package dev.fastffi.it.robustness;

import dev.fastffi.Library;
import dev.fastffi.it.TestJavac;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link ScalarEchoes} compiled a second time, by javac at test time, with the real processor and
 * {@code -Afastffi.fast=false}: every method of that copy is generated on
 * the compatibility path. The copy lives in another package; {@link #bind} hands it out as a
 * {@code ScalarEchoes} that forwards each call to the method of the same name and parameter types.
 */
final class CompiledCompat {
    static final String PACKAGE = "dev.fastffi.it.robustness.compiledcompat";
    static final String INTERFACE = PACKAGE + ".ScalarEchoes";

    private static Class<?> compiled;

    private CompiledCompat() {}

    /** The compiled copy, compiled once per test JVM into a temporary directory. */
    static synchronized Class<?> iface() {
        if (compiled == null) {
            compiled = compile();
        }
        return compiled;
    }

    /** Binds the copy to {@code library} and returns it as a {@code ScalarEchoes}. */
    static ScalarEchoes bind(Library library) {
        Object binding = library.bind(iface());
        return (ScalarEchoes) Proxy.newProxyInstance(CompiledCompat.class.getClassLoader(),
                new Class<?>[] {ScalarEchoes.class}, (proxy, method, args) -> {
                    Method target = iface().getMethod(method.getName(), method.getParameterTypes());
                    try {
                        return target.invoke(binding, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Class<?> compile() {
        try {
            Path directory = CompiledCopies.freshDirectory("compat-echoes");
            Path source = Files.createDirectories(directory.resolve("src")).resolve("ScalarEchoes.java");
            String original = Files.readString(Path.of("src/test/java/dev/fastffi/it/robustness/ScalarEchoes.java"));
            Files.writeString(source, original.replace("package dev.fastffi.it.robustness;", "package " + PACKAGE + ";"));
            Path classes = Files.createDirectories(directory.resolve("classes"));
            javac(source, classes);
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    CompiledCompat.class.getClassLoader());
            return Class.forName(INTERFACE, true, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static void javac(Path source, Path classes) throws IOException {
        String path = TestJavac.processorPath();
        TestJavac.compile(List.of("-Afastffi.fast=false", "-proc:full", "-processorpath", path, "-classpath", path,
                "-d", classes.toString(), "-Xlint:all,-processing,-path", "-Werror"), List.of(source));
    }
}

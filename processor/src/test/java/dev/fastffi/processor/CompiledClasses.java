package dev.fastffi.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes a test compilation wrote, in a class loader of their own whose parent is the
 * tests' class path, so that each compilation's {@code com.x} types stay apart.
 */
final class CompiledClasses extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();

    private CompiledClasses(Compilation compilation) {
        super(CompiledClasses.class.getClassLoader());
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String name = path.substring(path.indexOf("/com/") + 1, path.length() - ".class".length());
                classes.put(name.replace('/', '.'), bytes(file));
            }
        }
    }

    /** The type {@code name} as {@code compilation} compiled it. */
    static Class<?> load(Compilation compilation, String name) throws ClassNotFoundException {
        return new CompiledClasses(compilation).loadClass(name);
    }

    /** The class file of the type {@code name} as {@code compilation} compiled it. */
    static byte[] classFile(Compilation compilation, String name) {
        byte[] bytes = new CompiledClasses(compilation).classes.get(name);
        if (bytes == null) {
            throw new AssertionError("no class file for " + name);
        }
        return bytes;
    }

    /** Writes every class file {@code compilation} wrote under {@code folder}, one package folder per package. */
    static void write(Compilation compilation, Path folder) {
        try {
            for (Map.Entry<String, byte[]> type : new CompiledClasses(compilation).classes.entrySet()) {
                Path file = folder.resolve(type.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, type.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

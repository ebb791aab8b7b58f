package dev.fastffi.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.internal.Binder;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, the annotations and the runtime, as a user's build would. */
final class Compilations {
    /** As strict as the modules that compile generated code: a warning in it fails the build. */
    static final List<String> STRICT = List.of("--release", "22", "-Xlint:all", "-Werror");

    private Compilations() {}

    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /** With both of fastffi's processors, as a build that finds them on the processor path runs them. */
    static Compilation compile(List<String> options, JavaFileObject... sources) {
        return compile(List.of(new FastFfiProcessor(), new LocalInterfaceProcessor()), options, sources);
    }

    static Compilation compile(Processor processor, List<String> options, JavaFileObject... sources) {
        return compile(List.of(processor), options, sources);
    }

    /** With other processors next to ours, each given in {@code processors}; javac runs them in that order. */
    static Compilation compile(List<Processor> processors, List<String> options, JavaFileObject... sources) {
        List<String> all = new ArrayList<>(STRICT);
        all.addAll(options);
        return Compiler.javac()
                .withProcessors(processors)
                .withClasspath(classpath())
                .withOptions(all)
                .compile(sources);
    }

    /**
     * Compiles {@code sources} with the processor and, on the class path, the classes {@code earlier}
     * compiled, written under {@code folder}: types a user's build meets as class files, with no source.
     */
    static Compilation compileAgainst(Compilation earlier, Path folder, JavaFileObject... sources) {
        CompiledClasses.write(earlier, folder);
        List<File> path = new ArrayList<>(classpath());
        path.add(folder.toFile());
        return Compiler.javac()
                .withProcessors(new FastFfiProcessor())
                .withClasspath(path)
                .withOptions(STRICT)
                .compile(sources);
    }

    /** A source file from lines, named by the type it declares. */
    static JavaFileObject source(String qualifiedName, String... lines) {
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    /** The jars or class folders holding the annotations and the runtime. */
    static List<File> classpath() {
        return Stream.of(NativeFunction.class, Binder.class).map(Compilations::location).toList();
    }

    /** The jar or class folder {@code type} was loaded from. */
    static File location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.fastffi.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the JDK's javac in a child process, so that the processor path it is given is the only place
 * the processor and its classes can come from: nothing of this test's own class path leaks in.
 */
final class Javac {
    /** What one compilation left behind. */
    record Result(int exitCode, String output, Path classes, Path generated) {}

    private Javac() {}

    /** Compiles {@code source}, a compilation unit of package {@code p}, with the given extra options. */
    static Result compile(Path dir, String fileName, String source, String... options) {
        try {
            Path sources = Files.createDirectories(dir.resolve("src/p"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            Path generated = Files.createDirectories(dir.resolve("generated"));
            Path file = Files.writeString(sources.resolve(fileName), source);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                    "--release", "22", "-Xlint:all", "-Werror",
                    "-d", classes.toString(), "-s", generated.toString(),
                    "-classpath", pathOf(Jars.RUNTIME, Jars.MODEL, Jars.ANNOTATIONS)));
            command.addAll(Arrays.asList(options));
            command.add(file.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output, classes, generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A search path of the given files, in the given order. */
    static String pathOf(Path... files) {
        return Arrays.stream(files).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}

package dev.fastffi.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the system C compiler's preprocessor over the headers: {@code -E} for declarations, {@code -dM -E} for macros. */
final class Preprocessor {
    /** The preprocessed text with line markers, and every macro defined at its end. */
    record Output(String preprocessed, String defines) {}

    private Preprocessor() {}

    static Output run(String compiler, List<String> flags, List<Path> headers) throws ImporterException {
        Path source = null;
        try {
            source = Files.createTempFile("fastffi-import", ".c");
            StringBuilder includes = new StringBuilder();
            for (Path header : headers) {
                includes.append("#include \"").append(header.toString().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\"\n");
            }
            Files.writeString(source, includes);
            String preprocessed = compile(compiler, flags, List.of("-E"), source);
            String defines = compile(compiler, flags, List.of("-dM", "-E"), source);
            return new Output(preprocessed, defines);
        } catch (IOException e) {
            throw new ImporterException("cannot write the preprocessor input: " + e.getMessage());
        } finally {
            if (source != null) {
                try {
                    Files.deleteIfExists(source);
                } catch (IOException e) {
                    source.toFile().deleteOnExit();
                }
            }
        }
    }

    private static String compile(String compiler, List<String> flags, List<String> mode, Path source)
            throws ImporterException {
        List<String> command = new ArrayList<>();
        command.add(compiler);
        command.addAll(mode);
        command.addAll(flags);
        command.add(source.toString());
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            if (status != 0) {
                throw new ImporterException(String.join(" ", command) + " failed with exit status " + status + ": "
                        + new String(errors.join(), StandardCharsets.UTF_8).strip());
            }
            return output;
        } catch (IOException e) {
            throw new ImporterException("cannot run the C compiler '" + compiler + "' (" + e.getMessage()
                    + "); install gcc or pass --cc");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImporterException("interrupted while running " + compiler);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}

package dev.fastffi.importer;

import java.io.PrintStream;
import java.util.List;

/** The command line: {@code java -jar fastffi-importer.jar -o src/main/java -p com.example -l z /usr/include/zlib.h}. */
public final class ImporterMain {
    private ImporterMain() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the importer; returns the process exit status (0 done, 1 failed, 2 bad usage). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("-h") || args.contains("--help")) {
            out.print(ImporterOptions.USAGE);
            return 0;
        }
        ImporterOptions options;
        try {
            options = ImporterOptions.parse(args);
        } catch (ImporterException e) {
            err.println("fastffi-importer: " + e.getMessage());
            return 2;
        }
        try {
            long start = System.nanoTime();
            Importer.Result result = Importer.runAndWrite(options);
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.println("fastffi-importer: " + result.functions() + " functions bound, " + result.skipped()
                    + " left out (see the comments), " + result.files().size() + " files written to " + options.output
                    + " in " + millis + " ms");
            result.notes().forEach(note -> out.println("fastffi-importer: " + note));
            return 0;
        } catch (ImporterException e) {
            err.println("fastffi-importer: " + e.getMessage());
            return 1;
        }
    }
}

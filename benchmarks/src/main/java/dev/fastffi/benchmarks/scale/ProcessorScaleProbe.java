package dev.fastffi.benchmarks.scale;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * fastffi at the scale of a large C API. For each N it writes one interface of N functions whose
 * signatures mix scalars, buffers, strings and pointers, and a C file defining them (built by gcc
 * into a shared library in a temporary directory); then, each in a fresh process of the running
 * JDK and alternating so that machine load falls on both alike:
 *
 * <ul>
 *   <li>{@code javac} on the interface without the processor ({@code -proc:none});
 *   <li>{@code javac} on it with the fastffi processor;
 *   <li>{@code javac -proc:none} on the interface plus the source the processor generated, which
 *       tells the processor's own time from the time javac spends compiling its output;
 *   <li>{@code FastFfi.load} of the binding in a fresh JVM ({@link ScaleLoadMain}).
 * </ul>
 *
 * <p>It prints the median and range of each, the ratio with and without the processor per round
 * (their median and range), and the number and size of the generated class files.
 *
 * <pre>
 * ProcessorScaleProbe [--functions 1000,3000] [--rounds 3] [--loads 5] [--keep]
 * </pre>
 *
 * The classpath must hold the runtime, the annotations and the processor with its dependencies
 * (the benchmarks module's compile classpath).
 */
public final class ProcessorScaleProbe {
    private static final String PACKAGE = "scale";

    private ProcessorScaleProbe() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = {1000, 3000};
        int rounds = 3;
        int loads = 5;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--functions" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--loads" -> loads = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String classpath = System.getProperty("java.class.path");
        Path javaHome = Path.of(System.getProperty("java.home"));
        System.out.printf("JDK %s, %d cores; %d rounds of javac, %d fresh JVMs for FastFfi.load%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rounds, loads);
        List<String> table = new ArrayList<>();
        table.add("| functions | javac -proc:none | javac + processor | ratio | javac -proc:none on interface + generated source "
                + "| generated classes | class bytes | FastFfi.load |");
        table.add("|---|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("fastffi-scale-" + n + "-");
            try {
                table.add(measure(n, dir, classpath, javaHome, rounds, loads));
            } finally {
                if (keep) {
                    System.out.println("kept " + dir);
                } else {
                    delete(dir);
                }
            }
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    private static String measure(int n, Path dir, String classpath, Path javaHome, int rounds, int loads)
            throws IOException, InterruptedException {
        Path src = dir.resolve("src");
        Path library = dir.resolve("libscale" + n + ".so");
        Path source = writeSources(n, src, dir.resolve("scale.c"), library);
        run(List.of("gcc", "-O1", "-shared", "-fPIC", "-o", library.toString(), dir.resolve("scale.c").toString()));
        String javac = javaHome.resolve("bin").resolve("javac").toString();
        Path without = dir.resolve("without");
        Path with = dir.resolve("with");
        Path generated = dir.resolve("generated");
        Path again = dir.resolve("again");
        List<Double> plain = new ArrayList<>();
        List<Double> processed = new ArrayList<>();
        List<Double> compiledOutput = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            recreate(without, with, generated, again);
            double a = time(List.of(javac, "-proc:none", "-classpath", classpath, "-d", without.toString(),
                    source.toString()));
            double b = time(List.of(javac, "-processorpath", classpath, "-processor",
                    "dev.fastffi.processor.FastFfiProcessor", "-classpath", classpath, "-d", with.toString(),
                    "-s", generated.toString(), source.toString()));
            List<String> again0 = new ArrayList<>(List.of(javac, "-proc:none", "-classpath", classpath, "-d",
                    again.toString(), source.toString()));
            try (Stream<Path> files = Files.walk(generated)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> again0.add(p.toString()));
            }
            double c = time(again0);
            plain.add(a);
            processed.add(b);
            compiledOutput.add(c);
            ratios.add(b / a);
            System.out.printf(Locale.ROOT, "N=%d round %d: javac %.2f s, with processor %.2f s (%.2fx), "
                    + "interface + generated source %.2f s%n", n, round + 1, a, b, b / a, c);
        }
        long[] classes = classFiles(with.resolve(PACKAGE));
        List<Double> loadMillis = new ArrayList<>();
        String java = javaHome.resolve("bin").resolve("java").toString();
        for (int i = 0; i < loads; i++) {
            String out = output(List.of(java, "--enable-native-access=ALL-UNNAMED", "-classpath",
                    with + File.pathSeparator + classpath, ScaleLoadMain.class.getName(), PACKAGE + ".Api" + n));
            String[] fields = out.trim().split(" ");
            if (!fields[2].equals("5")) {
                throw new IllegalStateException("f0(2, 3) returned " + fields[2]);
            }
            loadMillis.add(Long.parseLong(fields[0]) / 1e6);
        }
        System.out.printf(Locale.ROOT, "N=%d FastFfi.load: %s ms%n", n, loadMillis.stream()
                .map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        return String.format(Locale.ROOT, "| %d | %s s | %s s | %s | %s s | %d | %.1f MB | %s ms |", n, range(plain, "%.2f"),
                range(processed, "%.2f"), range(ratios, "%.2fx"), range(compiledOutput, "%.2f"), classes[0],
                classes[1] / 1e6, range(loadMillis, "%.0f"));
    }

    /** The interface and the C file; returns the interface's source file. */
    static Path writeSources(int n, Path src, Path c, Path library) throws IOException {
        Path pkg = Files.createDirectories(src.resolve(PACKAGE));
        StringBuilder java = new StringBuilder();
        java.append("package ").append(PACKAGE).append(";\n\n")
                .append("import dev.fastffi.annotations.NativeFunction;\n")
                .append("import dev.fastffi.annotations.NativeLibrary;\n")
                .append("import java.lang.foreign.MemorySegment;\n\n")
                .append("@NativeLibrary(\"").append(library).append("\")\n")
                .append("public interface Api").append(n).append(" {\n");
        StringBuilder cText = new StringBuilder("#include <stdint.h>\n#include <stddef.h>\n#include <string.h>\n\n");
        for (int i = 0; i < n; i++) {
            String[] shape = shape(i);
            java.append("    @NativeFunction(\"").append(shape[0]).append("\")\n    ")
                    .append(shape[1].replace("NAME", "f" + i)).append(";\n\n");
            cText.append(shape[2].replace("NAME", "f" + i).replace("I", Integer.toString(i))).append("\n");
        }
        java.append("}\n");
        Path source = pkg.resolve("Api" + n + ".java");
        Files.writeString(source, java, StandardCharsets.UTF_8);
        Files.writeString(c, cText, StandardCharsets.UTF_8);
        return source;
    }

    /** Function {@code i}'s C signature, Java declaration and C definition, by {@code i % 6}. */
    private static String[] shape(int i) {
        return switch (i % 6) {
            case 0 -> new String[] {"i32(i32, i32)", "int NAME(int a, int b)",
                    "int32_t NAME(int32_t a, int32_t b) { return a + b + (I - I); }"};
            case 1 -> new String[] {"f64(f64, i64)", "double NAME(double x, long y)",
                    "double NAME(double x, int64_t y) { return x * y + I; }"};
            case 2 -> new String[] {"i64(buffer, usize)", "long NAME(byte[] values, long n)",
                    "int64_t NAME(const int8_t *v, size_t n) { int64_t s = I; for (size_t k = 0; k < n; k++) s += v[k]; return s; }"};
            case 3 -> new String[] {"usize(string)", "long NAME(String s)",
                    "size_t NAME(const char *s) { return strlen(s) + I; }"};
            case 4 -> new String[] {"pointer(pointer, i32)", "MemorySegment NAME(MemorySegment p, int k)",
                    "void *NAME(void *p, int32_t k) { return (char *) p + k + (I - I); }"};
            default -> new String[] {"void(buffer, usize, u32)", "void NAME(int[] values, long n, int x)",
                    "void NAME(int32_t *v, size_t n, uint32_t x) { for (size_t k = 0; k < n; k++) v[k] += x + I; }"};
        };
    }

    private static long[] classFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long[] result = new long[2];
            for (Path file : files.filter(p -> p.getFileName().toString().contains("$FastFfi")).toList()) {
                result[0]++;
                result[1] += Files.size(file);
            }
            return result;
        }
    }

    private static String range(List<Double> values, String format) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        String unit = format.endsWith("x") ? "x" : "";
        String number = format.substring(0, format.length() - unit.length());
        return String.format(Locale.ROOT, format, median)
                + String.format(Locale.ROOT, " (" + number + "–" + number + ")", sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static double time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        run(command);
        return (System.nanoTime() - start) / 1e9;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        output(command);
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + " failed:\n" + out);
        }
        return out;
    }

    private static void recreate(Path... dirs) throws IOException {
        for (Path dir : dirs) {
            delete(dir);
            Files.createDirectories(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

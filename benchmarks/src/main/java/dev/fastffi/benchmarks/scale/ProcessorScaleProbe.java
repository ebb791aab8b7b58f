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
 *   <li>{@code javac} on the same N functions in the shape jextract writes (a holder class per
 *       function with its descriptor, address and handle, three accessors and the call), which
 *       is what compiling a binding of that API costs a project that uses jextract instead;
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
                + "| javac on jextract's shape | generated classes | class bytes | FastFfi.load |");
        table.add("|---|---|---|---|---|---|---|---|---|");
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
        Path jextractSource = writeJextractShape(n, dir.resolve("jextract-src"));
        run(List.of("gcc", "-O1", "-shared", "-fPIC", "-o", library.toString(), dir.resolve("scale.c").toString()));
        String javac = javaHome.resolve("bin").resolve("javac").toString();
        Path without = dir.resolve("without");
        Path with = dir.resolve("with");
        Path generated = dir.resolve("generated");
        Path again = dir.resolve("again");
        Path jextracted = dir.resolve("jextract");
        List<Double> plain = new ArrayList<>();
        List<Double> jextract = new ArrayList<>();
        List<Double> processed = new ArrayList<>();
        List<Double> compiledOutput = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            recreate(without, with, generated, again, jextracted);
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
            double d = time(List.of(javac, "-d", jextracted.toString(), jextractSource.toString()));
            plain.add(a);
            jextract.add(d);
            processed.add(b);
            compiledOutput.add(c);
            ratios.add(b / a);
            System.out.printf(Locale.ROOT, "N=%d round %d: javac %.2f s, with processor %.2f s (%.2fx), "
                    + "interface + generated source %.2f s, jextract's shape %.2f s%n", n, round + 1, a, b, b / a, c, d);
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
        return String.format(Locale.ROOT, "| %d | %s s | %s s | %s | %s s | %s s | %d | %.1f MB | %s ms |", n,
                range(plain, "%.2f"), range(processed, "%.2f"), range(ratios, "%.2fx"), range(compiledOutput, "%.2f"),
                range(jextract, "%.2f"), classes[0], classes[1] / 1e6, range(loadMillis, "%.0f"));
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

    /**
     * The N functions as jextract 22 writes a header's functions: per function a holder class with
     * its {@code FunctionDescriptor}, address and downcall handle, accessors for the three, and the
     * call with its trace check, which turns any {@code Throwable} into an {@code AssertionError};
     * the Javadoc is shorter than jextract's, which quotes each C declaration. Returns the source
     * file.
     */
    static Path writeJextractShape(int n, Path src) throws IOException {
        Path pkg = Files.createDirectories(src.resolve("scalejx"));
        String name = "Api" + n + "_h";
        StringBuilder java = new StringBuilder()
                .append("package scalejx;\n\n")
                .append("import static java.lang.foreign.ValueLayout.*;\n\n")
                .append("import java.lang.foreign.*;\n")
                .append("import java.lang.invoke.*;\n\n")
                .append("public class ").append(name).append(" {\n")
                .append("    static final SymbolLookup SYMBOL_LOOKUP = SymbolLookup.libraryLookup(")
                .append("System.mapLibraryName(\"scale").append(n).append("\"), Arena.ofAuto());\n")
                .append("    static final boolean TRACE_DOWNCALLS = Boolean.getBoolean(\"jextract.trace.downcalls\");\n\n")
                .append("    static void traceDowncall(String name, Object... args) {\n")
                .append("        System.out.println(name);\n")
                .append("    }\n\n")
                .append("    static MemorySegment findOrThrow(String symbol) {\n")
                .append("        return SYMBOL_LOOKUP.find(symbol)")
                .append(".orElseThrow(() -> new UnsatisfiedLinkError(\"unresolved symbol: \" + symbol));\n")
                .append("    }\n");
        for (int i = 0; i < n; i++) {
            String[] shape = jextractShape(i);
            String f = "f" + i;
            String result = shape[0];
            String call = result.equals("void") ? "" : "return (" + result + ") ";
            String descriptor = shape[3].isEmpty()
                    ? "FunctionDescriptor.ofVoid(" + shape[4] + ")"
                    : "FunctionDescriptor.of(" + shape[3] + ", " + shape[4] + ")";
            java.append("\n    private static class ").append(f).append(" {\n")
                    .append("        public static final FunctionDescriptor DESC = ").append(descriptor).append(";\n\n")
                    .append("        public static final MemorySegment ADDR = findOrThrow(\"").append(f).append("\");\n\n")
                    .append("        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);\n")
                    .append("    }\n\n")
                    .append("    /** Function descriptor for {@code ").append(f).append("}. */\n")
                    .append("    public static FunctionDescriptor ").append(f).append("$descriptor() {\n")
                    .append("        return ").append(f).append(".DESC;\n    }\n\n")
                    .append("    /** Downcall method handle for {@code ").append(f).append("}. */\n")
                    .append("    public static MethodHandle ").append(f).append("$handle() {\n")
                    .append("        return ").append(f).append(".HANDLE;\n    }\n\n")
                    .append("    /** Address for {@code ").append(f).append("}. */\n")
                    .append("    public static MemorySegment ").append(f).append("$address() {\n")
                    .append("        return ").append(f).append(".ADDR;\n    }\n\n")
                    .append("    /** {@code ").append(f).append("}. */\n")
                    .append("    public static ").append(result).append(' ').append(f).append('(').append(shape[1]).append(") {\n")
                    .append("        var mh$ = ").append(f).append(".HANDLE;\n")
                    .append("        try {\n")
                    .append("            if (TRACE_DOWNCALLS) {\n")
                    .append("                traceDowncall(\"").append(f).append("\", ").append(shape[2]).append(");\n")
                    .append("            }\n")
                    .append("            ").append(call).append("mh$.invokeExact(").append(shape[2]).append(");\n")
                    .append("        } catch (Throwable ex$) {\n")
                    .append("            throw new AssertionError(\"should not reach here\", ex$);\n")
                    .append("        }\n")
                    .append("    }\n");
        }
        java.append("}\n");
        Path source = pkg.resolve(name + ".java");
        Files.writeString(source, java, StandardCharsets.UTF_8);
        return source;
    }

    /**
     * Function {@code i} as jextract declares it, by {@code i % 6} as {@link #shape}: result,
     * parameters, arguments, result layout (empty for void), argument layouts. Buffers and strings
     * are {@code MemorySegment}s there, which the caller fills.
     */
    private static String[] jextractShape(int i) {
        return switch (i % 6) {
            case 0 -> new String[] {"int", "int a, int b", "a, b", "JAVA_INT", "JAVA_INT, JAVA_INT"};
            case 1 -> new String[] {"double", "double x, long y", "x, y", "JAVA_DOUBLE", "JAVA_DOUBLE, JAVA_LONG"};
            case 2 -> new String[] {"long", "MemorySegment values, long n", "values, n", "JAVA_LONG", "ADDRESS, JAVA_LONG"};
            case 3 -> new String[] {"long", "MemorySegment s", "s", "JAVA_LONG", "ADDRESS"};
            case 4 -> new String[] {"MemorySegment", "MemorySegment p, int k", "p, k", "ADDRESS", "ADDRESS, JAVA_INT"};
            default -> new String[] {"void", "MemorySegment values, long n, int x", "values, n, x", "",
                    "ADDRESS, JAVA_LONG, JAVA_INT"};
        };
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

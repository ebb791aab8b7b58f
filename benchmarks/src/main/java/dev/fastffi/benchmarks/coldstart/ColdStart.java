package dev.fastffi.benchmarks.coldstart;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@link ColdStartProbe} in a fresh JVM per run, mechanisms interleaved so that machine noise
 * spreads evenly, and reports medians. One extra run per fastffi mode counts the functions linked.
 */
public final class ColdStart {
    /** The probe's mechanisms in report order, with what each one does. */
    public static final Map<String, String> MECHANISMS = mechanisms();

    private static final Pattern LINKED = Pattern.compile("^linked (\\d+)$", Pattern.MULTILINE);

    /**
     * One mechanism's medians; {@code holdersLinked} is -1 where it does not apply. {@code firstCalls}
     * holds every run's nanoseconds to the first call, in run order, so that two mechanisms can be
     * compared run by run ({@link #against}).
     */
    public record Result(String mechanism, String description, long medianNanos, long medianBindNanos,
            long medianWallMillis, long medianCpuNanos, int runs, int holdersLinked, List<Long> firstCalls) {
        public Result {
            firstCalls = List.copyOf(firstCalls);
        }

        /** How much longer than {@code baseline} this mechanism took to its first call, run by run. */
        public PairedDifference against(Result baseline) {
            return PairedDifference.of(firstCalls, baseline.firstCalls);
        }
    }

    private final List<String> command;

    private ColdStart(List<String> command) {
        this.command = command;
    }

    /** Measures every mechanism {@code runs} times after one discarded warm-up run each (disk cache). */
    public static List<Result> measure(int runs) throws IOException, InterruptedException {
        ColdStart coldStart = new ColdStart(javaCommand());
        Map<String, List<long[]>> samples = new LinkedHashMap<>();
        for (int run = -1; run < runs; run++) {
            for (String mechanism : MECHANISMS.keySet()) {
                long[] sample = coldStart.once(mechanism);
                if (run >= 0) {
                    samples.computeIfAbsent(mechanism, m -> new ArrayList<>()).add(sample);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (var entry : samples.entrySet()) {
            String mechanism = entry.getKey();
            int holders = mechanism.startsWith("fastffi") ? coldStart.holdersLinked(mechanism) : -1;
            List<long[]> runsOf = entry.getValue();
            results.add(new Result(mechanism, MECHANISMS.get(mechanism), median(runsOf, 0), median(runsOf, 1),
                    median(runsOf, 2), median(runsOf, 3), runsOf.size(), holders,
                    runsOf.stream().map(sample -> sample[0]).toList()));
        }
        return results;
    }

    /**
     * In-process nanoseconds to the first call's return and to the binding being ready (-1 if not
     * told apart), wall-clock milliseconds of the whole JVM, and the main thread's CPU nanoseconds.
     */
    private long[] once(String mechanism, String... extraFlags) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String output = run(mechanism, extraFlags);
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        String last = output.lines().reduce((first, second) -> second).orElse("");
        String[] fields = last.split(" ");
        if (fields.length != 4 || !fields[0].matches("\\d+") || !fields[1].matches("-?\\d+")
                || !fields[2].matches("-?\\d+")) {
            throw new IllegalStateException("cold-start probe " + mechanism + " printed no result:\n" + output);
        }
        return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), wallMillis, Long.parseLong(fields[2])};
    }

    /** How many of fastffi's handles one run of {@code mechanism} linked. */
    private int holdersLinked(String mechanism) throws IOException, InterruptedException {
        String output = run(mechanism, "-D" + ColdStartProbe.COUNT_LINKS + "=true");
        Matcher linked = LINKED.matcher(output);
        if (!linked.find()) {
            throw new IllegalStateException("cold-start probe " + mechanism + " did not count links:\n" + output);
        }
        return Integer.parseInt(linked.group(1));
    }

    /** One probe JVM's output; it must exit normally. */
    private String run(String mechanism, String... extraFlags) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command);
        line.addAll(line.size() - 1, Arrays.asList(extraFlags));
        line.add(mechanism);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("cold-start probe " + mechanism + " failed (exit " + exit + "):\n" + output);
        }
        return output;
    }

    /**
     * The JVM running this, with the same class path as jars and the same native settings; the
     * probe's class last. A class directory on this JVM's class path (the benchmarks' own classes,
     * when Maven runs the suite) goes into a jar first: a deployed application loads every class,
     * its own and fastffi's, from a jar, and a probe whose hand-written bindings came from a
     * directory while fastffi came from a jar would charge fastffi alone for the JDK's first jar.
     */
    private static List<String> javaCommand() throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.add("--enable-native-access=ALL-UNNAMED");
        for (String property : List.of("fastffi.bench.library", "java.library.path")) {
            line.add("-D" + property + "=" + System.getProperty(property));
        }
        line.add("-cp");
        line.add(asJars(System.getProperty("java.class.path")));
        line.add(ColdStartProbe.class.getName());
        return line;
    }

    /** {@code classPath} with each directory replaced by a jar of its content, written to a temporary directory. */
    static String asJars(String classPath) throws IOException {
        List<String> entries = new ArrayList<>();
        Path jars = null;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            if (jars == null) {
                jars = Files.createTempDirectory("fastffi-coldstart");
                jars.toFile().deleteOnExit();
            }
            Path jar = jars.resolve(entries.size() + ".jar");
            jar(path, jar);
            jar.toFile().deleteOnExit();
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Writes every file under {@code directory} into {@code jar}, with the manifest a jar tool would give it. */
    private static void jar(Path directory, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static long median(List<long[]> samples, int index) {
        return medianOfSorted(samples.stream().mapToLong(s -> s[index]).sorted().toArray());
    }

    /** The median of {@code sorted}, which is sorted and not empty; of an even count, the mean of the middle two. */
    static long medianOfSorted(long[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Map<String, String> mechanisms() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("ffm", "hand-written FFM, twenty static final handles in one class, first call");
        all.put("ffmLazy", "hand-written FFM, a holder class per function (jextract style), first call");
        all.put("ffmInterface", "the same holders behind the interface, hand-written (ColdLib implemented), first call");
        all.put("jextract", "jextract 22's generated code (layouts superclass, lookup chain, holder per function), first call");
        all.put("fastffi", "fastffi FAST, FastFfi.load, first call");
        all.put("fastffi20", "fastffi FAST, FastFfi.load, all twenty functions called once");
        all.put("jnaInterface", "JNA interface mapping, Native.load, first call");
        all.put("jnaDirect", "JNA direct mapping, Native.register, first call");
        return Collections.unmodifiableMap(all);
    }
}

package dev.fastffi.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/** What the numbers were measured on: the forked JVMs' JDK, the CPU from /proc/cpuinfo, the OS. */
record Machine(String jdk, String cpu, String os) {
    static Machine current(Collection<RunResult> runs) {
        return new Machine(jdk(runs), readCpu(), System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
    }

    private static String jdk(Collection<RunResult> runs) {
        return runs.stream().findFirst().map(RunResult::getParams)
                .map(p -> describe(p))
                .orElse(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.home") + ")");
    }

    private static String describe(BenchmarkParams params) {
        return params.getVmName() + " " + params.getVmVersion() + ", JDK " + params.getJdkVersion()
                + " (" + params.getJvm() + ")";
    }

    private static String readCpu() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String model = lines.stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst()
                    .orElse(System.getProperty("os.arch"));
            long processors = lines.stream().filter(l -> l.startsWith("processor")).count();
            return model + ", " + processors + " logical CPUs (" + cores + " available to the JVM)";
        } catch (IOException e) {
            return System.getProperty("os.arch") + ", " + cores + " CPUs available to the JVM";
        }
    }
}

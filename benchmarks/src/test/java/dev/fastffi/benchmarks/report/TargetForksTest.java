package dev.fastffi.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every call-speed target compares two methods that run {@link Targets#FORKS} forks, by their own
 * {@code @Fork}, which the suite's default options leave in force; the report says how many forks
 * each target's ratio came from.
 */
class TargetForksTest {
    private static final String PACKAGE = "dev.fastffi.benchmarks.";

    /** JMH's own list of the module's benchmarks, with the forks their annotations ask for. */
    private static Map<String, BenchmarkListEntry> benchmarks() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        return BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of())
                .stream()
                .collect(Collectors.toMap(BenchmarkListEntry::getUsername, Function.identity()));
    }

    @Test
    void bothMethodsOfEveryTargetRunThreeForks() {
        Map<String, BenchmarkListEntry> benchmarks = benchmarks();
        for (Targets.Limit limit : Targets.LIMITS) {
            for (String method : List.of(limit.mechanism().id, Mechanism.FFM.id)) {
                BenchmarkListEntry entry = benchmarks.get(PACKAGE + limit.benchmark() + "." + method);
                assertTrue(entry != null, limit.benchmark() + "." + method + " is not a benchmark");
                assertEquals(Targets.FORKS, entry.getForks().orElse(-1), entry.getUsername());
            }
        }
    }

    @Test
    void everyOtherBenchmarkRunsOneForkAndNoneFallsBackToJmhsDefault() {
        Map<String, BenchmarkListEntry> benchmarks = benchmarks();
        List<String> targeted = Targets.LIMITS.stream()
                .flatMap(l -> Stream.of(l.benchmark() + "." + l.mechanism().id, l.benchmark() + ".ffm"))
                .map(name -> PACKAGE + name)
                .toList();
        assertFalse(benchmarks.isEmpty());
        benchmarks.forEach((name, entry) -> assertEquals(targeted.contains(name) ? Targets.FORKS : 1,
                entry.getForks().orElse(-1), name + " has no @Fork of its own, or the wrong one"));
    }

    @Test
    void theDefaultOptionsLeaveForksToTheAnnotations() throws IOException {
        Matcher args = Pattern.compile("<jmh\\.args>(.*)</jmh\\.args>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(args.find(), "the pom has no default jmh.args");
        assertFalse(args.group(1).matches(".*(^|\\s)-f(\\s|$).*"), "-f in the default jmh.args overrides every @Fork: "
                + args.group(1));
    }

    @Test
    void aTargetSaysHowManyForksItsRatioCameFrom() {
        Case add = new Case("AddBenchmark", "");
        Case mul = new Case("MulBenchmark", "");
        Results results = new Results(List.of(
                new Measurement(add, "ffm", 7.9, 0.1, 0, 3),
                new Measurement(add, "fastffiCloseable", 8.1, 0.1, 0, 3),
                new Measurement(mul, "ffm", 7.6, 0.1, 0, 3),
                new Measurement(mul, "fastffiCloseable", 9.4, 0.1, 0, 1)));

        List<Targets.Row> rows = Targets.evaluate(results);

        assertEquals(new Targets.Row("i32 add(i32, i32): fastffi FAST, Library.bind ≤ 1.10×",
                "1.03× (1.00×–1.05×), 3 forks", "met"), row(rows, "i32 add(i32, i32): fastffi FAST, Library.bind ≤"));
        assertEquals(new Targets.Row("f64 mul(f64, f64): fastffi FAST, Library.bind ≤ 1.10×",
                "1.24× (1.21×–1.27×), 1 fork", "**missed**"), row(rows, "f64 mul(f64, f64): fastffi FAST, Library.bind ≤"));
        assertEquals("not measured", row(rows, "u64 xor(u64, u64): DynamicFunction.invoke ≤ 3.00×").verdict());
    }

    private static Targets.Row row(List<Targets.Row> rows, String prefix) {
        return rows.stream().filter(r -> r.target().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + prefix + " in " + rows));
    }
}

package dev.fastffi.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.benchmarks.coldstart.ColdStart;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The cold-start targets state the medians' verdict and the run-by-run difference with its interval. */
class ColdStartReportTest {
    private static final Machine MACHINE = new Machine("JDK 25", "test CPU", "Linux");

    @Test
    void aGapWithinTheNoiseIsSaidToBe() {
        // fastffi 1 ms slower by medians, but its runs alternate between 4 ms faster and 4 ms slower
        List<Long> lazy = LongStream.range(0, 21).map(i -> 100_000_000 + i * 10_000).boxed().toList();
        List<Long> fastffi = LongStream.range(0, 21)
                .map(i -> lazy.get((int) i) + (i % 2 == 0 ? 4_000_000 : -4_000_000)).boxed().toList();

        String report = report(fastffi, lazy);

        assertTrue(report.contains("- fastffi's time to first call ≤ jextract-style hand-written FFM: **missed**"
                + " (104.0 ms against 100.1 ms; main-thread CPU 150.0 ms against 150.0 ms;"
                + " run by run, fastffi took +4.0 ms, 97% interval -4.0 to +4.0 ms: within this machine's noise)"), report);
    }

    @Test
    void aGapBeyondTheNoiseIsStatedWithoutTheCaveat() {
        List<Long> lazy = LongStream.range(0, 21).map(i -> 100_000_000 + i * 10_000).boxed().toList();
        List<Long> fastffi = lazy.stream().map(t -> t - 3_000_000).toList();

        String report = report(fastffi, lazy);

        assertTrue(report.contains(": met (97.1 ms against 100.1 ms; main-thread CPU 150.0 ms against 150.0 ms;"
                + " run by run, fastffi took -3.0 ms,"
                + " 97% interval -3.0 to -3.0 ms)\n"), report);
    }

    @Test
    void tooFewRunsGiveNoInterval() {
        List<Long> lazy = List.of(100_000_000L, 101_000_000L, 102_000_000L);

        String report = report(lazy, lazy);

        assertTrue(report.contains("run by run, fastffi took +0.0 ms (too few runs for an interval))"), report);
    }

    @Test
    void jextractsGeneratedCodeIsHeldAgainstTooAfterTheHandWrittenShapes() {
        List<Long> lazy = LongStream.range(0, 21).map(i -> 100_000_000 + i * 10_000).boxed().toList();
        List<Long> jextract = lazy.stream().map(t -> t + 5_000_000).toList();
        List<Long> fastffi = lazy.stream().map(t -> t + 2_000_000).toList();

        String report = MarkdownReport.of(new Results(List.of()), List.of(
                result("jextract", jextract, -1), result("fastffi", fastffi, 1), result("ffmLazy", lazy, -1)),
                MACHINE, "-f 1", "2026-12-03");

        int handWritten = report.indexOf("- fastffi's time to first call ≤ jextract-style hand-written FFM: **missed**"
                + " (102.1 ms against 100.1 ms;");
        int generated = report.indexOf("- fastffi's time to first call ≤ jextract's generated code: met"
                + " (102.1 ms against 105.1 ms; main-thread CPU 150.0 ms against 150.0 ms;"
                + " run by run, fastffi took -3.0 ms, 97% interval -3.0 to -3.0 ms)\n");
        assertTrue(handWritten >= 0 && generated > handWritten, report);
    }

    @Test
    void theInterfaceAloneIsShownForScaleAndNotAsATarget() {
        List<Long> lazy = LongStream.range(0, 21).map(i -> 100_000_000 + i * 10_000).boxed().toList();
        List<Long> behind = lazy.stream().map(t -> t + 2_000_000).toList();

        String report = MarkdownReport.of(new Results(List.of()), List.of(
                result("ffmLazy", lazy, -1), result("ffmInterface", behind, -1), result("fastffi", behind, 1)),
                MACHINE, "-t 1", "2026-12-03");

        assertTrue(report.contains("- not a target, for scale: the same holders behind the interface, hand-written,"
                + " 102.1 ms against 100.1 ms (run by run, the interface took +2.0 ms, 97% interval +2.0 to +2.0 ms)\n"),
                report);
        assertFalse(report.contains("≤ the same holders"), report);
    }

    private static String report(List<Long> fastffi, List<Long> lazy) {
        List<ColdStart.Result> results = List.of(
                result("ffmLazy", lazy, -1),
                result("fastffi", fastffi, 1));
        return MarkdownReport.of(new Results(List.of()), results, MACHINE, "-f 1", "2026-12-03");
    }

    private static ColdStart.Result result(String mechanism, List<Long> firstCalls, int linked) {
        long[] sorted = firstCalls.stream().mapToLong(Long::longValue).sorted().toArray();
        return new ColdStart.Result(mechanism, mechanism, sorted[sorted.length / 2], -1, 200, 150_000_000,
                firstCalls.size(), linked, firstCalls);
    }
}

package dev.fastffi.benchmarks.report;

import dev.fastffi.benchmarks.coldstart.ColdStart;
import dev.fastffi.benchmarks.coldstart.PairedDifference;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Markdown report: run conditions, ratio matrix, chart, targets, every measurement, cold start. */
final class MarkdownReport {
    /** What fastffi's first call is held against, by mechanism, as its target line names it; in the report's order. */
    private static final Map<String, String> BASELINES = Map.of(
            "ffm", "hand-written FFM with eager handles",
            "ffmLazy", "jextract-style hand-written FFM",
            "jextract", "jextract's generated code");

    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {}

    /** The whole report of one run; {@code options} are the JMH options it ran with. */
    static String of(Results results, List<ColdStart.Result> coldStart, Machine machine, String options, String date) {
        MarkdownReport report = new MarkdownReport();
        report.header(machine, options, date);
        if (!results.all().isEmpty()) {
            report.matrix(results);
            report.baselines(results);
            report.line("![Ratio to hand-written FFM](ratios.svg)").line("");
            report.targets(results);
            report.details(results);
        }
        if (!coldStart.isEmpty()) {
            report.coldStart(coldStart);
        }
        return report.out.toString();
    }

    /** The ratio matrix alone, for the README. */
    static String matrixOnly(Results results) {
        MarkdownReport report = new MarkdownReport();
        report.matrix(results);
        return report.out.toString();
    }

    private void header(Machine machine, String options, String date) {
        line("# fastffi benchmark results").line("");
        line("- date: " + date);
        line("- JDK: " + machine.jdk());
        line("- CPU: " + machine.cpu());
        line("- OS: " + machine.os());
        line("- JMH options: `" + options + "`");
        line("").line("Ratios are time per call over hand-written FFM's in the same case and run; lower is"
                + " better. The raw JMH output is [jmh.json](jmh.json).").line("");
    }

    private void matrix(Results results) {
        List<Mechanism> mechanisms = results.mechanisms();
        line("| case | " + mechanisms.stream().map(m -> m.label).collect(Collectors.joining(" | ")) + " |");
        line("|---|" + "---:|".repeat(mechanisms.size()));
        for (Case c : results.cases()) {
            String cells = mechanisms.stream()
                    .map(m -> results.find(c, m.id).map(x -> cell(results, x)).orElse(""))
                    .collect(Collectors.joining(" | "));
            line("| " + c.label() + " | " + cells + " |");
        }
        line("").line("Each cell: time over hand-written FFM's in the same case, then ns/op.").line("");
    }

    private void baselines(Results results) {
        line("What hand-written FFM, the denominator, does in each case:").line("");
        line("| case | hand-written FFM |").line("|---|---|");
        results.cases().forEach(c -> line("| " + c.label() + " | " + c.baseline() + " |"));
        line("");
    }

    private static String cell(Results results, Measurement m) {
        return results.ratio(m).map(Ratio::toString).orElse("—") + " · " + Format.nanos(m.score());
    }

    private void targets(Results results) {
        line("## Performance targets").line("");
        line("A ratio inside the error bars counts as met; where the bars span more than a factor of two"
                + " the run is too noisy for a verdict.").line("");
        line("| target | ratio (range within error bars) | verdict |").line("|---|---|---|");
        Targets.evaluate(results).forEach(r -> line("| " + r.target() + " | " + r.measured() + " | " + r.verdict() + " |"));
        line("");
    }

    private void details(Results results) {
        line("## Every measurement").line("");
        line("| case | mechanism | ns/op | ± (99.9%) | × FFM | range | B/op | forks |").line("|---|---|---:|---:|---:|---|---:|---:|");
        for (Measurement m : results.all()) {
            String label = Mechanism.byId(m.mechanism()).map(x -> x.label).orElse(m.mechanism());
            String ratio = results.ratio(m).map(Ratio::toString).orElse("—");
            String range = results.ratio(m).map(r -> Format.ratio(r.low()) + "–" + Format.ratio(r.high())).orElse("");
            line("| " + m.benchmarkCase().label() + " | " + label + " | " + Format.nanos(m.score()) + " | "
                    + Format.nanos(m.error()) + " | " + ratio + " | " + range + " | " + Format.bytes(m.allocatedBytes()) + " | "
                    + m.forks() + " |");
        }
        line("");
    }

    private void coldStart(List<ColdStart.Result> results) {
        line("## Cold start").line("");
        line("A fresh JVM per run loads a binding of twenty functions with twenty distinct signatures and calls one;"
                + " medians of " + results.get(0).runs() + " runs per mechanism, interleaved, after one discarded run each."
                + " \"binding ready\" and \"to first call\" are measured inside the JVM from entering `main`"
                + " to the binding's creation (class initialization for static handles) and to the call's return;"
                + " \"JVM wall\" is the whole process as its parent saw it;"
                + " \"main-thread CPU\" is the CPU time the main thread ran until the call returned, which a busy"
                + " machine disturbs far less than wall time. Each target line also compares the first calls run by"
                + " run (the mechanisms of one run go back to back): the median of fastffi's time minus the other's, and"
                + " the sign test's interval for it, which assumes nothing of the noise; an interval that spans 0"
                + " means the two differ by less than this machine's run-to-run noise.").line("");
        line("| mechanism | binding ready (ms) | to first call (ms) | main-thread CPU (ms) | JVM wall (ms) | functions linked |")
                .line("|---|---:|---:|---:|---:|---:|");
        for (ColdStart.Result r : results) {
            String bound = r.medianBindNanos() < 0 ? "—" : String.format(Locale.ROOT, "%.1f", r.medianBindNanos() / 1e6);
            String cpu = r.medianCpuNanos() < 0 ? "—" : String.format(Locale.ROOT, "%.1f", r.medianCpuNanos() / 1e6);
            line(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %d | %s |", r.description(), bound,
                    r.medianNanos() / 1e6, cpu, r.medianWallMillis(), r.holdersLinked() < 0 ? "" : r.holdersLinked() + " of 20"));
        }
        coldStartTargets(results);
        line("").line("\"functions linked\" counts the generated handles that linked, which each does on its"
                + " function's first call only (one more probe run, `-Dfastffi.bench.countLinks=true`).").line("");
    }

    /**
     * The cold-start targets: fastffi links lazily, and its time to first call does not exceed
     * hand-written FFM's, in both shapes (eager handles in one class, and jextract's holder per
     * function), nor that of the code jextract itself generates.
     */
    private void coldStartTargets(List<ColdStart.Result> results) {
        ColdStart.Result fastffi = find(results, "fastffi");
        if (fastffi == null) {
            return;
        }
        line("");
        line("- fastffi links only the function it calls: " + (fastffi.holdersLinked() == 1 ? "met" : "**missed**")
                + " (" + fastffi.holdersLinked() + " of 20 linked)");
        for (String shape : ColdStart.MECHANISMS.keySet()) {
            ColdStart.Result ffm = find(results, shape);
            if (ffm == null || !BASELINES.containsKey(shape)) {
                continue;
            }
            String cpu = fastffi.medianCpuNanos() < 0 || ffm.medianCpuNanos() < 0 ? ""
                    : String.format(Locale.ROOT, "; main-thread CPU %.1f ms against %.1f ms",
                            fastffi.medianCpuNanos() / 1e6, ffm.medianCpuNanos() / 1e6);
            line(String.format(Locale.ROOT, "- fastffi's time to first call ≤ %s: %s (%.1f ms against %.1f ms%s; %s)",
                    BASELINES.get(shape),
                    fastffi.medianNanos() <= ffm.medianNanos() ? "met" : "**missed**",
                    fastffi.medianNanos() / 1e6, ffm.medianNanos() / 1e6, cpu, paired("fastffi", fastffi.against(ffm))));
        }
        interfaceAlone(results);
    }

    /**
     * Not a target: what handing out an interface costs by itself, the holders of the
     * jextract-style shape behind a hand-written class implementing it, against the holders alone.
     */
    private void interfaceAlone(List<ColdStart.Result> results) {
        ColdStart.Result holders = find(results, "ffmLazy");
        ColdStart.Result behind = find(results, "ffmInterface");
        if (holders == null || behind == null) {
            return;
        }
        line(String.format(Locale.ROOT, "- not a target, for scale: the same holders behind the interface, hand-written,"
                + " %.1f ms against %.1f ms (%s)", behind.medianNanos() / 1e6, holders.medianNanos() / 1e6,
                paired("the interface", behind.against(holders))));
    }

    /** A run-by-run difference as the target line states it, with its interval where there is one. */
    static String paired(String who, PairedDifference difference) {
        String median = String.format(Locale.ROOT, "run by run, %s took %s ms", who, signed(difference.median()));
        if (!difference.hasInterval()) {
            return median + " (too few runs for an interval)";
        }
        return median + String.format(Locale.ROOT, ", %.0f%% interval %s to %s ms%s", difference.confidence() * 100,
                signed(difference.low()), signed(difference.high()),
                difference.low() <= 0 && difference.high() >= 0 ? ": within this machine's noise" : "");
    }

    private static String signed(long nanos) {
        return String.format(Locale.ROOT, "%+.1f", nanos / 1e6);
    }

    private static ColdStart.Result find(List<ColdStart.Result> results, String mechanism) {
        return results.stream().filter(r -> r.mechanism().equals(mechanism)).findFirst().orElse(null);
    }

    private MarkdownReport line(String text) {
        out.append(text).append('\n');
        return this;
    }
}

package dev.fastffi.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The performance targets, checked against one run; a ratio inside the error bars counts as met. */
final class Targets {
    record Row(String target, String measured, String verdict) {}

    private static final List<String> SCALARS = List.of("NoArgBenchmark", "AddBenchmark", "MulBenchmark", "U64Benchmark");
    /** Cases whose fastffi mechanisms are on the fast path, and so must not allocate. */
    private static final List<String> FAST_CASES = List.of("NoArgBenchmark", "AddBenchmark", "MulBenchmark",
            "U64Benchmark", "BufferCopyBenchmark", "BufferCriticalBenchmark", "ErrnoBenchmark");

    private final Results results;
    private final List<Row> rows = new ArrayList<>();

    private Targets(Results results) {
        this.results = results;
    }

    static List<Row> evaluate(Results results) {
        Targets targets = new Targets(results);
        targets.all();
        return targets.rows;
    }

    private void all() {
        SCALARS.forEach(b -> atMost(b, "", Mechanism.FASTFFI_GLOBAL, 1.05));
        SCALARS.forEach(b -> atMost(b, "", Mechanism.FASTFFI_CLOSEABLE, 1.10));
        SCALARS.forEach(b -> atMost(b, "", Mechanism.FASTFFI_CLOSEABLE_FIELD, 1.10));
        atMost("BufferCriticalBenchmark", "64", Mechanism.FASTFFI_GLOBAL, 1.10);
        fasterThanBaseline("BufferCopyBenchmark", "64", Mechanism.FASTFFI_GLOBAL);
        SCALARS.forEach(b -> atMost(b, "", Mechanism.DYNAMIC_HANDLE, 1.10));
        atMost("AddBenchmark", "", Mechanism.DYNAMIC_INVOKE, 2.5);
        fasterThanBaseline("StringBenchmark", "", Mechanism.FASTFFI_GLOBAL);
        callback();
        noAllocation();
        tenTimesJna();
    }

    private void atMost(String benchmark, String param, Mechanism mechanism, double limit) {
        String target = name(benchmark, param, mechanism) + " ≤ " + Format.ratio(limit);
        ratio(benchmark, param, mechanism).ifPresentOrElse(
                r -> rows.add(new Row(target, range(r), verdict(r, r.value() <= limit, r.reachesAtMost(limit)))),
                () -> rows.add(new Row(target, "—", "not measured")));
    }

    private void fasterThanBaseline(String benchmark, String param, Mechanism mechanism) {
        String target = name(benchmark, param, mechanism) + " faster than hand-written FFM";
        ratio(benchmark, param, mechanism).ifPresentOrElse(
                r -> rows.add(new Row(target, range(r), verdict(r, r.value() < 1, r.low() < 1))),
                () -> rows.add(new Row(target, "—", "not measured")));
    }

    /** Met, met within the error bars, or missed; no verdict when the bars span more than a factor of two. */
    private static String verdict(Ratio r, boolean met, boolean withinError) {
        if (!r.conclusive()) {
            return "inconclusive: error bars too wide";
        }
        return met ? "met" : withinError ? "met within error" : "**missed**";
    }

    private void callback() {
        Optional<Measurement> fastffi = results.all().stream()
                .filter(m -> m.benchmarkCase().benchmark().equals("CallbackBenchmark") && m.mechanism().startsWith("fastffi"))
                .findFirst();
        String target = "qsort callback: fastffi ≤ 1.20× hand-written upcall";
        fastffi.flatMap(results::ratio).ifPresentOrElse(
                r -> rows.add(new Row(target, range(r), verdict(r, r.value() <= 1.20, r.reachesAtMost(1.20)))),
                () -> rows.add(new Row(target, "—", "follow-up: callbacks are not on main yet")));
    }

    private void noAllocation() {
        List<Measurement> fast = results.all().stream()
                .filter(m -> FAST_CASES.contains(m.benchmarkCase().benchmark()))
                .filter(m -> Mechanism.byId(m.mechanism()).map(x -> x.fastffiFast).orElse(false))
                .filter(m -> !Double.isNaN(m.allocatedBytes()))
                .toList();
        List<String> over = fast.stream().filter(m -> m.allocatedBytes() >= 1)
                .map(m -> m.benchmarkCase().label() + " " + m.mechanism() + " " + Format.bytes(m.allocatedBytes()) + " B")
                .toList();
        String measured = (fast.size() - over.size()) + " of " + fast.size() + " below 1 B/op"
                + (over.isEmpty() ? "" : "; " + String.join(", ", over));
        rows.add(new Row("every fastffi FAST measurement allocates 0 B/op (< 1)", measured,
                fast.isEmpty() ? "not measured (run with -prof gc)" : over.isEmpty() ? "met" : "**missed**"));
    }

    private void tenTimesJna() {
        Optional<Measurement> fastffi = results.find("AddBenchmark", "", Mechanism.FASTFFI_GLOBAL.id);
        Optional<Measurement> jna = results.find("AddBenchmark", "", Mechanism.JNA_INTERFACE.id);
        String target = "add: fastffi FAST ≥ 10× faster than JNA interface";
        if (fastffi.isEmpty() || jna.isEmpty()) {
            rows.add(new Row(target, "—", "not measured"));
            return;
        }
        double speedup = jna.get().score() / fastffi.get().score();
        rows.add(new Row(target, String.format(Locale.ROOT, "%.1f× faster", speedup), speedup >= 10 ? "met" : "**missed**"));
    }

    private Optional<Ratio> ratio(String benchmark, String param, Mechanism mechanism) {
        return results.find(benchmark, param, mechanism.id).flatMap(results::ratio);
    }

    private static String name(String benchmark, String param, Mechanism mechanism) {
        return new Case(benchmark, param).label() + ": " + mechanism.label;
    }

    private static String range(Ratio r) {
        return r + " (" + Format.ratio(r.low()) + "–" + Format.ratio(r.high()) + ")";
    }
}

package dev.fastffi.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The performance targets, checked against one run; a ratio inside the error bars counts as met. */
final class Targets {
    record Row(String target, String measured, String verdict) {}

    /**
     * A call-speed target: {@code mechanism}'s time in one case at most {@code limit} times
     * hand-written FFM's. One fork can land on a slower mode of a virtual CPU for its whole run,
     * so both methods of such a target run {@value #FORKS} forks ({@code @Fork} on the method),
     * and the report says how many forks each ratio came from.
     */
    record Limit(String benchmark, String param, Mechanism mechanism, double limit) {}

    /** The forks of each method a {@link Limit} compares. */
    static final int FORKS = 3;

    private static final List<String> SCALARS = List.of("NoArgBenchmark", "AddBenchmark", "MulBenchmark", "U64Benchmark");

    /** Every call-speed target, in the report's order. */
    static final List<Limit> LIMITS = limits();

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

    private static List<Limit> limits() {
        List<Limit> limits = new ArrayList<>();
        SCALARS.forEach(b -> limits.add(new Limit(b, "", Mechanism.FASTFFI_GLOBAL, 1.05)));
        SCALARS.forEach(b -> limits.add(new Limit(b, "", Mechanism.FASTFFI_CLOSEABLE, 1.10)));
        SCALARS.forEach(b -> limits.add(new Limit(b, "", Mechanism.FASTFFI_CLOSEABLE_FIELD, 1.10)));
        limits.add(new Limit("BufferCriticalBenchmark", "64", Mechanism.FASTFFI_GLOBAL, 1.10));
        SCALARS.forEach(b -> limits.add(new Limit(b, "", Mechanism.DYNAMIC_HANDLE, 1.10)));
        limits.add(new Limit("AddBenchmark", "", Mechanism.DYNAMIC_INVOKE, 2.5));
        limits.add(new Limit("U64Benchmark", "", Mechanism.DYNAMIC_INVOKE, 3.0));
        return List.copyOf(limits);
    }

    private void all() {
        LIMITS.forEach(this::atMost);
        fasterThanBaseline("BufferCopyBenchmark", "64", Mechanism.FASTFFI_GLOBAL);
        fasterThanBaseline("StringBenchmark", "", Mechanism.FASTFFI_GLOBAL);
        callback();
        noAllocation();
        tenTimesJna();
    }

    private void atMost(Limit limit) {
        String target = name(limit.benchmark(), limit.param(), limit.mechanism()) + " ≤ " + Format.ratio(limit.limit());
        Optional<Measurement> measured = results.find(limit.benchmark(), limit.param(), limit.mechanism().id);
        measured.flatMap(results::ratio).ifPresentOrElse(
                r -> rows.add(new Row(target, range(r) + ", " + forks(measured.get()),
                        verdict(r, r.value() <= limit.limit(), r.reachesAtMost(limit.limit())))),
                () -> rows.add(new Row(target, "—", "not measured")));
    }

    /** How many forks a ratio came from: the fewer of its two measurements'. */
    private String forks(Measurement measured) {
        int forks = results.find(measured.benchmarkCase(), Mechanism.FFM.id)
                .map(baseline -> Math.min(baseline.forks(), measured.forks()))
                .orElse(measured.forks());
        return forks == 1 ? "1 fork" : forks + " forks";
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

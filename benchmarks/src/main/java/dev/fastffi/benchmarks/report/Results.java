package dev.fastffi.benchmarks.report;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmh.results.RunResult;

/** The measurements of one run, looked up by case and mechanism. */
record Results(List<Measurement> all) {
    static Results of(Collection<RunResult> runs) {
        return new Results(Measurement.of(runs));
    }

    Optional<Measurement> find(Case benchmarkCase, String mechanism) {
        return all.stream()
                .filter(m -> m.benchmarkCase().equals(benchmarkCase) && m.mechanism().equals(mechanism))
                .findFirst();
    }

    Optional<Measurement> find(String benchmark, String param, String mechanism) {
        return find(new Case(benchmark, param), mechanism);
    }

    /** The measurement over the same case's hand-written FFM, when both ran. */
    Optional<Ratio> ratio(Measurement measured) {
        return find(measured.benchmarkCase(), Mechanism.FFM.id).map(baseline -> Ratio.of(measured, baseline));
    }

    /**
     * The cases in which a mechanism of the suite ran, in report order: the rows of the ratio
     * matrix and chart. A benchmark of something else, such as {@code BindBenchmark}'s bind times,
     * appears only among every measurement.
     */
    Set<Case> cases() {
        TreeSet<Case> cases = new TreeSet<>();
        all.stream().filter(m -> Mechanism.byId(m.mechanism()).isPresent()).forEach(m -> cases.add(m.benchmarkCase()));
        return cases;
    }

    /** The mechanisms that ran, in report order. */
    List<Mechanism> mechanisms() {
        return List.of(Mechanism.values()).stream()
                .filter(mechanism -> all.stream().anyMatch(m -> m.mechanism().equals(mechanism.id)))
                .toList();
    }
}

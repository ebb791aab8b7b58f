package dev.fastffi.benchmarks.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark method's result: ns/op with its 99.9% error, bytes allocated per op (NaN without
 * -prof gc), and the forks it ran in.
 */
record Measurement(Case benchmarkCase, String mechanism, double score, double error, double allocatedBytes, int forks) {
    static final Comparator<Measurement> ORDER = Comparator.comparing(Measurement::benchmarkCase)
            .thenComparing(m -> Mechanism.byId(m.mechanism()).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Measurement::mechanism);

    static List<Measurement> of(Collection<RunResult> runs) {
        return runs.stream().map(Measurement::of).sorted(ORDER).toList();
    }

    private static Measurement of(RunResult run) {
        BenchmarkParams params = run.getParams();
        String name = params.getBenchmark();
        int method = name.lastIndexOf('.');
        String type = name.substring(name.lastIndexOf('.', method - 1) + 1, method);
        String param = params.getParamsKeys().stream().map(params::getParam).reduce((a, b) -> a + "," + b).orElse("");
        Result<?> primary = run.getPrimaryResult();
        return new Measurement(new Case(type, param), name.substring(method + 1), primary.getScore(),
                primary.getScoreError(), allocated(run), params.getForks());
    }

    /** {@code gc.alloc.rate.norm} from {@code -prof gc}; older JMH versions prefix the label with a dot. */
    @SuppressWarnings("rawtypes") // JMH declares its secondary results as a map of raw Result
    private static double allocated(RunResult run) {
        for (var entry : run.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                return entry.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    /** Half the width of the error bar, 0 when JMH had too few iterations to give one. */
    double errorOrZero() {
        return Double.isNaN(error) ? 0 : error;
    }
}

package dev.fastffi.benchmarks.coldstart;

import java.util.Arrays;
import java.util.List;

/**
 * How much longer one mechanism took than another, run by run: the runs are interleaved, so run
 * {@code i} of each mechanism ran back to back on the same machine state, and their difference
 * leaves out most of the drift that moves two separate medians apart. {@code median} is the
 * median of the per-run differences; {@code low} and {@code high} bound it with at least
 * {@code confidence}, the distribution-free interval of the sign test (order statistics of the
 * differences, which assumes nothing of their shape). An interval that spans zero says the two
 * mechanisms differ by less than the machine's run-to-run noise can tell.
 *
 * @param median the median difference, in nanoseconds
 * @param low the interval's lower end, in nanoseconds; {@code Long.MIN_VALUE} with too few runs for one
 * @param high the interval's upper end, in nanoseconds; {@code Long.MAX_VALUE} with too few runs for one
 * @param confidence the interval's coverage, at least {@value #TARGET}; 0 with too few runs (fewer than six)
 */
public record PairedDifference(long median, long low, long high, double confidence) {
    /** The coverage the interval aims for: the widest it takes is the narrowest that reaches this. */
    static final double TARGET = 0.95;

    /**
     * {@code subject[i] - baseline[i]} over the runs both have, in run order.
     *
     * @throws IllegalArgumentException when there is no run to pair
     */
    public static PairedDifference of(List<Long> subject, List<Long> baseline) {
        int n = Math.min(subject.size(), baseline.size());
        if (n == 0) {
            throw new IllegalArgumentException("no runs to pair: " + subject.size() + " against " + baseline.size());
        }
        long[] differences = new long[n];
        for (int i = 0; i < n; i++) {
            differences[i] = subject.get(i) - baseline.get(i);
        }
        Arrays.sort(differences);
        long median = ColdStart.medianOfSorted(differences);
        // the k-th smallest and k-th largest differences bound the median with coverage
        // 1 - 2 P(X < k), X ~ Binomial(n, 1/2); take the largest k that keeps it at TARGET or more
        int k = 0;
        double below = 0;
        double tail = Math.pow(0.5, n);
        double cumulative = tail;
        for (int j = 1; j <= n / 2; j++) {
            if (1 - 2 * cumulative < TARGET) {
                break;
            }
            k = j;
            below = cumulative;
            tail = tail * (n - j + 1) / j;
            cumulative += tail;
        }
        if (k == 0) {
            return new PairedDifference(median, Long.MIN_VALUE, Long.MAX_VALUE, 0);
        }
        return new PairedDifference(median, differences[k - 1], differences[n - k], 1 - 2 * below);
    }

    /** Whether there were runs enough for an interval. */
    public boolean hasInterval() {
        return confidence > 0;
    }
}

package dev.fastffi.benchmarks.report;

/** A mechanism's time over the baseline's, with the range the two error bars allow. */
record Ratio(double value, double low, double high) {
    static Ratio of(Measurement measured, Measurement baseline) {
        double s = measured.score();
        double e = measured.errorOrZero();
        double b = baseline.score();
        double be = baseline.errorOrZero();
        double high = b - be > 0 ? (s + e) / (b - be) : Double.POSITIVE_INFINITY;
        return new Ratio(s / b, Math.max(0, s - e) / (b + be), high);
    }

    /** Whether the ratio, or some ratio inside the error bars, is at most {@code limit}. */
    boolean reachesAtMost(double limit) {
        return low <= limit;
    }

    /** Whether the error bars are narrow enough for a verdict: the range spans at most a factor of two. */
    boolean conclusive() {
        return low > 0 && high / low <= 2;
    }

    @Override
    public String toString() {
        return Format.ratio(value);
    }
}

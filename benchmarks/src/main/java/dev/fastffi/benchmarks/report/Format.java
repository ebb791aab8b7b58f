package dev.fastffi.benchmarks.report;

import java.util.Locale;

/** Number formats shared by the Markdown report and the chart. */
final class Format {
    private Format() {}

    /** Three significant digits or so: 2.13, 21.3, 213, 2130. */
    static String nanos(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        String pattern = value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String ratio(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, value < 10 ? "%.2f×" : "%.1f×", value);
    }

    static String bytes(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, value < 1 ? "%.2f" : "%.0f", value);
    }
}

package dev.fastffi.benchmarks.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An SVG bar chart of every ratio to hand-written FFM, on a log scale, grouped by case. */
final class RatioChart {
    private static final int WIDTH = 1080;
    private static final int LABEL_WIDTH = 300;
    private static final int PLOT_LEFT = LABEL_WIDTH + 10;
    /** Room on the right for the label of the longest bar. */
    private static final int PLOT_RIGHT = WIDTH - 160;
    private static final int TOP = 48;
    private static final int BAR = 14;
    private static final int HEADER = 22;

    private final StringBuilder body = new StringBuilder();
    private final int minExponent;
    private final int maxExponent;

    private RatioChart(int minExponent, int maxExponent) {
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
    }

    static String svg(Results results) {
        double[] ratios = results.all().stream().map(results::ratio).flatMap(Optional::stream)
                .mapToDouble(Ratio::value).filter(r -> r > 0).toArray();
        double min = Arrays.stream(ratios).min().orElse(1);
        double max = Arrays.stream(ratios).max().orElse(1);
        RatioChart chart = new RatioChart(Math.min(-2, (int) Math.floor(log2(min))), Math.max(2, (int) Math.ceil(log2(max))));
        return chart.draw(results);
    }

    private String draw(Results results) {
        int y = TOP;
        for (Case c : results.cases()) {
            text(8, y + 15, c.label() + "  (FFM: " + c.baseline() + ")", "bold", "start", "#000");
            y += HEADER;
            for (Measurement m : results.all()) {
                if (m.benchmarkCase().equals(c)) {
                    y = bar(results, m, y);
                }
            }
        }
        int height = y + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">"
                + "Time per call relative to hand-written FFM in the same run (log scale; left of 1× is faster)</text>%n"));
        grid(svg, height);
        svg.append(body);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private int bar(Results results, Measurement m, int y) {
        String label = Mechanism.byId(m.mechanism()).map(x -> x.label).orElse(m.mechanism());
        String colour = Mechanism.byId(m.mechanism()).map(x -> x.colour).orElse("#777");
        text(LABEL_WIDTH, y + 11, label, "normal", "end", "#222");
        results.ratio(m).ifPresentOrElse(r -> {
            double one = x(1);
            double end = x(r.value());
            body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    Math.min(one, end), y + 2, Math.max(1, Math.abs(end - one)), BAR - 3, colour));
            text((int) Math.max(one, end) + 4, y + 11, r + " · " + Format.nanos(m.score()) + " ns", "normal", "start", "#222");
        }, () -> text(PLOT_LEFT, y + 11, "no baseline", "normal", "start", "#999"));
        return y + BAR;
    }

    private void grid(StringBuilder svg, int height) {
        for (int e = minExponent; e <= maxExponent; e++) {
            double x = x(Math.pow(2, e));
            String stroke = e == 0 ? "#000" : "#ddd";
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n",
                    x, TOP - 8, x, height - 6, stroke));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    x, TOP - 12, BigDecimal.valueOf(Math.pow(2, e)).stripTrailingZeros().toPlainString() + "×"));
        }
    }

    private double x(double ratio) {
        double clamped = Math.max(Math.pow(2, minExponent), Math.min(ratio, Math.pow(2, maxExponent)));
        return PLOT_LEFT + (log2(clamped) - minExponent) / (maxExponent - minExponent) * (PLOT_RIGHT - PLOT_LEFT);
    }

    private void text(int x, int y, String text, String weight, String anchor, String fill) {
        body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"%s\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
                x, y, weight, anchor, fill, escape(text)));
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

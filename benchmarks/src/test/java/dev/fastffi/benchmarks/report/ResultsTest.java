package dev.fastffi.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report's rows are the cases in which the suite's mechanisms ran, in report order. */
class ResultsTest {
    private static final Case ADD = new Case("AddBenchmark", "");
    private static final Case BIND = new Case("BindBenchmark", "");

    private final Results results = new Results(List.of(
            new Measurement(BIND, "openBindClose", 197_000, 121_000, 24_142, 1),
            new Measurement(ADD, "fastffiGlobal", 8.9, 0.3, 0, 1),
            new Measurement(ADD, "ffm", 7.9, 0.2, 0, 1)));

    @Test
    void aBenchmarkOfNoMechanismIsNoRowOfTheMatrix() {
        assertEquals(Set.of(ADD), results.cases());

        String matrix = MarkdownReport.matrixOnly(results);
        assertTrue(matrix.contains("| i32 add(i32, i32) | 1.00× · 7.90 | 1.13× · 8.90 |"), matrix);
        assertFalse(matrix.contains("BindBenchmark"), matrix);
    }
}

package dev.fastffi.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Run-by-run differences of two mechanisms and the sign test's interval for their median. */
class PairedDifferenceTest {
    @Test
    void aConstantGapIsTheMedianAndBothEndsOfTheInterval() {
        List<Long> baseline = LongStream.rangeClosed(1, 21).map(i -> i * 1_000_000).boxed().toList();
        List<Long> subject = baseline.stream().map(t -> t + 2_000_000).toList();

        PairedDifference difference = PairedDifference.of(subject, baseline);

        assertEquals(new PairedDifference(2_000_000, 2_000_000, 2_000_000, difference.confidence()), difference);
    }

    @Test
    void twentyOneRunsBoundTheMedianByTheSixthSmallestAndSixthLargestDifference() {
        // differences -10..10 ms in shuffled run order: Binomial(21, 1/2) puts 1.33% at or below 5,
        // 3.92% at or below 6, so ranks 6 and 16 give 97.3%, the narrowest interval of at least 95%
        List<Long> baseline = new ArrayList<>();
        List<Long> subject = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            long gap = ((i * 8) % 21 - 10) * 1_000_000L;
            baseline.add(100_000_000L + i);
            subject.add(100_000_000L + i + gap);
        }

        PairedDifference difference = PairedDifference.of(subject, baseline);

        assertEquals(0, difference.median());
        assertEquals(-5_000_000, difference.low());
        assertEquals(5_000_000, difference.high());
        assertEquals(1 - 2 * 0.013302, difference.confidence(), 1e-5);
    }

    @Test
    void sixRunsAreTheFewestThatGiveAnInterval() {
        List<Long> six = List.of(5L, 1L, 4L, 2L, 6L, 3L);
        List<Long> zeros = List.of(0L, 0L, 0L, 0L, 0L, 0L);

        PairedDifference fromSix = PairedDifference.of(six, zeros);
        PairedDifference fromFive = PairedDifference.of(six.subList(0, 5), zeros);

        assertTrue(fromSix.hasInterval());
        assertEquals(new PairedDifference(3, 1, 6, 1 - 2.0 / 64), fromSix);
        assertFalse(fromFive.hasInterval());
        assertEquals(4, fromFive.median());
    }

    @Test
    void unpairedRunsAreLeftOutAndNoRunsAreRefused() {
        assertEquals(1, PairedDifference.of(List.of(3L, 4L, 99L), List.of(2L, 3L)).median());

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> PairedDifference.of(List.of(), List.of(1L)));
        assertEquals("no runs to pair: 0 against 1", none.getMessage());
    }
}

package org.scalefit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.plot.TickLabels.DurationStyle;
import org.scalefit.plot.Ticks.LogStyle;

/** The tick generator's positions and strings for decades, sub-decade loss axes, time and date axes. */
class TicksTest {

    @Test
    void kaplanComputeAxisLabelsEveryOtherDecadeWithSuperscripts() {
        Ticks t = Ticks.log(1e-9, 10, LogStyle.SUPERSCRIPT);
        assertEquals(List.of("10⁻⁹", "10⁻⁷", "10⁻⁵", "10⁻³", "10⁻¹", "10¹"), t.labels());
        assertEquals(1e-9, t.values().get(0), 0);
        assertEquals(10.0, t.values().get(5), 0);
        // The unlabelled decades are minor ticks.
        assertTrue(t.minor().contains(1e-8));
        assertTrue(t.minor().contains(1.0));
    }

    @Test
    void everyDecadeWhenFewAndMinorTicksAtTwoToNine() {
        Ticks t = Ticks.log(2e7, 3e9, LogStyle.SUPERSCRIPT);
        assertEquals(List.of("10⁸", "10⁹"), t.labels());
        assertTrue(t.minor().contains(2e7));
        assertTrue(t.minor().contains(5e8));
        assertTrue(t.minor().contains(3e9));
        assertFalse(t.minor().contains(1e9));
    }

    @Test
    void eNotationAlignsToTheTopDecadeLikeJones() {
        Ticks t = Ticks.logDecades(1e9, 3e17, 3, LogStyle.E_NOTATION, 8);
        assertEquals(List.of("1e11", "1e14", "1e17"), t.labels());
    }

    @Test
    void eNotationKeepsSmallNumbersPlain() {
        assertEquals(List.of("2", "3", "5"), Ticks.log(1.8, 6.5, LogStyle.E_NOTATION).labels());
        assertEquals(List.of("0.01", "0.1", "1", "10", "100", "1e3"), Ticks.log(0.01, 1000, LogStyle.E_NOTATION).labels());
    }

    @Test
    void suffixLabelsForParameterCounts() {
        assertEquals(List.of("100M", "1B", "10B", "100B", "1T"), Ticks.log(2e7, 3e12, LogStyle.SUFFIX).labels());
        assertEquals(List.of("100M", "300M", "1B", "3B", "10B", "30B"),
                Ticks.logMantissas(4e7, 5e10, new int[] {1, 3}, LogStyle.SUFFIX).labels());
    }

    @Test
    void subDecadeLossAxisGetsTwoThreeFiveLabels() {
        Ticks t = Ticks.log(1.8, 6.5, LogStyle.DECIMAL);
        assertEquals(List.of("2", "3", "5"), t.labels());
        assertTrue(t.minor().contains(4.0));
        assertTrue(t.minor().contains(6.0));
    }

    @Test
    void subDecadeAxisCanAskForEveryInteger() {
        assertEquals(List.of("2", "3", "4", "5", "6", "7"), Ticks.logSubDecade(2, 7, 5, LogStyle.DECIMAL).labels());
    }

    @Test
    void narrowLogAxisFallsBackToNiceLinearSteps() {
        // Kaplan et al. (2020), Figure 1, dataset-size panel: 2.7, 3.0, …, 4.2.
        assertEquals(List.of("2.7", "3.0", "3.3", "3.6", "3.9", "4.2"),
                Ticks.logSubDecade(2.68, 4.22, 3, LogStyle.DECIMAL).labels());
    }

    @Test
    void subDecadeAcrossADecadeBoundary() {
        assertEquals(List.of("0.5", "1", "2", "3", "5"), Ticks.log(0.45, 5.5, LogStyle.DECIMAL).labels());
    }

    @Test
    void linearTicksUseNiceStepsAndTrueMinus() {
        Ticks t = Ticks.linear(-2280, 100, 6);
        assertEquals(List.of("−2000", "−1500", "−1000", "−500", "0"), t.labels());
        // Minor ticks at the odd multiples of 250, as in Jones's chart.
        assertTrue(t.minor().contains(-250.0));
        assertTrue(t.minor().contains(-2250.0));
        assertFalse(t.minor().contains(-500.0));
    }

    @Test
    void linearDecimalsFollowTheStep() {
        assertEquals(List.of("2.0", "2.2", "2.4", "2.6", "2.8", "3.0", "3.2"), Ticks.linear(2.0, 3.25, 7).labels());
        assertEquals(List.of("0.00", "0.25", "0.50", "0.75", "1.00"), Ticks.linear(0, 1, 5).labels());
        assertEquals(List.of("0.5", "1.0"), Ticks.linear(0.25, 1.0, 3).labels());
    }

    @Test
    void metrDurationsEveryFactorOfFour() {
        // METR's March 2025 y axis runs from about 0.5 s to 6 h; labels at 1 s, 4 s, 15 s, 1 min, …, 4 hrs.
        Ticks t = Ticks.durations(0.0083333, 400, 9, DurationStyle.LONG);
        assertEquals(List.of("1 sec", "4 sec", "15 sec", "1 min", "4 min", "15 min", "1 hr", "4 hrs"), t.labels());
        assertEquals(0.25, t.values().get(2), 1e-12);
        // Every other doubling is a minor tick.
        assertTrue(t.minor().contains(2.0));
        assertTrue(t.minor().contains(8 * (1.0 / 60)));
        assertFalse(t.minor().contains(4.0));
    }

    @Test
    void metrDurationsEveryDoublingWhenThereIsRoom() {
        Ticks t = Ticks.durations(0.0083333, 300, 20, DurationStyle.LONG);
        assertEquals(List.of("0.5 sec", "1 sec", "2 sec", "4 sec", "8 sec", "15 sec", "30 sec", "1 min", "2 min", "4 min",
                "8 min", "15 min", "30 min", "1 hr", "2 hrs", "4 hrs"), t.labels());
    }

    @Test
    void longDurationsReachDaysWeeksAndMonths() {
        Ticks t = Ticks.durations(30, 60 * 24 * 400, 8, DurationStyle.LONG);
        assertEquals(List.of("1 hr", "4 hrs", "1 day", "1 week", "1 month", "6 months", "1 year"), t.labels());
    }

    @Test
    void shortDurationStyle() {
        Ticks t = Ticks.durations(1.0 / 60, 60 * 32, 20, DurationStyle.SHORT);
        assertEquals(List.of("1s", "2s", "4s", "8s", "15s", "30s", "1m", "2m", "4m", "8m", "15m", "30m", "1h", "2h", "4h",
                "8h", "16h", "24h"), t.labels());
    }

    @Test
    void yearsEveryTwoYearsOnEvenYears() {
        double a = LocalDate.of(2018, 9, 3).toEpochDay();
        double b = LocalDate.of(2027, 1, 1).toEpochDay();
        Ticks t = Ticks.dates(a, b, 5);
        assertEquals(List.of("2020", "2022", "2024", "2026"), t.labels());
        assertEquals(LocalDate.of(2020, 1, 1).toEpochDay(), t.values().get(0), 0);
        assertEquals(List.of("2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027"),
                Ticks.dates(a, b, 10).labels());
    }

    @Test
    void monthsForShortDateRanges() {
        double a = LocalDate.of(2024, 1, 10).toEpochDay();
        double b = LocalDate.of(2024, 9, 1).toEpochDay();
        assertEquals(List.of("Mar 2024", "May 2024", "Jul 2024", "Sep 2024"), Ticks.dates(a, b, 4).labels());
    }

    @Test
    void badRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ticks.log(0, 10, LogStyle.SUPERSCRIPT));
        assertThrows(IllegalArgumentException.class, () -> Ticks.linear(5, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> Ticks.linear(Double.NaN, 5, 5));
    }

    /** Over random ranges: labels lie in range, in order, at most as many as asked, and at least two on log axes. */
    @Test
    void generatedTicksStayInRangeAndSorted() {
        qt().withFixedSeed(20240229L).withExamples(300).forAll(doubles().between(-12, 20), doubles().between(0.05, 14), integers().between(3, 9))
                .check((lo, span, max) -> {
                    double min = Math.pow(10, lo);
                    double maxV = min * Math.pow(10, span);
                    Ticks t = Ticks.log(min, maxV, LogStyle.SUPERSCRIPT, max);
                    List<Double> v = t.values();
                    boolean sorted = true;
                    for (int i = 1; i < v.size(); i++) {
                        sorted &= v.get(i) > v.get(i - 1);
                    }
                    boolean inRange = v.stream().allMatch(x -> x >= min * (1 - 1e-9) && x <= maxV * (1 + 1e-9));
                    boolean noENotation = t.labels().stream().noneMatch(s -> s.contains("E"));
                    return sorted && inRange && v.size() >= 2 && v.size() <= Math.max(max, 9) && noENotation;
                });
        qt().withFixedSeed(20240229L).withExamples(300).forAll(doubles().between(-1e6, 1e6), doubles().between(1e-3, 1e6), integers().between(2, 10))
                .check((min, span, max) -> {
                    Ticks t = Ticks.linear(min, min + span, max);
                    List<Double> v = t.values();
                    return v.size() <= max && v.size() >= 1
                            && v.stream().allMatch(x -> x >= min - 1e-9 * span && x <= min + span + 1e-9 * span)
                            && t.labels().stream().noneMatch(s -> s.contains("E") || s.contains("-"));
                });
    }
}

package org.scalefit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.PowerLaw;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/**
 * The bootstrap intervals of {@code slopes}, recomputed from the replicates themselves: the two row bootstraps are
 * rerun here with the seeds the comparison documents (the fit's seed for the baseline, seed + 1 for the improved
 * runs), paired by replicate index, and for each pair the exponent difference α_i − α_b and the compute multiplier
 * of two power laws in closed form — the baseline a_b·C_b^(−α_b) reaches the improved loss a_i·C^(−α_i) at
 * ln C_b = (ln a_b − ln a_i + α_i·ln C)/α_b — are taken; the standard error is their standard deviation (n − 1) and
 * the interval NumPy's linear-interpolation percentiles of them. Every number must agree to rounding (1e-12).
 */
class SlopeReplicatesTest {
    private static final int R = 60;

    private static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** {α_i − α_b, ln multiplier at C} of every paired replicate. */
    private static List<double[]> pairs(Fit fb, Fit fi, long seed, double c) {
        BootstrapResult bb = Bootstrap.run(fb, Resampler.rows(), R, seed, 1);
        BootstrapResult bi = Bootstrap.run(fi, Resampler.rows(), R, seed + 1, 1);
        List<double[]> out = new ArrayList<>();
        int[] ib = bb.replicateIndices();
        int[] ii = bi.replicateIndices();
        for (int a = 0; a < ib.length; a++) {
            for (int k = 0; k < ii.length; k++) {
                if (ib[a] == ii[k]) {
                    double[] pb = bb.replicates()[a];
                    double[] pi = bi.replicates()[k];
                    double lnCb = (Math.log(pb[0]) - Math.log(pi[0]) + pi[1] * Math.log(c)) / pb[1];
                    out.add(new double[] {pi[1] - pb[1], lnCb - Math.log(c)});
                }
            }
        }
        return out;
    }

    @Test
    void bootstrapIntervalsAreThePercentilesOfThePairedReplicates() {
        Observations base = SlopeComparisonTest.curve(1, 0.08, 0.01, 7);
        Observations better = SlopeComparisonTest.curve(3, 0.09, 0.01, 8);
        FitOptions fo = FitOptions.defaults();
        SlopeResult r = SlopeComparison.run(base, better, new SlopeOptions(new PowerLaw(), fo, List.of(1e21), List.of(), R, 1,
                false));
        Fit fb = Fitter.fit(new PowerLaw(), base, fo);
        Fit fi = Fitter.fit(new PowerLaw(), better, fo);
        List<double[]> p = pairs(fb, fi, fo.seed(), 1e21);
        assertEquals(p.size(), r.pairedReplicates());
        assertTrue(p.size() > R - 3, "nearly every replicate of a clean power law succeeds: " + p.size());
        double[] diff = p.stream().mapToDouble(q -> q[0]).sorted().toArray();
        double[] lnM = p.stream().mapToDouble(q -> q[1]).sorted().toArray();
        double level = fo.confidenceLevel();
        assertEquals("bootstrap-percentile", r.exponentDifference().method());
        assertEquals(fi.value("alpha") - fb.value("alpha"), r.exponentDifference().value(), 1e-12);
        assertEquals(sd(diff), r.exponentDifference().stderr(), 1e-12);
        assertEquals(percentile(diff, (1 - level) / 2), r.exponentDifference().lower(), 1e-12);
        assertEquals(percentile(diff, (1 + level) / 2), r.exponentDifference().upper(), 1e-12);
        SlopeResult.Multiplier m = r.multipliers().get(0);
        assertEquals("bootstrap-percentile", m.method());
        assertEquals(sd(lnM), m.stderr(), 1e-10, "the standard error of ln M");
        assertEquals(Math.exp(percentile(lnM, (1 - level) / 2)), m.lower(), 1e-10 * m.lower());
        assertEquals(Math.exp(percentile(lnM, (1 + level) / 2)), m.upper(), 1e-10 * m.upper());
        double lnCb = (Math.log(fb.value("a")) - Math.log(fi.value("a")) + fi.value("alpha") * Math.log(1e21)) / fb.value("alpha");
        assertEquals(Math.exp(lnCb) / 1e21, m.value(), 1e-9 * m.value());
        // the verdict words the same numbers
        String pct = Numbers.format(100 * level, 3) + "%";
        assertTrue(r.verdict().contains("alpha differs by " + Numbers.format(r.exponentDifference().value(), 3) + " (" + pct
                + " interval " + Numbers.format(r.exponentDifference().lower(), 3) + " to "
                + Numbers.format(r.exponentDifference().upper(), 3) + "); at x 1e+21 the baseline needs "
                + Numbers.format(m.value(), 3) + "× the compute (" + Numbers.format(m.lower(), 3) + "–"
                + Numbers.format(m.upper(), 3) + "×)"), r.verdict());
    }

    @Test
    void progressCountsBothBootstraps() {
        Observations base = SlopeComparisonTest.curve(1, 0.08, 0.01, 7);
        Observations better = SlopeComparisonTest.curve(3, 0.08, 0.01, 8);
        List<long[]> seen = new ArrayList<>();
        SlopeComparison.run(base, better, new SlopeOptions(new PowerLaw(), FitOptions.defaults(), List.of(1e21), List.of(), 10, 1,
                false), (done, total) -> seen.add(new long[] {done, total}));
        seen.forEach(s -> assertEquals(20, s[1], "two bootstraps of 10 replicates"));
        assertEquals(20, seen.get(seen.size() - 1)[0]);
        assertTrue(seen.stream().anyMatch(s -> s[0] == 10), "the baseline's bootstrap ends half way");
    }

    /** One replicate is no distribution: the intervals stay the delta method's. */
    @Test
    void oneReplicateLeavesTheDeltaMethod() {
        Observations base = SlopeComparisonTest.curve(1, 0.08, 0.01, 7);
        Observations better = SlopeComparisonTest.curve(3, 0.09, 0.01, 8);
        SlopeResult one = SlopeComparison.run(base, better, new SlopeOptions(new PowerLaw(), FitOptions.defaults(), List.of(1e21),
                List.of(), 1, 1, false));
        SlopeResult none = SlopeComparison.run(base, better, SlopeOptions.powerLaw(List.of(1e21), List.of()));
        assertEquals(1, one.pairedReplicates());
        assertEquals("delta", one.exponentDifference().method());
        assertEquals(none.exponentDifference(), one.exponentDifference());
        assertEquals("delta", one.multipliers().get(0).method());
        assertEquals(none.multipliers().get(0).lower(), one.multipliers().get(0).lower(), 0.0);
        // the plot's curve of multipliers is the delta method's at each compute
        List<SlopeResult.Multiplier> curve = SlopeComparison.multipliersAt(none, new double[] {1e21});
        assertEquals(none.multipliers().get(0).value(), curve.get(0).value(), 1e-12 * curve.get(0).value());
        assertEquals(none.multipliers().get(0).lower(), curve.get(0).lower(), 1e-12 * curve.get(0).lower());
        assertEquals(none.multipliers().get(0).upper(), curve.get(0).upper(), 1e-12 * curve.get(0).upper());
    }

    /** Three verdicts by the sign of the interval: better, worse, or no difference told apart from zero. */
    @Test
    void theVerdictFollowsTheSignOfTheInterval() {
        Observations base = SlopeComparisonTest.curve(1, 0.07, 0.005, 1);
        Observations worse = SlopeComparisonTest.curve(1, 0.05, 0.005, 2);
        SlopeResult w = SlopeComparison.run(base, worse, SlopeOptions.powerLaw(List.of(1e21), List.of()));
        assertTrue(w.exponentDifference().upper() < 0);
        assertTrue(w.verdict().startsWith("the improved curve has a worse slope: alpha differs by "), w.verdict());
        Observations same = SlopeComparisonTest.curve(1, 0.07, 0.005, 3);
        SlopeResult s = SlopeComparison.run(base, same, SlopeOptions.powerLaw(List.of(1e21), List.of()));
        assertTrue(s.exponentDifference().lower() < 0 && s.exponentDifference().upper() > 0);
        assertTrue(s.verdict().startsWith("no slope difference can be told apart from zero: "), s.verdict());
    }

    /** The unit checks allow up to 3 decades between the x ranges and a factor 10 between the response medians. */
    @Test
    void unitChecksStopAtTheirLimitsExactly() {
        double[] xb = {0.1, 0.2, 0.4, 0.6, 1.0};
        double[] xi = {1000, 2000, 4000, 6000, 10000};
        double[] yb = {3.0, 2.8, 2.6, 2.5, 2.4};
        Observations base = Observations.of(xb, yb);
        // 1000/1 = 10³ exactly: three decades apart, allowed
        SlopeComparison.checkUnits(base, Observations.of(xi, yb), false);
        double[] far = {1001, 2000, 4000, 6000, 10000};
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.scalefit.InvalidDataException.class,
                () -> SlopeComparison.checkUnits(base, Observations.of(far, yb), false)).getMessage().startsWith("x ranges of the two files are 3 decades apart"));
        // medians 2.6 and 26: a factor 10, allowed; 26.1 is not
        double[] ten = {30.0, 28.0, 26.0, 25.0, 24.0};
        SlopeComparison.checkUnits(base, Observations.of(xb, ten), false);
        double[] more = {30.0, 28.0, 26.1, 25.0, 24.0};
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.scalefit.InvalidDataException.class,
                () -> SlopeComparison.checkUnits(base, Observations.of(xb, more), false)).getMessage().startsWith("median y differs by a factor 10"));
        // an even number of points: the median is the mean of the middle two (2.7 and 27, a factor 10 again)
        SlopeComparison.checkUnits(Observations.of(new double[] {1, 2, 3, 4}, new double[] {3.0, 2.8, 2.6, 2.4}),
                Observations.of(new double[] {1, 2, 3, 4}, new double[] {30.0, 28.0, 26.0, 24.0}), false);
        // the median is the middle value, not the mean of two neighbours: 26 (not 25.95) against 2.6
        SlopeComparison.checkUnits(base, Observations.of(xb, new double[] {24.0, 25.9, 26.0, 26.1, 30.0}), false);
        // an even count against an odd one: (25 + 27)/2 = 26 against 2.6
        SlopeComparison.checkUnits(base, Observations.of(new double[] {0.1, 0.2, 0.4, 1.0}, new double[] {24.0, 25.0, 27.0, 30.0}),
                false);
        // and the middle two of four, not their neighbours: (2.6 + 2.8)/2 = 2.7 against 27 = (26 + 28)/2
        SlopeComparison.checkUnits(Observations.of(new double[] {1, 2, 3, 4}, new double[] {2.4, 2.6, 2.8, 3.0}),
                Observations.of(new double[] {1, 2, 3, 4}, new double[] {24.0, 26.0, 28.0, 50.0}), false);
        // the rows in any order: the median sorts them first
        SlopeComparison.checkUnits(base, Observations.of(xb, new double[] {24.0, 30.0, 25.0, 28.0, 26.0}), false);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.scalefit.InvalidDataException.class,
                () -> SlopeComparison.checkUnits(base, Observations.of(xb, new double[] {24.0, 30.0, 25.0, 28.0, 26.1}), false))
                .getMessage().startsWith("median y differs by a factor 10"));
    }
}

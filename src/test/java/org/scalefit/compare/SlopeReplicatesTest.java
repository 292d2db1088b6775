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
}

package org.scalefit.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scalefit.oracles.Oracles.assertRelative;
import static org.scalefit.oracles.Oracles.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;
import org.scalefit.model.PowerLaw;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.IntervalMethod;

/**
 * Bootstrap percentile and BCa intervals against {@code scipy.stats.bootstrap} on the very same resamples.
 *
 * <p>Oracle: {@code bench/oracles/bootstrap_intervals.py} → {@code oracles/bootstrap_intervals.json}.
 * SciPy 1.17 bootstraps the row indices of 25 points with a power-law fit (OLS of ln y on ln x,
 * {@code np.polyfit}) as the statistic; the script records the 999 resampled index arrays SciPy drew
 * and its percentile and BCa intervals (BCa with SciPy's own jackknife acceleration and bias
 * correction). Here the same index arrays are refitted by {@link Bootstrap#fromIndices} and our
 * interval arithmetic (quantiles, z₀, acceleration from our own leave-one-out refits) must give SciPy's
 * interval. Independent: SciPy neither sees our fits nor our quantile code.
 *
 * <p>A second, separate implementation: R's {@code boot} package ({@code bench/oracles/bootstrap_r.R} →
 * {@code oracles/bootstrap_intervals_r.json}) refits the same resamples with {@code lm.fit} and runs
 * {@code boot.ci(type = c("perc", "bca"))} with its own jackknife influence values. R interpolates
 * between order statistics on the normal-quantile scale ({@code norm.inter}), so its ends may differ
 * from the linear interpolation by up to the gap between the neighbouring order statistics; the test
 * allows two such gaps.
 *
 * <p>Tolerance against SciPy 1e-9 relative on the ends: both sides fit a linear problem exactly (to about 1e-13) and
 * both interpolate linearly between order statistics (NumPy's default percentile), so only rounding is left.
 * A wrong tail level, swapped bounds, a sign error in the acceleration or z₀ moves an end by at least one
 * order-statistic spacing, about 1e-3 relative here.
 */
class BootstrapIntervalOracleTest {
    private static final JsonNode ORACLE = Oracles.load("bootstrap_intervals.json");
    private static final JsonNode R = Oracles.load("bootstrap_intervals_r.json");

    private static BootstrapResult ourBootstrap() {
        Observations data = Observations.of(doubles(ORACLE.get("x")), doubles(ORACLE.get("y")));
        Fit fit = Fitter.fit(new PowerLaw(), data);
        return Bootstrap.fromIndices(fit, Oracles.ints(ORACLE.get("indices")), 2);
    }

    @Test
    void percentileAndBcaIntervalsAgreeWithRBootWithinAnOrderStatistic() {
        BootstrapResult boot = ourBootstrap();
        int[] column = {0, 1};
        String[] names = {"a", "alpha"};
        for (int k = 0; k < 2; k++) {
            String name = names[k];
            int j = column[k];
            double[] sorted = boot.distribution(p -> p[j]);
            java.util.Arrays.sort(sorted);
            JsonNode r = R.get(name);
            Estimate pct = boot.parameter(name, IntervalMethod.PERCENTILE);
            Estimate bca = boot.parameter(name, IntervalMethod.BCA);
            assertRelative(r.get("value").asDouble(), pct.value(), 1e-9, name + " full-data fit (R lm.fit)");
            assertWithinGaps(sorted, r.get("percentile").get(0).asDouble(), pct.lower(), name + " percentile lower");
            assertWithinGaps(sorted, r.get("percentile").get(1).asDouble(), pct.upper(), name + " percentile upper");
            assertWithinGaps(sorted, r.get("bca").get(0).asDouble(), bca.lower(), name + " BCa lower");
            assertWithinGaps(sorted, r.get("bca").get(1).asDouble(), bca.upper(), name + " BCa upper");
        }
    }

    /** |ours − R| within two gaps between the order statistics around R's value. */
    private static void assertWithinGaps(double[] sorted, double expected, double actual, String what) {
        int i = java.util.Arrays.binarySearch(sorted, expected);
        int at = i >= 0 ? i : -i - 1;
        int lo = Math.max(at - 2, 0);
        int hi = Math.min(at + 2, sorted.length - 1);
        double gap = (sorted[hi] - sorted[lo]) / 2;
        assertEquals(expected, actual, gap, what + " (R boot.ci; two order-statistic gaps = " + gap + ")");
    }

    @Test
    void percentileAndBcaIntervalsMatchScipyOnTheSameResamples() {
        BootstrapResult boot = ourBootstrap();
        assertEquals(ORACLE.get("replicates").asInt(), boot.succeeded());
        for (String name : new String[] {"alpha", "a"}) {
            JsonNode s = ORACLE.get("statistics").get(name);
            Estimate pct = boot.parameter(name, IntervalMethod.PERCENTILE);
            Estimate bca = boot.parameter(name, IntervalMethod.BCA);
            assertRelative(s.get("value").asDouble(), pct.value(), 1e-9, name + " full-data fit");
            assertRelative(s.get("standard_error").asDouble(), pct.stderr(), 1e-9, name + " bootstrap std. error");
            assertRelative(s.get("percentile").get(0).asDouble(), pct.lower(), 1e-9, name + " percentile lower");
            assertRelative(s.get("percentile").get(1).asDouble(), pct.upper(), 1e-9, name + " percentile upper");
            assertRelative(s.get("bca").get(0).asDouble(), bca.lower(), 1e-9, name + " BCa lower");
            assertRelative(s.get("bca").get(1).asDouble(), bca.upper(), 1e-9, name + " BCa upper");
        }
    }
}

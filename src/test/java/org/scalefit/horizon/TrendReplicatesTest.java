package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.stats.Interval;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * The trend's replicate refits replayed for each source of per-model uncertainty: the replicate's points are
 * rebuilt here (the run bootstrap's own replicates; parametric draws from each published interval, a split
 * normal in ln minutes with spreads (ln hi − ln h)/z and (ln h − ln lo)/z, z = 1.959963984540054 from
 * {@code scipy.stats.norm.ppf(0.975)}; models drawn with replacement), the exponential trend is refitted by
 * the ordinary least-squares line written here, and the doubling-time interval must be the percentile
 * interval of ln 2/slope over those refits (a replicate without two dated points has no value).
 */
class TrendReplicatesTest {
    private static final double T0 = 19000;
    private static final double Z = 1.959963984540054;

    private static double slope(double[] t, double[] y, int n) {
        double mt = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mt += t[i] / n;
            my += y[i] / n;
        }
        double stt = 0;
        double sty = 0;
        for (int i = 0; i < n; i++) {
            stt += (t[i] - mt) * (t[i] - mt);
            sty += (t[i] - mt) * (y[i] - my);
        }
        return sty / stt;
    }

    private static void assertInterval(double[] doubling, TrendFit fit) {
        Interval expected = Interval.percentile(doubling, fit.options().confidenceLevel());
        Interval got = fit.doublingTimeInterval();
        // finite ends, so that a relative tolerance means something
        assertTrue(Double.isFinite(expected.lower()) && Double.isFinite(expected.upper()), expected.toString());
        assertEquals(expected.lower(), got.lower(), 1e-9 * expected.lower());
        assertEquals(expected.upper(), got.upper(), 1e-9 * expected.upper());
    }

    private static TrendOptions exponentialOnly(int replicates) {
        return TrendOptions.defaults().withKinds(EnumSet.of(TrendKind.EXPONENTIAL)).withReplicates(replicates).withSeed(3)
                .withThreads(1);
    }

    @Test
    void runBootstrapReplicatesAreRefittedAsGiven() {
        int n = 6;
        int b = 5;
        List<HorizonPoint> pts = new ArrayList<>();
        double[][] reps = new double[n][b];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            double h = Math.pow(2, i);
            for (int k = 0; k < b; k++) {
                reps[i][k] = h * Math.exp(0.3 * r.nextGaussian());
            }
            reps[i][4] = i == 2 ? h : Double.NaN;  // replicate 4 keeps one model: no trend, no value
            pts.add(HorizonPoint.of("m" + i, T0 + 150 * i, h).withReplicates(reps[i]));
        }
        TrendFit fit = Trends.fit(pts, exponentialOnly(1000));
        assertEquals(UncertaintySource.RUN_BOOTSTRAP, fit.uncertainty());
        assertEquals(b, fit.replicateCount(), "the points' own replicate count, not the option");
        assertEquals(1, fit.failedReplicates(TrendKind.EXPONENTIAL));
        double[] doubling = new double[b];
        double[] t = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < b - 1; k++) {
            for (int i = 0; i < n; i++) {
                t[i] = T0 + 150 * i;
                y[i] = Math.log(reps[i][k]);
            }
            doubling[k] = Math.log(2) / slope(t, y, n);
        }
        doubling[b - 1] = Double.NaN;
        assertInterval(doubling, fit);
        assertEquals(List.of("exponential: 1 of 5 replicate refits failed and are left out"), fit.notes());
    }

    @Test
    void publishedIntervalsAreDrawnFromTheirSplitNormal() {
        int n = 5;
        List<HorizonPoint> pts = new ArrayList<>();
        double[] h = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 3 * Math.pow(2, i);
            lo[i] = h[i] / (1.5 + 0.2 * i);
            hi[i] = h[i] * (2 + 0.5 * i);
            pts.add(HorizonPoint.of("m" + i, T0 + 200 * i, h[i]).withInterval(lo[i], hi[i]));
        }
        int b = 40;
        TrendFit fit = Trends.fit(pts, exponentialOnly(b));
        assertEquals(UncertaintySource.PUBLISHED_INTERVALS, fit.uncertainty());
        double[] doubling = new double[b];
        double[] t = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < b; k++) {
            SplittableRandom rng = Seeds.random(3, Stream.HORIZON_PARAMETRIC, k);
            for (int i = 0; i < n; i++) {
                double g = rng.nextGaussian();
                double c = Math.log(h[i]);
                t[i] = T0 + 200 * i;
                y[i] = c + g * (g < 0 ? c - Math.log(lo[i]) : Math.log(hi[i]) - c) / Z;
            }
            double s = slope(t, y, n);
            doubling[k] = s > 0 ? Math.log(2) / s : Double.POSITIVE_INFINITY;
        }
        assertInterval(doubling, fit);
    }

    @Test
    void modelsWithoutIntervalsAreResampledWhole() {
        int n = 10;
        List<HorizonPoint> pts = new ArrayList<>();
        double[] t = new double[n];
        double[] y = new double[n];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            t[i] = T0 + 90 * i;
            y[i] = Math.log(2) * i * 90 / 200 + 0.4 * r.nextGaussian();
            pts.add(HorizonPoint.of("m" + i, t[i], Math.exp(y[i])));
        }
        int b = 30;
        TrendFit fit = Trends.fit(pts, exponentialOnly(b));
        assertEquals(UncertaintySource.MODEL_BOOTSTRAP, fit.uncertainty());
        double[] doubling = new double[b];
        double[] tb = new double[n];
        double[] yb = new double[n];
        for (int k = 0; k < b; k++) {
            SplittableRandom draw = Seeds.random(3, Stream.TREND_MODEL_BOOTSTRAP, k);
            int[] pick = new int[n];
            for (int i = 0; i < n; i++) {
                pick[i] = draw.nextInt(n);
            }
            java.util.Arrays.sort(pick);
            for (int i = 0; i < n; i++) {
                tb[i] = t[pick[i]];
                yb[i] = Math.log(Math.exp(y[pick[i]]));
            }
            boolean oneDate = tb[0] == tb[n - 1];
            double s = oneDate ? Double.NaN : slope(tb, yb, n);
            doubling[k] = oneDate ? Double.NaN : s > 0 ? Math.log(2) / s : Double.POSITIVE_INFINITY;
        }
        assertInterval(doubling, fit);
        // nine models are too few to resample whole: only the OLS interval
        TrendFit nine = Trends.fit(pts.subList(0, 9), exponentialOnly(b));
        assertEquals(UncertaintySource.NONE, nine.uncertainty());
        assertEquals(0, nine.replicateCount());
    }
}

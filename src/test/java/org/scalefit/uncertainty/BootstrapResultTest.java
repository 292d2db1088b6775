package org.scalefit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;
import org.scalefit.model.PowerLaw;

/**
 * What a bootstrap result reports, against oracles outside {@link BootstrapResult}:
 * <ul>
 * <li>the interval arithmetic at its edges (NaN replicates, ties, every replicate on one side, an
 * acceleration that bends a tail past Φ's range) against the BCa formula of Efron &amp; Tibshirani (1993,
 * eq. 14.10) evaluated with SciPy 1.17's {@code norm} and NumPy 2's {@code percentile};</li>
 * <li>the jackknife and its acceleration against leave-one-unit-out fits of the closed-form weighted line
 * ({@link WeightedLine}), with the skewness a = Σd³/(6·(Σd²)^{3/2}) written out here;</li>
 * <li>the standard error against the replicates' own standard deviation, recomputed here.</li>
 * </ul>
 */
class BootstrapResultTest {
    private static final Observations DATA = WeightedLine.weightedPowerLaw(5);
    private static final Fit FIT = Fitter.fit(new PowerLaw(), DATA);

    @Test
    void aNaNReplicateCountsAsInfinityAtTheTop() {
        // NumPy 2: np.percentile([1, 2, 3, np.inf], [25, 75]) = [1.75, inf]
        assertArrayEquals(new double[] {1.75, Double.POSITIVE_INFINITY},
                BootstrapResult.percentileInterval(new double[] {3, Double.NaN, 1, 2}, 0.5), 1e-15);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN}, BootstrapResult.percentileInterval(new double[0], 0.95));
    }

    @Test
    void bcaWithoutAFinitePointIsThePercentileInterval() {
        double[] v = {4, 1, 3, 2, 5};
        assertArrayEquals(BootstrapResult.percentileInterval(v, 0.9), BootstrapResult.bcaInterval(v, Double.NaN, 0, 0.9));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN}, BootstrapResult.bcaInterval(new double[0], 1, 0, 0.95));
    }

    @Test
    void tiesWithThePointCountHalf() {
        // share below = (2 + 3/2)/8 = 0.4375, z0 = norm.ppf(0.4375) = −0.15731068461; SciPy/NumPy (see the class note)
        double[] lohi = BootstrapResult.bcaInterval(new double[] {3, 1, 6, 3, 2, 4, 3, 5}, 3, 0, 0.95);
        assertArrayEquals(new double[] {1.0802578543799282, 5.650352882951971}, lohi, 1e-8);
    }

    @Test
    void everyReplicateOnOneSideKeepsTheShareInsideTheRange() {
        // all ten below the point: the share is clamped to 1 − 1/(2·10) = 0.95, z0 = 1.64485362695
        double[] lohi = BootstrapResult.bcaInterval(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 20, 0, 0.95);
        assertArrayEquals(new double[] {9.173787070569782, 9.999999314330946}, lohi, 1e-8);
    }

    @Test
    void anAccelerationThatFoldsATailSendsItToTheExtremeReplicate() {
        // a = 0.6, z0 = 0: the upper tail's denominator 1 − 0.6·1.96 < 0, so it runs to the largest replicate;
        // the lower tail is at Φ(−1.95996/2.17598) = 0.18386656177 (SciPy), NumPy's percentile 2.65479905593
        double[] lohi = BootstrapResult.bcaInterval(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5.5, 0.6, 0.95);
        assertArrayEquals(new double[] {2.654799055927513, 10}, lohi, 1e-8);
        // and a negative acceleration folds the lower tail onto the smallest replicate
        double[] mirrored = BootstrapResult.bcaInterval(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5.5, -0.6, 0.95);
        assertArrayEquals(new double[] {1, 11 - 2.654799055927513}, mirrored, 1e-8);
    }

    /** Σd³/(6·(Σd²)^{3/2}) with d = mean − Jᵤ: the jackknife skewness, written out. */
    private static double skewness(double[] j) {
        double mean = Arrays.stream(j).average().orElseThrow();
        double s2 = 0;
        double s3 = 0;
        for (double v : j) {
            s2 += (mean - v) * (mean - v);
            s3 += (mean - v) * (mean - v) * (mean - v);
        }
        return s3 / (6 * Math.pow(s2, 1.5));
    }

    /** The exponent of the weighted line through the rows of {@code data} that are not in {@code drop}. */
    private static double alphaWithout(Observations data, int[] drop) {
        boolean[] out = new boolean[data.size()];
        for (int i : drop) {
            out[i] = true;
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (!out[i]) {
                keep.add(i);
            }
        }
        return -WeightedLine.ofLogLog(data.select(keep.stream().mapToInt(Integer::intValue).toArray())).b1;
    }

    private static Observations grouped(String... groups) {
        double[] x = new double[DATA.size()];
        double[] y = new double[DATA.size()];
        double[] w = new double[DATA.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = DATA.x(i);
            y[i] = DATA.y(i);
            w[i] = DATA.weight(i);
        }
        return Observations.builder().predictor("x", x).response("y", y).weights("w", w).groups(groups).build();
    }

    @Test
    void threeGroupsAreEnoughForAJackknifeAndItsAcceleration() {
        Observations data = grouped("a", "a", "a", "b", "b", "b", "c", "c", "c");
        Fit fit = Fitter.fit(new PowerLaw(), data);
        long[] last = new long[2];
        BootstrapResult boot = Bootstrap.run(fit, Resampler.groups(), 5, 3, 1, (done, total) -> {
            last[0] = done;
            last[1] = total;
        });
        assertEquals(3, boot.jackknifeUnits());
        assertEquals(0, boot.jackknifeFailed());
        assertEquals(8, last[1], "progress counts 5 replicates and 3 jackknife refits");
        assertEquals(8, last[0], "and ends complete");
        double[] j = {alphaWithout(data, new int[] {0, 1, 2}), alphaWithout(data, new int[] {3, 4, 5}),
            alphaWithout(data, new int[] {6, 7, 8})};
        double a = boot.acceleration(p -> p[1]);
        assertTrue(Math.abs(a) > 1e-3, "a visible skewness: " + a);
        assertEquals(skewness(j), a, 1e-6 * Math.abs(a));
    }

    @Test
    void aUnitWhoseRemovalLeavesTooFewPointsFails() {
        // without group "a" two points remain for two parameters: no refit, a failed unit; two usable units
        // are too few for a skewness, so the acceleration is 0 and BCa has only its bias correction
        Observations data = grouped("a", "a", "a", "a", "a", "a", "a", "b", "c");
        Fit fit = Fitter.fit(new PowerLaw(), data);
        BootstrapResult boot = Bootstrap.run(fit, Resampler.groups(), 4, 3, 1);
        assertEquals(3, boot.jackknifeUnits());
        assertEquals(1, boot.jackknifeFailed());
        assertEquals(0.0, boot.acceleration(p -> p[1]), 0.0);
    }

    @Test
    void twoUnitsAreTooFewForAJackknife() {
        Observations data = grouped("a", "a", "a", "a", "b", "b", "b", "b", "b");
        BootstrapResult boot = Bootstrap.run(Fitter.fit(new PowerLaw(), data), Resampler.groups(), 3, 3, 1);
        assertEquals(2, boot.jackknifeUnits());
        assertEquals(2, boot.jackknifeFailed(), "neither unit is refitted");
        assertEquals(0.0, boot.acceleration(p -> p[1]), 0.0);
    }

    @Test
    void aQuantityConstantOverTheJackknifeHasNoAcceleration() {
        BootstrapResult boot = Bootstrap.run(FIT, Resampler.rows(), 3, 3, 1);
        assertEquals(9, boot.jackknifeUnits());
        // nine values of 1: a mean of Σ(1/9) would round below 1 and give the spurious skewness 1/(6·3)
        assertEquals(0.0, boot.acceleration(p -> 1.0), 0.0);
        assertEquals(0.0, boot.acceleration(p -> 0.1), 0.0);
        assertEquals(0.0, boot.acceleration(p -> 0.0), 0.0, "no spread at all: 0, not 0/0");
        assertEquals(0.0, boot.acceleration(p -> 1e6 / 3), 0.0, "the rounding threshold is relative to the size");
    }

    @Test
    void moreThanTwoHundredUnitsAreMergedIntoConsecutiveBlocks() {
        int n = 250;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Random r = new java.util.Random(8);
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 18 + 6.0 * i / n);
            y[i] = 3 * Math.pow(x[i], -0.07) * Math.exp(0.03 * r.nextGaussian());
        }
        Observations data = Observations.of(x, y);
        Fit fit = Fitter.fit(new PowerLaw(), data);
        BootstrapResult boot = Bootstrap.run(fit, Resampler.rows(), 2, 3, 1);
        assertEquals(Bootstrap.MAX_JACKKNIFE_UNITS, boot.jackknifeUnits());
        // block b holds the rows [⌊250·b/200⌋, ⌊250·(b+1)/200⌋): 50 blocks of two rows, 150 of one
        double[] j = new double[200];
        for (int b = 0; b < 200; b++) {
            int from = 250 * b / 200;
            int to = 250 * (b + 1) / 200;
            j[b] = alphaWithout(data, java.util.stream.IntStream.range(from, to).toArray());
        }
        double a = boot.acceleration(p -> p[1]);
        assertEquals(skewness(j), a, 1e-4 * Math.abs(a));
    }

    @Test
    void theStandardErrorIsTheReplicatesStandardDeviation() {
        BootstrapResult boot = Bootstrap.run(FIT, Resampler.rows(), 40, 7, 1);
        double[] d = boot.distribution(p -> p[1]);
        double mean = Arrays.stream(d).average().orElseThrow();
        double ss = 0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (d.length - 1));
        Estimate alpha = boot.parameter("alpha");
        assertEquals(sd, alpha.stderr(), 1e-12 * sd);
        assertEquals(FIT.value("alpha"), alpha.value(), 0.0);
        double[] pct = BootstrapResult.percentileInterval(d, 0.95);
        assertEquals(pct[0], alpha.lower(), 0.0);
        assertEquals(pct[1], alpha.upper(), 0.0);
        assertEquals("bootstrap-percentile", alpha.method());
        assertEquals("bootstrap of alpha", alpha.description());
        List<Estimate> all = boot.parameters();
        assertEquals(List.of("a", "alpha"), all.stream().map(Estimate::name).toList());
        assertEquals(alpha, all.get(1));
        assertEquals(boot.parameter("a"), all.get(0), "the first parameter is a parameter too");
        List<Estimate> bca = boot.parameters(IntervalMethod.BCA);
        assertEquals("bootstrap-bca", bca.get(1).method());
        assertEquals(alpha.stderr(), bca.get(1).stderr(), 0.0);
    }

    @Test
    void oneReplicateHasAnIntervalButNoStandardError() {
        BootstrapResult boot = Bootstrap.run(FIT, Resampler.rows(), 1, 7, 1);
        assertEquals(1, boot.requested());
        Estimate alpha = boot.parameter("alpha");
        assertEquals(Double.NaN, alpha.stderr());
        double only = boot.replicates()[0][1];
        assertEquals(only, alpha.lower(), 0.0);
        assertEquals(only, alpha.upper(), 0.0);
    }

    @Test
    void anUnknownParameterIsNamedWithTheLawsOwn() {
        BootstrapResult boot = Bootstrap.run(FIT, Resampler.rows(), 2, 7, 1);
        String expected = "unknown parameter \"beta\"; power-law has parameters a, alpha";
        assertEquals(expected, assertThrows(InvalidDataException.class, () -> boot.parameter("beta")).getMessage());
        assertEquals(expected, assertThrows(InvalidDataException.class,
                () -> boot.parameter("beta", IntervalMethod.BCA)).getMessage());
    }

    @Test
    void givenIndicesMustLieInsideTheData() {
        int n = DATA.size();
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> Bootstrap.fromIndices(FIT, new int[][] {{0, 1, 2, 3, 4, 5, 6, 7, n}}, 1));
        assertEquals("resample 0 holds index 9 outside [0, 9)", e.getMessage());
        e = assertThrows(InvalidDataException.class,
                () -> Bootstrap.fromIndices(FIT, new int[][] {{0, 1, 2, 3, 4, 5, 6, 7, 8}, {-1, 1, 2, 3, 4, 5, 6, 7, 8}}, 1));
        assertEquals("resample 1 holds index -1 outside [0, 9)", e.getMessage());
        BootstrapResult one = Bootstrap.fromIndices(FIT, new int[][] {{0, 1, 2, 3, 4, 5, 6, 7, 8}}, 1);
        assertEquals(1, one.succeeded());
        assertEquals(FIT.value("alpha"), one.replicates()[0][1], 1e-6, "the data themselves refit to the fit");
    }
}

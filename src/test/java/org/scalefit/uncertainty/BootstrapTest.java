package org.scalefit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.stats.Seeds;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.stats.Stream;

/** Resampling plans, determinism across threads, failure accounting and the BCa arithmetic. */
class BootstrapTest {

    /** 6 groups (models) × 4 items (tasks) × 3 repeats (runs) of a noisy power law. */
    static Observations hierarchy(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 6 * 4 * 3;
        double[] x = new double[n];
        double[] y = new double[n];
        String[] g = new String[n];
        String[] it = new String[n];
        int k = 0;
        for (int a = 0; a < 6; a++) {
            double groupShift = 0.02 * r.nextGaussian();
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 3; c++) {
                    x[k] = Math.pow(10, 18 + a + 0.2 * b);
                    y[k] = 20 * Math.pow(x[k], -0.06) * Math.exp(groupShift + 0.01 * r.nextGaussian());
                    g[k] = "model" + a;
                    it[k] = "task" + b;
                    k++;
                }
            }
        }
        return Observations.builder().predictor("x", x).response("y", y).groups(g).items(it).build();
    }

    private static Map<String, Integer> countBy(Observations d, boolean item) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < d.size(); i++) {
            String key = d.group(i).orElseThrow() + (item ? "/" + d.item(i).orElseThrow() : "");
            m.merge(key, 1, Integer::sum);
        }
        return m;
    }

    @Test
    void groupsAreDrawnWhole() {
        Observations d = hierarchy(1);
        for (int rep = 0; rep < 50; rep++) {
            Observations s = Resampler.groups().resample(d, Seeds.random(3, Stream.BOOTSTRAP, rep));
            assertEquals(d.size(), s.size(), "6 groups of 12 rows drawn");
            countBy(s, false).values().forEach(c -> assertEquals(0, c % 12, "a group comes with all its rows"));
        }
    }

    @Test
    void hierarchicalDrawsGroupsThenItemsThenRepeats() {
        Observations d = hierarchy(2);
        boolean repeatsResampled = false;
        for (int rep = 0; rep < 50; rep++) {
            Observations s = Resampler.hierarchical().resample(d, Seeds.random(4, Stream.BOOTSTRAP, rep));
            assertEquals(d.size(), s.size());
            countBy(s, false).values().forEach(c -> assertEquals(0, c % 12, "each drawn group brings 4 items × 3 repeats"));
            countBy(s, true).values().forEach(c -> assertEquals(0, c % 3, "each drawn item brings 3 repeats"));
            Map<Integer, Integer> rows = new HashMap<>();
            for (int i = 0; i < s.size(); i++) {
                rows.merge(s.row(i), 1, Integer::sum);
            }
            for (int i = 0; i < s.size(); i++) {
                String key = s.group(i).orElseThrow() + "/" + s.item(i).orElseThrow();
                int times = countBy(s, true).get(key) / 3;
                if (rows.get(s.row(i)) != times) {
                    repeatsResampled = true;
                }
            }
        }
        assertTrue(repeatsResampled, "within an item the repeats are drawn with replacement, not copied");
    }

    @Test
    void plansNeedTheirLabels() {
        Observations plain = Observations.of(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1.5});
        Fit fit = Fitter.fit(new PowerLaw(), plain);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Resampler.named("groups", fit));
        assertEquals("--resample groups needs a group column (--group COLUMN)", org.scalefit.TestFlags.message(e));
        assertEquals("resampling plan groups needs a group column (group column COLUMN)", e.getMessage());
        assertEquals(List.of(org.scalefit.OptionKey.RESAMPLE, org.scalefit.OptionKey.GROUP), e.optionKeys());
        e = assertThrows(InvalidDataException.class, () -> Resampler.named("bogus", fit));
        assertEquals("unknown --resample \"bogus\": use rows, groups, hierarchical, residuals or parametric", org.scalefit.TestFlags.message(e));
    }

    @Test
    void identicalOnOneOrTwoThreadsForEveryPlan() {
        Observations d = hierarchy(3);
        Fit fit = Fitter.fit(new OffsetPowerLaw(), d);
        for (String plan : List.of("rows", "groups", "hierarchical", "residuals", "parametric")) {
            BootstrapResult one = Bootstrap.run(fit, Resampler.named(plan, fit), 64, 99, 1);
            BootstrapResult two = Bootstrap.run(fit, Resampler.named(plan, fit), 64, 99, 2);
            assertEquals(one.succeeded(), two.succeeded(), plan);
            assertArrayEquals(one.replicateIndices(), two.replicateIndices(), plan);
            double[][] a = one.replicates();
            double[][] b = two.replicates();
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 0.0, plan + " replicate " + i);
            }
            Estimate ea = one.parameter("alpha", IntervalMethod.BCA);
            Estimate eb = two.parameter("alpha", IntervalMethod.BCA);
            assertEquals(ea, eb, plan);
            assertEquals(plan.equals("groups") || plan.equals("hierarchical") ? 6 : d.size(), one.jackknifeUnits(), plan);
        }
    }

    @Test
    void failedReplicatesAreCountedWithTheirReason() {
        Observations d = hierarchy(4);
        Fit fit = Fitter.fit(new PowerLaw(), d);
        Resampler sometimesFlat = (data, rng) -> {
            if (rng.nextInt(4) == 0) {
                double[] flat = new double[data.size()];
                java.util.Arrays.fill(flat, 2.0);
                return data.withResponse(flat);
            }
            return Resampler.rows().resample(data, rng);
        };
        BootstrapResult b = Bootstrap.run(fit, sometimesFlat, 200, 5, 2);
        assertTrue(b.failed() > 20 && b.failed() < 80, "about a quarter fail: " + b.failed());
        assertEquals(200, b.succeeded() + b.failed());
        assertEquals(b.failed(), b.failures().size());
        assertTrue(b.failures().get(0).matches("replicate \\d+: all 72 values of \"y\" in data are equal .*"), b.failures().get(0));
    }

    @Test
    void givenIndicesReproduceAnotherToolsReplicates() {
        Observations d = hierarchy(5);
        Fit fit = Fitter.fit(new PowerLaw(), d);
        int[][] idx = new int[3][d.size()];
        for (int i = 0; i < d.size(); i++) {
            idx[0][i] = i;
            idx[1][i] = d.size() - 1 - i;
            idx[2][i] = i % 10;
        }
        BootstrapResult b = Bootstrap.fromIndices(fit, idx, 1);
        assertEquals("given-indices", b.method());
        assertArrayEquals(fit.values(), b.replicates()[0], 1e-9, "the identity resample gives back the fit");
        assertArrayEquals(fit.values(), b.replicates()[1], 1e-9, "so does a permutation");
        assertThrows(InvalidDataException.class, () -> Bootstrap.fromIndices(fit, new int[][] {{0, 99}}, 1));
    }

    @Test
    void bcaArithmetic() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        double[] none = BootstrapResult.bcaInterval(v, 500.5, 0.0, 0.95);
        assertArrayEquals(BootstrapResult.percentileInterval(v, 0.95), none, 1e-9, "z0 = 0 and a = 0 is the percentile interval");
        // a = 0.1, z0 = 0, z = Φ⁻¹(0.975) = 1.959963985: levels Φ(−z/(1 + 0.1·z)) and Φ(z/(1 − 0.1·z)), closed
        // form; SciPy 1.17: norm.cdf(-z/(1+0.1*z)) = 0.0506305005, norm.cdf(z/(1-0.1*z)) = 0.9926106114.
        // The values 1..1000 interpolate linearly, so each end is 1 + 999·level, up to rounding.
        double[] acc = BootstrapResult.bcaInterval(v, 500.5, 0.1, 0.95);
        assertEquals(1 + 999 * 0.0506305005, acc[0], 1e-6);
        assertEquals(1 + 999 * 0.9926106114, acc[1], 1e-6);
        // every replicate above the estimate: the share is clamped, the interval runs to the lowest replicates
        double[] skew = BootstrapResult.bcaInterval(v, 0.5, 0.0, 0.95);
        assertEquals(1.0, skew[0], 1e-9);
    }

    @Test
    void bcaRespectsMonotoneTransformations() {
        Observations d = hierarchy(6);
        Fit fit = Fitter.fit(new PowerLaw(), d);
        BootstrapResult b = Bootstrap.run(fit, Resampler.rows(), 400, 8, 2);
        Estimate alpha = b.estimate("alpha", "", "", p -> p[1], IntervalMethod.BCA);
        Estimate factor = b.estimate("f", "", "", p -> Math.exp(-p[1]), IntervalMethod.BCA);
        // equal up to the linear interpolation between order statistics and the jackknife skewness of each scale
        assertEquals(Math.exp(-alpha.upper()), factor.lower(), 1e-6);
        assertEquals(Math.exp(-alpha.lower()), factor.upper(), 1e-6);
        assertTrue(Math.abs(b.acceleration(p -> p[1])) < 0.1, "a small acceleration for a regression slope");
    }

    @Test
    void refitsWarmStartAndUseTheStallTest() {
        Fit fit = Fitter.fit(new PowerLaw(), hierarchy(7));
        FitOptions warm = Bootstrap.warmOptions(fit);
        assertEquals(FitOptions.REFIT_STALL_TOLERANCE, warm.stallTolerance());
        assertEquals("warm", warm.starts().name());
        assertEquals(1, warm.threads());
    }
}

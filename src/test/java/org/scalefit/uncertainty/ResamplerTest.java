package org.scalefit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidOptionException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;
import org.scalefit.model.PowerLaw;

/**
 * The residual and parametric plans and the noise model they share, against their definitions written
 * out with the closed-form weighted line ({@link WeightedLine}) as the oracle for the fit:
 * <ul>
 * <li>the pool is eⱼ = (√wⱼ·rⱼ − mean)·√(n/dof), whose draws have variance RSS/dof;</li>
 * <li>a residual replicate is y*ᵢ = exp(ĝᵢ + e*ᵢ/√wᵢ) with e* drawn from the pool by the replicate's generator;</li>
 * <li>a parametric replicate is y*ᵢ = exp(ĝᵢ + σ̂·zᵢ/√wᵢ) with σ̂² = RSS/dof (σ̂ = 1 with given sigmas).</li>
 * </ul>
 * The generator handed to a plan is replayed by a twin with the same seed, so every replicate value is
 * predicted exactly (to rounding, 1e-12 relative).
 */
class ResamplerTest {
    private static final Observations DATA = WeightedLine.weightedPowerLaw(5);
    private static final Fit FIT = Fitter.fit(new PowerLaw(), DATA);
    private static final WeightedLine LINE = WeightedLine.ofLogLog(DATA);

    /** The pool by its definition, from the closed-form residuals. */
    private static double[] expectedPool() {
        return LINE.pool(DATA);
    }

    private static double fittedLn(int i) {
        return LINE.b0 + LINE.b1 * Math.log(DATA.x(i));
    }

    @Test
    void theFitIsTheClosedFormWeightedLine() {
        assertEquals(Math.exp(LINE.b0), FIT.value("a"), 1e-9 * Math.exp(LINE.b0));
        assertEquals(-LINE.b1, FIT.value("alpha"), 1e-9);
        assertEquals(LINE.rss, FIT.rss(), 1e-9 * LINE.rss);
    }

    @Test
    void thePoolIsCentredAndInflatedToTheUnbiasedVariance() {
        double[] pool = Noise.pool(FIT);
        double[] expected = expectedPool();
        double mean = 0;
        double square = 0;
        for (int i = 0; i < pool.length; i++) {
            assertEquals(expected[i], pool[i], 1e-9 * Math.abs(expected[i]) + 1e-12, "pool entry " + i);
            mean += pool[i] / pool.length;
            square += pool[i] * pool[i] / pool.length;
        }
        // with weights the weighted residuals √w·r do not sum to zero, so the centring is visible
        assertEquals(0, mean, 1e-15);
        double m = 0;
        for (int i = 0; i < pool.length; i++) {
            m += Math.sqrt(DATA.weight(i)) * LINE.residuals[i] / pool.length;
        }
        assertEquals((LINE.rss - pool.length * m * m) / (pool.length - 2), square, 1e-9 * square,
                "a draw from the pool has the variance of the centred RSS over dof");
    }

    @Test
    void residualReplicatesPutAPoolDrawOverEachWeightOntoTheFittedCurve() {
        double[] pool = expectedPool();
        Resampler plan = Resampler.residuals(FIT);
        assertEquals("residuals", plan.name());
        Observations rep = plan.resample(DATA, new SplittableRandom(17));
        SplittableRandom twin = new SplittableRandom(17);
        assertEquals(DATA.size(), rep.size());
        for (int i = 0; i < DATA.size(); i++) {
            double expected = Math.exp(fittedLn(i) + pool[twin.nextInt(pool.length)] / Math.sqrt(DATA.weight(i)));
            assertEquals(expected, rep.y(i), 1e-12 * expected, "residual replicate row " + i);
            assertEquals(DATA.x(i), rep.x(i), 0.0, "the design stays");
            assertEquals(DATA.weight(i), rep.weight(i), 0.0, "the weights stay");
        }
    }

    @Test
    void parametricReplicatesAddGaussianNoiseOfTheFittedScale() {
        Resampler plan = Resampler.parametric(FIT);
        assertEquals("parametric", plan.name());
        Observations rep = plan.resample(DATA, new SplittableRandom(23));
        SplittableRandom twin = new SplittableRandom(23);
        double sigma = Math.sqrt(LINE.sigma2());
        for (int i = 0; i < DATA.size(); i++) {
            double expected = Math.exp(fittedLn(i) + sigma * twin.nextGaussian() / Math.sqrt(DATA.weight(i)));
            assertEquals(expected, rep.y(i), 1e-12 * expected, "parametric replicate row " + i);
        }
    }

    @Test
    void givenSigmasAreTheNoiseScale() {
        double[] s = new double[DATA.size()];
        double[] y = new double[DATA.size()];
        double[] x = new double[DATA.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = 0.01 * (1 + i % 3);
            x[i] = DATA.x(i);
            y[i] = DATA.y(i);
        }
        Observations data = Observations.builder().predictor("x", x).response("y", y).sigma("s", s).build();
        Fit fit = Fitter.fit(new PowerLaw(), data);
        assertEquals(1.0, Noise.sigma(fit), 0.0, "inverse-variance weights: σ̂ = 1");
        Observations rep = Resampler.parametric(fit).resample(data, new SplittableRandom(29));
        SplittableRandom twin = new SplittableRandom(29);
        for (int i = 0; i < s.length; i++) {
            double g = Math.log(fit.predict(x[i]));
            double expected = Math.exp(g + twin.nextGaussian() * s[i]);
            assertEquals(expected, rep.y(i), 1e-12 * expected, "row " + i + ": noise of its own sigma");
        }
    }

    @Test
    void sigmaIsTheRootOfRssOverDof() {
        assertEquals(Math.sqrt(LINE.sigma2()), Noise.sigma(FIT), 1e-9 * Math.sqrt(LINE.sigma2()));
    }

    @Test
    void aNewPointWeighsTheMedianWeight() {
        assertEquals(2.0, Noise.newPointWeight(DATA), 0.0, "weights 1,4,2,3,1,5,2,1,3: median 2");
        Observations even = Observations.builder().predictor("x", new double[] {1, 2, 3, 4})
                .response("y", new double[] {1, 2, 3, 4}).weights("w", new double[] {8, 1, 2, 4}).build();
        assertEquals(3.0, Noise.newPointWeight(even), 0.0, "weights 8,1,2,4: median (2 + 4)/2");
        Observations odd = Observations.builder().predictor("x", new double[] {1, 2, 3})
                .response("y", new double[] {1, 2, 3}).weights("w", new double[] {3, 1, 2}).build();
        assertEquals(2.0, Noise.newPointWeight(odd), 0.0, "weights 3,1,2: the middle one, not an average");
        Observations plain = Observations.of(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        assertEquals(1.0, Noise.newPointWeight(plain), 0.0, "unweighted");
    }

    @Test
    void everyPlanSaysItsName() {
        assertEquals("rows", Resampler.rows().name());
        assertEquals("groups", Resampler.groups().name());
        assertEquals("hierarchical", Resampler.hierarchical().name());
        Resampler custom = (data, rng) -> data;
        assertEquals("custom", custom.name());
    }

    @Test
    void hierarchicalReplicatesDrawGroupsThenItemsThenRepeatsFromOneGenerator() {
        // BootstrapTest.hierarchy: row 12a + 3b + c is group a, item b, repeat c (6 × 4 × 3)
        Observations data = BootstrapTest.hierarchy(2);
        Observations rep = Resampler.hierarchical().resample(data, new SplittableRandom(31));
        SplittableRandom twin = new SplittableRandom(31);
        int k = 0;
        for (int g = 0; g < 6; g++) {
            int a = twin.nextInt(6);
            for (int j = 0; j < 4; j++) {
                int b = twin.nextInt(4);
                for (int r = 0; r < 3; r++) {
                    assertEquals(data.row(12 * a + 3 * b + twin.nextInt(3)), rep.row(k), "replicate row " + k);
                    k++;
                }
            }
        }
        assertEquals(data.size(), k);
    }

    @Test
    void aFitWithoutDegreesOfFreedomHasNoNoiseScale() {
        Observations two = Observations.of(new double[] {1, 10}, new double[] {5, 4});
        Fit exact = Fitter.fit(new PowerLaw(), two);
        assertEquals(0, exact.dof());
        assertEquals(Double.NaN, Noise.sigma(exact), "RSS/0 is not a scale");
        for (double e : Noise.pool(exact)) {
            assertEquals(0, e, 1e-12, "the pool of an exact fit is its (zero) residuals, not inflated by √(n/0)");
        }
    }

    @Test
    void theHierarchicalPlanNeedsItemsAsWellAsGroups() {
        Observations groupsOnly = Observations.builder().predictor("x", new double[] {1, 2, 3, 4})
                .response("y", new double[] {4, 3, 2, 1}).groups(new String[] {"a", "a", "b", "b"}).build();
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> Resampler.hierarchical().resample(groupsOnly, new SplittableRandom(1)));
        assertEquals("the hierarchical bootstrap needs group and item labels (group column and item column)", e.getMessage());
    }
    /**
     * The plans that draw whole rows say which: {@code resample} is the selection of {@code rows} drawn by a
     * generator in the same state (the bootstrap refits those rows in the fit's own order instead of the
     * selection); plans that make new values say none.
     */
    @Test
    void rowPlansNameTheRowsTheirReplicatesHold() {
        Observations data = Observations.builder().predictor("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8})
                .response("y", new double[] {8, 7, 6, 5, 4, 3, 2, 1})
                .groups(new String[] {"a", "a", "a", "b", "b", "c", "c", "c"})
                .items(new String[] {"p", "p", "q", "r", "s", "t", "t", "u"}).build();
        for (Resampler plan : new Resampler[] {Resampler.rows(), Resampler.groups(), Resampler.hierarchical()}) {
            for (long seed = 0; seed < 20; seed++) {
                int[] rows = plan.rows(data, new SplittableRandom(seed));
                Observations replicate = plan.resample(data, new SplittableRandom(seed));
                assertEquals(rows.length, replicate.size(), plan.name() + " seed " + seed);
                for (int i = 0; i < rows.length; i++) {
                    assertEquals(data.x(rows[i]), replicate.x(i), 0.0, plan.name() + " seed " + seed + " row " + i);
                    assertEquals(data.y(rows[i]), replicate.y(i), 0.0, plan.name() + " seed " + seed + " row " + i);
                }
            }
        }
        assertEquals(null, Resampler.residuals(FIT).rows(DATA, new SplittableRandom(1)));
        assertEquals(null, Resampler.parametric(FIT).rows(DATA, new SplittableRandom(1)));
    }
}

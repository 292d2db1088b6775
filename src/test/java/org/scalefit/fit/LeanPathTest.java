package org.scalefit.fit;

import org.scalefit.stats.Seeds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.Exponential;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;
import org.scalefit.uncertainty.Resampler;

/** The fast paths give exactly what the generic ones give: the kernels bit for bit, refit the same optimum as fit. */
class LeanPathTest {

    private static Observations offsetData(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 17 + 6.0 * i / (n - 1));
            y[i] = (1.8 + 1000 * Math.pow(x[i], -0.15)) * Math.exp(0.02 * rng.nextGaussian());
        }
        return Observations.of(x, y);
    }

    private static Problem problem(Law law, Observations data, Space space) {
        int np = law.parameters().size();
        int[] free = new int[np];
        Transform[] tr = new Transform[np];
        for (int j = 0; j < np; j++) {
            free[j] = j;
            tr[j] = Transform.of(law.domain(j), null);
        }
        return new Problem(law, data, space, free, tr, new double[np], new Bound[np], new boolean[np], 0, java.util.List.of());
    }

    @Test
    void kernelsEqualTheLawsBitForBit() {
        Observations data = offsetData(3, 40);
        SplittableRandom rng = new SplittableRandom(11);
        for (Law law : new Law[] {new PowerLaw(), new OffsetPowerLaw()}) {
            for (Space space : Space.values()) {
                Problem pr = problem(law, data, space);
                assertNotNull(pr.kernel, law.name() + " " + space);
                int np = law.parameters().size();
                double[] g = new double[pr.n];
                double[] kGrad = new double[np];
                double[] lawGrad = new double[np];
                for (int trial = 0; trial < 200; trial++) {
                    double[] p = np == 2 ? new double[] {Math.exp(10 * rng.nextGaussian()), rng.nextGaussian()}
                            : new double[] {3 * rng.nextGaussian(), Math.exp(8 * rng.nextGaussian()), rng.nextGaussian()};
                    pr.kernel.values(p, g);
                    for (int i = 0; i < pr.n; i++) {
                        double expected = space == Space.LOG ? law.logValue(pr.xRows[i], p) : law.value(pr.xRows[i], p);
                        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(g[i]), law.name() + " value");
                        pr.kernel.gradient(p, i, kGrad);
                        if (space == Space.LOG) {
                            law.logGradient(pr.xRows[i], p, lawGrad);
                        } else {
                            law.gradient(pr.xRows[i], p, lawGrad);
                        }
                        for (int j = 0; j < np; j++) {
                            assertEquals(Double.doubleToLongBits(lawGrad[j]), Double.doubleToLongBits(kGrad[j]),
                                    law.name() + " " + space + " gradient " + j + " at " + java.util.Arrays.toString(p));
                        }
                    }
                }
            }
        }
        assertNull(problem(new Exponential(), data, Space.LOG).kernel);
    }

    @Test
    void refitReachesTheFitsOptimumExactly() {
        for (long seed = 1; seed <= 20; seed++) {
            Observations data = offsetData(seed, 30);
            for (Space space : Space.values()) {
                FitOptions o = FitOptions.builder().space(space).build();
                Fit fit = Fitter.fit(new OffsetPowerLaw(), data, o);
                Refit refit = Fitter.refit(new OffsetPowerLaw(), data, o);
                assertArrayEquals(fit.values(), refit.values(), 0.0);
                assertEquals(fit.objective(), refit.objective(), 0.0);
                assertEquals(fit.converged(), refit.converged());
                assertEquals(fit.convergenceReason(), refit.convergenceReason());
            }
        }
        Fit truth = Fitter.fit(new OffsetPowerLaw(), offsetData(7, 200), FitOptions.defaults());
        assertEquals(0.15, truth.value("alpha"), 0.02);
        assertEquals(1.8, truth.value("E"), 0.1);
    }

    @Test
    void refitFailsWhereFitFails() {
        Observations flat = Observations.of(new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5});
        assertThrows(InvalidDataException.class, () -> Fitter.refit(new PowerLaw(), flat, FitOptions.defaults()));
        // A start from which the model cannot be evaluated anywhere (A·x^(−alpha) overflows at every x).
        Observations data = offsetData(1, 10);
        FitOptions bad = FitOptions.builder().space(Space.LINEAR).starts(Starts.warm(new double[] {1, 1e300, -100})).build();
        FitFailedException e = assertThrows(FitFailedException.class,
                () -> Fitter.refit(new OffsetPowerLaw(), data, bad));
        assertTrue(e.getMessage().contains("failed"), e.getMessage());
    }

    /** Chinchilla-like data: L = E + A/N^α + B/D^β with 1% multiplicative noise on a grid of N and D. */
    private static Observations chinchillaData(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 96;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.pow(10, 7 + 3.0 * (i % 12) / 11);
            dd[i] = Math.pow(10, 9 + 3.0 * (i / 12) / 7);
            l[i] = (1.8 + 480 / Math.pow(nn[i], 0.35) + 2100 / Math.pow(dd[i], 0.37)) * Math.exp(0.01 * rng.nextGaussian());
        }
        return Observations.builder().predictor("N", nn).predictor("D", dd).response("loss", l).build();
    }

    @Test
    void refitsNearAnOptimumReuseItsCurvatureAndEndNoHigher() {
        Observations data = chinchillaData(5);
        Fit fit = Fitter.fit(new ChinchillaLaw(), data, FitOptions.builder().loss(Loss.huber(1e-3)).build());
        assertNotNull(fit.curvature(), "an L-BFGS fit hands on its memory");
        assertEquals(0.35, fit.value("alpha"), 0.05);
        FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
        for (int i = 0; i < 40; i++) {
            Observations replicate = Resampler.rows().resample(data, Seeds.random(42, 2, i));
            Refit plain = Fitter.refit(fit.law(), replicate, warm);
            Refit seeded = Fitter.refitNear(fit, replicate, warm);
            assertTrue(seeded.converged());
            assertTrue(seeded.objective() <= plain.objective() * (1 + 1e-9),
                    "replicate " + i + ": seeded " + seeded.objective() + " > plain " + plain.objective());
            // Thread-independent: the same call gives the same bits.
            assertArrayEquals(seeded.values(), Fitter.refitNear(fit, replicate, warm).values(), 0.0);
        }
    }

    @Test
    void curvatureSeededBootstrapIsIdenticalOnAnyThreadCount() {
        Observations data = chinchillaData(9);
        FitOptions.Builder o = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.random(12)).seed(4);
        Fit one = Fitter.fit(new ChinchillaLaw(), data, o.threads(1).build());
        Fit two = Fitter.fit(new ChinchillaLaw(), data, o.threads(2).build());
        assertArrayEquals(one.values(), two.values(), 0.0);
        var b1 = org.scalefit.uncertainty.Bootstrap.run(one, Resampler.rows(), 24, 42, 1);
        var b3 = org.scalefit.uncertainty.Bootstrap.run(two, Resampler.rows(), 24, 42, 3);
        assertEquals(24, b1.succeeded());
        for (int j = 0; j < 5; j++) {
            final int k = j;
            assertArrayEquals(b1.distribution(p -> p[k]), b3.distribution(p -> p[k]), 0.0);
        }
        assertEquals(0.35, b1.parameter("alpha").value(), 0.05);
    }
}

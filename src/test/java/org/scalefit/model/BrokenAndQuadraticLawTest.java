package org.scalefit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;

/** Gradients against finite differences, recovery of known parameters, inverses and registry names. */
class BrokenAndQuadraticLawTest {

    private static double[] logSpaced(double lo, double decades, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(10, decades * i / (n - 1));
        }
        return x;
    }

    private static Observations noisy(Law law, double[] x, double[] truth, double logNoise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = law.value(new double[] {x[i]}, truth) * Math.exp(logNoise * r.nextGaussian());
        }
        return Observations.of(x, y);
    }

    /** Central differences with a relative step of 1e-4, compared to the analytic gradient. */
    private static void assertGradient(Law law, double x, double[] p) {
        double[] g = new double[p.length];
        law.gradient(new double[] {x}, p, g);
        double[] lg = new double[p.length];
        law.logGradient(new double[] {x}, p, lg);
        double f = law.value(new double[] {x}, p);
        for (int j = 0; j < p.length; j++) {
            double h = 1e-4 * Math.max(Math.abs(p[j]), 1e-3);
            double[] up = p.clone();
            double[] dn = p.clone();
            up[j] += h;
            dn[j] -= h;
            double fd = (law.value(new double[] {x}, up) - law.value(new double[] {x}, dn)) / (2 * h);
            // truncation error O(h²) plus the rounding error of f itself divided by h
            double tolerance = 1e-6 * Math.abs(fd) + 1e-14 * Math.abs(f) / h;
            assertEquals(fd, g[j], tolerance, law.name() + " d/d" + law.parameters().get(j) + " at x=" + x);
            assertEquals(g[j] / f, lg[j], 1e-9 * Math.abs(g[j] / f) + 1e-15, "log gradient " + law.parameters().get(j));
        }
    }

    @Test
    void brokenPowerLawGradientsMatchFiniteDifferences() {
        Law one = new BrokenPowerLaw(1);
        Law two = new BrokenPowerLaw(2);
        for (double x : new double[] {1e15, 3e18, 1e20, 7e21, 1e25}) {
            assertGradient(one, x, new double[] {1.7, 800, 0.08, 0.12, 1e20, 0.9});
            assertGradient(one, x, new double[] {0.0, 50, 0.3, -0.2, 1e19, 2.5});
            assertGradient(two, x, new double[] {1.2, 300, 0.05, 0.1, 1e18, 0.6, 0.15, 1e22, 1.4});
        }
    }

    @Test
    void quadraticGradientsMatchFiniteDifferences() {
        Law q = new QuadraticInLog(1e20);
        for (double x : new double[] {1e15, 3e18, 1e20, 1e25}) {
            assertGradient(q, x, new double[] {2.5, 0.05, 0.002});
            assertGradient(q, x, new double[] {0.7, -0.1, -0.01});
        }
    }

    @Test
    void brokenPowerLawRecoversASharpBreakFromItsOwnStarts() {
        Law law = new BrokenPowerLaw(1);
        double[] truth = {0.0, 3e3, 0.05, 0.15, 1e20, 0.3};
        Observations data = noisy(law, logSpaced(1e16, 8, 40), truth, 0.005, 11);
        Fit fit = Fitter.fit(law, data);
        assertTrue(fit.converged(), fit.convergenceReason());
        assertEquals(0.05, fit.value("c0"), 0.01);
        assertEquals(0.15, fit.value("c1"), 0.03);
        assertEquals(20, Math.log10(fit.value("d1")), 0.3);
        assertEquals(0.20, fit.derived("exponent_after_breaks").value(), 0.02);
    }

    @Test
    void brokenPowerLawWithTwoBreaksFits() {
        Law law = new BrokenPowerLaw(2);
        double[] truth = {0.0, 100, 0.02, 0.1, 1e18, 0.3, 0.15, 1e22, 0.3};
        Observations data = noisy(law, logSpaced(1e15, 10, 50), truth, 0.003, 5);
        Fit fit = Fitter.fit(law, data);
        assertTrue(fit.converged(), fit.convergenceReason());
        assertEquals(0.27, fit.derived("exponent_after_breaks").value(), 0.03);
        assertEquals(18, Math.log10(fit.value("d1")), 0.5);
        assertEquals(22, Math.log10(fit.value("d2")), 0.5);
    }

    @Test
    void quadraticRecoversCurvatureExactlyInLogSpace() {
        Law law = new QuadraticInLog(1e20);
        double[] truth = {2.5, 0.05, 0.003};
        Observations data = noisy(law, logSpaced(1e16, 8, 30), truth, 0.01, 3);
        Fit fit = Fitter.fit(law, data);
        assertEquals(0.05, fit.value("alpha"), 0.005);
        assertEquals(0.003, fit.value("beta"), 0.001);
        double[] guess = law.initialGuess(data);
        for (int j = 0; j < 3; j++) {
            assertEquals(fit.values()[j], guess[j], 1e-8 * Math.abs(fit.values()[j]), "the guess is the OLS optimum");
        }
    }

    @Test
    void inversesReachTheirTargets() {
        double[] q = {2.5, 0.05, 0.003};
        Law quad = new QuadraticInLog(1e20);
        OptionalDouble x = quad.solveForX(2.0, q);
        assertTrue(x.isPresent());
        assertEquals(2.0, quad.value(new double[] {x.getAsDouble()}, q), 1e-9);
        assertTrue(x.getAsDouble() > 1e20, "the descending branch beyond x0");
        double[] b = {1.7, 800, 0.08, 0.12, 1e20, 0.9};
        Law bpl = new BrokenPowerLaw(1);
        OptionalDouble xb = bpl.solveForX(2.0, b);
        assertTrue(xb.isPresent());
        assertEquals(2.0, bpl.value(new double[] {xb.getAsDouble()}, b), 1e-9);
        assertTrue(bpl.solveForX(1.5, b).isEmpty(), "below the offset a the curve never gets there");
    }

    @Test
    void registryKnowsTheNewLaws() {
        Observations data = Observations.of(logSpaced(1e18, 4, 10), logSpaced(3, 0.5, 10));
        Laws.Context c = new Laws.Context(List.of("x"), data, OptionalDouble.empty());
        assertEquals("quadratic", Laws.create("quadratic", c).name());
        assertEquals(1e20, ((QuadraticInLog) Laws.create("quadratic", c)).x0(), 0);
        assertEquals(6, Laws.create("broken-power-law", c).parameters().size());
        assertEquals(9, Laws.create("broken-power-law-2", c).parameters().size());
    }
}

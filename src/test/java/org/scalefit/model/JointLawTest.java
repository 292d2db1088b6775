package org.scalefit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;

/** ChinchillaLaw and KaplanLaw: values, analytic gradients, overflow-free logs, guesses, formulas. */
class JointLawTest {
    private static final double[] HOFFMANN = {1.69, 406.4, 410.7, 0.34, 0.28};
    private static final double[] KAPLAN = {8.8e13, 5.4e13, 0.076, 0.095};

    @Test
    void chinchillaValueIsTheFormula() {
        ChinchillaLaw law = new ChinchillaLaw();
        double[] x = {7e10, 1.4e12};
        double expected = 1.69 + 406.4 / Math.pow(7e10, 0.34) + 410.7 / Math.pow(1.4e12, 0.28);
        assertEquals(expected, law.value(x, HOFFMANN), 1e-14 * expected);
        assertEquals(Math.log(expected), law.logValue(x, HOFFMANN), 1e-14);
        assertEquals(List.of("E", "A", "B", "alpha", "beta"), law.parameters());
        assertEquals(List.of("N", "D"), law.predictors());
        assertEquals(6, law.minimumPoints());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        for (Law law : new Law[] {new ChinchillaLaw(), new KaplanLaw()}) {
            double[] base = law instanceof ChinchillaLaw ? HOFFMANN : KAPLAN;
            for (int trial = 0; trial < 50; trial++) {
                double[] x = {Math.exp(rng.nextDouble(Math.log(1e7), Math.log(1e12))),
                    Math.exp(rng.nextDouble(Math.log(1e9), Math.log(1e13)))};
                double[] p = base.clone();
                for (int j = 0; j < p.length; j++) {
                    p[j] *= Math.exp(0.3 * rng.nextGaussian());
                }
                double[] g = new double[p.length];
                double[] lg = new double[p.length];
                law.gradient(x, p, g);
                law.logGradient(x, p, lg);
                double f = law.value(x, p);
                for (int j = 0; j < p.length; j++) {
                    double h = 1e-6 * Math.abs(p[j]);
                    double[] up = p.clone();
                    double[] down = p.clone();
                    up[j] += h;
                    down[j] -= h;
                    double fd = (law.value(x, up) - law.value(x, down)) / (2 * h);
                    double lfd = (law.logValue(x, up) - law.logValue(x, down)) / (2 * h);
                    assertEquals(fd, g[j], 1e-6 * Math.abs(fd) + 1e-14 * f / h, law.name() + " d/d" + j);
                    assertEquals(lfd, lg[j], 1e-6 * Math.abs(lfd) + 1e-14 * Math.abs(Math.log(f)) / h + 1e-15 / h, law.name() + " dlog/d" + j);
                    assertEquals(g[j] / f, lg[j], 1e-10 * Math.abs(lg[j]) + 1e-300, law.name() + " log gradient = gradient/f");
                }
            }
        }
    }

    /** The log-sum-exp forms stay finite where the powers themselves overflow or underflow. */
    @Test
    void logFormsDoNotOverflow() {
        ChinchillaLaw chinchilla = new ChinchillaLaw();
        double[] p = {1.8, Math.exp(700), Math.exp(700), 0.3, 0.3};
        double[] x = {1e-100, 1e-100};
        double lv = chinchilla.logValue(x, p);
        assertTrue(Double.isFinite(lv), "ln L finite although L overflows");
        double expected = 700 + 0.3 * 100 * Math.log(10) + Math.log(2);
        assertEquals(expected, lv, 1e-9 * expected);
        double[] lg = new double[5];
        chinchilla.logGradient(x, p, lg);
        // Closed form: L ≈ 2·e^700·10^30 (E is negligible), so ∂lnL/∂E = 1/L, ∂lnL/∂A = ∂lnL/∂B = 10^30/L = e^−700/2,
        // ∂lnL/∂alpha = ∂lnL/∂beta = −ln(1e-100)·½ = 50·ln 10.
        double invL = Math.exp(-expected);
        double[] exact = {invL, Math.exp(-700) / 2, Math.exp(-700) / 2, 50 * Math.log(10), 50 * Math.log(10)};
        for (int j = 0; j < 5; j++) {
            assertEquals(exact[j], lg[j], 1e-9 * exact[j], "d ln L / d " + chinchilla.parameters().get(j));
        }
        KaplanLaw kaplan = new KaplanLaw();
        double big = kaplan.logValue(new double[] {1e-300, 1e300}, new double[] {1e300, 1e-300, 2.0, 0.5});
        // Closed form: L = [(Nc/N)^(αN/αD) + Dc/D]^αD = [(1e600)^4 + 1e-600]^0.5, ln L = 2·600·ln 10.
        assertEquals(1200 * Math.log(10), big, 1e-12 * 1200 * Math.log(10));
    }

    /** Kaplan's law reduces to its single-variable limits. */
    @Test
    void kaplanLimits() {
        KaplanLaw law = new KaplanLaw();
        double n = 1e9;
        double lInfiniteData = law.value(new double[] {n, 1e300}, KAPLAN);
        assertEquals(Math.pow(8.8e13 / n, 0.076), lInfiniteData, 1e-12);
        double d = 1e10;
        double lInfiniteModel = law.value(new double[] {1e300, d}, KAPLAN);
        assertEquals(Math.pow(5.4e13 / d, 0.095), lInfiniteModel, 1e-12);
    }

    @Test
    void chinchillaGuessIsNearTheTruthOnCleanData() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 150;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        ChinchillaLaw law = new ChinchillaLaw();
        for (int i = 0; i < n; i++) {
            nn[i] = Math.exp(rng.nextDouble(Math.log(7e7), Math.log(1.6e10)));
            dd[i] = Math.exp(rng.nextDouble(Math.log(5e9), Math.log(5e11)));
            y[i] = law.value(new double[] {nn[i], dd[i]}, HOFFMANN);
        }
        Observations data = Observations.builder().predictor("N", nn).predictor("D", dd).response("loss", y).build();
        double[] g = law.initialGuess(data);
        assertEquals(0.34, g[3], 0.05, "alpha guess");
        assertEquals(0.28, g[4], 0.05, "beta guess");
        for (int j = 0; j < 3; j++) {
            assertTrue(g[j] > 0, "linear coefficients are positive");
        }
    }

    @Test
    void formulasNameTheParameters() {
        assertEquals("loss = E + A/N^alpha + B/D^beta", new ChinchillaLaw().formula(List.of("N", "D"), "loss", null));
        assertEquals("loss = 1.69 + 406.4/params^0.34 + 410.7/tokens^0.28",
                new ChinchillaLaw().formula(List.of("params", "tokens"), "loss", HOFFMANN));
        assertEquals("L = E + A/N^alpha + B/D^beta", new ChinchillaLaw().formula(List.of("Model Size", "compute/(6*N)"), "L", null));
        assertEquals("loss = ((Nc/N)^(alphaN/alphaD) + Dc/D)^alphaD", new KaplanLaw().formula(List.of("N", "D"), "loss", null));
    }

    @Test
    void allocationConstant() {
        double g = ChinchillaLaw.allocationG(HOFFMANN);
        assertEquals(Math.pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62), g, 1e-13);
    }
}

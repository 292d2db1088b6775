package org.scalefit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Bound;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Solver;

/**
 * The downstream laws: Gadre et al.'s over-training law, the exp-decay and sigmoid links and the direct
 * accuracy law. Values against their closed forms, analytic gradients against central differences, and
 * recovery of known parameters from seeded synthetic data (their own guesses, no start values).
 */
class DownstreamLawsTest {
    /** Gadre et al.'s RedPajama fit (the SciPy peer, bench/peers/downstream/gadre2024_peer.py), paper parameterisation. */
    private static final double[] GADRE = {1.8366483721, 212.2360, 366.6872, 0.13642535};
    private static final double[] DECAY = {0.85699, 2.2065, 0.71459};
    private static final double[] SIGMOID = {-0.7301, 12.74, 0.7667, 0.9921};
    private static final double[] DIRECT = {7795.4, 108.47, 0.507, 0.224};

    @Test
    void overtrainingIsTheFormulaAndChinchillaWithEqualExponents() {
        OvertrainingLaw law = new OvertrainingLaw();
        double n = 1.44e9;
        double m = 640;
        double c = 6 * n * (n * m);
        double eta = GADRE[3];
        double expected = GADRE[0] + (GADRE[1] * Math.pow(m, eta) + GADRE[2] * Math.pow(m, -eta)) * Math.pow(c, -eta);
        assertEquals(expected, law.value(new double[] {n, m}, GADRE), 1e-13 * expected);
        assertEquals(Math.log(expected), law.logValue(new double[] {n, m}, GADRE), 1e-14);
        // The same law as Chinchilla's with A = a·6^−η, B = b·6^−η and α = β = 2η.
        double scale = Math.pow(6, -eta);
        double[] chinchilla = {GADRE[0], GADRE[1] * scale, GADRE[2] * scale, 2 * eta, 2 * eta};
        assertEquals(new ChinchillaLaw().value(new double[] {n, n * m}, chinchilla), expected, 1e-13 * expected);
        // Gadre et al.'s code: alpha·N^b' + beta·6^(b'/2)·(M·N)^b' + E with b' = −2η, alpha = a·6^−η, beta = b.
        double code = GADRE[1] * scale * Math.pow(n, -2 * eta) + GADRE[2] * Math.pow(6, -eta) * Math.pow(m * n, -2 * eta) + GADRE[0];
        assertEquals(code, expected, 1e-13 * expected);
        assertEquals(List.of("E", "a", "b", "eta"), law.parameters());
        assertEquals(List.of("N", "M"), law.predictors());
        assertEquals(5, law.minimumPoints());
    }

    @Test
    void optimalMultiplierMinimisesTheLossAtFixedCompute() {
        double mStar = OvertrainingLaw.optimalMultiplier(GADRE);
        assertEquals(Math.pow(GADRE[2] / GADRE[1], 1 / (2 * GADRE[3])), mStar, 1e-12 * mStar);
        OvertrainingLaw law = new OvertrainingLaw();
        double c = 1e21;
        double at = lossAtCompute(law, c, mStar);
        assertTrue(at < lossAtCompute(law, c, mStar * 1.05) && at < lossAtCompute(law, c, mStar / 1.05));
    }

    private static double lossAtCompute(OvertrainingLaw law, double c, double m) {
        double n = Math.sqrt(c / (6 * m));
        return law.value(new double[] {n, m}, GADRE);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(18);
        for (int trial = 0; trial < 60; trial++) {
            double[] p = jitter(GADRE, rng);
            double[] x = {Math.exp(rng.nextDouble(Math.log(1e7), Math.log(1e10))), Math.exp(rng.nextDouble(Math.log(5), Math.log(700)))};
            check(new OvertrainingLaw(), x, p, true);
            check(new ExpDecayLink(), new double[] {rng.nextDouble(1.5, 6)}, jitter(DECAY, rng), false);
            double[] s = jitter(SIGMOID, rng);
            s[0] = -Math.abs(s[0]);
            check(new SigmoidLink(0.25), new double[] {rng.nextDouble(0, 2)}, s, false);
            double[] xd = {Math.exp(rng.nextDouble(Math.log(1e8), Math.log(1e10))), Math.exp(rng.nextDouble(Math.log(1e9), Math.log(1e12)))};
            check(new DirectAccuracyLaw(), xd, jitter(DIRECT, rng), true);
        }
    }

    private static double[] jitter(double[] base, SplittableRandom rng) {
        double[] p = base.clone();
        for (int j = 0; j < p.length; j++) {
            p[j] *= Math.exp(0.2 * rng.nextGaussian());
        }
        return p;
    }

    private static void check(Law law, double[] x, double[] p, boolean log) {
        double[] g = new double[p.length];
        law.gradient(x, p, g);
        for (int j = 0; j < p.length; j++) {
            double h = 1e-6 * Math.max(Math.abs(p[j]), 1e-3);
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += h;
            down[j] -= h;
            double fd = (law.value(x, up) - law.value(x, down)) / (2 * h);
            assertEquals(fd, g[j], 1e-6 * Math.abs(fd) + 1e-9 * Math.abs(law.value(x, p)) / Math.max(h, 1e-3),
                    law.name() + " ∂f/∂" + law.parameters().get(j));
        }
        if (log) {
            double[] lg = new double[p.length];
            law.logGradient(x, p, lg);
            double f = law.value(x, p);
            for (int j = 0; j < p.length; j++) {
                assertEquals(g[j] / f, lg[j], 1e-10 * Math.abs(lg[j]) + 1e-300, law.name() + " ∂ln f/∂" + law.parameters().get(j));
                double h = 1e-6 * Math.max(Math.abs(p[j]), 1e-3);
                double[] up = p.clone();
                double[] down = p.clone();
                up[j] += h;
                down[j] -= h;
                double lfd = (law.logValue(x, up) - law.logValue(x, down)) / (2 * h);
                assertEquals(lfd, lg[j], 1e-6 * Math.abs(lfd) + 1e-10 / h, law.name() + " ∂ln f/∂" + law.parameters().get(j));
            }
        }
    }

    /** Synthetic over-training runs (4 sizes × 5 multipliers, 0.3% noise, seed 5): the law's guess and LM recover the truth. */
    @Test
    void overtrainingRecoversKnownParameters() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] sizes = {1e7, 8e7, 1.5e8, 4e8};
        double[] mults = {5, 20, 80, 320, 640};
        int k = 0;
        double[] n = new double[20];
        double[] m = new double[20];
        double[] y = new double[20];
        OvertrainingLaw law = new OvertrainingLaw();
        for (double s : sizes) {
            for (double mm : mults) {
                n[k] = s;
                m[k] = mm;
                y[k] = law.value(new double[] {s, mm}, GADRE) * Math.exp(0.003 * rng.nextGaussian());
                k++;
            }
        }
        Observations data = Observations.builder().predictor("N", n).predictor("M", m).response("loss", y).build();
        for (Solver solver : new Solver[] {Solver.AUTO, Solver.VARPRO}) {
            Fit fit = Fitter.fit(law, data, FitOptions.builder().solver(solver).build());
            assertTrue(fit.converged(), fit.convergenceReason());
            for (int j = 0; j < 4; j++) {
                Bound ci = new Bound(fit.parameters().get(j).lower(), fit.parameters().get(j).upper());
                assertTrue(ci.contains(GADRE[j]), solver + ": " + law.parameters().get(j) + " = " + fit.values()[j] + ", 95% CI "
                        + ci + " misses the truth " + GADRE[j]);
            }
            assertEquals(GADRE[3], fit.value("eta"), 0.01, "eta");
        }
        double[] guess = law.initialGuess(data);
        assertEquals(GADRE[3], guess[3], 0.02, "the η profile lands near the truth");
    }

    /** Noise-free links and direct law are recovered to 1e-6 from their own guesses. */
    @Test
    void linksAndDirectLawRecoverExactParameters() {
        double[] l = new double[40];
        double[] err = new double[40];
        double[] acc = new double[40];
        for (int i = 0; i < l.length; i++) {
            l[i] = 0.4 + 1.4 * i / (l.length - 1);
            err[i] = new ExpDecayLink().value(new double[] {l[i] + 2}, DECAY);
            acc[i] = new SigmoidLink().value(new double[] {l[i]}, SIGMOID);
        }
        double[] lShift = l.clone();
        for (int i = 0; i < l.length; i++) {
            lShift[i] += 2;
        }
        Fit decay = Fitter.fit(new ExpDecayLink(), Observations.builder().predictor("L", lShift).response("err", err).build());
        assertArrayClose(DECAY, decay.values(), 1e-6);
        SigmoidLink sigmoid = new SigmoidLink();
        FitOptions.Builder b = FitOptions.builder();
        sigmoid.impliedBounds().forEach((name, r) -> b.bound(name, new Bound(r.lower(), r.upper())));
        Fit sig = Fitter.fit(sigmoid, Observations.builder().predictor("L", l).response("acc", acc).build(), b.build());
        assertArrayClose(SIGMOID, sig.values(), 1e-6);

        SplittableRandom rng = new SplittableRandom(7);
        double[] n = new double[16];
        double[] d = new double[16];
        double[] q = new double[16];
        DirectAccuracyLaw direct = new DirectAccuracyLaw();
        for (int i = 0; i < n.length; i++) {
            n[i] = Math.exp(rng.nextDouble(Math.log(1.9e8), Math.log(1.3e9)));
            d[i] = n[i] * 20 * (1 + 9 * rng.nextDouble());
            q[i] = direct.value(new double[] {n[i], d[i]}, DIRECT);
        }
        Fit df = Fitter.fit(direct, Observations.builder().predictor("N", n).predictor("D", d).response("acc", q).build());
        for (int i = 0; i < n.length; i++) {
            assertEquals(q[i], df.predict(n[i], d[i]), 1e-9, "direct law reproduces its own curve");
        }
    }

    private static void assertArrayClose(double[] expected, double[] actual, double rel) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], rel * Math.abs(expected[j]), "parameter " + j);
        }
    }

    @Test
    void sigmoidChanceBoundsAndFloorNote() {
        SigmoidLink link = new SigmoidLink(0.25);
        assertEquals(-0.75, link.impliedBounds().get("a").lower());
        assertEquals(0.0, link.impliedBounds().get("a").upper());
        assertEquals(0.25, link.impliedBounds().get("b").lower());
        assertEquals(1.0, link.impliedBounds().get("b").upper());
        assertTrue(link.higherIsBetter());
        // OLMo's ARC-Challenge link (SciPy peer): floor a + b = 0.2223 < 0.25.
        double[] arc = {-0.77767, 5.9106, 0.70864, 1.0};
        assertTrue(link.rangeNote(arc).orElseThrow().contains("below the chance level 0.25"));
        assertFalse(new SigmoidLink().rangeNote(arc).isPresent(), "no chance level, no note");
        assertFalse(new ExpDecayLink().higherIsBetter());
        for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
            try {
                new SigmoidLink(bad);
                throw new AssertionError("chance " + bad + " accepted");
            } catch (InvalidDataException e) {
                assertTrue(e.getMessage().contains("chance level"), e.getMessage());
            }
        }
        // Both tails are finite (no overflow to NaN).
        assertEquals(0.9921, new SigmoidLink().value(new double[] {-1e6}, SIGMOID), 1e-12);
        assertEquals(SIGMOID[0] + SIGMOID[3], new SigmoidLink().value(new double[] {1e6}, SIGMOID), 1e-12);
    }

    @Test
    void expDecaySolvesForTheLoss() {
        ExpDecayLink link = new ExpDecayLink();
        double l = link.solveForX(0.5, DECAY).orElseThrow();
        assertEquals(0.5, link.value(new double[] {l}, DECAY), 1e-12);
        assertTrue(link.solveForX(0.9, DECAY).isEmpty(), "an error above epsilon is never reached");
    }

    @Test
    void formulas() {
        assertEquals("loss = E + (a·M^eta + b·M^(−eta))·C^(−eta), C = 6·N²·M",
                new OvertrainingLaw().formula(List.of("N", "M"), "loss", null));
        assertEquals("loss = 1.8366 + (212.24·mult^0.13643 + 366.69·mult^(-0.13643))·C^(-0.13643), C = 6·params²·mult",
                new OvertrainingLaw().formula(List.of("params", "mult"), "loss", GADRE));
        assertEquals("err = epsilon − k·exp(−gamma·loss)", new ExpDecayLink().formula(List.of("loss"), "err", null));
        assertEquals("acc = a/(1 + exp(−k·(bpb − L0))) + b", new SigmoidLink().formula(List.of("bpb"), "acc", null));
        assertEquals("acc = exp(−(A/N^alpha + B/D^beta))", new DirectAccuracyLaw().formula(List.of("N", "D"), "acc", null));
        assertEquals("overtraining", Laws.create("overtraining", new Laws.Context(List.of("N", "M"), null,
                java.util.OptionalDouble.empty())).name());
        assertEquals(List.of("N", "M"), Laws.predictorsOf("overtraining"));
        assertTrue(Laws.names().containsAll(List.of("overtraining", "exp-decay", "sigmoid")));
    }
}

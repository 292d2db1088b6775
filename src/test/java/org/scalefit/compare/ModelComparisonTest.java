package org.scalefit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.BrokenPowerLaw;
import org.scalefit.model.Exponential;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.QuadraticInLog;

/**
 * Model comparison on one data set at a time: scores, weights, backtests and the preference for the simpler law,
 * skipped laws and refused holdouts. Whether it picks the generating law across seeds is
 * {@link ModelComparisonRecoveryTest}.
 */
class ModelComparisonTest {
    static final double NOISE = 0.02;

    static double[] logSpaced(double lo, double decades, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(10, decades * i / (n - 1));
        }
        return x;
    }

    static Observations noisy(Law law, double[] x, double[] truth, double logNoise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = law.value(new double[] {x[i]}, truth) * Math.exp(logNoise * r.nextGaussian());
        }
        return Observations.of(x, y);
    }

    static List<Law> candidates(Observations data) {
        return List.of(new PowerLaw(), new OffsetPowerLaw(), new Exponential(), QuadraticInLog.centredOn(data),
                new BrokenPowerLaw(1));
    }

    @Test
    void scoresBacktestAndParsimonyOnOneDataSet() {
        Observations data = noisy(new PowerLaw(), logSpaced(1e17, 6, 30), new double[] {10, 0.05}, NOISE, 77);
        Comparison c = ModelComparison.run(List.of(new PowerLaw(), new OffsetPowerLaw(), new Exponential()), data,
                new ComparisonOptions(FitOptions.defaults(), Criterion.AICC, 3, true, 2.0, 1));
        Candidate top = c.ranking().get(0);
        assertEquals(0.0, top.delta(), 0.0);
        double total = 0;
        for (Candidate k : c.ranking()) {
            total += k.weight();
            assertEquals(k.fit().orElseThrow().aicc(), k.score(), 0.0);
            assertEquals(27, k.backtest().trainedOn());
            assertTrue(k.backtest().available());
            assertEquals(0, k.looFailed());
        }
        assertEquals(1.0, total, 1e-12);
        Candidate pl = c.ranking().stream().filter(k -> k.law().equals("power-law")).findFirst().orElseThrow();
        // the backtest of a straight power law with 2% noise misses the 3 largest points by about the noise
        assertEquals(0.02, pl.backtest().rmse(), 0.015);
        assertEquals(0.02, pl.looRmse(), 0.008);
        Candidate exp = c.ranking().get(c.ranking().size() - 1);
        assertEquals("exponential", exp.law());
        assertTrue(exp.backtest().rmse() > 10 * pl.backtest().rmse());
        assertEquals(Optional.of("power-law"), c.best());
    }

    @Test
    void skipsLawsWithTooFewPointsAndRefusesAnOversizedHoldout() {
        Observations data = noisy(new PowerLaw(), logSpaced(1e17, 6, 8), new double[] {10, 0.05}, NOISE, 3);
        Comparison c = ModelComparison.run(List.of(new PowerLaw(), new BrokenPowerLaw(1)), data, ComparisonOptions.defaults());
        assertEquals(1, c.skipped().size());
        assertEquals("broken-power-law has 6 parameters; AICc needs at least 9 points (parameters, noise scale and one "
                + "to spare), the data have 8", c.skipped().get(0).skipReason().orElseThrow());
        assertEquals("power-law is the only law that could be fitted; there is nothing to compare it with", c.verdict());
        org.scalefit.InvalidDataException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.scalefit.InvalidDataException.class, () -> ModelComparison.run(List.of(new PowerLaw()), data,
                        new ComparisonOptions(FitOptions.defaults(), Criterion.AICC, 8, true, 2.0, 1)));
        assertEquals("--holdout-largest 8 leaves nothing to fit: data has 8 points", org.scalefit.TestFlags.message(e));
    }

    /**
     * Within a wider evidence threshold (ΔAICc &lt; 4) the power law and the offset power law are both leaders; the
     * power law is a special case of the offset law (floor 0), so it is preferred, and the exponential, outside,
     * is named with its distance.
     */
    @Test
    void theSimplestNestedLeaderIsPreferredAndTheNextLawNamed() {
        Observations data = noisy(new PowerLaw(), logSpaced(1e17, 6, 30), new double[] {10, 0.05}, NOISE, 77);
        Comparison c = ModelComparison.run(List.of(new PowerLaw(), new OffsetPowerLaw(), new Exponential()), data,
                new ComparisonOptions(FitOptions.defaults(), Criterion.AICC, 3, false, 4.0, 1));
        Candidate offset = c.ranking().stream().filter(k -> k.law().equals("offset-power-law")).findFirst().orElseThrow();
        Candidate exp = c.ranking().stream().filter(k -> k.law().equals("exponential")).findFirst().orElseThrow();
        assertTrue(offset.delta() < 4 && exp.delta() >= 4, offset.delta() + ", " + exp.delta());
        assertEquals(Optional.of("power-law"), c.best());
        assertTrue(c.verdict().startsWith("power-law is preferred: offset-power-law fits about as well (ΔAICc < 4) only by "
                + "adding parameters the data do not support, since power-law is a special case of it; the next law, "
                + "exponential, is " + org.scalefit.Numbers.format(exp.delta(), 3) + " behind (decisive evidence against it)"),
                c.verdict());
    }

    /** A holdout that leaves fewer points than parameters + 1 has no backtest, and says why. */
    @Test
    void aBacktestWithTooFewTrainingPointsSaysSo() {
        Observations data = noisy(new PowerLaw(), logSpaced(1e17, 6, 8), new double[] {10, 0.05}, NOISE, 3);
        Comparison c = ModelComparison.run(List.of(new PowerLaw(), new Exponential()), data,
                new ComparisonOptions(FitOptions.defaults(), Criterion.AICC, 6, false, 2.0, 1));
        for (Candidate k : c.ranking()) {
            assertEquals(k.law() + " has 2 parameters; the 2 points left after holding out 6 are too few", k.backtest().note());
            assertEquals(6, k.backtest().holdout());
            assertEquals(2, k.backtest().trainedOn());
        }
        assertTrue(!c.verdict().contains("backtest"), c.verdict());
    }
}

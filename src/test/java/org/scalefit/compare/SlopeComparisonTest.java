package org.scalefit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.OffsetPowerLaw;

/** The slope comparison recovers known exponent differences and compute multipliers on synthetic pairs. */
class SlopeComparisonTest {

    /** y = 30·(k·x)^(−alpha)·noise on 20 points over 4 decades: the baseline with k = 1 needs k× the compute. */
    static Observations curve(double k, double alpha, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = 1e19 * Math.pow(10, 4.0 * i / 19);
            y[i] = 30 * Math.pow(k * x[i], -alpha) * Math.exp(noise * r.nextGaussian());
        }
        return Observations.of(x, y);
    }

    @Test
    void recoversAConstantMultiplierWithCoverage() {
        int covered = 0;
        int coveredDiff = 0;
        int seeds = 200;
        for (int s = 0; s < seeds; s++) {
            Observations base = curve(1, 0.08, 0.01, 2 * s);
            Observations better = curve(3, 0.08, 0.01, 2 * s + 1);
            SlopeResult r = SlopeComparison.run(base, better, SlopeOptions.powerLaw(List.of(1e21), List.of()));
            SlopeResult.Multiplier m = r.multipliers().get(0);
            if (m.lower() <= 3 && 3 <= m.upper()) {
                covered++;
            }
            if (r.exponentDifference().lower() <= 0 && 0 <= r.exponentDifference().upper()) {
                coveredDiff++;
            }
        }
        System.out.println("multiplier coverage " + (double) covered / seeds + ", exponent difference " + (double) coveredDiff / seeds);
        assertTrue(covered >= 0.90 * seeds && covered <= 0.99 * seeds, "multiplier interval covers 3× in " + covered);
        assertTrue(coveredDiff >= 0.90 * seeds && coveredDiff <= 0.99 * seeds, "difference interval covers 0 in " + coveredDiff);
    }

    @Test
    void aBetterSlopeGivesAMultiplierThatGrowsWithScale() {
        Observations base = curve(1, 0.05, 0.005, 1);
        Observations better = curve(1, 0.07, 0.005, 2);
        SlopeResult r = SlopeComparison.run(base, better, SlopeOptions.powerLaw(List.of(1e20, 1e23, 1e26), List.of(1.5)));
        assertEquals(0.02, r.exponentDifference().value(), 0.003);
        assertTrue(r.exponentDifference().lower() > 0, r.verdict());
        // improved loss 30·C^-0.07 is reached by the baseline at C^(0.07/0.05) = C^1.4: multiplier C^0.4
        for (int i = 0; i < 3; i++) {
            SlopeResult.Multiplier m = r.multipliers().get(i);
            assertEquals(0.4 * Math.log10(m.at()), Math.log10(m.value()), 0.25, "at " + m.at());
        }
        assertTrue(r.multipliers().get(2).note().contains("decades above the data"), r.multipliers().get(2).note());
        SlopeResult.Multiplier atLoss = r.multipliers().get(3);
        double cb = Math.pow(30 / 1.5, 1 / 0.05);
        double ci = Math.pow(30 / 1.5, 1 / 0.07);
        assertEquals(Math.log10(cb / ci), Math.log10(atLoss.value()), 0.5);
        assertTrue(r.verdict().startsWith("the improved curve has a better slope"), r.verdict());
    }

    @Test
    void bootstrapIntervalsAgreeWithTheDeltaMethod() {
        Observations base = curve(1, 0.08, 0.01, 7);
        Observations better = curve(3, 0.08, 0.01, 8);
        SlopeResult delta = SlopeComparison.run(base, better, SlopeOptions.powerLaw(List.of(1e21), List.of()));
        SlopeResult boot = SlopeComparison.run(base, better, new SlopeOptions(new org.scalefit.model.PowerLaw(),
                FitOptions.defaults(), List.of(1e21), List.of(), 400, 2, false));
        assertEquals(400, boot.pairedReplicates());
        assertEquals("bootstrap-percentile", boot.multipliers().get(0).method());
        double wd = Math.log(delta.multipliers().get(0).upper() / delta.multipliers().get(0).lower());
        double wb = Math.log(boot.multipliers().get(0).upper() / boot.multipliers().get(0).lower());
        assertEquals(wd, wb, 0.3 * wd);
    }

    @Test
    void offsetLawNeverReachingTheLossSaysSo() {
        Observations base = curve(1, 0.3, 0.005, 3);
        double[] y = base.yValues();
        for (int i = 0; i < y.length; i++) {
            y[i] += 2.0;
        }
        Observations baseOff = base.withResponse(y);
        Observations better = curve(1, 0.3, 0.005, 4);
        double[] yb = better.yValues();
        for (int i = 0; i < yb.length; i++) {
            yb[i] += 1.0;
        }
        SlopeResult r = SlopeComparison.run(baseOff, better.withResponse(yb), new SlopeOptions(new OffsetPowerLaw(),
                FitOptions.defaults(), List.of(1e23), List.of(), 0, 1, false));
        assertTrue(Double.isInfinite(r.multipliers().get(0).value()), r.verdict());
        assertTrue(r.multipliers().get(0).note().contains("never reaches"));
    }

    @Test
    void mismatchedUnitsAreRefused() {
        Observations base = curve(1, 0.08, 0.01, 1);
        double[] x = base.xValues(0);
        for (int i = 0; i < x.length; i++) {
            x[i] /= 8.64e19;   // PF-days instead of FLOP
        }
        Observations pfDays = Observations.builder().source("improved.csv").predictor("x", x).response("y", base.yValues()).build();
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> SlopeComparison.run(base, pfDays, SlopeOptions.powerLaw(List.of(1e21), List.of())));
        assertTrue(e.getMessage().startsWith("x ranges of the two files are 16 decades apart (data 1e+19–1e+23, improved.csv 0.116–1160)"), e.getMessage());
        double[] ppl = base.yValues();
        for (int i = 0; i < ppl.length; i++) {
            ppl[i] = Math.exp(ppl[i] * 3);
        }
        Observations perplexity = base.withResponse(ppl);
        InvalidDataException e2 = assertThrows(InvalidDataException.class,
                () -> SlopeComparison.run(base, perplexity, SlopeOptions.powerLaw(List.of(1e21), List.of())));
        assertTrue(e2.getMessage().startsWith("median y differs by a factor"), e2.getMessage());
    }
}

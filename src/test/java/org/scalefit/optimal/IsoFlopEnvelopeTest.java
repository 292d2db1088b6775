package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.model.ChinchillaLaw;

/**
 * Hoffmann et al.'s Approaches 1 and 2 on synthetic data generated from a known Chinchilla law, where
 * the compute-optimal exponents are known exactly: a = β/(α+β) for N_opt and b = α/(α+β) for D_opt.
 *
 * <p>IsoFLOP data: 9 compute budgets from 1e18 to 1e22 FLOP (half-decade steps); at each, 11 model sizes
 * spaced evenly in ln N from N_opt/8 to 8·N_opt of the true law, D = C/(6N), loss from the law times
 * exp(σz). Training curves: 40 model sizes log-spaced from 1e7 to 1e11, each logged at 60 token counts
 * log-spaced from 1e8 to 2e13, loss = L(N, D) (a run's curve is the law along D).
 */
class IsoFlopEnvelopeTest {
    private static final double[] TRUTH = Synthetic.EPOCH;

    private static double[][] isoFlopData(double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ChinchillaLaw law = new ChinchillaLaw();
        ComputeOptimal opt = ComputeOptimal.of(TRUTH);
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < 9; k++) {
            double c = Math.pow(10, 18 + 0.5 * k);
            double center = Math.log(opt.nOpt(c));
            for (int j = 0; j < 11; j++) {
                double n = Math.exp(center + Math.log(8) * (j - 5) / 5.0);
                double d = c / (6 * n);
                rows.add(new double[] {c, n, law.value(new double[] {n, d}, TRUTH) * Math.exp(sigma * rng.nextGaussian())});
            }
        }
        double[][] out = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 3; j++) {
                out[j][i] = rows.get(i)[j];
            }
        }
        return out;
    }

    @Test
    void isoFlopRecoversTheExponentsExactlyWithoutNoise() {
        double[][] d = isoFlopData(0, 1);
        IsoFlop.Result r = IsoFlop.fit(d[0], d[1], d[2]);
        assertEquals(9, r.profiles().size());
        double a = TRUTH[4] / (TRUTH[3] + TRUTH[4]);
        // The profile is not exactly a parabola in ln N, but symmetric sampling around the optimum puts the
        // vertex within a percent, and the same relative offset at every budget leaves the exponent intact.
        assertEquals(a, r.nOpt().exponent(), 2e-3);
        assertEquals(1 - a, r.dOpt().exponent(), 2e-3);
        assertEquals(1.0, r.nOpt().exponent() + r.dOpt().exponent(), 1e-12, "C = 6·N·D ties the exponents");
        ComputeOptimal opt = ComputeOptimal.of(TRUTH);
        for (IsoFlop.Profile p : r.profiles()) {
            assertTrue(p.valid() && p.interior());
            assertEquals(Math.log(opt.nOpt(p.compute())), Math.log(p.nOpt()), 0.05);
            assertEquals(opt.loss(p.compute()), p.minLoss(), 2e-3 * p.minLoss());
        }
    }

    @Test
    void isoFlopWithNoiseStaysWithinItsStandardError() {
        double a = TRUTH[4] / (TRUTH[3] + TRUTH[4]);
        for (long seed = 1; seed <= 5; seed++) {
            double[][] d = isoFlopData(0.003, seed);
            IsoFlop.Result r = IsoFlop.fit(d[0], d[1], d[2]);
            assertTrue(Math.abs(r.nOpt().exponent() - a) <= 4 * r.nOpt().exponentStderr() + 2e-3,
                    "a = " + r.nOpt().exponent() + " ± " + r.nOpt().exponentStderr() + " (seed " + seed + ")");
            assertEquals(a, r.nOpt().exponent(), 0.05);
        }
    }

    @Test
    void isoFlopFlagsBadBudgets() {
        // One budget with two sizes, one with a downward parabola, two good ones.
        double[] c = {1e20, 1e20, 2e20, 2e20, 2e20, 1e21, 1e21, 1e21, 1e22, 1e22, 1e22};
        double[] n = {1e9, 2e9, 1e9, 2e9, 4e9, 1e9, 3e9, 9e9, 3e9, 9e9, 2.7e10};
        double[] l = {2.5, 2.4, 2.4, 2.5, 2.4, 2.4, 2.3, 2.4, 2.2, 2.1, 2.2};
        IsoFlop.Result r = IsoFlop.fit(c, n, l);
        assertFalse(r.profiles().get(0).valid());
        assertTrue(r.profiles().get(0).note().contains("2 distinct model sizes"), r.profiles().get(0).note());
        assertFalse(r.profiles().get(1).valid());
        assertTrue(r.profiles().get(1).note().contains("no minimum"));
        assertEquals(2, r.nOpt().points());
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(new double[] {1e20, 1e20, 1e20}, new double[] {1, 2, 3},
                new double[] {3, 2, 3}));
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(new double[] {-1}, new double[] {1}, new double[] {1}));
    }

    @Test
    void envelopeOfTrainingCurvesRecoversTheExponent() {
        ChinchillaLaw law = new ChinchillaLaw();
        List<Double> ns = new ArrayList<>();
        List<Double> ds = new ArrayList<>();
        List<Double> ls = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            double n = Math.pow(10, 7 + 4.0 * k / 39);
            for (int j = 0; j < 60; j++) {
                double d = Math.pow(10, 8 + (Math.log10(2e13) - 8) * j / 59);
                ns.add(n);
                ds.add(d);
                ls.add(law.value(new double[] {n, d}, TRUTH));
                runs.add("run" + k);
            }
        }
        double[] n = ns.stream().mapToDouble(Double::doubleValue).toArray();
        double[] d = ds.stream().mapToDouble(Double::doubleValue).toArray();
        double[] l = ls.stream().mapToDouble(Double::doubleValue).toArray();
        Envelope.Result r = Envelope.fit(n, d, l, runs.toArray(new String[0]), 60);
        // Keep the budgets whose optimum lies well inside the sizes trained (1e8 to 1e10 parameters).
        ComputeOptimal opt = ComputeOptimal.of(TRUTH);
        List<Envelope.Point> inner = new ArrayList<>();
        for (Envelope.Point p : r.envelope()) {
            double truthN = opt.nOpt(p.compute());
            if (truthN > 1e8 && truthN < 1e10) {
                inner.add(p);
                assertEquals(Math.log(truthN), Math.log(p.nOpt()), Math.log(10) * 4.0 / 39, "within one size step");
            }
        }
        assertTrue(inner.size() >= 20, "budgets inside the size range: " + inner.size());
        double[] c = inner.stream().mapToDouble(Envelope.Point::compute).toArray();
        double[] nn = inner.stream().mapToDouble(Envelope.Point::nOpt).toArray();
        double a = TRUTH[4] / (TRUTH[3] + TRUTH[4]);
        assertEquals(a, ScalingFit.of(c, nn).exponent(), 0.02);
        assertThrows(InvalidDataException.class, () -> Envelope.fit(new double[] {1, 2}, new double[] {1, 1},
                new double[] {1, 1}, new String[] {"x", "x"}, 10));
    }
}

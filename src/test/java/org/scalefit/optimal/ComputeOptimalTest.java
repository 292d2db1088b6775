package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/** The closed forms, checked by hand and by direct minimisation, and their intervals. */
class ComputeOptimalTest {
    private static final double[] P = Synthetic.HOFFMANN;

    /** Hoffmann's parameters worked by hand: G = (0.34·406.4/(0.28·410.7))^(1/0.62), a = 0.28/0.62, b = 0.34/0.62. */
    @Test
    void closedFormsByHand() {
        ComputeOptimal opt = ComputeOptimal.of(P);
        double g = Math.pow(0.34 * 406.4 / (0.28 * 410.7), 1 / 0.62);
        double a = 0.28 / 0.62;
        double b = 0.34 / 0.62;
        assertEquals(g, opt.g(), 1e-14 * g);
        assertEquals(a, opt.nExponent(), 1e-15);
        assertEquals(b, opt.dExponent(), 1e-15);
        for (double c : new double[] {1e18, 5.76e23, 1e25}) {
            double n = g * Math.pow(c / 6, a);
            double d = Math.pow(c / 6, b) / g;
            assertEquals(n, opt.nOpt(c), 1e-12 * n);
            assertEquals(d, opt.dOpt(c), 1e-12 * d);
            assertEquals(c, 6 * opt.nOpt(c) * opt.dOpt(c), 1e-12 * c, "C = 6·N·D");
            assertEquals(d / n, opt.tokensPerParameter(c), 1e-12 * d / n);
            double loss = 1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28);
            assertEquals(loss, opt.loss(c), 1e-13 * loss);
        }
    }

    /** N_opt minimises L(N, C/(6N)): golden-section search on ln N finds the same N. */
    @Test
    void closedFormIsTheMinimum() {
        ChinchillaLaw law = new ChinchillaLaw();
        for (double[] p : new double[][] {Synthetic.HOFFMANN, Synthetic.EPOCH, Synthetic.STEEP}) {
            ComputeOptimal opt = ComputeOptimal.of(p);
            for (double c : new double[] {1e19, 1e22, 1e25}) {
                double lo = Math.log(1e3);
                double hi = Math.log(c / 6 / 1e3);
                double phi = (Math.sqrt(5) - 1) / 2;
                for (int it = 0; it < 200; it++) {
                    double x1 = hi - phi * (hi - lo);
                    double x2 = lo + phi * (hi - lo);
                    double f1 = law.value(new double[] {Math.exp(x1), c / (6 * Math.exp(x1))}, p);
                    double f2 = law.value(new double[] {Math.exp(x2), c / (6 * Math.exp(x2))}, p);
                    if (f1 < f2) {
                        hi = x2;
                    } else {
                        lo = x1;
                    }
                }
                double nStar = Math.exp((lo + hi) / 2);
                assertEquals(Math.log(opt.nOpt(c)), Math.log(nStar), 1e-5);
                double lossStar = law.value(new double[] {nStar, c / (6 * nStar)}, p);
                assertEquals(lossStar, opt.loss(c), 1e-12 * lossStar);
            }
        }
    }

    @Test
    void computeForLossInvertsTheLoss() {
        ComputeOptimal opt = ComputeOptimal.of(P);
        for (double c : new double[] {1e20, 1e23, 1e26}) {
            double l = opt.loss(c);
            assertEquals(c, opt.computeForLoss(l), 1e-9 * c);
        }
        assertTrue(Double.isNaN(opt.computeForLoss(1.69)), "E itself is never reached");
        assertTrue(Double.isNaN(opt.computeForLoss(1.0)));
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(InvalidDataException.class, () -> ComputeOptimal.of(new double[] {1.7, 400, 400, 0, 0.3}));
        assertThrows(InvalidDataException.class, () -> ComputeOptimal.of(new double[] {1.7, -1, 400, 0.3, 0.3}));
        assertThrows(InvalidDataException.class, () -> ComputeOptimal.of(new double[] {1.7, 400, 400, 0.3}));
        assertThrows(InvalidDataException.class, () -> OptimalAllocation.point(P).at(-1));
    }

    /** Fewer runs, wider intervals: delta-method and bootstrap intervals at 1e23 FLOP grow from 400 to 40 runs. */
    @Test
    void intervalsWidenAsDataShrink() {
        Observations big = Synthetic.chinchilla(Synthetic.EPOCH, 400, 0.01, 31);
        Observations small = big.select(java.util.stream.IntStream.range(0, 40).map(i -> i * 10).toArray());
        double[] deltaWidth = new double[2];
        double[] bootWidth = new double[2];
        int k = 0;
        for (Observations data : new Observations[] {big, small}) {
            Fit fit = Fitter.fit(new ChinchillaLaw(), data, FitOptions.defaults());
            Allocation d = OptimalAllocation.delta(fit).at(1e23);
            assertTrue(d.nOpt().lower() < d.nOpt().value() && d.nOpt().value() < d.nOpt().upper());
            deltaWidth[k] = Math.log(d.nOpt().upper() / d.nOpt().lower());
            BootstrapResult boot = Bootstrap.run(fit, Resampler.rows(), 100, 5, 2);
            Allocation b = OptimalAllocation.bootstrap(boot).at(1e23);
            bootWidth[k] = Math.log(b.nOpt().upper() / b.nOpt().lower());
            k++;
        }
        assertTrue(deltaWidth[1] > 1.5 * deltaWidth[0], "delta: " + deltaWidth[0] + " -> " + deltaWidth[1]);
        assertTrue(bootWidth[1] > 1.5 * bootWidth[0], "bootstrap: " + bootWidth[0] + " -> " + bootWidth[1]);
    }

    /** The delta-method interval on the log scale: for N_opt = G·(C/6)^a it is exact up to the linearisation. */
    @Test
    void deltaIntervalFromAKnownCovariance() {
        double[][] cov = new double[5][5];
        cov[3][3] = 1e-4;
        OptimalAllocation a = OptimalAllocation.delta(P, cov, 0, 0.95);
        double c = 1e23;
        Estimate n = a.at(c).nOpt();
        // Only alpha varies: se(ln N_opt) = |d ln N_opt / d alpha| · 0.01.
        double h = 1e-6;
        double[] up = P.clone();
        double[] down = P.clone();
        up[3] += h;
        down[3] -= h;
        double slope = (Math.log(ComputeOptimal.nOpt(up, c)) - Math.log(ComputeOptimal.nOpt(down, c))) / (2 * h);
        double se = Math.abs(slope) * 0.01;
        assertEquals(n.value() * Math.exp(1.959963984540054 * se), n.upper(), 1e-6 * n.upper());
        assertEquals(n.value() * Math.exp(-1.959963984540054 * se), n.lower(), 1e-6 * n.lower());
    }
}

package org.scalefit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Starts;

/** The superexponential trend: its doubling times shrink by the ratio r per doubling; gradient, inverse and fit. */
class SuperexponentialTrendTest {
    private static final SuperexponentialTrend LAW = new SuperexponentialTrend(20000);

    static Stream<Integer> seeds() {
        return IntStream.range(0, 100).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void logGradientMatchesCentralDifferences(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = {Math.exp(r.nextGaussian()), 50 + 400 * r.nextDouble(), seed % 5 == 0 ? 1.0 : 0.5 + r.nextDouble()};
        // Stay inside the domain 1 + ln r·(t − t0)/T > 0 (a slowing trend, r > 1, is undefined in the far past).
        double s = Math.log(p[2]);
        double back = 5 * r.nextDouble();
        if (s > 0) {
            back = Math.min(back, 0.9 / s);
        }
        double[] x = {20000 - back * p[1]};
        double[] g = new double[3];
        LAW.logGradient(x, p, g);
        for (int j = 0; j < 3; j++) {
            double h = 1e-6 * p[j];
            double[] up = p.clone();
            double[] dn = p.clone();
            up[j] += h;
            dn[j] -= h;
            double fd = (LAW.logValue(x, up) - LAW.logValue(x, dn)) / (2 * h);
            assertEquals(fd, g[j], 1e-6 * (1 + Math.abs(fd)), "parameter " + j);
        }
        double[] lin = new double[3];
        LAW.gradient(x, p, lin);
        assertEquals(g[2] * LAW.value(x, p), lin[2], 1e-9 * (1 + Math.abs(lin[2])));
    }

    @Test
    void eachDoublingTakesRTimesThePreviousOne() {
        // T is the instantaneous doubling time at t0; the n-th doubling after t0 takes T·r^(n−1)·(r − 1)/ln r days.
        double t = 200;
        double s = Math.log(0.8);
        double prev = SuperexponentialTrend.daysUntil(1, t, s);
        assertEquals(200 * (0.8 - 1) / s, prev, 1e-9);
        for (int d = 2; d <= 6; d++) {
            double next = SuperexponentialTrend.daysUntil(d, t, s);
            double last = SuperexponentialTrend.daysUntil(d - 1, t, s) - SuperexponentialTrend.daysUntil(d - 2, t, s);
            assertEquals(0.8, (next - prev) / last, 1e-12);
            prev = next;
        }
        assertEquals(200 / -s, SuperexponentialTrend.daysUntil(Double.POSITIVE_INFINITY, t, s), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, SuperexponentialTrend.daysUntil(Double.POSITIVE_INFINITY, t, 0.1));
        // The instantaneous doubling time at t0 is T: D grows at 1/T per day there.
        assertEquals(1 / t, SuperexponentialTrend.doublings(1e-3, t, s) / 1e-3, 1e-6 / t);
    }

    @Test
    void ratioOneIsTheExponentialAndTheSeriesIsAccurate() {
        for (double tau : new double[] {-3000, -100, 0, 50}) {
            assertEquals(tau / 150, SuperexponentialTrend.doublings(tau, 150, 0), 1e-15);
            for (double s : new double[] {1e-12, 1e-9, 3e-8, 7.4e-8, 1e-6, -1e-9, -7.4e-8}) {
                double exact = tau == 0 ? 0 : Math.log1p(s * tau / 150) / s;
                assertEquals(exact, SuperexponentialTrend.doublings(tau, 150, s), 1e-13 * (1 + Math.abs(exact)), "s " + s);
            }
        }
        double[] p = {2.0, 150, 1.0};
        assertEquals(20000 + 150 * 3, LAW.solveForX(16.0, p).getAsDouble(), 1e-9);
    }

    @Test
    void solveForXInvertsTheValue() {
        double[] p = {5.0, 120, 0.85};
        for (double target : new double[] {0.01, 1, 5, 100, 1e5}) {
            double t = LAW.solveForX(target, p).getAsDouble();
            assertEquals(target, LAW.value(new double[] {t}, p), 1e-9 * target);
        }
    }

    @Test
    void fittingEngineRecoversTheParameters() {
        double[] truth = {240.0, 130, 0.88};
        double[] t = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            t[i] = 20000 - 100.0 * i;
            y[i] = LAW.value(new double[] {t[i]}, truth);
        }
        Observations obs = Observations.builder().predictor("t", t).response("h", y).build();
        Fit fit = Fitter.fit(LAW, obs, FitOptions.builder().starts(Starts.grid()).build());
        assertTrue(fit.converged());
        assertEquals(240, fit.value("y0"), 1e-5);
        assertEquals(130, fit.value("doubling_time_days"), 1e-5);
        assertEquals(0.88, fit.value("ratio"), 1e-7);
        assertEquals(0.12, fit.derived("speedup_per_doubling").value(), 1e-7);
    }

    @Test
    void registeredForTheFitCommand() {
        assertTrue(Laws.isBuiltIn("superexponential"));
    }
}

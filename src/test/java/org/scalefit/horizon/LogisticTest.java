package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Newton solver reaches the minimum of the penalised, weighted log-loss (its gradient vanishes
 * and no nearby point is lower), agrees with the per-run form, recovers known curves, and reports
 * the cases without a finite optimum.
 */
class LogisticTest {
    private static final double C = 10;

    static Stream<Integer> seeds() {
        return IntStream.range(0, 200).boxed();
    }

    /** Random aggregated data: n tasks, random weights, success fractions from a random logistic curve. */
    private static double[][] data(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 + r.nextInt(80);
        double b0 = r.nextGaussian() * 3;
        double b1 = -r.nextDouble() * 2 + 0.3;
        double[] x = new double[n];
        double[] w = new double[n];
        double[] v = new double[n];
        double total = 0;
        for (int j = 0; j < n; j++) {
            x[j] = -6 + 17 * r.nextDouble();
            int runs = 1 + r.nextInt(10);
            double p = 1 / (1 + Math.exp(-(b0 + b1 * x[j])));
            int k = 0;
            for (int i = 0; i < runs; i++) {
                k += r.nextDouble() < p ? 1 : 0;
            }
            w[j] = runs * r.nextDouble();
            v[j] = w[j] * k / runs;
            total += w[j];
        }
        for (int j = 0; j < n; j++) {
            w[j] /= total;
            v[j] /= total;
        }
        if (Math.abs(x[0] - x[1]) < 1e-3) {
            x[1] += 1;
        }
        v[0] = 0.5 * w[0];   // at least one success and one failure
        return new double[][] {x, w, v};
    }

    private static double[] gradient(double[] x, double[] w, double[] v, double b0, double b1) {
        double g0 = 0;
        double g1 = 0;
        for (int j = 0; j < x.length; j++) {
            double p = 1 / (1 + Math.exp(-(b0 + b1 * x[j])));
            g0 += w[j] * p - v[j];
            g1 += (w[j] * p - v[j]) * x[j];
        }
        return new double[] {C * g0, C * g1 + b1};
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void reachesTheMinimum(int seed) {
        double[][] d = data(seed);
        Logistic solver = new Logistic();
        int status = solver.fit(d[0], d[1], d[2], d[0].length, C, Double.NaN, Double.NaN);
        assertEquals(Logistic.OK, status);
        double[] g = gradient(d[0], d[1], d[2], solver.intercept, solver.slope);
        assertEquals(0, g[0], 1e-9, "∂F/∂b0");
        assertEquals(0, g[1], 1e-9, "∂F/∂b1");
        double f = Logistic.objective(d[0], d[1], d[2], d[0].length, C, solver.intercept, solver.slope);
        for (double[] step : new double[][] {{1e-4, 0}, {-1e-4, 0}, {0, 1e-4}, {0, -1e-4}, {1e-4, -1e-4}}) {
            double g2 = Logistic.objective(d[0], d[1], d[2], d[0].length, C, solver.intercept + step[0], solver.slope + step[1]);
            assertTrue(g2 >= f, "a neighbour is lower");
        }
        assertTrue(solver.iterations <= 25, "Newton took " + solver.iterations + " steps");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void warmStartFindsTheSameMinimum(int seed) {
        double[][] d = data(seed);
        Logistic cold = new Logistic();
        cold.fit(d[0], d[1], d[2], d[0].length, C, Double.NaN, Double.NaN);
        Logistic warm = new Logistic();
        warm.fit(d[0], d[1], d[2], d[0].length, C, cold.intercept + 3, cold.slope - 1);
        assertEquals(cold.intercept, warm.intercept, 1e-8 * (1 + Math.abs(cold.intercept)));
        assertEquals(cold.slope, warm.slope, 1e-8 * (1 + Math.abs(cold.slope)));
    }

    @Test
    void perRunRowsAndPerTaskAggregatesGiveTheSameFit() {
        SplittableRandom r = new SplittableRandom(5);
        int tasks = 40;
        int runsPerTask = 6;
        double[] xa = new double[tasks];
        double[] wa = new double[tasks];
        double[] va = new double[tasks];
        double[] xr = new double[tasks * runsPerTask];
        double[] wr = new double[tasks * runsPerTask];
        double[] vr = new double[tasks * runsPerTask];
        for (int t = 0; t < tasks; t++) {
            xa[t] = r.nextDouble() * 10;
            double w = r.nextDouble() / (tasks * runsPerTask);
            for (int k = 0; k < runsPerTask; k++) {
                double score = r.nextDouble() < 0.3 ? r.nextDouble() : (r.nextDouble() < 1 / (1 + Math.exp(xa[t] - 5)) ? 1 : 0);
                int i = t * runsPerTask + k;
                xr[i] = xa[t];
                wr[i] = w;
                vr[i] = w * score;
                wa[t] += w;
                va[t] += w * score;
            }
        }
        Logistic agg = new Logistic();
        agg.fit(xa, wa, va, tasks, C, Double.NaN, Double.NaN);
        Logistic rows = new Logistic();
        rows.fit(xr, wr, vr, xr.length, C, Double.NaN, Double.NaN);
        assertEquals(agg.intercept, rows.intercept, 1e-10);
        assertEquals(agg.slope, rows.slope, 1e-10);
    }

    @Test
    void recoversAKnownCurveWhenThePenaltyIsNegligible() {
        // 200,000 runs from σ(2 − 0.5·x): with C = 1e6 the penalty is negligible and the estimate is the MLE.
        SplittableRandom r = new SplittableRandom(11);
        int tasks = 400;
        double[] x = new double[tasks];
        double[] w = new double[tasks];
        double[] v = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            x[t] = -2 + 14 * r.nextDouble();
            double p = 1 / (1 + Math.exp(-(2 - 0.5 * x[t])));
            int k = 0;
            for (int i = 0; i < 500; i++) {
                k += r.nextDouble() < p ? 1 : 0;
            }
            w[t] = 500.0 / (tasks * 500);
            v[t] = (double) k / (tasks * 500);
        }
        Logistic s = new Logistic();
        assertEquals(Logistic.OK, s.fit(x, w, v, tasks, 1e6, Double.NaN, Double.NaN));
        assertEquals(2.0, s.intercept, 0.03);
        assertEquals(-0.5, s.slope, 0.006);
        assertEquals(16.0, Logistic.horizon(0.5, s.intercept, s.slope), 0.5);
    }

    @Test
    void separableDataStillHaveAFiniteMinimumThanksToThePenalty() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] w = {1, 1, 1, 1, 1, 1};
        double[] v = {1, 1, 1, 0, 0, 0};
        Logistic s = new Logistic();
        assertEquals(Logistic.OK, s.fit(x, w, v, 6, C, Double.NaN, Double.NaN));
        assertTrue(s.slope < -1 && Double.isFinite(s.slope));
        assertEquals(2.5, -s.intercept / s.slope, 1e-9, "symmetric data put the 50% point in the middle");
    }

    @Test
    void modelsWithoutSuccessesOrFailuresHaveNoFiniteMinimum() {
        double[] x = {0, 1, 2};
        double[] w = {1, 1, 1};
        Logistic s = new Logistic();
        assertEquals(Logistic.NO_SUCCESSES, s.fit(x, w, new double[] {0, 0, 0}, 3, C, Double.NaN, Double.NaN));
        assertEquals(Logistic.ALL_SUCCESSES, s.fit(x, w, new double[] {1, 1, 1}, 3, C, Double.NaN, Double.NaN));
        assertEquals(Logistic.EMPTY, s.fit(x, new double[3], new double[3], 3, C, Double.NaN, Double.NaN));
        assertTrue(Double.isNaN(s.intercept));
    }

    @Test
    void horizonIsTheLengthAtWhichTheCurveCrossesP() {
        double b0 = 2;
        double b1 = -0.5;
        double h80 = Logistic.horizon(0.8, b0, b1);
        assertEquals(0.8, 1 / (1 + Math.exp(-(b0 + b1 * Math.log(h80) / Math.log(2)))), 1e-12);
        assertEquals(16, Logistic.horizon(0.5, b0, b1), 1e-12);
    }
}

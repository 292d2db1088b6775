package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The weighted, L2-regularised logistic solver against its definition: the objective
 * F = C·Σ [W·softplus(z) − V·z] + ½ b₁² evaluated by NumPy 2 ({@code np.logaddexp(0, z)} for softplus), and
 * the optimum by its first-order conditions C·Σ(W·p − V) = 0 and C·Σ(W·p − V)·x + b₁ = 0 (scikit-learn's
 * objective with an unpenalised intercept); the degenerate data sets by their status codes.
 */
class LogisticSolverTest {
    @Test
    void theObjectiveIsSklearnsRegularisedLogLoss() {
        double[] x = {0, 1, 2};
        double[] w = {1, 2, 1};
        double[] v = {1, 1, 0};
        assertEquals(23.663190321171687, Logistic.objective(x, w, v, 3, 10, 0.3, -0.5), 1e-12);
        // far out on the logistic the softplus is z itself or 0 (NumPy: 16000), plus ½·1²: no overflow
        assertEquals(16000.0 + 0.5, Logistic.objective(new double[] {800, -800}, new double[] {1, 1}, new double[] {0, 1}, 2, 10,
                0, 1), 1e-9);
    }

    @Test
    void theOptimumSatisfiesTheFirstOrderConditions() {
        double[] x = {-1, 0, 1, 2, 3, 4};
        double[] w = {1, 2, 1, 3, 1, 2};
        double[] v = {1, 1.5, 0.5, 1, 0.25, 0};
        for (double[] start : new double[][] {{Double.NaN, Double.NaN}, {5, 5}}) {
            Logistic solver = new Logistic();
            assertEquals(Logistic.OK, solver.fit(x, w, v, 6, 10, start[0], start[1]));
            double b0 = solver.intercept();
            double b1 = solver.slope();
            double g0 = 0;
            double g1 = 0;
            for (int j = 0; j < 6; j++) {
                double p = 1 / (1 + Math.exp(-(b0 + b1 * x[j])));
                g0 += w[j] * p - v[j];
                g1 += (w[j] * p - v[j]) * x[j];
            }
            assertEquals(0, 10 * g0, 1e-9, "intercept condition from start " + start[0]);
            assertEquals(0, 10 * g1 + b1, 1e-9, "slope condition from start " + start[0]);
            assertTrue(b1 < 0, "success falls with length");
            assertTrue(solver.iterations() >= 1 && solver.iterations() <= Logistic.MAX_ITERATIONS);
            assertTrue(Logistic.objective(x, w, v, 6, 10, b0, b1) < Logistic.objective(x, w, v, 6, 10, b0 + 1e-3, b1 - 1e-3));
        }
    }

    @Test
    void degenerateDataHaveTheirStatus() {
        Logistic solver = new Logistic();
        double[] x = {0, 1};
        assertEquals(Logistic.EMPTY, solver.fit(x, new double[] {0, 0}, new double[] {0, 0}, 2, 10, Double.NaN, Double.NaN));
        assertEquals(Logistic.NO_SUCCESSES, solver.fit(x, new double[] {1, 1}, new double[] {0, 0}, 2, 10, Double.NaN, Double.NaN));
        assertEquals(Double.NaN, solver.intercept());
        assertEquals(Logistic.ALL_SUCCESSES, solver.fit(x, new double[] {1, 1}, new double[] {1, 1}, 2, 10, Double.NaN, Double.NaN));
        assertEquals(Double.NaN, solver.slope());
        // one success somewhere is enough to fit
        assertEquals(Logistic.OK, solver.fit(x, new double[] {1, 1}, new double[] {1e-9, 0}, 2, 10, Double.NaN, Double.NaN));
    }
}

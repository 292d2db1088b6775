package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Space;

/**
 * The engine's two solvers, called directly, on problems whose answers are known without scalefit: Moré, Garbow and
 * Hillstrom's (1981) least-squares test problems from their standard starts, against MINPACK's lmder as SciPy 1.17 runs
 * it ({@code python3 bench/oracles/optimizer_cores.py}, run 2026-12-07, tolerances at their floor; the sums of squares
 * agree with MGH's published 8.21487e-3, 87.9458 and 3.07505e-4); and smooth functions whose minimum and curvature
 * are closed forms. The evaluation budgets are 1.5 times MINPACK's count on the same problem: a solver that
 * still converges, but only after a mutated damping or trust-region rule has thrown steps away, fails them.
 */
class OptimizerCoreTest {

    /** A residual model r = target − model(θ) with the model's Jacobian, as LevenbergMarquardt wants it. */
    private record Residuals(Function<double[], double[]> model, double[] target,
                             BiConsumer<double[], double[][]> jacobian) implements LevenbergMarquardt.Model {
        @Override
        public boolean residuals(double[] theta, double[] r) {
            double[] g = model.apply(theta);
            for (int i = 0; i < r.length; i++) {
                r[i] = target[i] - g[i];
                if (!Double.isFinite(r[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void jacobian(double[] theta, double[][] jac) {
            jacobian.accept(theta, jac);
        }

        double sumSquares(double[] theta) {
            double[] r = new double[target.length];
            residuals(theta, r);
            double s = 0;
            for (double v : r) {
                s += v * v;
            }
            return s;
        }
    }

    /** MGH 1, Rosenbrock as residuals (10(θ₂ − θ₁²), 1 − θ₁): target (0, 1), model (−10(θ₂ − θ₁²), θ₁). */
    private static Residuals rosenbrock() {
        return new Residuals(t -> new double[] {-10 * (t[1] - t[0] * t[0]), t[0]}, new double[] {0, 1}, (t, j) -> {
            j[0][0] = 20 * t[0];
            j[0][1] = -10;
            j[1][0] = 1;
            j[1][1] = 0;
        });
    }

    /** MGH 8, Bard: y − (θ₁ + u/(v·θ₂ + w·θ₃)), u = i, v = 16 − i, w = min(u, v). */
    private static Residuals bard() {
        double[] y = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39};
        return new Residuals(t -> {
            double[] g = new double[15];
            for (int i = 0; i < 15; i++) {
                double u = i + 1;
                double v = 16 - u;
                g[i] = t[0] + u / (v * t[1] + Math.min(u, v) * t[2]);
            }
            return g;
        }, y, (t, j) -> {
            for (int i = 0; i < 15; i++) {
                double u = i + 1;
                double v = 16 - u;
                double w = Math.min(u, v);
                double den = v * t[1] + w * t[2];
                j[i][0] = 1;
                j[i][1] = -u * v / (den * den);
                j[i][2] = -u * w / (den * den);
            }
        });
    }

    /** MGH 10, Meyer: θ₁·exp(θ₂/(t + θ₃)) against y, t = 45 + 5i — badly scaled, a trust region's test. */
    private static Residuals meyer() {
        double[] y = {34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872};
        return new Residuals(t -> {
            double[] g = new double[16];
            for (int i = 0; i < 16; i++) {
                g[i] = t[0] * Math.exp(t[1] / (50 + 5 * i + t[2]));
            }
            return g;
        }, y, (t, j) -> {
            for (int i = 0; i < 16; i++) {
                double s = 50 + 5 * i + t[2];
                double e = Math.exp(t[1] / s);
                j[i][0] = e;
                j[i][1] = t[0] * e / s;
                j[i][2] = -t[0] * e * t[1] / (s * s);
            }
        });
    }

    /** MGH 15, Kowalik and Osborne: y − θ₁(u² + u·θ₂)/(u² + u·θ₃ + θ₄). */
    private static Residuals kowalikOsborne() {
        double[] y = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246};
        double[] u = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};
        return new Residuals(t -> {
            double[] g = new double[11];
            for (int i = 0; i < 11; i++) {
                g[i] = t[0] * (u[i] * u[i] + u[i] * t[1]) / (u[i] * u[i] + u[i] * t[2] + t[3]);
            }
            return g;
        }, y, (t, j) -> {
            for (int i = 0; i < 11; i++) {
                double num = u[i] * u[i] + u[i] * t[1];
                double den = u[i] * u[i] + u[i] * t[2] + t[3];
                j[i][0] = num / den;
                j[i][1] = t[0] * u[i] / den;
                j[i][2] = -t[0] * num * u[i] / (den * den);
                j[i][3] = -t[0] * num / (den * den);
            }
        });
    }

    private static LevenbergMarquardt solve(Residuals model, double[] theta, int maxIterations) {
        LevenbergMarquardt lm = new LevenbergMarquardt(model.target().length, theta.length, 1e-12);
        LevenbergMarquardt.Stop stop = lm.minimise(model, theta, maxIterations);
        assertTrue(stop.converged(), stop.text);
        return lm;
    }

    private static void assertRelative(double[] expected, double[] actual, double rel, String what) {
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], rel * Math.abs(expected[j]), what + " parameter " + j);
        }
    }

    @Test
    void levenbergMarquardtReachesRosenbrocksMinimumWithinMinpacksBudget() {
        double[] theta = {-1.2, 1};
        LevenbergMarquardt lm = solve(rosenbrock(), theta, 200);
        assertArrayEquals(new double[] {1, 1}, theta, 1e-10);
        assertEquals(0, lm.cost, 1e-20);
        // MINPACK: 21 evaluations.
        assertTrue(lm.evaluations <= 3 * 21 / 2, "evaluations " + lm.evaluations);
    }

    @Test
    void levenbergMarquardtReachesBardsMinimum() {
        double[] theta = {1, 1, 1};
        LevenbergMarquardt lm = solve(bard(), theta, 200);
        assertRelative(new double[] {0.08241055991910239, 1.1330360975266844, 2.3436951733808242}, theta, 1e-8, "Bard");
        assertEquals(0.00821487730657897, lm.cost, 1e-14);
        assertEquals(bard().sumSquares(theta), lm.cost, 0, "the cost is the sum of squares at the point returned");
        assertTrue(lm.evaluations <= 3 * 18 / 2, "evaluations " + lm.evaluations + ", MINPACK 18");
    }

    @Test
    void levenbergMarquardtReachesMeyersMinimumOnABadlyScaledProblem() {
        double[] theta = {0.02, 4000, 250};
        LevenbergMarquardt lm = solve(meyer(), theta, 1000);
        assertRelative(new double[] {0.005609636901026511, 6181.346282384169, 345.2236324731499}, theta, 1e-6, "Meyer");
        assertEquals(87.9458551706982, lm.cost, 1e-9 * 87.95);
        assertTrue(lm.evaluations <= 3 * 137 / 2, "evaluations " + lm.evaluations + ", MINPACK 137");
    }

    @Test
    void levenbergMarquardtReachesKowalikOsbornesMinimum() {
        double[] theta = {0.25, 0.39, 0.415, 0.39};
        LevenbergMarquardt lm = solve(kowalikOsborne(), theta, 500);
        assertRelative(new double[] {0.19280693424195128, 0.1912823355191608, 0.12305650770055987, 0.13606233394701217},
                theta, 1e-6, "Kowalik-Osborne");
        assertEquals(0.0003075056038492374, lm.cost, 1e-12 * 3.1e-4);
        assertTrue(lm.evaluations <= 3 * 43 / 2, "evaluations " + lm.evaluations + ", MINPACK 43");
    }

    @Test
    void levenbergMarquardtStopsForTheRightReason() {
        // The model cannot be evaluated at the start.
        Residuals nowhere = new Residuals(t -> new double[] {Double.NaN, 0}, new double[] {0, 0}, (t, j) -> { });
        LevenbergMarquardt lm = new LevenbergMarquardt(2, 2, 1e-12);
        double[] theta = {3, 4};
        assertEquals(LevenbergMarquardt.Stop.INVALID_START, lm.minimise(nowhere, theta, 100));
        assertEquals(Double.POSITIVE_INFINITY, lm.cost);
        assertFalse(LevenbergMarquardt.Stop.INVALID_START.converged());
        assertArrayEquals(new double[] {3, 4}, theta, 0);
        // Exact data of a line: Gauss–Newton solves it in one step, and the residuals are exactly zero.
        Residuals line = new Residuals(t -> new double[] {t[0], t[0] + t[1], t[0] + 2 * t[1]}, new double[] {1, 3, 5},
                (t, j) -> {
                    for (int i = 0; i < 3; i++) {
                        j[i][0] = 1;
                        j[i][1] = i;
                    }
                });
        theta = new double[] {0, 0};
        LevenbergMarquardt.Stop stop = lm3(line).minimise(line, theta, 100);
        assertArrayEquals(new double[] {1, 2}, theta, 1e-12);
        assertTrue(stop == LevenbergMarquardt.Stop.ZERO_RESIDUAL || stop == LevenbergMarquardt.Stop.SMALL_STEP
                || stop == LevenbergMarquardt.Stop.SMALL_GRADIENT, stop.toString());
        // Starting on the exact solution: zero residuals before any step.
        theta = new double[] {1, 2};
        LevenbergMarquardt exact = lm3(line);
        assertEquals(LevenbergMarquardt.Stop.ZERO_RESIDUAL, exact.minimise(line, theta, 100));
        assertEquals(0, exact.iterations);
        // Started at the least-squares line through (0, 0), (1, 1), (2, 0) — a = 1/3, b = 0, residuals (−1/3, 2/3, −1/3)
        // orthogonal to both columns of J: MINPACK's gradient test stops before any step.
        Residuals bent = new Residuals(t -> new double[] {t[0], t[0] + t[1], t[0] + 2 * t[1]}, new double[] {0, 1, 0},
                (t, j) -> {
                    for (int i = 0; i < 3; i++) {
                        j[i][0] = 1;
                        j[i][1] = i;
                    }
                });
        theta = new double[] {1.0 / 3, 0};
        LevenbergMarquardt orthogonal = lm3(bent);
        assertEquals(LevenbergMarquardt.Stop.SMALL_GRADIENT, orthogonal.minimise(bent, theta, 100));
        assertEquals(0, orthogonal.iterations);
        assertEquals(2.0 / 3, orthogonal.cost, 1e-15, "1/9 + 4/9 + 1/9");
        // From elsewhere it converges to that line.
        theta = new double[] {5, -3};
        assertTrue(lm3(bent).minimise(bent, theta, 100).converged());
        assertArrayEquals(new double[] {1.0 / 3, 0}, theta, 1e-10);
        // An iteration limit keeps the best point so far: lower than the start, its cost the sum of squares there.
        Residuals meyer = meyer();
        double[] start = {0.02, 4000, 250};
        theta = start.clone();
        LevenbergMarquardt limited = new LevenbergMarquardt(16, 3, 1e-12);
        assertEquals(LevenbergMarquardt.Stop.ITERATION_LIMIT, limited.minimise(meyer, theta, 5));
        assertFalse(LevenbergMarquardt.Stop.ITERATION_LIMIT.converged());
        assertEquals(5, limited.iterations);
        assertTrue(limited.cost < meyer.sumSquares(start), limited.cost + " vs start " + meyer.sumSquares(start));
        assertEquals(meyer.sumSquares(theta), limited.cost, 0);
        // No iteration at all: the start, and its cost.
        theta = start.clone();
        assertEquals(LevenbergMarquardt.Stop.ITERATION_LIMIT, limited.minimise(meyer, theta, 0));
        assertArrayEquals(start, theta, 0);
        assertEquals(meyer.sumSquares(start), limited.cost, 0);
        assertEquals(1, limited.evaluations);
    }

    private static LevenbergMarquardt lm3(Residuals line) {
        return new LevenbergMarquardt(3, 2, 1e-12);
    }

    @Test
    void levenbergMarquardtRejectsStepsWhereTheModelCannotBeEvaluated() {
        // ln-model y = θ₁·ln(θ₂·x): undefined for θ₂ ≤ 0. From θ₂ = 0.05 the first undamped step overshoots below 0.
        double[] x = {1, 2, 4, 8, 16};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = 2 * Math.log(3 * x[i]);
        }
        Residuals model = new Residuals(t -> {
            double[] g = new double[5];
            for (int i = 0; i < 5; i++) {
                g[i] = t[0] * Math.log(t[1] * x[i]);
            }
            return g;
        }, y, (t, j) -> {
            for (int i = 0; i < 5; i++) {
                j[i][0] = Math.log(t[1] * x[i]);
                j[i][1] = t[0] / t[1];
            }
        });
        double[] theta = {1, 0.05};
        LevenbergMarquardt lm = new LevenbergMarquardt(5, 2, 1e-12);
        assertTrue(lm.minimise(model, theta, 500).converged());
        assertArrayEquals(new double[] {2, 3}, theta, 1e-9);
    }

    @Test
    void aStallToleranceStopsAFlatValleyAsConverged() {
        // Meyer's valley is flat along a curved line: with a stall tolerance of 1e6 noise variances over
        // the stall window, the run stops as STALLED before MINPACK's optimum, and never above its start.
        Residuals meyer = meyer();
        double[] theta = {0.02, 4000, 250};
        LevenbergMarquardt lm = new LevenbergMarquardt(16, 3, 1e-12, 1e6);
        LevenbergMarquardt.Stop stop = lm.minimise(meyer, theta, 1000);
        assertEquals(LevenbergMarquardt.Stop.STALLED, stop);
        assertTrue(stop.converged());
        assertTrue(lm.evaluations >= LeastSquaresRun.STALL_WINDOW, "evaluations " + lm.evaluations);
        assertTrue(lm.cost > 87.9458551706982 && lm.cost < meyer.sumSquares(new double[] {0.02, 4000, 250}));
    }

    // ---- L-BFGS ----

    /** f(θ) = ½θᵀAθ − bᵀθ with A symmetric positive definite: minimum A⁻¹b, and every curvature pair has y = A·s. */
    private static final double[][] A = {{4, 1, 0.5}, {1, 3, -0.4}, {0.5, -0.4, 2}};
    private static final double[] B = {1, -2, 0.5};

    private static SmoothObjective quadratic() {
        return smooth(3, (t, grad) -> {
            double f = 0;
            for (int i = 0; i < 3; i++) {
                double ai = 0;
                for (int j = 0; j < 3; j++) {
                    ai += A[i][j] * t[j];
                }
                grad[i] = ai - B[i];
                f += 0.5 * t[i] * ai - B[i] * t[i];
            }
            return f;
        });
    }

    /** Rosenbrock's function 100(θ₂ − θ₁²)² + (1 − θ₁)², minimum 0 at (1, 1). */
    private static SmoothObjective rosenbrockFunction() {
        return smooth(2, (t, g) -> {
            double a = t[1] - t[0] * t[0];
            g[0] = -400 * a * t[0] - 2 * (1 - t[0]);
            g[1] = 200 * a;
            return 100 * a * a + (1 - t[0]) * (1 - t[0]);
        });
    }

    @Test
    void lbfgsFindsTheQuadraticsMinimumAndRemembersItsCurvature() {
        // A⁻¹b by Cramer's rule (det A = 20.03 − … computed below from the cofactors).
        double det = A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1]) - A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0])
                + A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]);
        double[] min = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {A[0].clone(), A[1].clone(), A[2].clone()};
            for (int r = 0; r < 3; r++) {
                m[r][c] = B[r];
            }
            min[c] = (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])) / det;
        }
        double[] start = {3, -4, 5};
        Lbfgs.Outcome o = new Lbfgs(quadratic(), 1e-14).minimize(start, 200);
        assertTrue(o.converged(), o.reason());
        assertArrayEquals(min, o.theta(), 1e-7);
        double fMin = 0;
        for (int i = 0; i < 3; i++) {
            fMin -= 0.5 * B[i] * min[i];
        }
        assertEquals(fMin, o.value(), 1e-12);
        // Each remembered pair satisfies the secant equation of the quadratic exactly (y = A·s), oldest first: the steps
        // add up to the last remembered point minus the first, and fewer than ten iterations leave every step in memory.
        Lbfgs.Curvature c = o.curvature();
        assertTrue(c.s().length >= 1 && c.s().length <= Lbfgs.MEMORY, "pairs " + c.s().length);
        for (int k = 0; k < c.s().length; k++) {
            for (int i = 0; i < 3; i++) {
                double as = 0;
                for (int j = 0; j < 3; j++) {
                    as += A[i][j] * c.s()[k][j];
                }
                assertEquals(as, c.y()[k][i], 1e-9 * (1 + Math.abs(as)), "pair " + k + " component " + i);
            }
        }
        if (o.iterations() < Lbfgs.MEMORY && c.s().length == o.iterations()) {
            double[] sum = new double[3];
            for (double[] s : c.s()) {
                for (int j = 0; j < 3; j++) {
                    sum[j] += s[j];
                }
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(o.theta()[j] - start[j], sum[j], 1e-9, "steps add up, component " + j);
            }
        }
        // Steps shrink towards the optimum: the oldest pair is the longest (steepest descent from far away).
        assertTrue(norm(c.s()[0]) > norm(c.s()[c.s().length - 1]), "pairs oldest first");
    }

    /** A smooth objective of the given dimension from its value-and-gradient function (the fit package's tests share it). */
    static SmoothObjective smooth(int dimension, java.util.function.ToDoubleBiFunction<double[], double[]> f) {
        return new SmoothObjective() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public double evaluate(double[] theta, double[] grad) {
                return f.applyAsDouble(theta, grad);
            }
        };
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void lbfgsStopsForTheRightReason() {
        // Started on the exact minimum of a quadratic with integer solution: the gradient is zero, no iteration.
        SmoothObjective bowl = smooth(2, (t, g) -> {
            g[0] = 2 * (t[0] - 1);
            g[1] = 8 * (t[1] + 2);
            return (t[0] - 1) * (t[0] - 1) + 4 * (t[1] + 2) * (t[1] + 2);
        });
        Lbfgs.Outcome atMin = new Lbfgs(bowl, 1e-10).minimize(new double[] {1, -2}, 100);
        assertTrue(atMin.converged());
        assertEquals("converged: the gradient is zero", atMin.reason());
        assertEquals(0, atMin.iterations());
        assertNull(atMin.curvature());
        // Not evaluable at the start.
        SmoothObjective nowhere = smooth(1, (t, g) -> Double.POSITIVE_INFINITY);
        Lbfgs.Outcome none = new Lbfgs(nowhere, 1e-10).minimize(new double[] {1}, 100);
        assertNull(none.theta());
        assertFalse(none.converged());
        assertEquals("the objective cannot be evaluated at the start point", none.reason());
        // A finite value with a non-finite gradient is not a start either.
        SmoothObjective badGradient = smooth(1, (t, g) -> {
            g[0] = Double.NaN;
            return 1;
        });
        assertNull(new Lbfgs(badGradient, 1e-10).minimize(new double[] {1}, 100).theta());
        // The iteration limit: not converged, said so, the point lower than the start.
        Lbfgs.Outcome limited = new Lbfgs(rosenbrockFunction(), 1e-10).minimize(new double[] {-1.2, 1}, 3);
        assertFalse(limited.converged());
        assertEquals("stopped: iteration limit (3) reached", limited.reason());
        assertEquals(3, limited.iterations());
        assertTrue(limited.value() < 24.2, "Rosenbrock at the start is 24.2; got " + limited.value());
        double[] g = new double[2];
        assertEquals(rosenbrockFunction().evaluate(limited.theta(), g), limited.value(), 0);
    }

    @Test
    void lbfgsReachesRosenbrocksMinimum() {
        Lbfgs lbfgs = new Lbfgs(rosenbrockFunction(), 1e-15);
        Lbfgs.Outcome o = lbfgs.minimize(new double[] {-1.2, 1}, 1000);
        assertTrue(o.converged(), o.reason());
        assertArrayEquals(new double[] {1, 1}, o.theta(), 1e-6);
        assertTrue(o.value() < 1e-12, "value " + o.value());
        assertEquals(o.evaluations(), lbfgs.evaluations());
        // SciPy's L-BFGS-B (the same method, memory 10) needs 38 iterations from this start (the oracle script); a
        // broken line search or two-loop recursion falls back towards steepest descent, which needs thousands.
        assertTrue(o.iterations() <= 3 * 38 / 2, "iterations " + o.iterations());
    }

    @Test
    void lbfgsBacksOffWhereTheObjectiveIsUndefined() {
        // f(θ) = 100θ − ln θ, +∞ for θ ≤ 0: minimum at θ = 0.01, value 1 + ln 100. The first steepest-descent step
        // from θ = 1 (length 1/‖g‖) lands on θ = 0, where the line search must back off.
        SmoothObjective barrier = smooth(1, (t, g) -> {
            if (!(t[0] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            g[0] = 100 - 1 / t[0];
            return 100 * t[0] - Math.log(t[0]);
        });
        Lbfgs.Outcome o = new Lbfgs(barrier, 1e-14).minimize(new double[] {1}, 200);
        assertTrue(o.converged(), o.reason());
        assertEquals(0.01, o.theta()[0], 1e-8);
        assertEquals(1 + Math.log(100), o.value(), 1e-12);
    }

    @Test
    void seededCurvatureIsUsedOnlyWhenItFits() {
        Lbfgs.Outcome cold = new Lbfgs(quadratic(), 1e-14).minimize(new double[] {3, -4, 5}, 200, null);
        // A seed of the wrong dimension is ignored: the same run as without one.
        Lbfgs.Curvature wrong = new Lbfgs.Curvature(new double[][] {{1, 2}}, new double[][] {{3, 4}});
        Lbfgs.Outcome ignored = new Lbfgs(quadratic(), 1e-14).minimize(new double[] {3, -4, 5}, 200, wrong);
        assertArrayEquals(cold.theta(), ignored.theta(), 0);
        assertEquals(cold.iterations(), ignored.iterations());
        assertEquals(cold.evaluations(), ignored.evaluations());
        // A seed with negative curvature (sᵀy < 0) is skipped the same way.
        Lbfgs.Curvature negative = new Lbfgs.Curvature(new double[][] {{1, 0, 0}}, new double[][] {{-1, 0, 0}});
        Lbfgs.Outcome skipped = new Lbfgs(quadratic(), 1e-14).minimize(new double[] {3, -4, 5}, 200, negative);
        assertEquals(cold.evaluations(), skipped.evaluations());
        // The exact curvature of the quadratic (three pairs y = A·eⱼ) gives the first direction most of Newton's −A⁻¹g:
        // the warm run needs fewer iterations than the cold one.
        Lbfgs.Curvature exact = new Lbfgs.Curvature(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                new double[][] {{A[0][0], A[1][0], A[2][0]}, {A[0][1], A[1][1], A[2][1]}, {A[0][2], A[1][2], A[2][2]}});
        Lbfgs.Outcome warm = new Lbfgs(quadratic(), 1e-14).minimize(new double[] {3, -4, 5}, 200, exact);
        assertArrayEquals(cold.theta(), warm.theta(), 1e-7);
        assertTrue(warm.iterations() < cold.iterations(), warm.iterations() + " vs cold " + cold.iterations());
    }

    // ---- Huber's exact polish, the robust objective and the linear-parameter split, on a problem of the engine ----

    /** A straight line with one wild point (x = 6), the data of bench/oracles/optimizer_cores.py. */
    private static final double[] HX = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final double[] HY = {1.1, 2.9, 5.2, 6.8, 9.1, 11.0, 30.0, 15.1, 16.8, 19.2};

    private static Problem lineProblem() {
        return Problem.of(new ExpressionLaw("a + b*x", List.of("x")), Observations.of(HX, HY), FitOptions.builder().build(),
                Space.LINEAR);
    }

    private static LeastSquaresRun.Result runAt(Problem problem, Loss loss, double[] theta) {
        double value = RobustObjective.value(problem, theta, loss, new double[2], new double[problem.n]);
        return new LeastSquaresRun.Result(theta, value, 7, 11, true, "converged: test", 3);
    }

    @Test
    void huberNewtonPolishLandsOnTheExactOptimum() {
        Problem problem = lineProblem();
        // From the least-squares line (numpy.polyfit: 1.3236363636363655 + 2.31030303030303x), δ = 0.5: one point
        // outside the quadratic zone; the optimum solves the piece's linear equations: a = 1.025416666666669,
        // b = 2.012083333333333, objective 8.4419375 (the oracle's active-set solution, confirmed by Nelder–Mead).
        Loss.Huber huber = new Loss.Huber(0.5);
        LeastSquaresRun.Result start = runAt(problem, huber, new double[] {1.3236363636363655, 2.31030303030303});
        LeastSquaresRun.Result polished = HuberNewton.polish(problem, huber, start, 100);
        assertArrayEquals(new double[] {1.025416666666669, 2.012083333333333}, polished.theta(), 1e-12);
        assertEquals(8.4419375, polished.objective(), 1e-12);
        assertTrue(polished.converged());
        assertEquals("converged: exact optimum of the Huber loss (Newton's method on its quadratic zone)", polished.reason());
        assertEquals(3, polished.startIndex());
        assertTrue(polished.iterations() > 7 && polished.iterations() <= 7 + 100, "iterations " + polished.iterations());
        assertEquals(11, polished.evaluations());
        // δ = 0.01, nearly least absolute deviations (three of ten points inside): reached through the L1 vertex.
        // Oracle: a = 1.0912162162162142, b = 2.0014864864864865, objective 0.17960608108108106.
        Loss.Huber small = new Loss.Huber(0.01);
        LeastSquaresRun.Result near = runAt(problem, small, new double[] {1.3236363636363655, 2.31030303030303});
        LeastSquaresRun.Result exact = HuberNewton.polish(problem, small, near, 100);
        assertArrayEquals(new double[] {1.0912162162162142, 2.0014864864864865}, exact.theta(), 1e-11);
        assertEquals(0.17960608108108106, exact.objective(), 1e-13);
        assertTrue(exact.converged());
        // An invalid run is handed back untouched.
        LeastSquaresRun.Result invalid = new LeastSquaresRun.Result(null, Double.NaN, 0, 1, false, "failed", 0);
        assertSame(invalid, HuberNewton.polish(problem, huber, invalid, 100));
    }

    @Test
    void huberNewtonWithOneStepReportsTheLimitUnlessItSettled() {
        Problem problem = lineProblem();
        Loss.Huber huber = new Loss.Huber(0.5);
        // From far away (a = 20, b = −3: every residual outside), one Newton step lowers the objective a lot but
        // cannot settle which points are inside: not converged, and said so.
        LeastSquaresRun.Result far = new LeastSquaresRun.Result(new double[] {20, -3},
                RobustObjective.value(problem, new double[] {20, -3}, huber, new double[2], new double[10]), 0, 1, false,
                "stopped: test", 0);
        LeastSquaresRun.Result once = HuberNewton.polish(problem, huber, far, 1);
        assertTrue(once.objective() < far.objective());
        assertEquals(RobustObjective.value(problem, once.theta(), huber, new double[2], new double[10]), once.objective(), 0);
        assertFalse(once.converged());
        assertEquals("stopped: iteration limit (1) reached while Newton's method still lowered the objective", once.reason());
        assertEquals(1, once.iterations());
    }

    @Test
    void theRobustObjectivesGradientIsTheDerivativeOfItsValue() {
        // y = a·exp(−b·x) + c in linear space, under each loss: the analytic gradient against central differences of
        // the value (step 1e-6, error O(h²) ≈ 1e-10 here), at a point where residuals lie on both sides of δ.
        Problem problem = Problem.of(new ExpressionLaw("a*exp(-b*x) + c", List.of("x")), Observations.of(HX, HY),
                FitOptions.builder().build(), Space.LINEAR);
        double[] theta = {-15, 0.2, 20};
        for (Loss loss : new Loss[] {Loss.squares(), Loss.huber(1.0), Loss.asymmetric(0.2)}) {
            RobustObjective objective = new RobustObjective(problem, loss);
            double[] grad = new double[3];
            double f = objective.evaluate(theta, grad);
            assertEquals(RobustObjective.value(problem, theta, loss, new double[3], new double[10]), f, 1e-12 * f);
            double direct = 0;
            for (int i = 0; i < 10; i++) {
                direct += loss.rho(HY[i] - (-15 * Math.exp(-0.2 * HX[i]) + 20));
            }
            assertEquals(direct, f, 1e-12 * f, loss.spec());
            for (int j = 0; j < 3; j++) {
                double h = 1e-6 * Math.max(1, Math.abs(theta[j]));
                double[] up = theta.clone();
                double[] dn = theta.clone();
                up[j] += h;
                dn[j] -= h;
                double fd = (objective.evaluate(up, new double[3]) - objective.evaluate(dn, new double[3])) / (2 * h);
                assertEquals(fd, grad[j], 1e-6 * (1 + Math.abs(fd)), loss.spec() + " component " + j);
            }
        }
        // Where the model cannot be evaluated the objective is +∞.
        Problem log = Problem.of(new ExpressionLaw("a*log(b*x)", List.of("x")), Observations.of(HX, HY),
                FitOptions.builder().build(), Space.LINEAR);
        assertEquals(Double.POSITIVE_INFINITY, new RobustObjective(log, Loss.squares()).evaluate(new double[] {1, -1},
                new double[2]));
        assertEquals(Double.POSITIVE_INFINITY, RobustObjective.value(log, new double[] {1, -1}, Loss.squares(),
                new double[2], new double[10]));
    }

    @Test
    void linearParametersAreFoundByTheirSecondDifferences() {
        Observations data = Observations.of(HX, HY);
        // a·exp(−b·x) + c: a and c enter linearly, b does not (Javadoc example).
        Problem exp = Problem.of(new ExpressionLaw("a*exp(-b*x) + c", List.of("x")), data, FitOptions.builder().build(),
                Space.LINEAR);
        LinearParameters split = LinearParameters.detect(exp, new double[] {2, 0.3, 1});
        assertArrayEquals(new int[] {0, 2}, split.linear());
        assertArrayEquals(new int[] {1}, split.nonlinear());
        // Michaelis–Menten Vm·x/(K + x): Vm linear, K not.
        Problem mm = Problem.of(new ExpressionLaw("Vm*x/(K + x)", List.of("x")), data, FitOptions.builder().build(),
                Space.LINEAR);
        LinearParameters mmSplit = LinearParameters.detect(mm, new double[] {2, 0.5});
        assertArrayEquals(new int[] {0}, mmSplit.linear());
        assertArrayEquals(new int[] {1}, mmSplit.nonlinear());
        // a·b·x: each alone is linear, but not jointly (the mixed difference a·b is not zero): only the first is kept.
        Problem product = Problem.of(new ExpressionLaw("a*b*x", List.of("x")), data, FitOptions.builder().build(),
                Space.LINEAR);
        LinearParameters productSplit = LinearParameters.detect(product, new double[] {1.5, 2.5});
        assertArrayEquals(new int[] {0}, productSplit.linear());
        assertArrayEquals(new int[] {1}, productSplit.nonlinear());
        // A parameter the model ignores at the start (exp(−(x − m)/s) underflows for s tiny) is still found nonlinear
        // at another base point.
        Problem logistic = Problem.of(new ExpressionLaw("a/(1 + exp(-(x - m)/s))", List.of("x")), data,
                FitOptions.builder().build(), Space.LINEAR);
        LinearParameters logisticSplit = LinearParameters.detect(logistic, new double[] {1, 4.5, 1e-3});
        assertArrayEquals(new int[] {0}, logisticSplit.linear());
        assertArrayEquals(new int[] {1, 2}, logisticSplit.nonlinear());
        // With a fixed parameter the indices are of the free ones: b fixed leaves a (0) and c (1) linear.
        Problem fixed = Problem.of(new ExpressionLaw("a*exp(-b*x) + c", List.of("x")), data,
                FitOptions.builder().fix("b", 0.3).build(), Space.LINEAR);
        LinearParameters fixedSplit = LinearParameters.of(fixed, new double[] {2, 0.3, 1});
        assertArrayEquals(new int[] {0, 1}, fixedSplit.linear());
        assertArrayEquals(new int[0], fixedSplit.nonlinear());
    }
}

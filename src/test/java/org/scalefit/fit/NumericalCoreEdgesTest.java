package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Space;

/**
 * Edges of the numerical cores that {@link OptimizerCoreTest} leaves open: {@link LinearParameters#detect}'s base
 * point at the data's scale, and {@link HuberNewton}'s budget. Every expected value is a closed form worked in the test.
 */
class NumericalCoreEdgesTest {
    private static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    private static final double[] Y = {1.1, 2.9, 5.2, 6.8, 9.1, 11.0, 30.0, 15.1, 16.8, 19.2};

    @Test
    void aParameterNonlinearOnlyAtTheDatasScaleIsFoundThere() {
        // a·x + (c − 3 + |c − 3|)² = a·x + 4·max(c − 3, 0)²: flat in c below 3, quadratic above. From c = 0.5 the
        // start (c, c + ½, c + 1), the shifted start (0.795, …, 1.795) and the reciprocal scale ((1 + 0.17·1)/5 =
        // 0.234, …) all lie below 3, where every second difference in c is 0; only the base point at the data's scale
        // — the median magnitude of x, here 5 (the upper median of |x| = 0…9), times 1 + 0.13·1 = 5.65, then 8.475
        // and 11.3 — sees the square: c is nonlinear, a linear.
        Problem problem = Problem.of(new ExpressionLaw("a*x + (c - 3 + abs(c - 3))^2", List.of("x")),
                Observations.of(X, Y), FitOptions.builder().build(), Space.LINEAR);
        LinearParameters split = LinearParameters.detect(problem, new double[] {1, 0.5});
        assertArrayEquals(new int[] {0}, split.linear());
        assertArrayEquals(new int[] {1}, split.nonlinear());
        // The same law on predictors a thousand times smaller: the median magnitude 0.005 puts the data-scale base at
        // c = 0.00565 (flat), but its reciprocal at 1.17/0.005 = 234 (square): c is still found nonlinear.
        double[] small = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            small[i] = X[i] / 1000;
        }
        Problem scaled = Problem.of(new ExpressionLaw("a*x + (c - 3 + abs(c - 3))^2", List.of("x")),
                Observations.of(small, Y), FitOptions.builder().build(), Space.LINEAR);
        LinearParameters scaledSplit = LinearParameters.detect(scaled, new double[] {1, 0.5});
        assertArrayEquals(new int[] {0}, scaledSplit.linear());
        assertArrayEquals(new int[] {1}, scaledSplit.nonlinear());
    }

    /** OptimizerCoreTest's oracle (bench/oracles/optimizer_cores.py): the Huber line at δ = 0.5, one point outside. */
    private static final double[] HUBER_OPTIMUM = {1.025416666666669, 2.012083333333333};
    private static final double HUBER_MINIMUM = 8.4419375;

    private static Problem line() {
        return Problem.of(new ExpressionLaw("a + b*x", List.of("x")), Observations.of(X, Y), FitOptions.builder().build(),
                Space.LINEAR);
    }

    private static LeastSquaresRun.Result runAt(Problem problem, Loss loss, double[] theta, boolean converged,
                                                String reason) {
        double value = RobustObjective.value(problem, theta, loss, new double[2], new double[problem.n]);
        return new LeastSquaresRun.Result(theta, value, 5, 9, converged, reason, 1);
    }

    @Test
    void aNewtonStepThatGainsLittleKeepsTheRunsOwnVerdict() {
        // From 10⁻³ above the optimum's intercept the residuals stay on the optimum's piece (nine inside |r| ≤ 0.5, the
        // wild point outside), so one Newton step lands on it exactly; the gain is ½·9·10⁻⁶ = 4.5·10⁻⁶, below 10⁻⁶ of
        // the objective (8.44·10⁻⁶): with a budget of one step the polish cannot confirm the optimum (no second step),
        // and it keeps the run's own verdict and reason — converged or not.
        Problem problem = line();
        Loss.Huber huber = new Loss.Huber(0.5);
        double[] near = {HUBER_OPTIMUM[0] + 1e-3, HUBER_OPTIMUM[1]};
        for (boolean converged : new boolean[] {true, false}) {
            LeastSquaresRun.Result run = runAt(problem, huber, near, converged, "test verdict");
            assertEquals(4.5e-6, run.objective() - HUBER_MINIMUM, 1e-12, "the gain, ½·9·(10⁻³)²");
            LeastSquaresRun.Result once = HuberNewton.polish(problem, huber, run, 1);
            assertArrayEquals(HUBER_OPTIMUM, once.theta(), 1e-12);
            assertEquals(HUBER_MINIMUM, once.objective(), 1e-12);
            assertEquals(converged, once.converged());
            assertEquals("test verdict", once.reason());
            assertEquals(6, once.iterations(), "the run's five iterations and one Newton step");
            assertEquals(9, once.evaluations());
            assertEquals(1, once.startIndex());
            // A second step finds nothing lower: the optimum of the piece, confirmed.
            LeastSquaresRun.Result twice = HuberNewton.polish(problem, huber, run, 2);
            assertArrayEquals(HUBER_OPTIMUM, twice.theta(), 1e-12);
            assertTrue(twice.converged());
            assertEquals("converged: exact optimum of the Huber loss (Newton's method on its quadratic zone)",
                    twice.reason());
        }
        // From 10⁻² away the gain (½·9·10⁻⁴ = 4.5·10⁻⁴) is above 10⁻⁶ of the objective: one step is not enough to call
        // it converged, whatever the run said.
        double[] off = {HUBER_OPTIMUM[0] + 1e-2, HUBER_OPTIMUM[1]};
        LeastSquaresRun.Result claimed = runAt(problem, huber, off, true, "test verdict");
        LeastSquaresRun.Result once = HuberNewton.polish(problem, huber, claimed, 1);
        assertArrayEquals(HUBER_OPTIMUM, once.theta(), 1e-12);
        assertFalse(once.converged());
        assertEquals("stopped: iteration limit (1) reached while Newton's method still lowered the objective",
                once.reason());
    }

    @Test
    void reweightedLeastSquaresReachesTheHuberOptimum() {
        // Levenberg–Marquardt asked for a robust loss runs iteratively reweighted least squares: from the origin it
        // must reach the same optimum as the oracle's active-set solution (δ = 0.5, objective 8.4419375), to the
        // reweighting's stopping rule (a round that changes the objective by less than 10⁻¹² relative).
        Problem problem = line();
        FitOptions options = FitOptions.builder().loss(Loss.huber(0.5)).solver(Solver.LM).build();
        LeastSquaresRun.Result r = LeastSquaresRun.run(problem, new double[] {0, 1}, RunPlan.resolve(problem.law, options), 2);
        assertTrue(r.converged(), r.reason());
        assertEquals(HUBER_MINIMUM, r.objective(), 1e-10 * HUBER_MINIMUM);
        assertArrayEquals(HUBER_OPTIMUM, r.theta(), 1e-5);
        assertEquals(RobustObjective.value(problem, r.theta(), Loss.huber(0.5), new double[2], new double[10]),
                r.objective(), 0);
        assertTrue(r.reason().startsWith("converged: "), r.reason());
        assertEquals(2, r.startIndex());
        assertTrue(r.iterations() > 1 && r.evaluations() >= r.iterations(), r.iterations() + " " + r.evaluations());
        // With a budget of one iteration the reweighting stops at its limit, not converged, and says so.
        FitOptions one = options.toBuilder().maxIterations(1).build();
        LeastSquaresRun.Result limited = LeastSquaresRun.run(problem, new double[] {0, 1}, RunPlan.resolve(problem.law, one),
                0);
        assertFalse(limited.converged());
        assertEquals("stopped: iteration limit reached while reweighting for huber:0.5", limited.reason());
        assertTrue(limited.objective() < RobustObjective.value(problem, new double[] {0, 1}, Loss.huber(0.5),
                new double[2], new double[10]));
    }

    @Test
    void aLawThatDeclaresItsLinearParametersIsTakenAtItsWord() {
        // Chinchilla's law L = E + A·N^−α + B·D^−β declares E, A and B linear (law indices 0, 1, 2). With β held the free
        // parameters are E, A, B, α (free indices 0–3): the declared ones among them are linear, α is not.
        double[] n = {4e7, 1e8, 3e8, 1e9, 3e9, 1e10};
        double[] d = {8e8, 2e9, 6e9, 2e10, 6e10, 2e11};
        double[] l = {4.2, 3.6, 3.1, 2.65, 2.42, 2.23};
        Observations data = Observations.builder().predictor("N", n).predictor("D", d).response("L", l).build();
        Problem held = Problem.of(new org.scalefit.model.ChinchillaLaw(), data,
                FitOptions.builder().fix("beta", 0.28).build(), Space.LOG);
        LinearParameters split = LinearParameters.of(held, new double[] {1.8, 400, 410, 0.34, 0.28});
        assertArrayEquals(new int[] {0, 1, 2}, split.linear());
        assertArrayEquals(new int[] {3}, split.nonlinear());
        // With E held instead: A and B (free indices 0, 1) linear, α and β (2, 3) not.
        Problem noE = Problem.of(new org.scalefit.model.ChinchillaLaw(), data, FitOptions.builder().fix("E", 1.8).build(),
                Space.LOG);
        LinearParameters noESplit = LinearParameters.of(noE, new double[] {1.8, 400, 410, 0.34, 0.28});
        assertArrayEquals(new int[] {0, 1}, noESplit.linear());
        assertArrayEquals(new int[] {2, 3}, noESplit.nonlinear());
    }
}

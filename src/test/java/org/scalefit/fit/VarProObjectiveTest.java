package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.Space;

/**
 * The variable-projection objective φ(α, β) = min over (E, A, B) ≥ 0 of Σ ρ(rᵢ) for Chinchilla's law on twelve fixed
 * runs, against {@code python3 bench/oracles/varpro.py} (SciPy 1.17, run 2026-12-07): {@code scipy.optimize.nnls} for
 * squares in linear space (exact), L-BFGS-B with c ≥ 0 polished by Nelder–Mead for log space and for Huber's loss
 * (δ = 0.01, some residuals outside); the envelope gradient against central differences of φ itself.
 */
class VarProObjectiveTest {
    static final double[] N = {4e7, 4e7, 1e8, 1e8, 3e8, 3e8, 1e9, 1e9, 3e9, 3e9, 1e10, 1e10};
    static final double[] D = {8e8, 4e9, 2e9, 1e10, 6e9, 3e10, 2e10, 1e11, 6e10, 3e11, 2e11, 1e12};
    /** (1.8 + 400·N^−0.34 + 410·D^−0.28)·exp(noise), as the oracle prints them. */
    static final double[] L = {4.208997567601156, 3.651314216960985, 3.5998929229395644, 3.164170187594113,
        3.10213073440462, 2.8079610976271883, 2.6542025943959584, 2.506895575280315, 2.423541502223844,
        2.320485866738186, 2.2267060706575683, 2.140353643262945};

    private static Problem problem(Space space) {
        Observations data = Observations.builder().predictor("N", N).predictor("D", D).response("L", L).build();
        return Problem.of(new ChinchillaLaw(), data, FitOptions.builder().build(), space);
    }

    /** φ at (α, β) and the full parameters there, against the oracle's value and coefficients. */
    private static void check(Space space, Loss loss, double alpha, double beta, double phi, double[] c, double cTol) {
        Problem problem = problem(space);
        int[] outer = {3, 4};
        VarProObjective objective = new VarProObjective(problem, loss, outer);
        double[] theta = {problem.transforms[3].toInternal(alpha), problem.transforms[4].toInternal(beta)};
        double[] grad = new double[2];
        double value = objective.evaluate(theta, grad);
        String what = space + " " + loss.spec() + " at (" + alpha + ", " + beta + ")";
        assertTrue(value >= phi * (1 - 1e-12), what + ": below the oracle's minimum " + value + " < " + phi);
        assertEquals(phi, value, 1e-9 * phi, what);
        double[] full = objective.fullParameters(theta);
        for (int q = 0; q < 3; q++) {
            assertEquals(c[q], full[q], cTol * c[q], what + " coefficient " + q);
        }
        assertEquals(alpha, full[3], 1e-15);
        assertEquals(beta, full[4], 1e-15);
        // The envelope gradient is the derivative of φ: central differences of fresh objectives (step 1e-5).
        for (int j = 0; j < 2; j++) {
            double h = 1e-5;
            double[] up = theta.clone();
            double[] dn = theta.clone();
            up[j] += h;
            dn[j] -= h;
            double fd = (new VarProObjective(problem, loss, outer).evaluate(up, new double[2])
                    - new VarProObjective(problem, loss, outer).evaluate(dn, new double[2])) / (2 * h);
            assertEquals(fd, grad[j], 1e-5 * Math.abs(fd) + 1e-12, what + " gradient " + j);
        }
    }

    @Test
    void squaresInLinearSpaceIsNonNegativeLeastSquares() {
        check(Space.LINEAR, Loss.squares(), 0.34, 0.28, 0.006435144673025443,
                new double[] {1.7902232623588514, 362.48192049460374, 451.71064056506316}, 1e-9);
        check(Space.LINEAR, Loss.squares(), 0.5, 0.2, 0.01838690819756456,
                new double[] {1.6488313038124178, 5031.351963486755, 104.047341756476}, 1e-9);
    }

    @Test
    void squaresInLogSpaceMatchesScipy() {
        check(Space.LOG, Loss.squares(), 0.34, 0.28, 0.000857808201401772,
                new double[] {1.7971003421255312, 377.57380561262454, 433.0859677840197}, 1e-6);
        check(Space.LOG, Loss.squares(), 0.5, 0.2, 0.0024729779646601494,
                new double[] {1.6854196591026382, 5470.251059224867, 96.8598180593564}, 1e-6);
    }

    @Test
    void hubersLossInLogSpaceMatchesScipy() {
        check(Space.LOG, Loss.huber(0.01), 0.34, 0.28, 0.00040945138390340404,
                new double[] {1.7948740878779204, 376.17647212717196, 436.4574388389}, 1e-6);
        check(Space.LOG, Loss.huber(0.01), 0.5, 0.2, 0.0010173328167540983,
                new double[] {1.6769303239582356, 4996.590411200886, 101.9000350558243}, 1e-6);
    }

    @Test
    void aSeededObjectiveReachesTheSameMinimum() {
        // Seeded with the generating coefficients, then with a non-positive one (ignored): the same φ either way.
        Problem problem = problem(Space.LOG);
        int[] outer = {3, 4};
        double[] theta = {problem.transforms[3].toInternal(0.34), problem.transforms[4].toInternal(0.28)};
        VarProObjective seeded = new VarProObjective(problem, Loss.huber(0.01), outer);
        seeded.seed(new double[] {1.8, 400, 410, 0.34, 0.28});
        assertEquals(0.00040945138390340404, seeded.evaluate(theta, new double[2]), 1e-9 * 4.1e-4);
        VarProObjective ignored = new VarProObjective(problem, Loss.huber(0.01), outer);
        ignored.seed(new double[] {1.8, 0, 410, 0.34, 0.28});
        assertEquals(0.00040945138390340404, ignored.evaluate(theta, new double[2]), 1e-9 * 4.1e-4);
        assertTrue(seeded.innerRounds() > 0);
    }
}

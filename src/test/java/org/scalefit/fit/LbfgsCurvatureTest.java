package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Lbfgs.Curvature#alongAxes}: on a quadratic f(x) = ½(x − c)ᵀA(x − c) central differences of the gradient are
 * exact, so every pair must satisfy y = A·s, and each step must be ±2 standard deviations along one principal axis of
 * the covariance handed in. The axes of the 2×2 covariance V = [[4, 1.5], [1.5, 1]] are worked in closed form:
 * eigenvalues (5 ± √(9 + 9))/2 = 2.5 ± 2.1213203435596424 (trace 5, determinant 1.75), eigenvector of λ as (1.5, λ − 4).
 */
class LbfgsCurvatureTest {
    private static final double[][] A = {{3, -1}, {-1, 2}};
    private static final double[] C = {0.7, -1.2};

    /** f(x) = ½(x − c)ᵀA(x − c), gradient A(x − c); +∞ where x₀ > limit. */
    private static SmoothObjective quadratic(double limit) {
        return OptimizerCoreTest.smooth(2, (x, g) -> {
            if (x[0] > limit) {
                return Double.POSITIVE_INFINITY;
            }
            double d0 = x[0] - C[0];
            double d1 = x[1] - C[1];
            g[0] = A[0][0] * d0 + A[0][1] * d1;
            g[1] = A[1][0] * d0 + A[1][1] * d1;
            return 0.5 * (d0 * g[0] + d1 * g[1]);
        });
    }

    private static final double[][] V = {{4, 1.5}, {1.5, 1}};
    private static final double ROOT = Math.sqrt(18) / 2;

    @Test
    void pairsSpanTheCovariancesAxesAtOneStandardDeviationEachWayAndCarryTheExactCurvature() {
        double[] x = {0.2, 0.1};
        Lbfgs.Curvature c = Lbfgs.Curvature.alongAxes(quadratic(Double.POSITIVE_INFINITY), x, V);
        assertEquals(2, c.s().length);
        double[] lambdas = {2.5 - ROOT, 2.5 + ROOT}; // the most spread axis last (newest)
        for (int k = 0; k < 2; k++) {
            double[] s = c.s()[k];
            double[] y = c.y()[k];
            assertEquals(2 * Math.sqrt(lambdas[k]), Math.hypot(s[0], s[1]), 1e-12, "pair " + k + ": 2 sd long");
            // Along (1.5, λ − 4): the cross product with it vanishes.
            assertEquals(0, s[0] * (lambdas[k] - 4) - s[1] * 1.5, 1e-12, "pair " + k + ": along its axis");
            assertEquals(A[0][0] * s[0] + A[0][1] * s[1], y[0], 1e-12, "pair " + k + ": y = A·s");
            assertEquals(A[1][0] * s[0] + A[1][1] * s[1], y[1], 1e-12, "pair " + k + ": y = A·s");
        }
    }

    @Test
    void anAxisWhoseEndCannotBeEvaluatedIsLeftOutAndAnUnusableCovarianceGivesNothing() {
        double[] x = {0.2, 0.1};
        // The long axis reaches x₀ = 0.2 + √λ₊·0.9 ≈ 2.0; the short one only 0.2 + 0.43·0.43 ≈ 0.4.
        Lbfgs.Curvature c = Lbfgs.Curvature.alongAxes(quadratic(1.0), x, V);
        assertEquals(1, c.s().length);
        assertEquals(2 * Math.sqrt(2.5 - ROOT), Math.hypot(c.s()[0][0], c.s()[0][1]), 1e-12);
        assertNull(Lbfgs.Curvature.alongAxes(quadratic(Double.POSITIVE_INFINITY), x, new double[][] {{Double.NaN, 0}, {0, 1}}));
        assertNull(Lbfgs.Curvature.alongAxes(quadratic(Double.POSITIVE_INFINITY), x, new double[][] {{0, 0}, {0, 0}}));
        // Negative curvature along every axis: no pair is kept.
        SmoothObjective concave = OptimizerCoreTest.smooth(2, (p, g) -> {
            g[0] = -p[0];
            g[1] = -p[1];
            return -0.5 * (p[0] * p[0] + p[1] * p[1]);
        });
        assertNull(Lbfgs.Curvature.alongAxes(concave, x, V));
        // A linear objective has no curvature at all (y = 0 exactly): nothing to learn, no pair.
        assertNull(Lbfgs.Curvature.alongAxes(LINEAR, x, V));
    }

    /** f(x) = 2x₀ − x₁: its gradient never changes. */
    private static final SmoothObjective LINEAR = OptimizerCoreTest.smooth(2, (p, g) -> {
        g[0] = 2;
        g[1] = -1;
        return 2 * p[0] - p[1];
    });

    /**
     * The last resort, {@link Lbfgs.Curvature#byDifferences}: forward differences along each coordinate with steps
     * hⱼ = 1e-3·max(1, |xⱼ|), exact on a quadratic (y = A·s up to rounding); none where the curvature is not positive
     * or the objective cannot be evaluated at x.
     */
    @Test
    void smallCoordinateDifferencesCarryTheExactCurvatureOfAQuadratic() {
        double[] x = {2.5, 0.1};
        Lbfgs.Curvature c = Lbfgs.Curvature.byDifferences(quadratic(Double.POSITIVE_INFINITY), x);
        assertEquals(2, c.s().length);
        double[] h = {2.5e-3, 1e-3};
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(j == k ? h[j] : 0, c.s()[j][k], 1e-18, "s" + j + "[" + k + "]");
                assertEquals(A[k][j] * h[j], c.y()[j][k], 1e-12, "y" + j + "[" + k + "]");
            }
        }
        assertTrue(c.fits(2));
        assertEquals(false, c.fits(3));
        assertEquals(false, new Lbfgs.Curvature(new double[0][], new double[0][]).fits(0));
        assertNull(Lbfgs.Curvature.byDifferences(LINEAR, x));
        assertNull(Lbfgs.Curvature.byDifferences(quadratic(1.0), x), "not finite at x itself");
        // The step off x₀ = 0.9995 crosses the limit 1.0: that coordinate is left out, x₁'s kept.
        Lbfgs.Curvature partial = Lbfgs.Curvature.byDifferences(quadratic(1.0), new double[] {0.9995, 0.1});
        assertEquals(1, partial.s().length);
        assertEquals(1e-3, partial.s()[0][1], 1e-18);
    }
}

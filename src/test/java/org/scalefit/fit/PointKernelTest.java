package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * The batch kernels of the power and offset power laws against the closed forms written out here (a·x^(−α),
 * E + A·x^(−α), their logarithms and derivatives), against the laws' own per-point evaluation (bit for bit, the
 * kernels' promise), and the log-space power law's exact solution against {@code numpy.polyfit(ln x, ln y, 1,
 * w=√w)} (NumPy 2, run 2026-12-07: intercept 2.841739950329706, slope −0.17727350893132957).
 */
class PointKernelTest {
    private static final double[] X = {1e3, 3e3, 1e4, 3e4, 1e5, 3e5};
    private static final double[] Y = {5.2, 4.1, 3.3, 2.8, 2.2, 1.9};
    private static final double[] W = {1, 2, 1, 0.5, 3, 1};

    private static Observations data() {
        return Observations.builder().predictor("x", X).response("y", Y).weights("w", W).build();
    }

    private static Problem problem(Law law, Space space, FitOptions options) {
        Problem p = Problem.of(law, data(), options, space);
        assertNotNull(p.kernel, law.name() + " in " + space + " space has a kernel");
        return p;
    }

    /** The kernel's values and weighted Jacobian against closed forms and against the law's own per-point path. */
    private static void check(Problem problem, double[] p, java.util.function.ToDoubleFunction<Double> value,
                              java.util.function.Function<Double, double[]> gradient) {
        int n = problem.n;
        double[] g = new double[n];
        problem.kernel.values(p, g);
        double[][] jac = new double[n][problem.m];
        problem.kernel.jacobian(p, problem.free, problem.sqrtW, jac, new double[p.length], null);
        // The power terms kept by values() give the same Jacobian bit for bit (a run's Jacobian at the point whose
        // residuals it has just computed reuses them); terms kept at other parameters are not used.
        PointKernel.Terms terms = problem.newTerms();
        double[] again = new double[n];
        problem.kernel.values(p, again, terms);
        double[][] reused = new double[n][problem.m];
        problem.kernel.jacobian(p, problem.free, problem.sqrtW, reused, new double[p.length], terms);
        double[] elsewhere = p.clone();
        elsewhere[elsewhere.length - 1] *= 1.5;
        problem.kernel.values(elsewhere, new double[n], terms);
        double[][] stale = new double[n][problem.m];
        problem.kernel.jacobian(p, problem.free, problem.sqrtW, stale, new double[p.length], terms);
        for (int i = 0; i < n; i++) {
            assertEquals(g[i], again[i], 0, "value with terms kept, row " + i);
            org.junit.jupiter.api.Assertions.assertArrayEquals(jac[i], reused[i], 0, "Jacobian from kept terms, row " + i);
            org.junit.jupiter.api.Assertions.assertArrayEquals(jac[i], stale[i], 0, "Jacobian beside stale terms, row " + i);
        }
        double[] lawGrad = new double[p.length];
        for (int i = 0; i < n; i++) {
            double x = problem.xRows[i][0];
            double expected = value.applyAsDouble(x);
            assertEquals(expected, g[i], 1e-14 * Math.abs(expected), "value at x = " + x);
            assertEquals(problem.space.value(problem.law, problem.xRows[i], p), g[i], 0, "bit-identical value at x = " + x);
            double[] d = gradient.apply(x);
            problem.space.gradient(problem.law, problem.xRows[i], p, lawGrad);
            double[] single = new double[p.length];
            problem.kernel.gradient(p, i, single);
            for (int j = 0; j < problem.m; j++) {
                int k = problem.free[j];
                double sw = problem.sqrtW[i];
                assertEquals(sw * d[k], jac[i][j], 1e-13 * Math.abs(sw * d[k]), "Jacobian " + i + "," + j);
                assertEquals(sw * lawGrad[k], jac[i][j], 0, "bit-identical Jacobian " + i + "," + j);
                assertEquals(lawGrad[k], single[k], 0, "bit-identical gradient " + i + "," + k);
            }
        }
    }

    @Test
    void powerLawKernelsAreTheClosedForms() {
        double a = 12;
        double alpha = 0.2;
        double[] p = {a, alpha};
        check(problem(new PowerLaw(), Space.LINEAR, FitOptions.builder().build()), p,
                x -> a * Math.pow(x, -alpha), x -> new double[] {Math.pow(x, -alpha), -a * Math.pow(x, -alpha) * Math.log(x)});
        check(problem(new PowerLaw(), Space.LOG, FitOptions.builder().build()), p,
                x -> Math.log(a) - alpha * Math.log(x), x -> new double[] {1 / a, -Math.log(x)});
        // Only α free: the Jacobian has one column, α's.
        check(problem(new PowerLaw(), Space.LINEAR, FitOptions.builder().fix("a", 12).build()), p,
                x -> a * Math.pow(x, -alpha), x -> new double[] {Math.pow(x, -alpha), -a * Math.pow(x, -alpha) * Math.log(x)});
        // ln a of a non-positive a: no value.
        double[] g = new double[6];
        problem(new PowerLaw(), Space.LOG, FitOptions.builder().build()).kernel.values(new double[] {-1, 0.2}, g);
        for (double v : g) {
            assertTrue(Double.isNaN(v));
        }
    }

    @Test
    void offsetPowerLawKernelsAreTheClosedForms() {
        double e = 1.5;
        double a = 40;
        double alpha = 0.3;
        double[] p = {e, a, alpha};
        check(problem(new OffsetPowerLaw(), Space.LINEAR, FitOptions.builder().build()), p,
                x -> e + a * Math.pow(x, -alpha),
                x -> new double[] {1, Math.pow(x, -alpha), -a * Math.pow(x, -alpha) * Math.log(x)});
        check(problem(new OffsetPowerLaw(), Space.LOG, FitOptions.builder().build()), p,
                x -> Math.log(e + a * Math.pow(x, -alpha)), x -> {
                    double f = e + a * Math.pow(x, -alpha);
                    return new double[] {1 / f, Math.pow(x, -alpha) / f, -a * Math.pow(x, -alpha) * Math.log(x) / f};
                });
        check(problem(new OffsetPowerLaw(), Space.LOG, FitOptions.builder().fix("E", 1.5).build()), p,
                x -> Math.log(e + a * Math.pow(x, -alpha)), x -> {
                    double f = e + a * Math.pow(x, -alpha);
                    return new double[] {1 / f, Math.pow(x, -alpha) / f, -a * Math.pow(x, -alpha) * Math.log(x) / f};
                });
        // ln of a curve below zero (E = −10 beneath a term of at most 40·1000^(−0.3) ≈ 5.02): no value.
        double[] g = new double[6];
        problem(new OffsetPowerLaw(), Space.LOG, FitOptions.builder().build()).kernel.values(new double[] {-10, 40, 0.3}, g);
        for (double v : g) {
            assertTrue(Double.isNaN(v));
        }
        // An overflowing derivative is stored as 0, not ∞: A = 1e300 at α = −2 makes A·x² infinite at x = 3e5.
        Problem lin = problem(new OffsetPowerLaw(), Space.LINEAR, FitOptions.builder().build());
        double[][] jac = new double[6][3];
        lin.kernel.jacobian(new double[] {1, 1e300, -2}, lin.free, lin.sqrtW, jac, new double[3], null);
        assertEquals(Math.sqrt(2), jac[1][0], 0, "dE of row 2, weight 2");
        assertEquals(0, jac[5][1], 0);
        assertEquals(0, jac[5][2], 0);
        assertEquals(1e300 * 1e6 * Math.log(1e3), -jac[0][2], 1e-12 * 1e306 * Math.log(1e3), "finite at x = 1e3");
    }

    @Test
    void theLogPowerLawsExactSolutionIsWeightedRegression() {
        Problem log = problem(new PowerLaw(), Space.LOG, FitOptions.builder().build());
        double[] theta = log.kernel.linearSolution(log);
        assertArrayEquals(new double[] {2.841739950329706, 0.17727350893132957}, theta, 1e-13);
        // Not of that form: linear space, a fixed parameter, a bounded exponent, another law.
        assertNull(problem(new PowerLaw(), Space.LINEAR, FitOptions.builder().build()).kernel.linearSolution(log));
        Problem fixed = problem(new PowerLaw(), Space.LOG, FitOptions.builder().fix("alpha", 0.2).build());
        assertNull(fixed.kernel.linearSolution(fixed));
        Problem bounded = problem(new PowerLaw(), Space.LOG, FitOptions.builder().bound("alpha", Bound.parse("0:1")).build());
        assertNull(bounded.kernel.linearSolution(bounded));
        Problem offset = problem(new OffsetPowerLaw(), Space.LOG, FitOptions.builder().build());
        assertNull(offset.kernel.linearSolution(offset));
        // One distinct x: no slope.
        Observations same = Observations.of(new double[] {5, 5, 5}, new double[] {1, 2, 3});
        Problem flat = Problem.of(new PowerLaw(), same, FitOptions.builder().build(), Space.LOG);
        assertNull(flat.kernel.linearSolution(flat));
        // Other laws have no kernel.
        assertNull(Problem.of(new ExpressionLaw("a*x^b", List.of("x")), data(), FitOptions.builder().build(), Space.LOG).kernel);
    }
}

package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidOptionException;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Space;

/**
 * {@link VarProRun} called directly on {@link VarProObjectiveTest}'s twelve Chinchilla runs, squares in linear space:
 * the run's optimum against SciPy ({@code python3 bench/oracles/varpro_run.py} → {@code oracles/varpro_run.json}:
 * scipy.optimize.nnls for the coefficients, Nelder–Mead over (α, β) to its floor); with α and β held, the one
 * projection {@code bench/oracles/varpro.py} gives; the merging of starts that differ only in their linear coefficients;
 * the interior test at a term 10⁻⁶ of the largest model value; and the refusals of a law or options it cannot solve.
 */
class VarProRunTest {
    /** VarProObjectiveTest's data: (1.8 + 400·N^−0.34 + 410·D^−0.28)·exp(noise), as bench/oracles/varpro.py prints them. */
    private static final double[] N = VarProObjectiveTest.N;
    private static final double[] D = VarProObjectiveTest.D;
    private static final double[] L = VarProObjectiveTest.L;

    private static Observations data() {
        return Observations.builder().predictor("N", N).predictor("D", D).response("L", L).build();
    }

    private static Problem problem(FitOptions options) {
        return Problem.of(new ChinchillaLaw(), data(), options, Space.LINEAR);
    }

    private static LeastSquaresRun.Result run(FitOptions options, double[] start) {
        Problem problem = problem(options);
        VarProRun.Plan plan = VarProRun.plan(problem, List.of(start));
        return VarProRun.run(problem, RunPlan.resolve(problem.law, options), plan, 0);
    }

    private static double[] full(Problem problem, LeastSquaresRun.Result r) {
        double[] p = new double[problem.template.length];
        problem.toFull(r.theta(), p);
        return p;
    }

    @Test
    void theProjectedRunReachesScipysOptimum() throws IOException {
        JsonNode o;
        try (InputStream in = VarProRunTest.class.getResourceAsStream("/oracles/varpro_run.json")) {
            o = new ObjectMapper().readTree(in);
        }
        FitOptions options = FitOptions.builder().solver(Solver.VARPRO).build();
        Problem problem = problem(options);
        LeastSquaresRun.Result r = run(options, new double[] {1, 100, 100, 0.3, 0.3});
        assertTrue(r.converged(), r.reason());
        double phi = o.get("phi").asDouble();
        // L-BFGS stops at a relative decrease of 1e-10: φ to 1e-9, the exponents to about √1e-9 of their spread.
        assertEquals(phi, r.objective(), 1e-9 * phi);
        double[] p = full(problem, r);
        assertEquals(o.get("alpha").asDouble(), p[3], 1e-4);
        assertEquals(o.get("beta").asDouble(), p[4], 1e-4);
        assertEquals(o.get("E").asDouble(), p[0], 1e-3 * o.get("E").asDouble());
        // The value reported is the objective at the parameters reported.
        assertEquals(RobustObjective.value(problem, r.theta(), Loss.squares(), new double[5], new double[12]), r.objective(),
                1e-12 * phi);
        assertEquals(0, r.startIndex());
    }

    @Test
    void withTheExponentsHeldTheRunIsOneProjection() {
        // varpro.py at (α, β) = (0.34, 0.28), squares in linear space: φ = 0.006435144673025443, c by nnls.
        FitOptions options = FitOptions.builder().solver(Solver.VARPRO).fix("alpha", 0.34).fix("beta", 0.28).build();
        Problem problem = problem(options);
        LeastSquaresRun.Result r = run(options, new double[] {1, 100, 100, 0.34, 0.28});
        assertTrue(r.converged());
        assertEquals("converged: no nonlinear parameter is free", r.reason());
        assertEquals(0.006435144673025443, r.objective(), 1e-9 * 0.0064);
        double[] p = full(problem, r);
        double[] c = {1.7902232623588514, 362.48192049460374, 451.71064056506316};
        for (int q = 0; q < 3; q++) {
            assertEquals(c[q], p[q], 1e-9 * c[q], "coefficient " + q);
        }
        assertEquals(0, r.iterations());
        assertEquals(1, r.evaluations());
    }

    @Test
    void startsThatDifferOnlyInTheirCoefficientsRunOnce() {
        Problem problem = problem(FitOptions.builder().build());
        List<double[]> starts = List.of(new double[] {1, 100, 100, 0.3, 0.3}, new double[] {2, 50, 500, 0.3, 0.3},
                new double[] {1, 100, 100, 0.3, 0.4}, new double[] {9, 9, 9, 0.3, 0.4}, new double[] {1, 100, 100, 0.5, 0.3});
        VarProRun.Plan plan = VarProRun.plan(problem, starts);
        assertEquals(3, plan.starts().size());
        assertArrayEquals(new int[] {0, 2, 4}, plan.startIndex());
        assertArrayEquals(new int[] {3, 4}, plan.outer());
        assertArrayEquals(starts.get(2), plan.starts().get(1));
        assertEquals(3, VarProRun.distinctStarts(problem, starts));
        // With β held, only α tells starts apart.
        Problem held = problem(FitOptions.builder().fix("beta", 0.3).build());
        VarProRun.Plan onlyAlpha = VarProRun.plan(held, starts);
        assertArrayEquals(new int[] {0, 4}, onlyAlpha.startIndex());
        assertArrayEquals(new int[] {3}, onlyAlpha.outer());
    }

    @Test
    void aTermBelowOneMillionthOfTheModelIsAtItsBound() {
        Problem problem = problem(FitOptions.builder().build());
        // The largest model value is at the smallest run (N = 4e7, D = 8e8); the B term there is B·(8e8)^−0.28.
        double largestValue = 1.8 + 400 * Math.pow(4e7, -0.34) + 410 * Math.pow(8e8, -0.28);
        double bTerm = Math.pow(8e8, -0.28);
        assertTrue(VarProRun.interior(problem, resultAt(problem, new double[] {1.8, 400, 410, 0.34, 0.28})));
        // B chosen so that its largest term is 2·10⁻⁶ and then 0.5·10⁻⁶ of the largest value (which it barely moves).
        double twice = 2e-6 * largestValue / bTerm;
        assertTrue(VarProRun.interior(problem, resultAt(problem, new double[] {1.8, 400, twice, 0.34, 0.28})));
        double half = 0.5e-6 * largestValue / bTerm;
        assertFalse(VarProRun.interior(problem, resultAt(problem, new double[] {1.8, 400, half, 0.34, 0.28})));
        assertFalse(VarProRun.interior(problem, resultAt(problem, new double[] {0, 400, 410, 0.34, 0.28})),
                "E = 0 contributes nothing");
    }

    private static LeastSquaresRun.Result resultAt(Problem problem, double[] p) {
        double[] theta = problem.toInternal(p);
        return new LeastSquaresRun.Result(theta, 1, 1, 1, true, "test", 0);
    }

    @Test
    void onlyASeparableLawWithFreeCoefficientsIsProjected() {
        Problem line = Problem.of(new ExpressionLaw("a + b*x", List.of("x")), Observations.of(new double[] {1, 2, 3},
                new double[] {2, 4, 7}), FitOptions.builder().build(), Space.LINEAR);
        assertFalse(VarProRun.applies(line));
        InvalidOptionException notSeparable = assertThrows(InvalidOptionException.class, () -> VarProRun.validate(line));
        assertTrue(notSeparable.getMessage().endsWith("needs a law that is linear in some of its parameters (chinchilla); "
                + line.law.name() + " is not"), notSeparable.getMessage());
        Problem fixedE = problem(FitOptions.builder().fix("E", 1.8).build());
        assertFalse(VarProRun.applies(fixedE));
        InvalidOptionException fixed = assertThrows(InvalidOptionException.class, () -> VarProRun.validate(fixedE));
        assertTrue(fixed.getMessage().contains("solves E itself (E ≥ 0): it cannot be fixed or bounded"),
                fixed.getMessage());
        Problem free = problem(FitOptions.builder().build());
        assertTrue(VarProRun.applies(free));
        VarProRun.validate(free);
        // A held exponent is no obstacle: only the coefficients must be free.
        assertTrue(VarProRun.applies(problem(FitOptions.builder().fix("alpha", 0.34).build())));
    }
}

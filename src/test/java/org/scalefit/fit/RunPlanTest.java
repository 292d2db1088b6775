package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidOptionException;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * The run plan: which optimiser runs for which loss, law and solver (the rules of {@link Solver}'s and {@link RunPlan}'s
 * Javadoc), when the default multi-start scans for basins and adds starts, and how the report names the optimiser.
 */
class RunPlanTest {
    private static final Law POWER = new PowerLaw();

    private static RunPlan plan(Law law, FitOptions.Builder options) {
        return RunPlan.resolve(law, options.build());
    }

    @Test
    void eachLossAndSolverGetsItsOptimiser() {
        assertEquals(RunPlan.Method.LEVENBERG_MARQUARDT, plan(POWER, FitOptions.builder()).method());
        assertEquals(RunPlan.Method.LBFGS, plan(POWER, FitOptions.builder().loss(Loss.huber(1e-3))).method());
        assertEquals(RunPlan.Method.LBFGS, plan(POWER, FitOptions.builder().loss(Loss.asymmetric(0.2))).method());
        assertEquals(RunPlan.Method.LEVENBERG_MARQUARDT,
                plan(POWER, FitOptions.builder().loss(Loss.huber(1e-3)).solver(Solver.LM)).method());
        assertEquals(RunPlan.Method.LBFGS, plan(POWER, FitOptions.builder().solver(Solver.LBFGS)).method());
        assertEquals(RunPlan.Method.VARIABLE_PROJECTION, plan(POWER, FitOptions.builder().solver(Solver.VARPRO)).method());
        assertEquals(RunPlan.Method.LIKELIHOOD, plan(POWER, FitOptions.builder().loss(Loss.huberLikelihood(1e-3))).method());
        assertEquals(RunPlan.Method.LIKELIHOOD,
                plan(POWER, FitOptions.builder().loss(Loss.huberLikelihood(1e-3)).solver(Solver.LBFGS)).method());
        for (Solver s : new Solver[] {Solver.LM, Solver.VARPRO}) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> plan(POWER, FitOptions.builder().loss(Loss.huberLikelihood(1e-3)).solver(s)));
            assertTrue(e.getMessage().contains(" cannot fit ") && e.getMessage().contains("the likelihood has its own solver"),
                    e.getMessage());
        }
    }

    @Test
    void theSpaceIsTheUsersElseTheLaws() {
        assertEquals(Space.LOG, plan(POWER, FitOptions.builder()).space());
        assertEquals(Space.LINEAR, plan(POWER, FitOptions.builder().space(Space.LINEAR)).space());
        assertEquals(Space.LINEAR, plan(new ExpressionLaw("a*x", List.of("x")), FitOptions.builder()).space());
        assertEquals(Space.LINEAR, plan(POWER, FitOptions.builder().loss(Loss.huberLikelihood(1e-3)).space(Space.LINEAR)).space());
    }

    @Test
    void theReportSaysWhenTheEngineChose() {
        RunPlan auto = plan(POWER, FitOptions.builder());
        RunPlan chosen = plan(POWER, FitOptions.builder().solver(Solver.LM));
        assertTrue(auto.automatic());
        assertFalse(chosen.automatic());
        assertEquals("lm (automatic)", auto.describe(new Optimizer.LevenbergMarquardtRuns(auto)));
        assertEquals("lm", chosen.describe(new Optimizer.LevenbergMarquardtRuns(chosen)));
        assertEquals("lbfgs", chosen.describe(new Optimizer.QuasiNewtonRuns(chosen)));
        assertEquals("varpro (automatic)", auto.describe(new Optimizer.VarProRuns(auto)));
        assertEquals("huber-likelihood (automatic)", auto.describe(new Optimizer.LikelihoodRuns(auto)));
    }

    /**
     * The default starts scan for basins except where one start is enough (a power law in log space under a convex
     * loss is a linear regression); only the default starts fall back to {@value Fitter#AUTO_FALLBACK_STARTS} random
     * ones; a loss that is not convex (the likelihood with a free scale) adds as many random starts.
     */
    @Test
    void theDefaultStartsScanAndFallBackUnlessOneStartIsEnough() {
        RunPlan log = plan(POWER, FitOptions.builder());
        assertFalse(log.scans());
        assertEquals(Fitter.AUTO_FALLBACK_STARTS, log.fallbackStarts());
        assertEquals(16, log.fallbackStarts());
        assertEquals(0, log.nonconvexStarts());
        assertFalse(plan(POWER, FitOptions.builder().loss(Loss.huber(0.1))).scans());
        assertTrue(plan(POWER, FitOptions.builder().space(Space.LINEAR)).scans());
        assertTrue(plan(new ExpressionLaw("a*x^b", List.of("x")), FitOptions.builder()).scans());
        RunPlan likelihood = plan(POWER, FitOptions.builder().loss(Loss.huberLikelihood(1e-3)));
        assertTrue(likelihood.scans());
        assertEquals(16, likelihood.nonconvexStarts());
        RunPlan grid = plan(POWER, FitOptions.builder().space(Space.LINEAR).starts(Starts.grid()));
        assertFalse(grid.scans());
        assertEquals(0, grid.fallbackStarts());
        assertEquals(0, plan(POWER, FitOptions.builder().loss(Loss.huberLikelihood(1e-3)).starts(Starts.random(3))).nonconvexStarts());
        assertFalse(plan(POWER, FitOptions.builder().starts(Starts.warm(new double[] {1, 1})).space(Space.LINEAR)).scans());
    }

    @Test
    void thePlanPassesTheOptionsOn() {
        RunPlan p = plan(POWER, FitOptions.builder().maxIterations(77).threads(3).seed(99).starts(Starts.random(4))
                .loss(Loss.huber(0.5)));
        assertEquals(77, p.maxIterations());
        assertEquals(3, p.threads());
        assertEquals(99, p.seed());
        assertEquals(4, p.starts().randomCount());
        assertEquals(Loss.huber(0.5).spec(), p.loss().spec());
    }

    /** Chinchilla-shaped data: L = 1.7 + 400/N^0.34 + 410/D^0.28 on a 3 × 4 grid of sizes and tokens. */
    private static Observations chinchilla() {
        double[] n = new double[12];
        double[] d = new double[12];
        double[] y = new double[12];
        int k = 0;
        for (double size : new double[] {1e7, 1e8, 1e9}) {
            for (double tokens : new double[] {1e9, 3e9, 1e10, 3e10}) {
                n[k] = size;
                d[k] = tokens;
                y[k] = 1.7 + 400 * Math.pow(size, -0.34) + 410 * Math.pow(tokens, -0.28) + (k % 3 - 1) * 1e-3;
                k++;
            }
        }
        return Observations.builder().predictor("N", n).predictor("D", d).response("loss", y).build();
    }

    /**
     * Under the automatic solver a robust loss on the Chinchilla law runs variable projection when the starts hold more
     * than one distinct (α, β), and L-BFGS from one start (a warm refit keeps its curvature); asked for by name, L-BFGS
     * stays L-BFGS, and variable projection is refused for a law that is not separable or whose linear terms are held.
     */
    @Test
    void projectionRunsWhereItPaysAndOnlyWhereItApplies() {
        Observations data = chinchilla();
        Law law = new ChinchillaLaw();
        FitOptions huber = FitOptions.builder().loss(Loss.huber(1e-3)).build();
        RunPlan auto = RunPlan.resolve(law, huber);
        Problem problem = Problem.of(law, data, huber, auto.space());
        List<double[]> two = List.of(new double[] {1.7, 400, 410, 0.34, 0.28}, new double[] {1.7, 400, 410, 0.5, 0.5});
        List<double[]> sameShape = List.of(new double[] {1.7, 400, 410, 0.34, 0.28}, new double[] {2, 40, 41, 0.34, 0.28});
        assertInstanceOf(Optimizer.VarProRuns.class, auto.optimizer(problem, two));
        assertInstanceOf(Optimizer.QuasiNewtonRuns.class, auto.optimizer(problem, two.subList(0, 1)));
        assertInstanceOf(Optimizer.QuasiNewtonRuns.class, auto.optimizer(problem, sameShape));
        RunPlan named = RunPlan.resolve(law, huber.toBuilder().solver(Solver.LBFGS).build());
        assertInstanceOf(Optimizer.QuasiNewtonRuns.class, named.optimizer(problem, two));
        RunPlan varpro = RunPlan.resolve(law, huber.toBuilder().solver(Solver.VARPRO).build());
        assertInstanceOf(Optimizer.VarProRuns.class, varpro.optimizer(problem, two.subList(0, 1)));
        RunPlan squares = RunPlan.resolve(law, FitOptions.defaults());
        assertInstanceOf(Optimizer.LevenbergMarquardtRuns.class, squares.optimizer(problem, two));
        RunPlan likelihood = RunPlan.resolve(law, FitOptions.builder().loss(Loss.huberLikelihood(1e-3)).build());
        assertInstanceOf(Optimizer.LikelihoodRuns.class, likelihood.optimizer(problem, two));

        FitOptions heldE = huber.toBuilder().fix("E", 1.7).build();
        Problem held = Problem.of(law, data, heldE, auto.space());
        assertInstanceOf(Optimizer.QuasiNewtonRuns.class, RunPlan.resolve(law, heldE).optimizer(held, two));
        RunPlan heldVarpro = RunPlan.resolve(law, heldE.toBuilder().solver(Solver.VARPRO).build());
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> heldVarpro.optimizer(held, two));
        assertTrue(e.getMessage().contains("solves E itself"), e.getMessage());
        Law power = new PowerLaw();
        FitOptions powerVarpro = FitOptions.builder().solver(Solver.VARPRO).build();
        Problem powerProblem = Problem.of(power, Observations.of(new double[] {1, 2, 3}, new double[] {3, 2, 1.5}), powerVarpro, Space.LOG);
        InvalidOptionException notSeparable = assertThrows(InvalidOptionException.class,
                () -> RunPlan.resolve(power, powerVarpro).optimizer(powerProblem, List.of(new double[] {1, 1})));
        assertTrue(notSeparable.getMessage().contains("needs a law that is linear in some of its parameters"), notSeparable.getMessage());
    }
}

package org.scalefit.fit;

/**
 * One optimisation from one start by {@link Lbfgs} on the robust objective Σ ρ(√wᵢ·rᵢ), with the
 * analytic gradient; the Chinchilla law in log space uses its dedicated {@link ChinchillaKernel}.
 */
final class QuasiNewtonRun {
    /** Relative decrease of the objective in one iteration below which a run stops. */
    static final double RELATIVE_TOLERANCE = 1e-10;
    /**
     * The looser tolerance of the screening pass of a multi-start fit: about SciPy's effective one on
     * Chinchilla-sized objectives (its ftol 2.2e-9 is absolute below 1); the best screened runs are then
     * polished at {@link #RELATIVE_TOLERANCE}.
     */
    static final double SCREENING_TOLERANCE = 1e-6;
    /** How many of the best screened runs are polished. */
    static final int POLISHED = 10;

    private QuasiNewtonRun() {
    }

    /**
     * @param seed curvature to start L-BFGS's memory with (a refit near a previous optimum), or null
     */
    static LeastSquaresRun.Result run(Problem problem, double[] theta0, RunPlan plan, int startIndex, double tolerance,
                                      Lbfgs.Curvature seed) {
        return run(RobustObjective.forProblem(problem, plan.loss()), theta0, plan.maxIterations(), startIndex, tolerance,
                seed);
    }

    private static LeastSquaresRun.Result run(SmoothObjective objective, double[] theta0, int maxIterations, int startIndex,
                                      double tolerance, Lbfgs.Curvature seed) {
        Lbfgs.Outcome o = new Lbfgs(objective, tolerance).minimize(theta0, maxIterations, seed);
        if (o.theta() == null) {
            return new LeastSquaresRun.Result(null, Double.NaN, o.iterations(), o.evaluations(), false, o.reason(), startIndex);
        }
        return new LeastSquaresRun.Result(o.theta(), o.value(), o.iterations(), o.evaluations(), o.converged(), o.reason(),
                startIndex, o.curvature());
    }
}

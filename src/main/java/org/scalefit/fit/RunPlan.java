package org.scalefit.fit;

import java.util.List;
import org.scalefit.model.Law;
import org.scalefit.model.Space;

/**
 * The resolved plan of one fit, decided once from the law and the {@link FitOptions}: the residual space
 * (the user's, else the law's default), the optimiser ({@link Solver#AUTO} resolved to Levenberg–Marquardt
 * for squares and L-BFGS for robust losses, and to variable projection for a robust loss on a separable law
 * searched from several starts: see {@link #optimizer(Problem, List)}), the loss, the iteration budget, the
 * threads, the seed and the start strategy. The optimisers and their leaves receive this plan, never the
 * options; the options stay with the validation, the start generation and the {@link Fit} that reports them.
 *
 * @param law     the law
 * @param options the options the plan was resolved from (for validation, starts and the report)
 * @param space   the residual space
 * @param method  the optimiser
 */
record RunPlan(Law law, FitOptions options, Space space, Method method) {

    /** The optimisers, as resolved. */
    enum Method {
        /** Levenberg–Marquardt (reweighted for robust losses). */
        LEVENBERG_MARQUARDT,
        /** L-BFGS on Σ ρ. */
        LBFGS,
        /** Variable projection over the nonlinear parameters of a separable law. */
        VARIABLE_PROJECTION,
        /** Maximum likelihood under Huber's density with a free scale ({@link LikelihoodRun}). */
        LIKELIHOOD
    }

    /**
     * @param law     the law
     * @param options the options
     * @return the plan: every default decided here, and nowhere else
     */
    static RunPlan resolve(Law law, FitOptions options) {
        if (options.loss() instanceof Loss.HuberLikelihood) {
            if (options.solver() != Solver.AUTO && options.solver() != Solver.LBFGS) {
                throw new org.scalefit.InvalidOptionException(org.scalefit.OptionKey.SOLVER.with(options.solver().toString())
                        + " cannot fit " + org.scalefit.OptionKey.LOSS.with(options.loss().spec())
                        + ": the likelihood has its own solver (L-BFGS, then the exact optimum beside it); leave the solver at auto");
            }
            return new RunPlan(law, options, Space.resolve(options.space(), law), Method.LIKELIHOOD);
        }
        Method method = switch (options.solver()) {
            case LM -> Method.LEVENBERG_MARQUARDT;
            case LBFGS -> Method.LBFGS;
            case VARPRO -> Method.VARIABLE_PROJECTION;
            case AUTO -> options.loss().isSquares() ? Method.LEVENBERG_MARQUARDT : Method.LBFGS;
        };
        return new RunPlan(law, options, Space.resolve(options.space(), law), method);
    }

    /**
     * @param optimizer the optimiser that produced the reported run
     * @return its name as the report shows it, e.g. {@code varpro (automatic)}
     */
    String describe(Optimizer optimizer) {
        return optimizer.name() + (automatic() ? " (automatic)" : "");
    }

    /** @return the loss minimised */
    Loss loss() {
        return options.loss();
    }

    /** @return the iteration limit of each optimiser run */
    int maxIterations() {
        return options.maxIterations();
    }

    /** @return threads for the starts (results never depend on it) */
    int threads() {
        return options.threads();
    }

    /** @return the seed of random starts */
    long seed() {
        return options.seed();
    }

    /** @return the start strategy */
    Starts starts() {
        return options.starts();
    }

    /**
     * @return how many seeded random starts to fall back to when no start converged: the safety net of the
     *         automatic starts, none for starts the caller chose
     */
    int fallbackStarts() {
        return options.starts().isAuto() ? Fitter.AUTO_FALLBACK_STARTS : 0;
    }

    /** @return true when the user left the choice of optimiser to the engine */
    boolean automatic() {
        return options.solver() == Solver.AUTO;
    }

    /**
     * Whether the default multi-start scans for basins ({@link BasinScan}): under the default starts (the guess
     * or the user's start values, nothing else asked for), except where the law says every local optimum in
     * this space is the global one and the loss is convex (a power law, exponential or doubling trend in log
     * space: a linear regression needs no other start).
     *
     * @return true to scan
     */
    boolean scans() {
        return options.starts().isAuto() && !(law.singleBasin(space) && options.loss().isConvex());
    }

    /**
     * @return seeded random starts the default multi-start adds for a loss that is not convex in the residuals
     *         (the Huber likelihood, whose optima are least-absolute-deviations vertices close together); none
     *         otherwise, or when the caller chose the starts
     */
    int nonconvexStarts() {
        return options.starts().isAuto() && !options.loss().isConvex() ? Fitter.AUTO_FALLBACK_STARTS : 0;
    }

    /**
     * The plan's optimiser for this problem and these starts. Under {@link Solver#AUTO} a robust loss on a
     * {@link org.scalefit.model.SeparableLaw} whose linear coefficients are free (not fixed or bounded) and
     * whose starts hold more than one distinct point in the nonlinear parameters (Hoffmann's grid: 25
     * (α, β) pairs among 4,500 starts) runs variable projection: it reaches the optimum L-BFGS reaches from
     * every start (the same objective to 1e-7 relative on Epoch's runs and the T3 grid data; on seeded random
     * Chinchilla problems never higher, and lower where L-BFGS's grid missed a minimum:
     * {@code AutomaticProjectionTest}) about ten times faster, because the linear coefficients are solved
     * exactly rather than searched. One start (a warm refit in a bootstrap) stays with L-BFGS, which can start
     * from the curvature of the fit it refits. {@link MultiStart} also runs L-BFGS from every start when the
     * automatic projection finds no converged run or ends with a linear term at 0, and keeps the lower optimum.
     *
     * @param problem the problem the optimiser will run on
     * @param starts  the start points in full parameter space
     * @return the plan's optimiser
     * @throws org.scalefit.InvalidOptionException when variable projection was asked for and cannot be used on
     *                                             this problem
     */
    Optimizer optimizer(Problem problem, List<double[]> starts) {
        return switch (method) {
            case LEVENBERG_MARQUARDT -> new Optimizer.LevenbergMarquardtRuns(this);
            case LBFGS -> automatic() && VarProRun.applies(problem) && VarProRun.distinctStarts(problem, starts) > 1
                    ? new Optimizer.VarProRuns(this) : new Optimizer.QuasiNewtonRuns(this);
            case LIKELIHOOD -> new Optimizer.LikelihoodRuns(this);
            case VARIABLE_PROJECTION -> {
                VarProRun.validate(problem);
                yield new Optimizer.VarProRuns(this);
            }
        };
    }
}

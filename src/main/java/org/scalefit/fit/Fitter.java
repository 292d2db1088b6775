package org.scalefit.fit;

import java.util.List;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.Progress;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;

/**
 * The fitting engine: fits a {@link Law} to {@link Observations} by (robust, weighted) nonlinear least
 * squares in linear or log space, from one or many starts, and returns an immutable {@link Fit}.
 *
 * <p>What it does, in order: resolves the options into a run plan (space, optimiser, loss, budget:
 * {@code RunPlan}); validates the data against the law and the space, naming the row and column of any
 * value that cannot be used ({@code FitValidation}); builds the problem and the starts (the law's
 * data-driven guess, then any grid, random or explicit starts: {@code StartGenerator}); runs the plan's
 * {@link Solver} from each (Levenberg–Marquardt for squares, L-BFGS for robust losses; with many L-BFGS
 * starts, all are screened at a loose tolerance and the best ten polished) and keeps the lowest objective,
 * ties to the lower start index, so the answer does not depend on thread count ({@code MultiStart}); and
 * computes covariance, intervals, information criteria, residual diagnostics and warnings at the optimum
 * ({@code FitAssembler}).
 *
 * <pre>{@code
 * Observations data = Observations.of(compute, loss);
 * Fit fit = Fitter.fit(new OffsetPowerLaw(), data, FitOptions.defaults());
 * System.out.println(fit.formulaWithValues() + "  R² = " + fit.r2());
 * }</pre>
 */
public final class Fitter {
    /** Random starts tried automatically when the data-driven start fails under {@link Starts#auto()}. */
    static final int AUTO_FALLBACK_STARTS = 16;
    /** Most starts {@code --starts grid} may generate (2^10: ten free parameters). */
    static final int MAX_GRID_STARTS = 1024;

    private Fitter() {
    }

    /**
     * Fits with the default options (least squares, the law's default space, automatic starts).
     *
     * @param law  the law
     * @param data the observations
     * @return the fit
     */
    public static Fit fit(Law law, Observations data) {
        return fit(law, data, FitOptions.defaults());
    }

    /**
     * Fits a law to data.
     *
     * @param law     the law
     * @param data    observations whose predictors match the law's, in order
     * @param options what to minimise and how
     * @return the fit; check {@link Fit#converged()} and {@link Fit#warnings()}
     * @throws InvalidDataException if the data or options cannot be used with this law
     * @throws FitFailedException   if no start produced a finite result
     */
    public static Fit fit(Law law, Observations data, FitOptions options) {
        return fit(law, data, options, Progress.NONE);
    }

    /**
     * Fits a law to data, telling {@code progress} as starts complete (one unit per start: worth it for
     * grids such as {@code hoffmann-grid}'s 4,500 starts). The result does not depend on the listener.
     *
     * <pre>{@code
     * FitOptions grid = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid()).build();
     * Fit fit = Fitter.fit(new ChinchillaLaw(), data, grid, (done, total) -> { });
     * }</pre>
     *
     * @param law      the law
     * @param data     observations whose predictors match the law's, in order
     * @param options  what to minimise and how
     * @param progress told of completed starts
     * @return the fit; check {@link Fit#converged()} and {@link Fit#warnings()}
     * @throws InvalidDataException if the data or options cannot be used with this law
     * @throws FitFailedException   if no start produced a finite result
     */
    public static Fit fit(Law law, Observations data, FitOptions options, Progress progress) {
        MultiStart.Solved s = MultiStart.solve(RunPlan.resolve(law, options), data, null, progress);
        Fit fit = FitAssembler.assemble(s.problem(), data, options, s.best(), s.tried(), s.convergedCount(),
                MultiStart.notes(s, options), s.solver());
        RunawayProbe.check(fit, data);
        return fit;
    }

    /**
     * The lean refit that bootstraps, jackknives and sweeps need: the same validation, starts, solver runs
     * and choice of the best run as {@link #fit(Law, Observations, FitOptions)}, hence bit-identical
     * parameters and objective, but none of the covariance, diagnostics and warnings of a {@link Fit}.
     *
     * <pre>{@code
     * FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
     * Refit r = Fitter.refit(fit.law(), data.select(rows), warm);
     * if (r.converged()) { double alpha = r.value(2); }
     * }</pre>
     *
     * @param law     the law
     * @param data    observations whose predictors match the law's, in order
     * @param options what to minimise and how
     * @return the parameters and objective of the best run
     * @throws InvalidDataException if the data or options cannot be used with this law
     * @throws FitFailedException   if no start produced a finite result, or the fit ended where the model
     *                              cannot be evaluated or some parameter no longer moves the curve (as
     *                              {@link #fit(Law, Observations, FitOptions)} would)
     */
    public static Refit refit(Law law, Observations data, FitOptions options) {
        return refit(law, data, options, null);
    }

    /**
     * A lean refit of {@code from}'s law near {@code from}'s optimum: as {@link #refit(Law, Observations,
     * FitOptions)}, and where the solver is L-BFGS its memory starts with the curvature pairs {@code from}'s
     * best run ended with, so that the first steps from a warm start are quasi-Newton steps rather than
     * steepest descent (on Epoch's Chinchilla data, bootstrap replicates then take 2–4 times less time and
     * end at an equal or lower objective).
     * The result depends only on {@code from}, the data and the options, never on the thread that runs it.
     *
     * <pre>{@code
     * FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
     * Refit r = Fitter.refitNear(fit, replicate, warm);
     * }</pre>
     *
     * @param from    the fit whose optimum the refit starts near
     * @param data    the new observations (a resample of {@code from}'s)
     * @param options what to minimise and how, typically warm-started at {@code from.values()}
     * @return the parameters and objective of the best run
     */
    public static Refit refitNear(Fit from, Observations data, FitOptions options) {
        return refit(from.law(), data, options, from.curvature());
    }
    /**
     * The lean fit of one group of a sweep: the same validation, starts, runs and choice as
     * {@link #fit(Law, Observations, FitOptions)} and the same assessment at the optimum, kept as one table row
     * (values, standard errors, intervals, RSS, R², AIC, warnings) without building a {@link Fit}.
     */
    static GroupRow row(List<String> keys, Law law, Observations data, FitOptions options) {
        MultiStart.Solved s = MultiStart.solve(RunPlan.resolve(law, options), data, null, Progress.NONE);
        return FitAssembler.row(keys, s.problem(), data, options, s.best(), MultiStart.notes(s, options));
    }

    static Refit refit(Law law, Observations data, FitOptions options, Lbfgs.Curvature seed) {
        MultiStart.Solved s = MultiStart.solve(RunPlan.resolve(law, options), data, seed, Progress.NONE, false);
        double[] p = FitAssembler.checkedParameters(s.problem(), s.best());
        return new Refit(p, s.best().objective(), s.best().converged(), s.best().reason());
    }
}

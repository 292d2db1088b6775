package org.scalefit.fit;

import java.util.Objects;
import org.scalefit.data.Observations;

/**
 * Lean refits of one fit's law warm-started near its optimum — the replicates of a bootstrap and the deletions
 * of a jackknife — with what every refit shares worked out once:
 * <ul>
 * <li>the curvature L-BFGS starts its memory with: pairs measured at the optimum across the fit's confidence
 *     ellipsoid ({@link Lbfgs.Curvature#alongAxes}), where a resample's optimum lies, so that a refit's first steps
 *     are quasi-Newton steps at the right scale and not a creep along a flat valley or a steepest-descent line
 *     search (on Epoch's Chinchilla data under Huber's loss a third of the evaluations, and refits end closer to
 *     their optimum);</li>
 * <li>the fit's canonical row order (sorted by predictors, response and weight, which every problem sorts its
 *     rows into so that row order never changes an answer): {@link #rows} hands a selection of the fit's rows
 *     over in that order, so the replicate's problem finds them sorted (on a 30-point bootstrap the sort was
 *     an eighth of each refit).</li>
 * </ul>
 * A refit on rows is {@link #data} on {@code from.data().select(rows)} bit for bit.
 *
 * <pre>{@code
 * FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
 * WarmRefits refits = WarmRefits.of(fit, warm);
 * Refit r = refits.rows(new int[] {0, 0, 2, 3, 5, 5});   // rows may repeat, in any order
 * Refit s = refits.data(newObservations);                 // or new data (a residual bootstrap's)
 * }</pre>
 */
public final class WarmRefits {
    private final Fit from;
    private final FitOptions options;
    private final Lbfgs.Curvature seed;
    /** order[k] = the row of from's data at canonical position k; position[i] = the canonical position of row i. */
    private final int[] order;
    private final int[] position;

    private WarmRefits(Fit from, FitOptions options) {
        this.from = from;
        this.options = options;
        RunPlan plan = RunPlan.resolve(from.law(), options);
        // The fit's own problem once: its row order is the canonical one, and its objective gives the seed.
        Problem problem = Problem.of(from.law(), from.data(), options, plan.space());
        this.seed = seed(from, plan, problem);
        this.order = problem.order;
        this.position = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            position[order[k]] = k;
        }
    }

    /**
     * @param from    the fit near whose optimum each refit starts, and whose rows {@link #rows} selects
     * @param options the refits' options, typically warm-started at {@code from.values()} on one thread
     * @return the refits
     * @throws org.scalefit.InvalidDataException if the options cannot be used with the fit's law and data
     */
    public static WarmRefits of(Fit from, FitOptions options) {
        return new WarmRefits(Objects.requireNonNull(from, "from"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Where refits run L-BFGS: pairs along the axes of the fit's confidence ellipsoid, else the fit's own pairs when
     * they fit its problem, else pairs by small differences (see {@link Lbfgs.Curvature#alongAxes}).
     */
    private static Lbfgs.Curvature seed(Fit from, RunPlan plan, Problem problem) {
        Lbfgs.Curvature own = from.curvature();
        if (plan.method() != RunPlan.Method.LBFGS) {
            return own;
        }
        double[] theta = problem.toInternal(from.values());
        SmoothObjective objective = RobustObjective.forProblem(problem, plan.loss());
        Lbfgs.Curvature axes = Lbfgs.Curvature.alongAxes(objective, theta, internalCovariance(from, problem, theta));
        if (axes != null) {
            return axes;
        }
        return own != null && own.fits(problem.m) ? own : Lbfgs.Curvature.byDifferences(objective, theta);
    }

    /** The fit's covariance of its free parameters in the optimiser's coordinates: Cov(θ) = Cov(p)/(dp/dθ)² by the chain rule. */
    private static double[][] internalCovariance(Fit from, Problem problem, double[] theta) {
        double[][] cov = from.covariance();
        int m = problem.m;
        double[] slope = new double[m];
        for (int a = 0; a < m; a++) {
            slope[a] = problem.transforms[a].derivative(theta[a]);
        }
        double[][] out = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                out[a][b] = cov[problem.free[a]][problem.free[b]] / (slope[a] * slope[b]);
            }
        }
        return out;
    }

    /** @return the refits' options */
    public FitOptions options() {
        return options;
    }

    /**
     * @param rows indices of rows of the fit's data, each in [0, n); repeats count as many times as they appear
     * @return the refit on those rows, as {@link #data} on {@code from.data().select(rows)}
     * @throws IndexOutOfBoundsException for an index outside the data
     * @throws org.scalefit.FitFailedException as {@link Fitter#refitNear}
     */
    public Refit rows(int[] rows) {
        return data(from.data().select(canonical(rows)));
    }

    /**
     * @param data observations with the fit's predictors (a resample of its data, or new responses)
     * @return the lean refit near the fit's optimum, as {@link Fitter#refitNear} but for the seed described above
     * @throws org.scalefit.FitFailedException as {@link Fitter#refitNear}
     */
    public Refit data(Observations data) {
        return Fitter.refit(from.law(), data, options, seed);
    }

    /** The same rows (with their repeats) in canonical order: a counting sort on the canonical positions. */
    int[] canonical(int[] rows) {
        int n = order.length;
        int[] times = new int[n];
        for (int i : rows) {
            times[position[i]]++;
        }
        int[] out = new int[rows.length];
        int next = 0;
        for (int k = 0; k < n; k++) {
            for (int t = times[k]; t > 0; t--) {
                out[next++] = order[k];
            }
        }
        return out;
    }
}

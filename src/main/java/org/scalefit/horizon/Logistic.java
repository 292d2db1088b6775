package org.scalefit.horizon;

/**
 * The penalised, weighted logistic regression behind every horizon, solved by a two-parameter
 * Newton method with an exact Hessian and a line search. It allocates nothing, so a bootstrap can
 * call it millions of times; one instance per thread (it keeps its last result).
 *
 * <p>The data are aggregated per task j: x<sub>j</sub> = log2(minutes), total weight
 * W<sub>j</sub> = Σ weights of the task's runs and weighted success V<sub>j</sub> = Σ weight·score.
 * The objective, sklearn's {@code LogisticRegression(C)} with an unpenalised intercept (fractional
 * scores split into weighted 0/1 rows, which is exactly this form), is
 * <pre>
 *   F(b0, b1) = C · Σ_j [ W_j · softplus(b0 + b1·x_j) − V_j · (b0 + b1·x_j) ] + ½ b1²
 * </pre>
 * It is strictly convex; it has a finite minimum exactly when some weight succeeds and some fails.
 * Aggregating runs of the same task (and same weight) into (W, V) is exact, because the log-loss
 * is linear in the score.
 *
 * <pre>{@code
 * Logistic solver = new Logistic();                       // reuse it, one per thread
 * int status = solver.fit(log2Minutes, weight, weightedSuccess, n, 10.0, Double.NaN, Double.NaN);
 * if (status == Logistic.OK) {
 *     double p50 = Logistic.horizon(0.5, solver.intercept(), solver.slope());
 * }
 * }</pre>
 */
public final class Logistic {
    /** Creates a solver (reuse it for many fits on one thread). */
    public Logistic() {
    }

    /** Status: converged to the minimum. */
    public static final int OK = 0;
    /** Status: no weight on success; the minimum lies at b0 → −∞. */
    public static final int NO_SUCCESSES = 1;
    /** Status: no weight on failure; the minimum lies at b0 → +∞. */
    public static final int ALL_SUCCESSES = 2;
    /** Status: the iteration limit was reached. */
    public static final int NOT_CONVERGED = 3;
    /** Status: no data (all weights zero). */
    public static final int EMPTY = 4;

    /** Newton iteration limit. */
    public static final int MAX_ITERATIONS = 100;
    /** Stop once the Newton decrement gᵀH⁻¹g (≈ twice the remaining excess objective) is this small, relative to C·ΣW. */
    private static final double DECREMENT_TOLERANCE = 1e-18;
    private static final double STEP_TOLERANCE = 1e-11;
    private static final int MAX_LINE_STEPS = 60;

    /** Gradient and Hessian of the last evaluation, kept in fields so the inner loop allocates nothing. */
    private double g0;
    private double g1;
    private double h00;
    private double h01;
    private double h11;
    /** The solution after {@link #fit}. */
    double intercept;
    double slope;
    int iterations;

    /**
     * Minimises F. The line search works on the directional derivative φ'(t) = ∇F(b + t·d)·d
     * alone, which F's convexity makes monotone: the full Newton step is taken when φ'(1) ≤ ½|φ'(0)|
     * (for a near-quadratic φ that guarantees descent), otherwise the line minimum is bracketed in
     * (0, 1) and found by the Illinois method. So the inner loop needs one exp per task and no
     * logarithm; F itself is only computed on request ({@link #objective}).
     *
     * @param x      log2 task lengths, first n used
     * @param w      total weight per task
     * @param v      weighted success per task (0 ≤ v ≤ w)
     * @param n      number of tasks
     * @param c      sklearn's C (inverse regularisation)
     * @param start0 starting intercept, or NaN for the data-driven start
     * @param start1 starting slope
     * @return a status code; on OK the solution is in {@link #intercept}, {@link #slope}
     */
    public int fit(double[] x, double[] w, double[] v, int n, double c, double start0, double start1) {
        intercept = Double.NaN;
        slope = Double.NaN;
        iterations = 0;
        double sw = 0;
        double sv = 0;
        boolean anySuccess = false;
        boolean anyFailure = false;
        for (int j = 0; j < n; j++) {
            sw += w[j];
            sv += v[j];
            if (v[j] > 0) {
                anySuccess = true;
            }
            if (v[j] < w[j]) {
                anyFailure = true;
            }
        }
        if (!(sw > 0)) {
            return EMPTY;
        }
        if (!anySuccess) {
            return NO_SUCCESSES;
        }
        if (!anyFailure) {
            return ALL_SUCCESSES;
        }
        double b0;
        double b1;
        if (Double.isFinite(start0) && Double.isFinite(start1)) {
            b0 = start0;
            b1 = start1;
        } else {
            double mean = Math.min(Math.max(sv / sw, 1e-6), 1 - 1e-6);
            b0 = Math.log(mean / (1 - mean));
            b1 = 0;
        }
        double decrementScale = DECREMENT_TOLERANCE * Math.max(1.0, c * sw);
        derivatives(x, w, v, n, c, b0, b1);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double det = h00 * h11 - h01 * h01;
            double d0 = -(h11 * g0 - h01 * g1) / det;
            double d1 = -(h00 * g1 - h01 * g0) / det;
            double phi0 = g0 * d0 + g1 * d1;
            if (!(phi0 < 0)) {
                // Not a descent direction only at the minimum, to rounding.
                return finish(b0, b1, it - 1, OK);
            }
            double t = 1.0;
            derivatives(x, w, v, n, c, b0 + d0, b1 + d1);
            double phi = g0 * d0 + g1 * d1;
            if (phi > 0.5 * -phi0) {
                t = lineMinimum(x, w, v, n, c, b0, b1, d0, d1, phi0, phi);
            }
            b0 += t * d0;
            b1 += t * d1;
            double step = t * Math.max(Math.abs(d0) / (1 + Math.abs(b0)), Math.abs(d1) / (1 + Math.abs(b1)));
            if ((t == 1.0 && -phi0 < decrementScale) || step < STEP_TOLERANCE) {
                return finish(b0, b1, it, OK);
            }
        }
        return finish(b0, b1, MAX_ITERATIONS, NOT_CONVERGED);
    }

    /**
     * The step t in (0, 1) where φ'(t) = 0 (to within ½|φ'(0)|), by the Illinois variant of
     * regula falsi on the bracket φ'(0) &lt; 0 &lt; φ'(1); leaves the derivatives evaluated at it.
     */
    private double lineMinimum(double[] x, double[] w, double[] v, int n, double c, double b0, double b1,
                               double d0, double d1, double phi0, double phi1) {
        double lo = 0;
        double flo = phi0;
        double hi = 1;
        double fhi = phi1;
        int side = 0;
        double t = 0.5;
        for (int k = 0; k < MAX_LINE_STEPS; k++) {
            t = lo - flo * (hi - lo) / (fhi - flo);
            if (!(t > lo && t < hi)) {
                t = 0.5 * (lo + hi);
            }
            derivatives(x, w, v, n, c, b0 + t * d0, b1 + t * d1);
            double f = g0 * d0 + g1 * d1;
            if (Math.abs(f) <= 0.5 * -phi0) {
                return t;
            }
            if (f < 0) {
                lo = t;
                flo = f;
                if (side == -1) {
                    fhi *= 0.5;
                }
                side = -1;
            } else {
                hi = t;
                fhi = f;
                if (side == 1) {
                    flo *= 0.5;
                }
                side = 1;
            }
        }
        return t;
    }

    /** @return the fitted intercept b0 of the last successful {@link #fit} (NaN otherwise) */
    public double intercept() {
        return intercept;
    }

    /** @return the fitted slope b1 (log-odds per doubling of task length) of the last successful {@link #fit} */
    public double slope() {
        return slope;
    }

    /** @return Newton iterations of the last {@link #fit} */
    public int iterations() {
        return iterations;
    }

    private int finish(double b0, double b1, int it, int status) {
        intercept = b0;
        slope = b1;
        iterations = it;
        return status;
    }

    /** ∇F and ∇²F at (b0, b1), in one pass with one exp per task. */
    private void derivatives(double[] x, double[] w, double[] v, int n, double c, double b0, double b1) {
        double s0 = 0;
        double s1 = 0;
        double q00 = 0;
        double q01 = 0;
        double q11 = 0;
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            double wj = w[j];
            double z = b0 + b1 * xj;
            double e = Math.exp(-Math.abs(z));
            double inv = 1 / (1 + e);
            double p = z >= 0 ? inv : e * inv;
            double r = wj * p - v[j];
            s0 += r;
            s1 += r * xj;
            double q = wj * e * inv * inv;
            q00 += q;
            q01 += q * xj;
            q11 += q * xj * xj;
        }
        g0 = c * s0;
        g1 = c * s1 + b1;
        h00 = c * q00;
        h01 = c * q01;
        h11 = c * q11 + 1;
    }

    /**
     * F at (b0, b1), the minimised objective.
     *
     * @param x  log2 task lengths
     * @param w  total weight per task
     * @param v  weighted success per task
     * @param n  number of tasks
     * @param c  sklearn's C
     * @param b0 intercept
     * @param b1 slope
     * @return C·Σ [W·softplus(z) − V·z] + ½ b1²
     */
    public static double objective(double[] x, double[] w, double[] v, int n, double c, double b0, double b1) {
        double sf = 0;
        for (int j = 0; j < n; j++) {
            double z = b0 + b1 * x[j];
            double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            sf += w[j] * softplus - v[j] * z;
        }
        return c * sf + 0.5 * b1 * b1;
    }

    /**
     * @param p         success probability in (0, 1)
     * @param intercept b0
     * @param slope     b1
     * @return the task length in minutes at which the fitted success probability is p
     */
    public static double horizon(double p, double intercept, double slope) {
        return Math.pow(2, (Math.log(p / (1 - p)) - intercept) / slope);
    }
}

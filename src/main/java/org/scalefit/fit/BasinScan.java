package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.scalefit.model.ParameterDomain;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * The engine's own search for the basins of a fit's objective, the scale-aware half of the default
 * multi-start. It splits the free parameters into those the model is linear in (a scale, an offset, the
 * asymptote of a saturating curve: found numerically, {@link LinearParameters}) and the others, lays a grid over
 * the others whose levels come from the data's scale (magnitudes spread in log from well below the smallest
 * |x| and 1/|x| to well above the largest, both signs where the domain allows, zero, and the first start's
 * own value; inside a bound, spread over the bound), and at every grid point solves the linear parameters
 * by weighted least squares (relative errors in log space) before it evaluates the fit's own objective. The
 * local minima of that profiled objective over the grid are the basins the scan sees, best first.
 *
 * <p>A grid point costs one evaluation of the model per row and linear parameter plus a tiny linear solve,
 * so a scan of a few hundred points costs about as much as one optimiser run; the driver runs the optimiser
 * only from the basins that are not the one its first start already found ({@link MultiStart}). With five or
 * more parameters outside the linear set the grid is replaced by seeded random points, and the best distinct
 * ones stand in for the local minima.
 */
final class BasinScan {
    /**
     * About how many points to evaluate: enough levels per nonlinear parameter for about one per decade of
     * scale and a few at order one (40 for one, 30 a side for two, 15 for three, 7 for four, 2,000 random
     * points beyond), but at most about {@value #EVALUATIONS} model evaluations in all.
     */
    private static int budget(int n, LinearParameters split) {
        int q = split.nonlinear().length;
        int wanted = q <= 1 ? 40 : q == 2 ? 900 : q == 3 ? 3375 : q == 4 ? 2401 : 2000;
        int perPoint = n * (split.linear().length + 1);
        return Math.max(Math.min(wanted, 200), Math.min(wanted, EVALUATIONS / Math.max(1, perPoint)));
    }

    /** The scan's cap on model evaluations (beyond its first 200 points). */
    private static final int EVALUATIONS = 400_000;

    /** Levels of order one added to every unbounded parameter's magnitudes. */
    private static final double[] UNIT_LADDER = {0.1, 0.3, 1, 3, 10};

    /** A basin the scan found: a full parameter vector, its objective, and its grid cell. */
    record Basin(double[] p, double objective, int[] cell) {
    }

    /** The grid levels of the nonlinear parameters, and how to find a value's cell. */
    private final double[][] levels;
    private final double[][] keys;
    private final int[] nonlinear;
    private final int[] linear;
    private final Problem problem;
    private final Loss loss;
    private final double[] start;
    private final double[] y;
    private final double[] w;
    private final double[] predictorQuantiles;
    private final int budget;
    /** Per nonlinear parameter, the unit of its signed-log key ({@link #key}): its smallest nonzero level. */
    private final double[] keyUnits;
    /** Scratch of {@link #profile} (a scan runs on one thread): the linear basis, the base curve, the normal equations. */
    private final double[][] basis;
    private final double[] base;
    private final int[] at;
    private final boolean[] held;
    private final double[] coefficients;
    private final double[][] normal;

    /**
     * Prepares the scan of a problem: which parameters are linear, and the grid levels of the others.
     *
     * @param problem the problem
     * @param loss    the loss of the objective
     * @param start   the first start (full parameters): its values of fixed and linear parameters are kept as
     *                defaults, and its nonlinear values join the grid
     */
    BasinScan(Problem problem, Loss loss, double[] start) {
        this.problem = problem;
        this.loss = loss;
        this.start = start.clone();
        LinearParameters split = LinearParameters.of(problem, start);
        this.budget = budget(problem.n, split);
        this.linear = split.linear();
        this.nonlinear = split.nonlinear();
        this.y = new double[problem.n];
        this.w = new double[problem.n];
        for (int i = 0; i < problem.n; i++) {
            y[i] = problem.space.response(problem.target[i]);
            double sw = problem.sqrtW[i];
            // In log space a residual is about the relative error (y − f)/y.
            w[i] = problem.space.needsPositive() ? sw * sw / (y[i] * y[i]) : sw * sw;
        }
        int q = nonlinear.length;
        int perDim = q == 0 ? 1 : Math.max(3, (int) Math.floor(Math.pow(budget, 1.0 / Math.min(q, 4))));
        this.levels = new double[q][];
        this.keys = new double[q][];
        this.keyUnits = new double[q];
        double[] span = magnitudeSpan(problem);
        this.predictorQuantiles = quantiles(problem);
        int l = linear.length;
        this.basis = new double[l][problem.n];
        this.base = new double[problem.n];
        this.at = new int[l];
        this.held = new boolean[l];
        this.coefficients = new double[l];
        this.normal = new double[l][l + 1];
        for (int d = 0; d < q; d++) {
            levels[d] = levels(nonlinear[d], perDim, span);
            keyUnits[d] = levels[d].length > 0 ? smallestMagnitude(levels[d]) : 1;
            keys[d] = new double[levels[d].length];
            for (int k = 0; k < levels[d].length; k++) {
                keys[d][k] = key(d, levels[d][k]);
            }
        }
    }

    /**
     * The basins of the profiled objective, best first: the local minima of the grid, or with five or more
     * nonlinear parameters the best distinct random points.
     *
     * @param seed the fit's seed (random points)
     * @return the basins, best first
     */
    List<Basin> basins(long seed) {
        List<Basin> found = nonlinear.length <= 4 ? gridMinima() : sampledBest(budget, seed);
        // A start whose curve has a pole among the data mostly leads the optimiser to a curve with one.
        found.removeIf(b -> AnswerCheck.continuity(problem, b.p()) != null);
        return found;
    }

    /** @return how many free parameters the scan grids over (those the model is not linear in) */
    int nonlinearCount() {
        return nonlinear.length;
    }

    /**
     * @param p a full parameter vector (an optimiser's answer)
     * @return the grid cell of p's nonlinear parameters
     */
    int[] cell(double[] p) {
        int[] c = new int[nonlinear.length];
        for (int d = 0; d < nonlinear.length; d++) {
            double k = key(d, p[problem.free[nonlinear[d]]]);
            int best = 0;
            for (int l = 1; l < keys[d].length; l++) {
                if (Math.abs(keys[d][l] - k) < Math.abs(keys[d][best] - k)) {
                    best = l;
                }
            }
            c[d] = best;
        }
        return c;
    }

    /**
     * @param p a full parameter vector
     * @return p with its linear parameters solved by least squares for its other values (a start that keeps
     *         the curve near the data when some parameter has been moved), or p itself when that fails
     */
    double[] withLinearSolved(double[] p) {
        double[] q = p.clone();
        return profile(q) ? q : p.clone();
    }

    /** True when two cells are the same or neighbours in every coordinate. */
    static boolean adjacent(int[] a, int[] b) {
        for (int d = 0; d < a.length; d++) {
            if (Math.abs(a[d] - b[d]) > 1) {
                return false;
            }
        }
        return true;
    }

    private List<Basin> gridMinima() {
        int q = nonlinear.length;
        int[] size = new int[q];
        int total = 1;
        for (int d = 0; d < q; d++) {
            size[d] = levels[d].length;
            total *= size[d];
        }
        double[] objective = new double[total];
        double[][] points = new double[total][];
        double[] r = new double[problem.n];
        int[] cell = new int[q];
        for (int code = 0; code < total; code++) {
            decode(code, size, cell);
            double[] p = start.clone();
            for (int d = 0; d < q; d++) {
                p[problem.free[nonlinear[d]]] = levels[d][cell[d]];
            }
            points[code] = profile(p) ? p : null;
            objective[code] = points[code] == null ? Double.POSITIVE_INFINITY : objective(p, r);
        }
        List<Basin> minima = new ArrayList<>();
        int[] steps = {-1, 1};
        for (int code = 0; code < total; code++) {
            if (!Double.isFinite(objective[code])) {
                continue;
            }
            decode(code, size, cell);
            boolean lowest = true;
            int stride = 1;
            for (int d = 0; d < q && lowest; d++) {
                for (int step : steps) {
                    int c = cell[d] + step;
                    if (c >= 0 && c < size[d]) {
                        double o = objective[code + step * stride];
                        // Ties go to the lower code, so a flat stretch yields one basin.
                        if (o < objective[code] || (o == objective[code] && step < 0)) {
                            lowest = false;
                        }
                    }
                }
                stride *= size[d];
            }
            if (lowest) {
                minima.add(new Basin(points[code], objective[code], cell.clone()));
            }
        }
        minima.sort(Comparator.comparingDouble(Basin::objective));
        return minima;
    }

    private List<Basin> sampledBest(int budget, long seed) {
        int q = nonlinear.length;
        double[] r = new double[problem.n];
        List<Basin> all = new ArrayList<>();
        for (int s = 0; s < budget; s++) {
            SplittableRandom rng = Seeds.random(seed, Stream.BASIN_SCAN, s);
            double[] p = start.clone();
            int[] cell = new int[q];
            for (int d = 0; d < q; d++) {
                cell[d] = rng.nextInt(levels[d].length);
                p[problem.free[nonlinear[d]]] = levels[d][cell[d]];
            }
            if (profile(p)) {
                double o = objective(p, r);
                if (Double.isFinite(o)) {
                    all.add(new Basin(p, o, cell));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Basin::objective));
        List<Basin> distinct = new ArrayList<>();
        for (Basin b : all) {
            boolean near = false;
            for (Basin kept : distinct) {
                near |= adjacent(kept.cell(), b.cell());
            }
            if (!near) {
                distinct.add(b);
            }
        }
        return distinct;
    }

    private static void decode(int code, int[] size, int[] cell) {
        int c = code;
        for (int d = 0; d < size.length; d++) {
            cell[d] = c % size[d];
            c /= size[d];
        }
    }

    private double objective(double[] p, double[] r) {
        if (problem.residuals(p, r) > 0) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        if (loss instanceof Loss.HuberLikelihood h) {
            s = h.negativeLogLikelihood(r, h.scale(r), 0);
        } else {
            for (int i = 0; i < problem.n; i++) {
                s += loss.rho(r[i]);
            }
        }
        return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
    }

    /**
     * Solves the linear parameters of p in place for its nonlinear values: weighted least squares of y on
     * the model's linear part, positive parameters kept positive and every parameter inside its bound.
     *
     * @return false when the model cannot be evaluated there
     */
    private boolean profile(double[] p) {
        int l = linear.length;
        if (l == 0) {
            return true;
        }
        int n = problem.n;
        for (int j = 0; j < l; j++) {
            at[j] = problem.free[linear[j]];
            p[at[j]] = 0;
        }
        if (!linearValues(p, base)) {
            return false;
        }
        for (int j = 0; j < l; j++) {
            p[at[j]] = 1;
            if (!linearValues(p, basis[j])) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                basis[j][i] -= base[i];
            }
            p[at[j]] = 0;
        }
        java.util.Arrays.fill(held, false);
        java.util.Arrays.fill(coefficients, 0);
        double[] c = coefficients;
        for (int round = 0; round <= l; round++) {
            solve(basis, base, held, c);
            boolean moved = false;
            for (int j = 0; j < l; j++) {
                if (held[j]) {
                    continue;
                }
                double v = admissible(linear[j], c[j], basis[j]);
                if (v != c[j]) {
                    c[j] = v;
                    held[j] = true;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        for (int j = 0; j < l; j++) {
            p[at[j]] = c[j];
        }
        return true;
    }

    /** The model in linear units at every row (through the problem's own evaluator in linear space); false if not finite. */
    private boolean linearValues(double[] p, double[] out) {
        if (problem.space.needsPositive()) {
            for (int i = 0; i < problem.n; i++) {
                out[i] = problem.law.value(problem.xRows[i], p);
            }
        } else {
            problem.modelValues(p, out);
        }
        for (double v : out) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Weighted least squares for the coefficients not held (held ones keep their value in c). */
    private void solve(double[][] basis, double[] base, boolean[] held, double[] c) {
        int l = basis.length;
        int n = problem.n;
        if (l == 1) {
            solveOne(basis[0], base, held[0], c);
            return;
        }
        double[][] a = normal;
        for (double[] row : a) {
            java.util.Arrays.fill(row, 0);
        }
        for (int i = 0; i < n; i++) {
            double t = y[i] - base[i];
            for (int j = 0; j < l; j++) {
                if (held[j]) {
                    t -= c[j] * basis[j][i];
                }
            }
            for (int j = 0; j < l; j++) {
                if (held[j]) {
                    continue;
                }
                for (int k = 0; k < l; k++) {
                    if (!held[k]) {
                        a[j][k] += w[i] * basis[j][i] * basis[k][i];
                    }
                }
                a[j][l] += w[i] * basis[j][i] * t;
            }
        }
        for (int j = 0; j < l; j++) {
            if (held[j]) {
                a[j][j] = 1;
                a[j][l] = c[j];
            } else {
                // A whisker of ridge keeps a basis that vanishes on the data from breaking the solve.
                a[j][j] = a[j][j] * (1 + 1e-12) + 1e-300;
            }
        }
        double[] sol = Gauss.solve(a);
        for (int j = 0; j < l; j++) {
            c[j] = sol == null || !Double.isFinite(sol[j]) ? (held[j] ? c[j] : 0) : sol[j];
        }
    }


    /**
     * {@link #solve} for one linear parameter (a power law's scale, the most common case): the same sums in the
     * same order and the same division as the general path's elimination of a 1×2 system, without its loops.
     */
    private void solveOne(double[] phi, double[] base, boolean held, double[] c) {
        if (held) {
            // A held coefficient keeps its value: the general path solves 1·x = c.
            return;
        }
        double a00 = 0;
        double a01 = 0;
        for (int i = 0; i < problem.n; i++) {
            double t = y[i] - base[i];
            a00 += w[i] * phi[i] * phi[i];
            a01 += w[i] * phi[i] * t;
        }
        a00 = a00 * (1 + 1e-12) + 1e-300;
        double x = a00 == 0 || !Double.isFinite(a00) ? Double.NaN : a01 / a00;
        c[0] = Double.isFinite(x) ? x : 0;
    }

    /**
     * A coefficient moved into its domain and bound: a positive parameter the least squares made ≤ 0 is set
     * where its term is a thousandth of the data's scale (its log start then lies near the data, not at −∞).
     */
    private double admissible(int j, double v, double[] phi) {
        double out = v;
        if (problem.law.domain(problem.free[j]) == ParameterDomain.POSITIVE && !(out > 0)) {
            double ys = 0;
            double ps = 0;
            for (int i = 0; i < phi.length; i++) {
                ys += y[i] * y[i];
                ps += phi[i] * phi[i];
            }
            out = ps > 0 && ys > 0 ? 1e-3 * Math.sqrt(ys / ps) : 1e-3;
        }
        Bound b = problem.bounds[j];
        if (b != null && !(out > b.lower() && out < b.upper())) {
            double lo = b.lower();
            double hi = b.upper();
            double inset = Double.isFinite(lo) && Double.isFinite(hi) ? 1e-3 * (hi - lo) : 1e-3 * Math.max(1, Math.abs(out));
            out = Math.min(Math.max(out, lo + inset), hi - inset);
        }
        return out;
    }

    /** The minimum, quartiles and maximum of every predictor. */
    private static double[] quantiles(Problem problem) {
        int k = problem.xRows[0].length;
        double[] out = new double[5 * k];
        double[] col = new double[problem.n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < problem.n; i++) {
                col[i] = problem.xRows[i][j];
            }
            Arrays.sort(col);
            for (int q = 0; q < 5; q++) {
                out[5 * j + q] = col[(int) Math.round(q * (problem.n - 1) / 4.0)];
            }
        }
        return out;
    }

    /** The span of magnitudes [lo, hi] the nonlinear levels cover: a rate, a location or an exponent. */
    private static double[] magnitudeSpan(Problem problem) {
        double small = 1;
        double large = 1;
        for (double[] row : problem.xRows) {
            for (double v : row) {
                double a = Math.abs(v);
                if (a > 0 && Double.isFinite(a)) {
                    small = Math.min(small, Math.min(a, 1 / a));
                    large = Math.max(large, Math.max(a, 1 / a));
                }
            }
        }
        return new double[] {1e-3 * small, 1e3 * large};
    }

    private double[] levels(int j, int count, double[] span) {
        int pj = problem.free[j];
        double first = start[pj];
        Bound b = problem.bounds[j];
        Transform t = problem.transforms[j];
        Levels out = new Levels();
        if (b != null && Double.isFinite(b.lower()) && Double.isFinite(b.upper())) {
            boolean log = t instanceof Transform.LogInterval;
            for (int k = 0; k < count; k++) {
                double u = (k + 0.5) / count;
                out.add(log ? Math.exp(Math.log(b.lower()) + u * Math.log(b.upper() / b.lower()))
                        : b.lower() + u * (b.upper() - b.lower()));
            }
        } else {
            boolean positiveOnly = problem.law.domain(pj) == ParameterDomain.POSITIVE || (b != null && b.lower() >= 0);
            boolean negativeOnly = b != null && b.upper() <= 0;
            Levels magnitudes = new Levels();
            // One level per decade of the data's scale, and a finer ladder at order one (exponents, log rates).
            for (double m = span[0]; m <= span[1] * 1.0001; m *= 10) {
                magnitudes.add(m);
            }
            for (double m : UNIT_LADDER) {
                magnitudes.add(m);
            }
            for (int k = 0; k < magnitudes.size; k++) {
                double m = magnitudes.values[k];
                if (!negativeOnly) {
                    out.add(m);
                }
                if (!positiveOnly) {
                    out.add(-m);
                }
            }
            if (!positiveOnly && !negativeOnly) {
                out.add(0.0);
            }
            // A location (a midpoint, a peak, a shift) lives among the data: the quartiles of every predictor.
            for (double v : predictorQuantiles) {
                if ((v > 0 || !positiveOnly) && (v < 0 || !negativeOnly)) {
                    out.add(v);
                }
            }
            if (b != null) {
                out.keepInside(b);
            }
        }
        double[] v = out.sortedDistinct();
        if (v.length > count) {
            // Thin evenly through the sorted levels, so that both signs and every scale keep some.
            Levels thin = new Levels();
            for (int k = 0; k < count; k++) {
                thin.add(v[(int) Math.round(k * (v.length - 1.0) / Math.max(1, count - 1))]);
            }
            v = thin.sortedDistinct();
        }
        boolean firstOk = Double.isFinite(first) && (b == null || (first > b.lower() && first < b.upper()))
                && !(problem.law.domain(pj) == ParameterDomain.POSITIVE && !(first > 0));
        if (firstOk && !contains(v, first)) {
            v = Arrays.copyOf(v, v.length + 1);
            v[v.length - 1] = first;
            Arrays.sort(v);
        }
        return v;
    }

    private static boolean contains(double[] v, double x) {
        for (double e : v) {
            if (e == x) {
                return true;
            }
        }
        return false;
    }

    /**
     * A growable list of levels without boxing (the scan is built for every fit). {@link #sortedDistinct} keeps
     * the semantics of {@code DoubleStream.distinct().sorted()}: {@link Double#compare}'s order, values equal as
     * {@link Double#equals} merged (so 0.0 and −0.0 stay two levels, as they were).
     */
    private static final class Levels {
        double[] values = new double[64];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        void keepInside(Bound b) {
            int kept = 0;
            for (int k = 0; k < size; k++) {
                if (values[k] > b.lower() && values[k] < b.upper()) {
                    values[kept++] = values[k];
                }
            }
            size = kept;
        }

        double[] sortedDistinct() {
            double[] v = Arrays.copyOf(values, size);
            Arrays.sort(v);
            int kept = 0;
            for (int k = 0; k < v.length; k++) {
                if (kept == 0 || Double.compare(v[kept - 1], v[k]) != 0) {
                    v[kept++] = v[k];
                }
            }
            return Arrays.copyOf(v, kept);
        }
    }

    /** A coordinate in which a value's nearest level is found: signed log magnitudes, or the bound's scale. */
    private double key(int d, double v) {
        Transform t = problem.transforms[nonlinear[d]];
        if (t instanceof Transform.LogInterval || t instanceof Transform.Log) {
            return v > 0 ? Math.log(v) : Double.NEGATIVE_INFINITY;
        }
        if (t instanceof Transform.Interval) {
            return v;
        }
        double unit = keyUnits[d];
        return Math.log(Math.abs(v) / unit + Math.sqrt(v * v / (unit * unit) + 1)) * Math.signum(v);
    }

    private static double smallestMagnitude(double[] levels) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : levels) {
            if (v != 0) {
                m = Math.min(m, Math.abs(v));
            }
        }
        return Double.isFinite(m) ? m : 1;
    }
}

package org.scalefit.optimal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;

/**
 * Hoffmann et al.'s (2022) Approach 2, IsoFLOP profiles: runs are grouped by training compute C; within
 * each group the loss is fitted by a parabola in x = ln N, L ≈ c₀ + c₁x + c₂x², whose vertex
 * x* = −c₁/(2c₂) gives N_opt(C) = e^{x*}, D_opt(C) = C/(6·N_opt) and the lowest loss; then
 * N_opt = k_N·C^a and D_opt = k_D·C^b are fitted by least squares in log-log space (so b = 1 − a).
 *
 * <p>Groups are either the runs that share a compute value (to 1e-9 relative: a sweep run at exact budgets), or,
 * for compute that scatters about its budget (runs read off a figure, or logged FLOPs), the runs nearest to each of
 * a list of nominal budgets in log₁₀ C within a tolerance in decades; a run further than the tolerance from every
 * budget is left out and listed in {@link Result#excluded()} — never dropped silently. The power laws use the
 * nominal budgets as C. A group needs at least 3 distinct model sizes and an upward parabola (c₂ &gt; 0); otherwise
 * it is kept in the result with {@code valid = false} and a note, and left out of the power laws. A vertex outside
 * the sizes sampled in its group is used but flagged ({@code interior = false}): it is an extrapolation.
 *
 * <p>Approach 1 (the lower envelope of loss against compute) needs every run's training curve and is
 * {@link Envelope}; final points alone, as here, allow only this approach. Intervals: {@link IsoFlopBootstrap}.
 *
 * <pre>{@code
 * IsoFlop.Result r = IsoFlop.fit(compute, params, loss);     // one row per run, exact budgets
 * double a = r.nOpt().exponent();                             // Hoffmann et al.: 0.49
 * IsoFlop.Result e = IsoFlop.fit(flops, params, loss, IsoFlop.hoffmannBudgets(), 0.1);   // Epoch's digitized runs
 * double nAtGopher = e.nOptAt(IsoFlop.GOPHER_FLOPS);         // about 6.6e10
 * }</pre>
 */
public final class IsoFlop {
    /** Gopher's training compute (FLOP), the budget at which Hoffmann et al. read off their fits (Figure 3). */
    public static final double GOPHER_FLOPS = 5.76e23;
    /** The nine IsoFLOP budgets of Hoffmann et al. (2022), Figure 3 (FLOP). */
    private static final double[] HOFFMANN_BUDGETS = {6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21};
    /** Runs whose compute agrees to this relative difference share an exact budget. */
    private static final double SAME_COMPUTE = 1e-9;

    private IsoFlop() {
    }

    /** @return the nine IsoFLOP budgets of Hoffmann et al. (2022), Figure 3: 6e18, 1e19, 3e19, …, 3e21 FLOP */
    public static double[] hoffmannBudgets() {
        return HOFFMANN_BUDGETS.clone();
    }

    /**
     * One compute budget's profile.
     *
     * @param compute  C, FLOP
     * @param points   runs at this budget
     * @param nOpt     the vertex's model size (NaN when invalid)
     * @param dOpt     C/(6·N_opt), tokens
     * @param minLoss  the parabola's value at its vertex
     * @param valid    true when the parabola opens upward and had ≥ 3 distinct sizes
     * @param interior true when the vertex lies within the sampled sizes
     * @param note     why the budget is invalid or flagged, else empty
     * @param parabola the fitted parabola (NaN coefficients when the budget is invalid)
     * @param runs     the indices (into the input arrays) of the runs in this budget, ascending in model size
     */
    public record Profile(double compute, int points, double nOpt, double dOpt, double minLoss, boolean valid,
                          boolean interior, String note, Parabola parabola, int[] runs) {
        /**
         * Copies the run indices.
         *
         * @param compute  C, FLOP
         * @param points   runs at this budget
         * @param nOpt     the vertex's model size (NaN when invalid)
         * @param dOpt     C/(6·N_opt), tokens
         * @param minLoss  the parabola's value at its vertex
         * @param valid    true when the parabola opens upward and had ≥ 3 distinct sizes
         * @param interior true when the vertex lies within the sampled sizes
         * @param note     why the budget is invalid or flagged, else empty
         * @param parabola the fitted parabola
         * @param runs     the indices of the runs in this budget
         */
        public Profile {
            runs = runs.clone();
        }

        /** @return the indices (into the input arrays) of the runs in this budget, a copy */
        @Override
        public int[] runs() {
            return runs.clone();
        }
    }

    /**
     * A run left out because its compute lies further than the tolerance from every budget.
     *
     * @param run     its index in the input arrays
     * @param compute its compute, FLOP
     * @param nearest the nearest budget, FLOP
     * @param decades log₁₀(compute / nearest): negative below the budget
     */
    public record Excluded(int run, double compute, double nearest, double decades) {
    }

    /**
     * The loss profile of one budget, L(N) ≈ c0 + c1·u + c2·u² with u = ln N − centre.
     *
     * @param centre the mean ln N of the budget's runs
     * @param c0     constant term
     * @param c1     linear term
     * @param c2     quadratic term (&gt; 0 for a valid profile)
     */
    public record Parabola(double centre, double c0, double c1, double c2) {
        static final Parabola NONE = new Parabola(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /**
         * @param n model size
         * @return the parabola's loss at n
         */
        public double lossAt(double n) {
            double u = Math.log(n) - centre;
            return c0 + c1 * u + c2 * u * u;
        }
    }

    /**
     * @param profiles  one per compute budget, ascending in compute
     * @param nOpt      N_opt = k·C^a over the valid profiles
     * @param dOpt      D_opt = k·C^b over the valid profiles
     * @param excluded  runs further than the tolerance from every budget (empty when grouping by exact compute)
     * @param tolerance the tolerance in decades of compute (0 when grouping by exact compute)
     */
    public record Result(List<Profile> profiles, ScalingFit nOpt, ScalingFit dOpt, List<Excluded> excluded,
                         double tolerance) {
        /**
         * Copies the lists.
         *
         * @param profiles  one per compute budget, ascending in compute
         * @param nOpt      N_opt = k·C^a over the valid profiles
         * @param dOpt      D_opt = k·C^b over the valid profiles
         * @param excluded  runs further than the tolerance from every budget
         * @param tolerance the tolerance in decades of compute (0 when grouping by exact compute)
         */
        public Result {
            profiles = List.copyOf(profiles);
            excluded = List.copyOf(excluded);
        }

        /**
         * @param c compute, FLOP
         * @return the compute-optimal model size N_opt(c) = k_N·c^a
         */
        public double nOptAt(double c) {
            return nOpt.at(c);
        }

        /**
         * @param c compute, FLOP
         * @return the compute-optimal tokens D_opt(c) = c/(6·N_opt(c))
         */
        public double dOptAt(double c) {
            return c / (6 * nOpt.at(c));
        }

        /** @return the runs that entered a budget */
        public int runsAssigned() {
            return profiles.stream().mapToInt(Profile::points).sum();
        }
    }

    /**
     * Approach 2 with the runs grouped by their exact compute (runs that agree to 1e-9 relative form a budget).
     *
     * @param compute training FLOP of each run (&gt; 0)
     * @param params  model size of each run (&gt; 0)
     * @param loss    final loss of each run
     * @return the profiles and the fitted power laws
     * @throws InvalidDataException for mismatched lengths, non-positive compute or size, non-finite loss,
     *                              or fewer than 2 budgets with 3 distinct model sizes
     * @throws FitFailedException   when fewer than 2 budgets' loss profiles have a minimum
     */
    public static Result fit(double[] compute, double[] params, double[] loss) {
        check(compute, params, loss);
        int n = compute.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(compute[a], compute[b]));
        List<double[]> budgets = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            double c0 = compute[order[start]];
            while (end < n && Math.abs(compute[order[end]] - c0) <= SAME_COMPUTE * c0) {
                end++;
            }
            members.add(new ArrayList<>(Arrays.asList(order).subList(start, end)));
            budgets.add(new double[] {c0});
            start = end;
        }
        double[] cs = budgets.stream().mapToDouble(b -> b[0]).toArray();
        return assemble(cs, members, params, loss, List.of(), 0);
    }

    /**
     * Approach 2 with each run assigned to the nearest of the given budgets in log₁₀ C, when it lies within
     * {@code toleranceDecades} of it; the others are left out and listed. Hoffmann et al.'s budgets are
     * {@link #hoffmannBudgets()}; on Epoch's digitization of their runs a tolerance of 0.1 decade (the largest
     * round value below half the closest spacing, log₁₀(1e19/6e18)/2 = 0.111) assigns 182 of 245 runs.
     *
     * @param compute          training FLOP of each run (&gt; 0)
     * @param params           model size of each run (&gt; 0)
     * @param loss             final loss of each run
     * @param budgets          the nominal budgets, FLOP (&gt; 0, distinct; any order)
     * @param toleranceDecades the largest |log₁₀(C / budget)| a run may have (&gt; 0)
     * @return the profiles (one per budget, ascending), the power laws over the nominal budgets, the runs left out
     * @throws InvalidDataException for bad runs (as {@link #fit(double[], double[], double[])}), bad budgets or
     *                              tolerance, or fewer than 2 budgets with 3 distinct model sizes
     * @throws FitFailedException   when fewer than 2 budgets' loss profiles have a minimum
     */
    public static Result fit(double[] compute, double[] params, double[] loss, double[] budgets, double toleranceDecades) {
        check(compute, params, loss);
        double[] cs = checkBudgets(budgets, toleranceDecades);
        List<List<Integer>> members = new ArrayList<>();
        for (int j = 0; j < cs.length; j++) {
            members.add(new ArrayList<>());
        }
        List<Excluded> excluded = new ArrayList<>();
        for (int i = 0; i < compute.length; i++) {
            double lc = Math.log10(compute[i]);
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < cs.length; j++) {
                double d = Math.abs(lc - Math.log10(cs[j]));
                if (d < best) {
                    best = d;
                    nearest = j;
                }
            }
            double signed = lc - Math.log10(cs[nearest]);
            if (Math.abs(signed) <= toleranceDecades) {
                members.get(nearest).add(i);
            } else {
                excluded.add(new Excluded(i, compute[i], cs[nearest], signed));
            }
        }
        return assemble(cs, members, params, loss, excluded, toleranceDecades);
    }

    /** Sorted copy of valid budgets; throws on a bad budget list or tolerance. */
    private static double[] checkBudgets(double[] budgets, double toleranceDecades) {
        if (budgets.length == 0) {
            throw new InvalidDataException("IsoFLOP fit needs at least one compute budget");
        }
        if (!(toleranceDecades > 0) || Double.isInfinite(toleranceDecades)) {
            throw new InvalidDataException("the IsoFLOP budget tolerance must be a finite number of decades > 0, got "
                    + toleranceDecades);
        }
        double[] cs = budgets.clone();
        Arrays.sort(cs);
        for (int j = 0; j < cs.length; j++) {
            if (!(cs[j] > 0) || Double.isInfinite(cs[j])) {
                throw new InvalidDataException("IsoFLOP budgets must be finite and > 0 FLOP, got " + cs[j]);
            }
            if (j > 0 && cs[j] == cs[j - 1]) {
                throw new InvalidDataException("IsoFLOP budget " + Numbers.format(cs[j], 6) + " is given twice");
            }
        }
        return cs;
    }

    private static void check(double[] compute, double[] params, double[] loss) {
        int n = compute.length;
        if (params.length != n || loss.length != n) {
            throw new InvalidDataException("IsoFLOP fit needs compute, params and loss of equal length, got " + n + ", "
                    + params.length + ", " + loss.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(compute[i] > 0) || !(params[i] > 0) || !Double.isFinite(loss[i]) || !Double.isFinite(compute[i])
                    || !Double.isFinite(params[i])) {
                throw new InvalidDataException("IsoFLOP fit needs compute > 0, params > 0 and a finite loss: run " + (i + 1)
                        + " has compute " + compute[i] + ", params " + params[i] + ", loss " + loss[i]);
            }
        }
    }

    /** The profiles of the given groups and the power laws over the valid ones. */
    private static Result assemble(double[] budgets, List<List<Integer>> members, double[] params, double[] loss,
                                   List<Excluded> excluded, double tolerance) {
        List<Profile> profiles = new ArrayList<>();
        for (int j = 0; j < budgets.length; j++) {
            int[] idx = members.get(j).stream().mapToInt(Integer::intValue).toArray();
            profiles.add(profile(budgets[j], bySize(idx, params), params, loss));
        }
        Result r = powerLaws(profiles, excluded, tolerance);
        if (r == null) {
            long valid = profiles.stream().filter(Profile::valid).count();
            long sampled = profiles.stream().filter(p -> p.valid() || p.note().contains("no minimum")).count();
            String message = "IsoFLOP fit needs at least 2 compute budgets with a valid parabola (3 or more model sizes and "
                    + "a minimum), found " + valid + " of " + profiles.size();
            if (sampled >= 2) {
                // The data are usable but the loss profiles do not turn up: the runs do not bracket the optimum.
                throw new FitFailedException(message + ": the loss profiles have no minimum (the parabolas open "
                        + "downward); the runs of each budget must span both sides of its optimal size");
            }
            throw new InvalidDataException(message);
        }
        return r;
    }

    /** The run indices ordered by model size (then index), so that a profile's runs draw left to right. */
    private static int[] bySize(int[] idx, double[] params) {
        return Arrays.stream(idx).boxed().sorted((a, b) -> {
            int c = Double.compare(params[a], params[b]);
            return c != 0 ? c : Integer.compare(a, b);
        }).mapToInt(Integer::intValue).toArray();
    }

    /** Power laws through the valid profiles' minima; null with fewer than 2. */
    static Result powerLaws(List<Profile> profiles, List<Excluded> excluded, double tolerance) {
        List<Double> cs = new ArrayList<>();
        List<Double> ns = new ArrayList<>();
        List<Double> ds = new ArrayList<>();
        for (Profile p : profiles) {
            if (p.valid()) {
                cs.add(p.compute());
                ns.add(p.nOpt());
                ds.add(p.dOpt());
            }
        }
        if (cs.size() < 2) {
            return null;
        }
        double[] c = cs.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(profiles, ScalingFit.of(c, ns.stream().mapToDouble(Double::doubleValue).toArray()),
                ScalingFit.of(c, ds.stream().mapToDouble(Double::doubleValue).toArray()), excluded, tolerance);
    }

    /** Parabola of loss in centred ln N by least squares (3×3 normal equations); idx ordered by model size. */
    static Profile profile(double c, int[] idx, double[] params, double[] loss) {
        int m = idx.length;
        double[] x = new double[m];
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int distinct = 0;
        double last = Double.NaN;
        for (int k = 0; k < m; k++) {
            x[k] = Math.log(params[idx[k]]);
            mean += x[k];
            lo = Math.min(lo, x[k]);
            hi = Math.max(hi, x[k]);
            if (x[k] != last) {
                distinct++;
                last = x[k];
            }
        }
        mean /= m;
        if (distinct < 3) {
            return new Profile(c, m, Double.NaN, Double.NaN, Double.NaN, false, false,
                    "only " + distinct + " distinct model size" + (distinct == 1 ? "" : "s") + " at compute " + Numbers.format(c, 4)
                            + "; a parabola needs 3", Parabola.NONE, idx);
        }
        double[][] a = new double[3][4];
        for (int k = 0; k < m; k++) {
            double u = x[k] - mean;
            double[] basis = {1, u, u * u};
            for (int r = 0; r < 3; r++) {
                for (int s = 0; s < 3; s++) {
                    a[r][s] += basis[r] * basis[s];
                }
                a[r][3] += basis[r] * loss[idx[k]];
            }
        }
        double[] coef = solve3(a);
        if (coef == null || !(coef[2] > 0)) {
            return new Profile(c, m, Double.NaN, Double.NaN, Double.NaN, false, false,
                    "the loss profile at compute " + Numbers.format(c, 4) + " has no minimum (the parabola opens downward)",
                    Parabola.NONE, idx);
        }
        double u = -coef[1] / (2 * coef[2]);
        double xStar = mean + u;
        double nOpt = Math.exp(xStar);
        double minLoss = coef[0] + coef[1] * u + coef[2] * u * u;
        boolean interior = xStar >= lo && xStar <= hi;
        String note = interior ? "" : "the minimum at compute " + Numbers.format(c, 4)
                + " lies outside the sampled model sizes (extrapolated)";
        return new Profile(c, m, nOpt, c / (6 * nOpt), minLoss, true, interior, note,
                new Parabola(mean, coef[0], coef[1], coef[2]), idx);
    }

    /** Gaussian elimination with partial pivoting on an augmented 3×4 system; null when singular. */
    private static double[] solve3(double[][] a) {
        for (int col = 0; col < 3; col++) {
            int piv = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(a[piv][col]) > 1e-300)) {
                return null;
            }
            double[] t = a[piv];
            a[piv] = a[col];
            a[col] = t;
            for (int r = col + 1; r < 3; r++) {
                double f = a[r][col] / a[col][col];
                for (int s = col; s < 4; s++) {
                    a[r][s] -= f * a[col][s];
                }
            }
        }
        double[] out = new double[3];
        for (int r = 2; r >= 0; r--) {
            double v = a[r][3];
            for (int s = r + 1; s < 3; s++) {
                v -= a[r][s] * out[s];
            }
            out[r] = v / a[r][r];
        }
        return out;
    }
}

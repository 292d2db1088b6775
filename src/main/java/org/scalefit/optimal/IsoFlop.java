package org.scalefit.optimal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;

/**
 * Hoffmann et al.'s (2022) Approach 2, IsoFLOP profiles: runs are grouped by training compute C; within
 * each group the loss is fitted by a parabola in x = ln N, L ≈ c₀ + c₁x + c₂x², whose vertex
 * x* = −c₁/(2c₂) gives N_opt(C) = e^{x*}, D_opt(C) = C/(6·N_opt) and the lowest loss; then
 * N_opt = k_N·C^a and D_opt = k_D·C^b are fitted in log-log space.
 *
 * <p>A group needs at least 3 distinct model sizes and an upward parabola (c₂ &gt; 0); otherwise it is
 * kept in the result with {@code valid = false} and a note, and left out of the power laws. A vertex
 * outside the sizes sampled in its group is used but flagged ({@code interior = false}): it is an
 * extrapolation. Runs with the same compute (to 1e-9 relative) form a group.
 *
 * <pre>{@code
 * IsoFlop.Result r = IsoFlop.fit(compute, params, loss);     // one row per run
 * double a = r.nOpt().exponent();                             // Hoffmann et al.: 0.49
 * }</pre>
 */
public final class IsoFlop {
    private IsoFlop() {
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
     */
    public record Profile(double compute, int points, double nOpt, double dOpt, double minLoss, boolean valid,
                          boolean interior, String note, Parabola parabola) {
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
     * @param profiles one per compute budget, ascending in compute
     * @param nOpt     N_opt = k·C^a over the valid profiles
     * @param dOpt     D_opt = k·C^b over the valid profiles
     */
    public record Result(List<Profile> profiles, ScalingFit nOpt, ScalingFit dOpt) {
        /**
         * Copies the list.
         *
         * @param profiles one per compute budget, ascending in compute
         * @param nOpt     N_opt = k·C^a over the valid profiles
         * @param dOpt     D_opt = k·C^b over the valid profiles
         */
        public Result {
            profiles = List.copyOf(profiles);
        }
    }

    /**
     * @param compute training FLOP of each run (&gt; 0)
     * @param params  model size of each run (&gt; 0)
     * @param loss    final loss of each run
     * @return the profiles and the fitted power laws
     * @throws InvalidDataException for mismatched lengths, non-positive compute or size, non-finite loss,
     *                              or fewer than 2 valid profiles
     */
    public static Result fit(double[] compute, double[] params, double[] loss) {
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
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(compute[a], compute[b]);
            return c != 0 ? c : Double.compare(params[a], params[b]);
        });
        List<Profile> profiles = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int end = start + 1;
            double c0 = compute[order[start]];
            while (end < n && Math.abs(compute[order[end]] - c0) <= 1e-9 * c0) {
                end++;
            }
            int[] idx = new int[end - start];
            for (int k = start; k < end; k++) {
                idx[k - start] = order[k];
            }
            profiles.add(profile(c0, idx, params, loss));
            start = end;
        }
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
            throw new InvalidDataException("IsoFLOP fit needs at least 2 compute budgets with a valid parabola (3 or more "
                    + "model sizes and a minimum), found " + cs.size() + " of " + profiles.size());
        }
        double[] c = cs.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(profiles, ScalingFit.of(c, ns.stream().mapToDouble(Double::doubleValue).toArray()),
                ScalingFit.of(c, ds.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** Parabola of loss in centred ln N by least squares (3×3 normal equations). */
    private static Profile profile(double c, int[] idx, double[] params, double[] loss) {
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
                            + "; a parabola needs 3", Parabola.NONE);
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
                    Parabola.NONE);
        }
        double u = -coef[1] / (2 * coef[2]);
        double xStar = mean + u;
        double nOpt = Math.exp(xStar);
        double minLoss = coef[0] + coef[1] * u + coef[2] * u * u;
        boolean interior = xStar >= lo && xStar <= hi;
        String note = interior ? "" : "the minimum at compute " + Numbers.format(c, 4)
                + " lies outside the sampled model sizes (extrapolated)";
        return new Profile(c, m, nOpt, c / (6 * nOpt), minLoss, true, interior, note,
                new Parabola(mean, coef[0], coef[1], coef[2]));
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

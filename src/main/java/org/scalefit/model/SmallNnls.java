package org.scalefit.model;

/**
 * Non-negative least squares for a handful of coefficients, solved exactly from the normal
 * equations: minimise ‖W^½(y − Φc)‖² subject to c ≥ 0, given G = ΦᵀWΦ and h = ΦᵀWy. With k ≤ 6
 * coefficients it tries every support set S (2^k − 1 of them), solves the unconstrained problem on S
 * and keeps the feasible solution of lowest cost; the true optimum is one of them (its positive
 * coefficients solve the least-squares problem restricted to their support), so the answer is exact,
 * not iterative. Columns are scaled by √G_kk so that bases spanning many decades (N^−α for N from
 * 1e7 to 1e11) do not spoil the elimination; a support whose scaled Gram matrix is numerically
 * singular is skipped.
 *
 * <p>An instance holds its workspace, so repeated solves do not allocate; it is not thread-safe
 * (use one per thread).
 *
 * <pre>{@code
 * SmallNnls nnls = new SmallNnls(3);
 * double[] c = new double[3];
 * double cost = nnls.solve(gram, rhs, yWy, c);   // c ≥ 0, cost = ‖W^½(y − Φc)‖²
 * }</pre>
 */
public final class SmallNnls {
    /** Largest supported number of coefficients. */
    public static final int MAX_K = 6;
    /** A pivot below this (relative to the scaled diagonal, which is 1) counts as singular. */
    private static final double SINGULAR = 1e-13;

    private final int k;
    private final double[] scale;
    private final double[][] a;
    private final double[] b;
    private final double[] trial;
    private final int[] idx;

    /**
     * @param k number of coefficients, 1 ≤ k ≤ {@value #MAX_K}
     * @throws IllegalArgumentException if k is not between 1 and {@link #MAX_K}
     */
    public SmallNnls(int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("SmallNnls handles 1 to " + MAX_K + " coefficients, not " + k);
        }
        this.k = k;
        this.scale = new double[k];
        this.a = new double[k][k];
        this.b = new double[k];
        this.trial = new double[k];
        this.idx = new int[k];
    }

    /**
     * Solves the problem exactly.
     *
     * @param gram ΦᵀWΦ, k×k, symmetric
     * @param rhs  ΦᵀWy
     * @param yWy  yᵀWy, so that the returned cost is the residual sum of squares itself
     * @param out  receives the optimal c ≥ 0
     * @return the cost ‖W^½(y − Φc)‖² at the optimum (never below 0 except by rounding)
     */
    public double solve(double[][] gram, double[] rhs, double yWy, double[] out) {
        for (int i = 0; i < k; i++) {
            double d = gram[i][i];
            scale[i] = d > 0 && Double.isFinite(d) ? 1.0 / Math.sqrt(d) : 0.0;
        }
        double bestCost = yWy;
        java.util.Arrays.fill(out, 0.0);
        int subsets = 1 << k;
        for (int mask = 1; mask < subsets; mask++) {
            int s = 0;
            boolean usable = true;
            for (int i = 0; i < k; i++) {
                if ((mask & (1 << i)) != 0) {
                    if (scale[i] == 0) {
                        usable = false;
                        break;
                    }
                    idx[s++] = i;
                }
            }
            if (!usable || !solveSubset(gram, rhs, s)) {
                continue;
            }
            boolean feasible = true;
            for (int t = 0; t < s; t++) {
                if (!(trial[t] >= 0)) {
                    feasible = false;
                    break;
                }
            }
            if (!feasible) {
                continue;
            }
            // cost = yWy − 2cᵀh + cᵀGc = yWy − cᵀh at the unconstrained optimum of the support.
            double cost = yWy;
            for (int t = 0; t < s; t++) {
                cost -= trial[t] * rhs[idx[t]];
            }
            if (cost < bestCost) {
                bestCost = cost;
                java.util.Arrays.fill(out, 0.0);
                for (int t = 0; t < s; t++) {
                    out[idx[t]] = trial[t];
                }
            }
        }
        return bestCost;
    }

    /** Gaussian elimination with partial pivoting on the scaled support system; false when singular. */
    private boolean solveSubset(double[][] gram, double[] rhs, int s) {
        for (int r = 0; r < s; r++) {
            int i = idx[r];
            for (int c = 0; c < s; c++) {
                a[r][c] = gram[i][idx[c]] * scale[i] * scale[idx[c]];
            }
            b[r] = rhs[i] * scale[i];
        }
        for (int col = 0; col < s; col++) {
            int piv = col;
            for (int r = col + 1; r < s; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(a[piv][col]) > SINGULAR)) {
                return false;
            }
            if (piv != col) {
                double[] tr = a[piv];
                a[piv] = a[col];
                a[col] = tr;
                double tb = b[piv];
                b[piv] = b[col];
                b[col] = tb;
            }
            for (int r = col + 1; r < s; r++) {
                double f = a[r][col] / a[col][col];
                if (f != 0) {
                    for (int c = col; c < s; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        for (int r = s - 1; r >= 0; r--) {
            double v = b[r];
            for (int c = r + 1; c < s; c++) {
                v -= a[r][c] * trial[c];
            }
            trial[r] = v / a[r][r];
        }
        for (int t = 0; t < s; t++) {
            trial[t] *= scale[idx[t]];
        }
        return true;
    }
}

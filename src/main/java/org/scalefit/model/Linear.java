package org.scalefit.model;

/** Small dense linear algebra for data-driven initial guesses (normal equations of a few unknowns). */
final class Linear {
    private Linear() {
    }

    /**
     * Solves a·x = b by Gaussian elimination with partial pivoting, after scaling each column to unit
     * diagonal so that regressors of very different size (1, ln x, ln² x) do not spoil the pivots.
     *
     * @return the solution, or null when the system is singular to working precision
     */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[] scale = new double[n];
        double[][] m = new double[n][n + 1];
        for (int j = 0; j < n; j++) {
            scale[j] = a[j][j] > 0 ? 1.0 / Math.sqrt(a[j][j]) : 1.0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a[i][j] * scale[i] * scale[j];
            }
            m[i][n] = b[i] * scale[i];
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(m[piv][col]) > 1e-12)) {
                return null;
            }
            double[] t = m[col];
            m[col] = m[piv];
            m[piv] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        for (int j = 0; j < n; j++) {
            x[j] *= scale[j];
            if (!Double.isFinite(x[j])) {
                return null;
            }
        }
        return x;
    }

    /**
     * Least squares of v on the columns of a design (rows × k) over the rows where v is finite.
     *
     * @return {coefficients..., rss}, or null when singular or too few rows
     */
    static double[] leastSquares(double[][] design, double[] v) {
        int k = design.length == 0 ? 0 : design[0].length;
        double[][] ata = new double[k][k];
        double[] atb = new double[k];
        int used = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                continue;
            }
            used++;
            for (int a = 0; a < k; a++) {
                atb[a] += design[i][a] * v[i];
                for (int b = 0; b < k; b++) {
                    ata[a][b] += design[i][a] * design[i][b];
                }
            }
        }
        if (used < k) {
            return null;
        }
        double[] c = solve(ata, atb);
        if (c == null) {
            return null;
        }
        double rss = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                continue;
            }
            double r = v[i];
            for (int a = 0; a < k; a++) {
                r -= design[i][a] * c[a];
            }
            rss += r * r;
        }
        double[] out = java.util.Arrays.copyOf(c, k + 1);
        out[k] = rss;
        return out;
    }
}

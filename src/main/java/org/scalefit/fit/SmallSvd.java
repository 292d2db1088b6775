package org.scalefit.fit;

/**
 * Singular value decomposition A = U·diag(s)·Vᵀ of a tall n×m matrix with few columns, by one-sided
 * Jacobi rotations (Hestenes): columns are rotated pairwise until mutually orthogonal, so singular
 * values come out to high relative accuracy and the cost is O(n·m²) per sweep with no allocation
 * beyond the result. Fits have two to ten parameters; a general-purpose SVD's set-up cost dominated
 * there.
 */
final class SmallSvd {
    private static final int MAX_SWEEPS = 60;
    private final int n;
    private final int m;
    /** Columns of A rotated into U·diag(s): u[j] is column j (length n). */
    private final double[][] u;
    private final double[][] v;
    private final double[] s;

    /**
     * @param a n×m matrix as rows ({@code a[i][j]}); not modified
     */
    SmallSvd(double[][] a, int n, int m) {
        this.n = n;
        this.m = m;
        this.u = new double[m][n];
        this.v = new double[m][m];
        this.s = new double[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                u[j][i] = a[i][j];
            }
        }
        for (int j = 0; j < m; j++) {
            v[j][j] = 1;
        }
        decompose();
    }

    private void decompose() {
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < m - 1; p++) {
                for (int q = p + 1; q < m; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    double[] up = u[p];
                    double[] uq = u[q];
                    for (int i = 0; i < n; i++) {
                        alpha += up[i] * up[i];
                        beta += uq[i] * uq[i];
                        gamma += up[i] * uq[i];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double sn = c * t;
                    for (int i = 0; i < n; i++) {
                        double x = up[i];
                        double y = uq[i];
                        up[i] = c * x - sn * y;
                        uq[i] = sn * x + c * y;
                    }
                    double[] vp = v[p];
                    double[] vq = v[q];
                    for (int i = 0; i < m; i++) {
                        double x = vp[i];
                        double y = vq[i];
                        vp[i] = c * x - sn * y;
                        vq[i] = sn * x + c * y;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        for (int j = 0; j < m; j++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += u[j][i] * u[j][i];
            }
            s[j] = Math.sqrt(norm);
        }
    }

    /** @return singular value k (in no particular order; {@link #rightVector} k is its vector) */
    double value(int k) {
        return s[k];
    }

    /** @return the largest singular value */
    double max() {
        double x = 0;
        for (double v0 : s) {
            x = Math.max(x, v0);
        }
        return x;
    }

    /** @return the smallest singular value */
    double min() {
        double x = Double.POSITIVE_INFINITY;
        for (double v0 : s) {
            x = Math.min(x, v0);
        }
        return x;
    }

    /** @return the index of the smallest singular value */
    int argMin() {
        int k = 0;
        for (int j = 1; j < m; j++) {
            if (s[j] < s[k]) {
                k = j;
            }
        }
        return k;
    }

    /** @return the right singular vector (length m) of singular value k */
    double[] rightVector(int k) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = v[k][i];
        }
        return out;
    }

    /**
     * Minimum-norm least-squares solution of A·x = b, ignoring singular values below {@code cutoff}.
     *
     * @param b      right-hand side, length n
     * @param cutoff singular values at or below it are treated as zero
     * @return x, length m
     */
    double[] solve(double[] b, double cutoff) {
        double[] x = new double[m];
        for (int k = 0; k < m; k++) {
            if (!(s[k] > cutoff)) {
                continue;
            }
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += u[k][i] * b[i];
            }
            double coef = dot / (s[k] * s[k]);
            for (int j = 0; j < m; j++) {
                x[j] += coef * v[k][j];
            }
        }
        return x;
    }

    /**
     * (AᵀA)⁺ = V·diag(1/s²)·Vᵀ over the singular values above {@code cutoff}.
     *
     * @param cutoff singular values at or below it are treated as zero
     * @return the m×m pseudo-inverse of the normal matrix
     */
    double[][] normalInverse(double cutoff) {
        double[][] out = new double[m][m];
        for (int k = 0; k < m; k++) {
            if (!(s[k] > cutoff)) {
                continue;
            }
            double w = 1 / (s[k] * s[k]);
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    out[a][b] += v[k][a] * v[k][b] * w;
                }
            }
        }
        return out;
    }
}

package org.scalefit.fit;

/**
 * Small dense linear systems by Gaussian elimination with partial pivoting: the few-by-few solves of the basin
 * scan's linear parameters, the likelihood's exact optimum and a Wald statistic.
 */
final class Gauss {
    private Gauss() {
    }

    /**
     * Solves A·x = b given as the augmented matrix [A | b] (l rows, l + 1 columns), which it overwrites.
     *
     * @param a the augmented matrix
     * @return x, or null when A is singular or not finite
     */
    static double[] solve(double[][] a) {
        int l = a.length;
        for (int col = 0; col < l; col++) {
            int pivot = col;
            for (int row = col + 1; row < l; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            if (a[col][col] == 0 || !Double.isFinite(a[col][col])) {
                return null;
            }
            for (int row = col + 1; row < l; row++) {
                double f = a[row][col] / a[col][col];
                for (int k = col; k <= l; k++) {
                    a[row][k] -= f * a[col][k];
                }
            }
        }
        double[] x = new double[l];
        for (int row = l - 1; row >= 0; row--) {
            double s = a[row][l];
            for (int k = row + 1; k < l; k++) {
                s -= a[row][k] * x[k];
            }
            x[row] = s / a[row][row];
        }
        return x;
    }
}

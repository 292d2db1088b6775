package org.scalefit.optimal;

/**
 * A power law y = k·C^e fitted by least squares of ln y on ln C, as Hoffmann et al. fitted N_opt and
 * D_opt against compute in their Approaches 1 and 2.
 *
 * <pre>{@code
 * ScalingFit n = IsoFlop.fit(compute, params, loss).nOpt();
 * double nAt1e24 = n.at(1e24);
 * }</pre>
 *
 * @param coefficient    k
 * @param exponent       e
 * @param exponentStderr standard error of e (OLS, scaled by the residual variance; NaN with 2 points)
 * @param r2             R² of the log-log regression
 * @param points         number of (C, y) points
 */
public record ScalingFit(double coefficient, double exponent, double exponentStderr, double r2, int points) {

    /**
     * @param c compute
     * @return k·c^e
     */
    public double at(double c) {
        return coefficient * Math.pow(c, exponent);
    }

    /**
     * Least squares of ln y on ln C.
     *
     * @param c compute values (&gt; 0)
     * @param y values (&gt; 0)
     * @return the fit
     */
    static ScalingFit of(double[] c, double[] y) {
        int n = c.length;
        if (n < 2) {
            return new ScalingFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(c[i]);
            my += Math.log(y[i]);
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(c[i]) - mx;
            double dy = Math.log(y[i]) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        double rss = syy - slope * sxy;
        double se = n > 2 && sxx > 0 ? Math.sqrt(Math.max(rss, 0) / (n - 2) / sxx) : Double.NaN;
        double r2 = syy > 0 ? 1 - Math.max(rss, 0) / syy : Double.NaN;
        return new ScalingFit(Math.exp(my - slope * mx), slope, se, r2, n);
    }
}

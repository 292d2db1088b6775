package org.scalefit.model;

/**
 * Ordinary least squares of v on u, the workhorse of data-driven initial guesses
 * (a power law is a straight line in log-log space, an exponential in semi-log space).
 *
 * @param slope     fitted slope
 * @param intercept fitted intercept
 * @param rss       residual sum of squares
 * @param count     number of points used
 */
record Ols(double slope, double intercept, double rss, int count) {

    /**
     * Fits v = intercept + slope·u over the points where both are finite.
     * Degenerate inputs (fewer than two usable points, or no spread in u) give slope 0 and the mean of v.
     */
    static Ols fit(double[] u, double[] v) {
        double su = 0;
        double sv = 0;
        int n = 0;
        for (int i = 0; i < u.length; i++) {
            if (Double.isFinite(u[i]) && Double.isFinite(v[i])) {
                su += u[i];
                sv += v[i];
                n++;
            }
        }
        if (n == 0) {
            return new Ols(0, 0, Double.POSITIVE_INFINITY, 0);
        }
        double mu = su / n;
        double mv = sv / n;
        double suu = 0;
        double suv = 0;
        for (int i = 0; i < u.length; i++) {
            if (Double.isFinite(u[i]) && Double.isFinite(v[i])) {
                double du = u[i] - mu;
                suu += du * du;
                suv += du * (v[i] - mv);
            }
        }
        double slope = (n >= 2 && suu > 0) ? suv / suu : 0.0;
        double intercept = mv - slope * mu;
        double rss = 0;
        for (int i = 0; i < u.length; i++) {
            if (Double.isFinite(u[i]) && Double.isFinite(v[i])) {
                double r = v[i] - intercept - slope * u[i];
                rss += r * r;
            }
        }
        return new Ols(slope, intercept, rss, n);
    }
}

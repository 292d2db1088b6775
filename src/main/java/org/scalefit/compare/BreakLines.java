package org.scalefit.compare;

import org.scalefit.data.Observations;
import org.scalefit.stats.Interval;
import org.scalefit.stats.Quantiles;

/**
 * The lines behind a {@link BreakResult}, for drawing it: the broken trend (continuous, its slope changing
 * at the most likely break), and the trend fitted to the earlier points only with the prediction interval
 * of a new point, the interval the latest points were checked against. Both are refitted here from the
 * same data, ordering and weights as {@link BreakTest}, so they agree with its slopes and its list of
 * points outside.
 *
 * <pre>{@code
 * BreakResult r = BreakTest.run(data, options);
 * BreakLines lines = BreakLines.of(data, r, options);
 * double y = lines.broken(1e22);
 * Interval band = lines.earlierPrediction(1e23);
 * }</pre>
 *
 * @param logX          true when the trend is linear in ln x (a power law), false for ln y linear in x
 * @param breakAt       the break location in x units
 * @param intercept     broken trend: ln y at the weighted mean of u (u = ln x or x)
 * @param slopeBefore   its slope of ln y in u before the break
 * @param slopeChange   the change of slope at the break
 * @param mean          the weighted mean of u of all points
 * @param earlyLevel    earlier trend: ln y at its own weighted mean of u
 * @param earlySlope    its slope of ln y in u
 * @param earlyMean     the weighted mean of u of the earlier points
 * @param earlyWeight   Σ w of the earlier points
 * @param earlySpread   Σ w (u − ū)² of the earlier points
 * @param variance      the earlier trend's residual variance RSS / (k − 2)
 * @param t             the t quantile of the prediction interval
 * @param lastTrained   the largest x of the earlier points
 * @param level         the interval's coverage, 1 − the test's false-alarm rate
 */
public record BreakLines(boolean logX, double breakAt, double intercept, double slopeBefore, double slopeChange,
                         double mean, double earlyLevel, double earlySlope, double earlyMean, double earlyWeight,
                         double earlySpread, double variance, double t, double lastTrained, double level) {

    /**
     * @param data    the data the test ran on
     * @param result  its result (break location, points trained and held out)
     * @param options its options (trend and level)
     * @return the two trends
     */
    public static BreakLines of(Observations data, BreakResult result, BreakOptions options) {
        int n = data.size();
        int[] order = BreakTest.sortedOrder(data);
        double[] u = new double[n];
        double[] v = new double[n];
        double[] sw = new double[n];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            u[r] = options.logX() ? Math.log(data.x(i)) : data.x(i);
            v[r] = Math.log(data.y(i));
            sw[r] = Math.sqrt(data.weight(i));
        }
        double tau = options.logX() ? Math.log(result.location()) : result.location();
        double[] broken = hinge(u, v, sw, tau);
        double m = 0;
        double ws = 0;
        for (int r = 0; r < n; r++) {
            m += sw[r] * sw[r] * u[r];
            ws += sw[r] * sw[r];
        }
        m /= ws;

        int k = result.trained();
        BreakTest.Design early = new BreakTest.Design(java.util.Arrays.copyOf(u, k), java.util.Arrays.copyOf(sw, k));
        double[] vt = new double[k];
        for (int r = 0; r < k; r++) {
            vt[r] = sw[r] * v[r];
        }
        double[] coef = early.coefficients(vt);
        double[] res = early.residualise(vt);
        double rss = 0;
        for (double e : res) {
            rss += e * e;
        }
        int dof = Math.max(k - 2, 1);
        double level = 1 - result.level();
        double tq = Quantiles.t(1 - result.level() / 2, dof);
        double lastTrained = options.logX() ? Math.exp(u[k - 1]) : u[k - 1];
        return new BreakLines(options.logX(), result.location(), broken[0], broken[1], broken[2], m, coef[0], coef[1],
                early.mean, early.aa, early.cc, rss / dof, tq, lastTrained, level);
    }

    /**
     * @param x an x value
     * @return the broken trend's y there
     */
    public double broken(double x) {
        double u = u(x);
        double tau = u(breakAt);
        return Math.exp(intercept + slopeBefore * (u - mean) + slopeChange * Math.max(u - tau, 0));
    }

    /**
     * @param x an x value
     * @return the earlier trend's y there
     */
    public double earlier(double x) {
        return Math.exp(earlyLevel + earlySlope * (u(x) - earlyMean));
    }

    /**
     * @param x an x value
     * @return the interval in which a new point of unit weight at x falls with probability {@link #level()},
     *         if the earlier trend holds
     */
    public Interval earlierPrediction(double x) {
        double d = u(x) - earlyMean;
        double leverage = 1 / earlyWeight + (earlySpread > 0 ? d * d / earlySpread : 0);
        double half = t * Math.sqrt(variance * (1 + leverage));
        double centre = earlyLevel + earlySlope * d;
        return new Interval(Math.exp(centre - half), Math.exp(centre + half));
    }

    private double u(double x) {
        return logX ? Math.log(x) : x;
    }

    /** Weighted least squares of v on [1, u − ū, max(u − τ, 0)]: {intercept at ū, slope before, change}. */
    private static double[] hinge(double[] u, double[] v, double[] sw, double tau) {
        double mean = 0;
        double ws = 0;
        for (int r = 0; r < u.length; r++) {
            mean += sw[r] * sw[r] * u[r];
            ws += sw[r] * sw[r];
        }
        mean /= ws;
        double[][] a = new double[3][3];
        double[] rhs = new double[3];
        for (int r = 0; r < u.length; r++) {
            double[] row = {sw[r], sw[r] * (u[r] - mean), sw[r] * Math.max(u[r] - tau, 0)};
            for (int i = 0; i < 3; i++) {
                rhs[i] += row[i] * sw[r] * v[r];
                for (int j = 0; j < 3; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        return solve(a, rhs);
    }

    /** Gaussian elimination with partial pivoting of a 3 × 3 system. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[p];
            m[p] = tmp;
            for (int r = c + 1; r < n; r++) {
                double f = m[c][c] != 0 ? m[r][c] / m[c][c] : 0;
                for (int j = c; j <= n; j++) {
                    m[r][j] -= f * m[c][j];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int j = r + 1; j < n; j++) {
                s -= m[r][j] * x[j];
            }
            x[r] = m[r][r] != 0 ? s / m[r][r] : 0;
        }
        return x;
    }
}

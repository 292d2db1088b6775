package org.scalefit.reproduce;

import java.util.List;
import org.scalefit.plot.charts.XY;

/**
 * The lower envelope of many curves on a common log-spaced grid: at each grid x, the lowest value over
 * the curves that cover it, interpolated linearly in log-log coordinates, with the index of the curve
 * that gives it (Kaplan et al.'s compute-efficient frontier of learning curves).
 *
 * <pre>{@code
 * CurveEnvelope e = CurveEnvelope.lower(curves, 240);
 * double[] frontier = e.y();
 * }</pre>
 *
 * @param x      grid
 * @param y      envelope value at each grid point (NaN where no curve covers it)
 * @param winner index of the curve giving the envelope at each grid point (−1 for none)
 */
record CurveEnvelope(double[] x, double[] y, int[] winner) {

    /**
     * @param curves curves with increasing, positive x and positive y
     * @param n      grid points, log-spaced over all curves' x
     * @return the lower envelope
     */
    static CurveEnvelope lower(List<XY> curves, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XY c : curves) {
            lo = Math.min(lo, c.minX());
            hi = Math.max(hi, c.maxX());
        }
        double[] gx = new double[n];
        double[] gy = new double[n];
        int[] win = new int[n];
        for (int i = 0; i < n; i++) {
            gx[i] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
            gy[i] = Double.NaN;
            win[i] = -1;
            for (int k = 0; k < curves.size(); k++) {
                double v = interpolate(curves.get(k), gx[i]);
                if (Double.isFinite(v) && (Double.isNaN(gy[i]) || v < gy[i])) {
                    gy[i] = v;
                    win[i] = k;
                }
            }
        }
        return new CurveEnvelope(gx, gy, win);
    }

    /** Linear in (ln x, ln y); NaN outside the curve. */
    static double interpolate(XY c, double at) {
        double[] x = c.x();
        double[] y = c.y();
        if (x.length == 0 || at < x[0] * (1 - 1e-12) || at > x[x.length - 1] * (1 + 1e-12)) {
            return Double.NaN;
        }
        for (int i = 1; i < x.length; i++) {
            if (x[i] >= at) {
                double f = (Math.log(at) - Math.log(x[i - 1])) / (Math.log(x[i]) - Math.log(x[i - 1]));
                if (!Double.isFinite(f)) {
                    return y[i];
                }
                return Math.exp(Math.log(y[i - 1]) + f * (Math.log(y[i]) - Math.log(y[i - 1])));
            }
        }
        return y[0];
    }
}

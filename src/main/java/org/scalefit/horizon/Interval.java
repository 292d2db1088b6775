package org.scalefit.horizon;

import java.util.Arrays;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * A percentile interval from replicates: the (1 − level)/2 and (1 + level)/2 quantiles with
 * NumPy's default linear interpolation. Ends may be 0 or +∞ (a horizon below the shortest or
 * above the longest task in some replicates) and are NaN when no replicate was usable.
 *
 * <pre>{@code
 * Interval ci = result.interval("GPT-4o", 0.5);
 * System.out.println(ci.lower() + " – " + ci.upper() + " minutes (" + ci.used() + " replicates)");
 * }</pre>
 *
 * @param lower    lower end
 * @param upper    upper end
 * @param level    confidence level, e.g. 0.95
 * @param used     replicates that entered the quantiles
 * @param excluded replicates left out (no value: the model had no task in the resample, or a fit failed)
 */
public record Interval(double lower, double upper, double level, int used, int excluded) {

    /** An interval with no information. */
    static Interval none(double level) {
        return new Interval(Double.NaN, Double.NaN, level, 0, 0);
    }

    /**
     * The percentile interval of the non-NaN values.
     *
     * @param values replicate values; NaN marks a replicate without a value
     * @param level  confidence level
     * @return the interval
     */
    public static Interval percentile(double[] values, double level) {
        double[] s = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s[n++] = v;
            }
        }
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, level, 0, values.length);
        }
        s = Arrays.copyOf(s, n);
        Arrays.sort(s);
        return new Interval(quantile(s, (1 - level) / 2), quantile(s, (1 + level) / 2), level, n, values.length - n);
    }

    /** Linear interpolation between order statistics; an infinite neighbour makes the quantile infinite. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = h - lo;
        if (frac == 0 || sorted[lo] == sorted[hi]) {
            return sorted[lo];
        }
        if (Double.isInfinite(sorted[hi])) {
            return sorted[hi];
        }
        if (Double.isInfinite(sorted[lo])) {
            return sorted[lo];
        }
        return BootstrapResult.quantile(sorted, q);
    }

    /** @return true when both ends are finite numbers */
    public boolean isFinite() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /**
     * @param v a value
     * @return true when lower ≤ v ≤ upper
     */
    public boolean contains(double v) {
        return v >= lower && v <= upper;
    }
}

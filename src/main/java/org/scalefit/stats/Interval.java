package org.scalefit.stats;

import java.util.Arrays;

/**
 * A closed interval [lower, upper] — a confidence or prediction interval, a band at one x, the percentile
 * interval of bootstrap replicates. Either end may be infinite (an unbounded side, a horizon above the
 * longest task in some replicates) or NaN (unknown). An interval made from replicates also says its level
 * and how many replicates entered it; one computed otherwise has level NaN and counts 0.
 *
 * <pre>{@code
 * Interval ci = new Interval(0.12, 0.17);
 * boolean covers = ci.contains(0.15);
 * Interval boot = Interval.percentile(replicates, 0.95);
 * System.out.println(boot.lower() + " – " + boot.upper() + " (" + boot.used() + " replicates)");
 * }</pre>
 *
 * @param lower    lower end
 * @param upper    upper end
 * @param level    confidence level, e.g. 0.95 (NaN when not known)
 * @param used     replicates that entered the quantiles (0 when not made from replicates)
 * @param excluded replicates left out (no value: the model had no task in the resample, or a fit failed)
 */
public record Interval(double lower, double upper, double level, int used, int excluded) {

    /**
     * An interval not made from replicates.
     *
     * @param lower lower end
     * @param upper upper end
     */
    public Interval(double lower, double upper) {
        this(lower, upper, Double.NaN, 0, 0);
    }

    /**
     * @param level the confidence level it would have had
     * @return an interval with no information (NaN ends, no replicates)
     */
    public static Interval none(double level) {
        return new Interval(Double.NaN, Double.NaN, level, 0, 0);
    }

    /**
     * The percentile interval of the non-NaN values: the (1 − level)/2 and (1 + level)/2 quantiles with
     * NumPy's default linear interpolation ({@link Quantiles#percentileWithInfinities}).
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
        return new Interval(Quantiles.percentileWithInfinities(s, (1 - level) / 2),
                Quantiles.percentileWithInfinities(s, (1 + level) / 2), level, n, values.length - n);
    }

    /** @return true when both ends are finite numbers */
    public boolean isFinite() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }

    /**
     * @param v a value
     * @return true when lower ≤ v ≤ upper (false when an end is NaN)
     */
    public boolean contains(double v) {
        return lower <= v && v <= upper;
    }

    /** @return upper − lower */
    public double width() {
        return upper - lower;
    }
}

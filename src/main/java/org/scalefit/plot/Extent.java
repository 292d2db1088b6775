package org.scalefit.plot;

/**
 * The range of values an axis must show, collected from data, bars, curves and read-offs, and padded
 * on its own scale (in decades on a log axis). Non-finite values, and values ≤ 0 on a log scale, are
 * ignored, so a curve that dips below zero does not break a log axis.
 *
 * <p>A small mutable accumulator, used inside one chart method and then read once.
 *
 * <pre>{@code
 * Extent y = new Extent(Scale.LOG).add(ys).add(lower).add(upper).add(480);
 * double[] range = y.padded(0.06);    // 6% of the span each side, in log units
 * Axis axis = style.axis(range[0], range[1], "p50_minutes");
 * }</pre>
 */
public final class Extent {
    private final Scale scale;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;

    /**
     * @param scale the scale the range is padded on
     */
    public Extent(Scale scale) {
        this.scale = java.util.Objects.requireNonNull(scale, "scale");
    }

    /**
     * @param v a value to show (ignored when not finite, or ≤ 0 on a log scale)
     * @return this extent
     */
    public Extent add(double v) {
        double t = scale.transform(v);
        if (Double.isFinite(t)) {
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        return this;
    }

    /**
     * @param values values to show
     * @return this extent
     */
    public Extent add(double[] values) {
        for (double v : values) {
            add(v);
        }
        return this;
    }

    /** @return true when no value has been added */
    public boolean isEmpty() {
        return !(hi >= lo);
    }

    /** @return the smallest value added (NaN when empty) */
    public double min() {
        return isEmpty() ? Double.NaN : scale.inverse(lo);
    }

    /** @return the largest value added (NaN when empty) */
    public double max() {
        return isEmpty() ? Double.NaN : scale.inverse(hi);
    }

    /**
     * The range padded by {@code fraction} of its span on each side, measured on the scale. A single
     * value gets half a decade each side on a log scale, 10% of its size (at least 1) on a linear one;
     * an empty extent gives 1…10 (log) or 0…1 (linear).
     *
     * @param fraction padding as a fraction of the span, each side (≥ 0)
     * @return {min, max} in data units
     */
    public double[] padded(double fraction) {
        double a = lo;
        double b = hi;
        if (isEmpty()) {
            a = 0;
            b = 1;
        } else if (!(b > a)) {
            double half = scale == Scale.LOG ? 0.5 : Math.max(1, Math.abs(a) * 0.1);
            a -= half;
            b += half;
        }
        double pad = Math.max(0, fraction) * (b - a);
        return new double[] {scale.inverse(a - pad), scale.inverse(b + pad)};
    }
}

package org.scalefit.plot;

/**
 * How an axis maps values to positions: linearly, or by their logarithm (any base gives the same
 * picture; tick positions decide whether it reads as decades or doublings).
 *
 * <pre>{@code
 * Axis x = Axis.of(Scale.LOG, 1e17, 1e25, Ticks.log(1e17, 1e25, LogStyle.SUPERSCRIPT));
 * }</pre>
 */
public enum Scale {
    /** Position proportional to the value. */
    LINEAR,
    /** Position proportional to the logarithm of the value; values must be positive. */
    LOG;

    /**
     * @param v a value
     * @return the coordinate the axis maps linearly: v itself, or log10 v (NaN when v ≤ 0)
     */
    public double transform(double v) {
        if (this == LINEAR) {
            return v;
        }
        return v > 0 ? Math.log10(v) : Double.NaN;
    }

    /**
     * @param t a transformed coordinate
     * @return the value: t itself, or 10^t
     */
    public double inverse(double t) {
        return this == LINEAR ? t : Math.pow(10, t);
    }
}

package org.scalefit.plot;

import java.util.Objects;

/**
 * One axis of a panel: scale, range, ticks, title, and whether tick labels are drawn (a panel
 * stacked above another sharing its x axis hides them).
 *
 * <pre>{@code
 * Axis x = Axis.log(1e-9, 10, Ticks.log(1e-9, 10, Ticks.LogStyle.SUPERSCRIPT)).withTitle("Compute (PF-days)");
 * Axis y = Axis.linear(-2300, 100, Ticks.linear(-2300, 100, 6)).withTitle("Elo v. perfect play");
 * }</pre>
 *
 * @param scale      linear or log
 * @param min        lower end in data units (&gt; 0 on a log axis)
 * @param max        upper end (&gt; min)
 * @param ticks      major and minor ticks
 * @param title      axis title, may hold {@code ^{…}}/{@code _{…}} markup; empty for none
 * @param tickLabels whether major tick labels are drawn
 */
public record Axis(Scale scale, double min, double max, Ticks ticks, String title, boolean tickLabels) {
    /**
     * Checks the arguments.
     *
     * @param scale      linear or log
     * @param min        lower end in data units (&gt; 0 on a log axis)
     * @param max        upper end (&gt; min)
     * @param ticks      major and minor ticks
     * @param title      axis title, may hold {@code ^{…}}/{@code _{…}} markup; empty for none
     * @param tickLabels whether major tick labels are drawn
     * @throws IllegalArgumentException if a component is outside its domain
     * @throws NullPointerException if a required component is null
     */
    public Axis {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(ticks, "ticks");
        Objects.requireNonNull(title, "title");
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("axis range must be finite with max > min, got " + min + " … " + max);
        }
        if (scale == Scale.LOG && !(min > 0)) {
            throw new IllegalArgumentException("a log axis needs min > 0, got " + min);
        }
    }

    /**
     * @param min   lower end
     * @param max   upper end
     * @param ticks ticks
     * @return a linear axis without a title
     */
    public static Axis linear(double min, double max, Ticks ticks) {
        return new Axis(Scale.LINEAR, min, max, ticks, "", true);
    }

    /**
     * @param min   lower end (&gt; 0)
     * @param max   upper end
     * @param ticks ticks
     * @return a log axis without a title
     */
    public static Axis log(double min, double max, Ticks ticks) {
        return new Axis(Scale.LOG, min, max, ticks, "", true);
    }

    /**
     * @param t a title
     * @return this axis with that title
     */
    public Axis withTitle(String t) {
        return new Axis(scale, min, max, ticks, t, tickLabels);
    }

    /**
     * @param t new ticks
     * @return this axis with those ticks
     */
    public Axis withTicks(Ticks t) {
        return new Axis(scale, min, max, t, title, tickLabels);
    }

    /** @return this axis without tick labels (ticks are still drawn) */
    public Axis withoutTickLabels() {
        return new Axis(scale, min, max, ticks, title, false);
    }

    /**
     * @param v a value in data units
     * @return its position along the axis, 0 at min and 1 at max (NaN for v ≤ 0 on a log axis)
     */
    public double fraction(double v) {
        double a = scale.transform(min);
        double b = scale.transform(max);
        return (scale.transform(v) - a) / (b - a);
    }

    /**
     * @param v a value in data units
     * @return true when it lies within the range (with a relative tolerance of 1e-9 of the span)
     */
    public boolean contains(double v) {
        double f = fraction(v);
        return f >= -1e-9 && f <= 1 + 1e-9;
    }
}

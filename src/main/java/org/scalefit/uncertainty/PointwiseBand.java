package org.scalefit.uncertainty;

import java.util.Objects;

/**
 * A confidence band for a fitted curve: at each x, the curve's value and the interval around it,
 * with the confidence level and the method that produced it ({@code delta} from the fit's
 * covariance, or a bootstrap). Plots take a band from any method through this record.
 *
 * <pre>{@code
 * PointwiseBand band = DeltaMethodBand.of(fit, xs);
 * double lowAt0 = band.lower()[0];
 * }</pre>
 *
 * @param x      x values (copied)
 * @param center the fitted curve at x (copied)
 * @param lower  lower bound at x (copied)
 * @param upper  upper bound at x (copied)
 * @param level  confidence level, e.g. 0.95
 * @param method how the band was computed, e.g. {@code delta} or {@code bootstrap-percentile}
 */
public record PointwiseBand(double[] x, double[] center, double[] lower, double[] upper, double level, String method) {
    /**
     * Copies and checks the arrays.
     *
     * @param x      x values (copied)
     * @param center the fitted curve at x (copied)
     * @param lower  lower bound at x (copied)
     * @param upper  upper bound at x (copied)
     * @param level  confidence level, e.g. 0.95
     * @param method how the band was computed, e.g. {@code delta} or {@code bootstrap-percentile}
     * @throws IllegalArgumentException if a component is outside its domain
     * @throws NullPointerException if a required component is null
     */
    public PointwiseBand {
        x = x.clone();
        center = center.clone();
        lower = lower.clone();
        upper = upper.clone();
        Objects.requireNonNull(method, "method");
        if (center.length != x.length || lower.length != x.length || upper.length != x.length) {
            throw new IllegalArgumentException("band arrays differ in length");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }

    /** @return x values (a copy: the record keeps its own array) */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** @return the fitted curve at x (a copy: the record keeps its own array) */
    @Override
    public double[] center() {
        return center.clone();
    }

    /** @return lower bound at x (a copy: the record keeps its own array) */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** @return upper bound at x (a copy: the record keeps its own array) */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** @return the number of points */
    public int size() {
        return x.length;
    }
}

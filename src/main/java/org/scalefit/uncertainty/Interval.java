package org.scalefit.uncertainty;

/**
 * A closed interval [lower, upper]; either end may be infinite (an unbounded side) or NaN (unknown).
 *
 * <pre>{@code
 * Interval ci = new Interval(0.12, 0.17);
 * boolean covers = ci.contains(0.15);
 * }</pre>
 *
 * @param lower lower end
 * @param upper upper end
 */
public record Interval(double lower, double upper) {
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

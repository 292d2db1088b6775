package org.scalefit.fit;

import org.scalefit.InvalidDataException;

/**
 * A closed interval a parameter must stay in; either end may be infinite.
 * The engine enforces it by a smooth change of variables (MINUIT's sine and square-root
 * transforms), so the optimiser itself is unconstrained and a parameter can sit exactly on a bound,
 * which the fit then reports as a warning.
 *
 * <pre>{@code
 * Bound b = Bound.parse("0:2");        // 0 ≤ alpha ≤ 2
 * Bound atLeastZero = Bound.parse("0:");
 * }</pre>
 *
 * @param lower lower end, or −∞
 * @param upper upper end, or +∞
 */
public record Bound(double lower, double upper) {
    /**
     * Validates the interval.
     *
     * @param lower lower end, or −∞
     * @param upper upper end, or +∞
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     */
    public Bound {
        if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
            throw new InvalidDataException("bound needs lower < upper, got " + lower + ":" + upper);
        }
    }

    /**
     * Parses {@code LO:HI}; either side may be empty (unbounded) or {@code inf}/{@code -inf}.
     *
     * @param text the bound
     * @return the bound
     * @throws InvalidDataException if the text is not {@code LO:HI} with numbers (or empty ends)
     */
    public static Bound parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidDataException("bound \"" + text + "\" must look like LO:HI (either side may be empty)");
        }
        return new Bound(end(text.substring(0, colon), Double.NEGATIVE_INFINITY, text),
                end(text.substring(colon + 1), Double.POSITIVE_INFINITY, text));
    }

    private static double end(String s, double missing, String whole) {
        String t = s.trim();
        if (t.isEmpty()) {
            return missing;
        }
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new InvalidDataException("bound \"" + whole + "\": \"" + t + "\" is not a number");
                }
            }
        }
    }

    /**
     * @param v a value
     * @return true when lower ≤ v ≤ upper
     */
    public boolean contains(double v) {
        return v >= lower && v <= upper;
    }

    /** @return {@code LO:HI} */
    @Override
    public String toString() {
        return (Double.isInfinite(lower) ? "" : Double.toString(lower)) + ":"
                + (Double.isInfinite(upper) ? "" : Double.toString(upper));
    }
}

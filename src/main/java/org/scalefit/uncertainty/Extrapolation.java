package org.scalefit.uncertainty;

import org.scalefit.Numbers;
import org.scalefit.data.Observations;

/**
 * How far a prediction point lies outside the data, and a warning that grows with the distance. For a
 * predictor that must be positive (compute, parameters, tokens) the distance is in decades,
 * |log10(x / nearest data end)|; for any other predictor (a date, a linear x) it is in multiples of the
 * data's span. A band out there assumes the law keeps holding: it covers the uncertainty of the fitted
 * parameters and the noise, not a change of regime, so the farther out the less it is worth.
 *
 * <pre>{@code
 * Extrapolation e = Extrapolation.of(fit.data(), true, 1e26);
 * if (e.severity() != Extrapolation.Severity.NONE) System.err.println(e.message());
 * }</pre>
 *
 * @param distance how far beyond the data (0 inside)
 * @param unit     {@code decades} or {@code spans}
 * @param side     {@code inside}, {@code above} or {@code below} the data
 * @param severity the warning level
 * @param message  one line for humans
 */
public record Extrapolation(double distance, String unit, String side, Severity severity, String message) {

    /** Warning levels, by distance beyond the data. */
    public enum Severity {
        /** Inside the data. */
        NONE,
        /** Up to half a decade (a quarter span) out. */
        MILD,
        /** Up to one decade (half a span) out. */
        MODERATE,
        /** Up to two decades (one span) out. */
        STRONG,
        /** Farther. */
        SEVERE
    }

    /**
     * @param data     the fitted observations (first predictor)
     * @param logScale true to measure in decades (a positive predictor), false for spans
     * @param x        the prediction point
     * @return its distance and warning
     */
    public static Extrapolation of(Observations data, boolean logScale, double x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            lo = Math.min(lo, data.x(i));
            hi = Math.max(hi, data.x(i));
        }
        String side = x > hi ? "above" : (x < lo ? "below" : "inside");
        double d;
        String unit;
        if (logScale && x > 0 && lo > 0) {
            unit = "decades";
            d = x > hi ? Math.log10(x / hi) : (x < lo ? Math.log10(lo / x) : 0);
        } else {
            unit = "spans";
            double span = hi - lo;
            double gap = x > hi ? x - hi : (x < lo ? lo - x : 0);
            d = gap == 0 ? 0 : (span > 0 ? gap / span : Double.POSITIVE_INFINITY);
        }
        double scale = unit.equals("decades") ? 1.0 : 0.5;
        // a hair of slack so that 1e26 against data ending at 1e24 counts as the 2 decades it is
        double eps = 1e-9;
        Severity s;
        if (d == 0) {
            s = Severity.NONE;
        } else if (d <= 0.5 * scale + eps) {
            s = Severity.MILD;
        } else if (d <= 1.0 * scale + eps) {
            s = Severity.MODERATE;
        } else if (d <= 2.0 * scale + eps) {
            s = Severity.STRONG;
        } else {
            s = Severity.SEVERE;
        }
        String where = Numbers.format(d, 2) + " " + (d == 1 ? unit.substring(0, unit.length() - 1) : unit) + " "
                + side + " the data";
        String message = switch (s) {
            case NONE -> "inside the data";
            case MILD -> where + ": mild extrapolation";
            case MODERATE -> where + ": the band assumes the law keeps holding there";
            case STRONG -> where + ": strong extrapolation; the band covers parameter and noise uncertainty, "
                    + "not a change of regime";
            case SEVERE -> where + ": far extrapolation; treat it as a scenario, not a forecast";
        };
        return new Extrapolation(d, unit, side, s, message);
    }
}

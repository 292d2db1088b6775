package org.scalefit.model;

import org.scalefit.InvalidDataException;

/**
 * The range of values of a parameter that given data can determine, e.g. a break location inside the
 * span of the data: outside it the law cannot tell the break from a change of its other parameters, so
 * an optimiser left free there only wanders. A law proposes ranges through {@link Law#range}; the
 * engine keeps the parameter inside (on a log scale for positive parameters) unless the user bounds it,
 * and warns when the fit rests on an edge.
 *
 * <pre>{@code
 * ParameterRange breakAt = new ParameterRange(1e18, 1e24);
 * }</pre>
 *
 * @param lower  lower end (finite)
 * @param upper  upper end (finite, above lower)
 * @param reason why the parameter is held there, as the fit's constraints list it
 */
public record ParameterRange(double lower, double upper, String reason) {
    /**
     * Validates the ends.
     *
     * @param lower  lower end (finite)
     * @param upper  upper end (finite, above lower)
     * @param reason why the parameter is held there, as the fit's constraints list it
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     */
    public ParameterRange {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new InvalidDataException("a parameter range needs finite lower < upper, got " + lower + ":" + upper);
        }
        java.util.Objects.requireNonNull(reason, "reason");
    }

    /**
     * A range with a generic reason.
     *
     * @param lower lower end (finite)
     * @param upper upper end (finite, above lower)
     */
    public ParameterRange(double lower, double upper) {
        this(lower, upper, "the values these data can determine");
    }
}

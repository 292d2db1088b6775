package org.scalefit.downstream;

/**
 * A predicted value with two 95% intervals (or at the fit's confidence level): where the fitted curve
 * lies ({@code lower}, {@code upper}: the uncertainty of the laws' parameters) and where a newly trained
 * run may land ({@code newRunLower}, {@code newRunUpper}: plus the runs' scatter about the laws).
 * Bounds are NaN when they cannot be computed (a fit with no degrees of freedom).
 *
 * <pre>{@code
 * PredictedValue err = prediction.metric();
 * System.out.printf("%.4f [%.4f, %.4f] (%s)%n", err.value(), err.lower(), err.upper(), err.method());
 * }</pre>
 *
 * @param value       the prediction
 * @param lower       lower end of the curve's interval
 * @param upper       upper end of the curve's interval
 * @param newRunLower lower end of the interval for a new run
 * @param newRunUpper upper end of the interval for a new run
 * @param method      {@code delta} (through both steps) or {@code bootstrap-percentile}
 */
public record PredictedValue(double value, double lower, double upper, double newRunLower, double newRunUpper,
                             String method) {
    /** @return a value without intervals */
    static PredictedValue point(double value) {
        return new PredictedValue(value, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "none");
    }

    /** @return upper − lower, NaN without an interval */
    public double width() {
        return upper - lower;
    }

    /**
     * @param observed an observed value
     * @return true when it lies inside the new-run interval
     */
    public boolean covers(double observed) {
        return observed >= newRunLower && observed <= newRunUpper;
    }
}

package org.scalefit.fit;

/**
 * A quantity computed from fitted parameters (a doubling time, an exponent, the x where y reaches
 * a target), with a standard error and interval by the delta method, or by the bootstrap when the
 * caller computed it that way ({@link #method()} says which).
 *
 * <pre>{@code
 * Estimate months = fit.derived("doubling_time_months");
 * System.out.println(months.value() + " months, 95% CI " + months.lower() + "–" + months.upper());
 * }</pre>
 *
 * @param name        machine name
 * @param unit        unit text (may be empty)
 * @param description one line for humans
 * @param value       point estimate
 * @param stderr      standard error (NaN when unavailable)
 * @param lower       lower interval end
 * @param upper       upper interval end
 * @param method      how the interval was computed, e.g. {@code delta} or {@code bootstrap-percentile}
 */
public record Estimate(String name, String unit, String description, double value, double stderr, double lower,
                       double upper, String method) {
}

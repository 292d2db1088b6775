package org.scalefit.fit;

/**
 * One fitted parameter: its value, standard error and confidence interval (t-based, at the
 * fit's confidence level). A fixed parameter has standard error 0 and a degenerate interval.
 * When the standard error cannot be computed (no degrees of freedom, singular information matrix)
 * it is NaN and the fit says why in its warnings.
 *
 * <pre>{@code
 * Parameter alpha = fit.parameter("alpha");
 * System.out.printf("alpha = %.4f ± %.4f%n", alpha.value(), alpha.stderr());
 * }</pre>
 *
 * @param name   parameter name
 * @param value  fitted value
 * @param stderr standard error (scaled by the residual variance unless sigmas were given)
 * @param lower  lower end of the confidence interval
 * @param upper  upper end of the confidence interval
 * @param fixed  true when the user held it fixed
 */
public record Parameter(String name, double value, double stderr, double lower, double upper, boolean fixed) {
}

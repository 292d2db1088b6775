package org.scalefit.uncertainty;

import org.scalefit.stats.Interval;

/**
 * The fitted curve at one x with a confidence band (where the curve itself may lie) and a prediction
 * band (where a new observation may fall: curve uncertainty plus noise), both at the fit's confidence
 * level, and how far x lies beyond the data.
 *
 * <pre>{@code
 * Prediction p = Bands.delta(fit, 1e26);
 * System.out.println(p.value() + " in " + p.prediction() + " — " + p.extrapolation().message());
 * }</pre>
 *
 * @param x             the predictor value
 * @param value         the fitted curve at x
 * @param confidence    band for the curve
 * @param prediction    band for a new observation
 * @param method        {@code delta} or {@code bootstrap-percentile}
 * @param extrapolation distance beyond the data and its warning
 */
public record Prediction(double x, double value, Interval confidence, Interval prediction, String method,
                         Extrapolation extrapolation) {
}

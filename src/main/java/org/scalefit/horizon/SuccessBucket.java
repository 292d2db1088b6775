package org.scalefit.horizon;

/**
 * The empirical success rate of one model on tasks whose length falls in [lowMinutes, highMinutes),
 * weighted as in the fit; the dots drawn next to a fitted success curve.
 *
 * <pre>{@code
 * SuccessBucket s = Horizons.successBuckets(runs, "o1", Weighting.INVSQRT, edges).get(0);
 * double centre = Math.sqrt(s.lowMinutes() * s.highMinutes());   // geometric midpoint for a log axis
 * }</pre>
 *
 * @param lowMinutes  lower edge, minutes (inclusive)
 * @param highMinutes upper edge, minutes (exclusive)
 * @param runs        runs in the bin
 * @param tasks       distinct tasks in the bin
 * @param successRate Σ w·score / Σ w, NaN for an empty bin
 */
public record SuccessBucket(double lowMinutes, double highMinutes, int runs, int tasks, double successRate) {
}

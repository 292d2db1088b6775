package org.scalefit.downstream;

import java.util.Objects;

/**
 * A model to predict: a name, its size N and its training tokens D, and the loss and metric observed
 * for it when it has been trained (NaN otherwise).
 *
 * <pre>{@code
 * PredictPoint p = PredictPoint.of("7B-4T", 6.887575552e9, 3.945065873408e12);
 * }</pre>
 *
 * @param id             a name for reports
 * @param n              N, parameters (&gt; 0)
 * @param d              D, training tokens (&gt; 0)
 * @param observedLoss   the observed loss, or NaN
 * @param observedMetric the observed metric, or NaN
 */
public record PredictPoint(String id, double n, double d, double observedLoss, double observedMetric) {
    /**
     * Checks N and D.
     *
     * @param id             a name for reports
     * @param n              N, parameters (&gt; 0)
     * @param d              D, training tokens (&gt; 0)
     * @param observedLoss   the observed loss, or NaN
     * @param observedMetric the observed metric, or NaN
     * @throws DownstreamInputException if N or D is not a positive finite number
     */
    public PredictPoint {
        Objects.requireNonNull(id, "id");
        if (!(n > 0 && d > 0 && Double.isFinite(n) && Double.isFinite(d))) {
            throw new DownstreamInputException(DownstreamInputException.Part.PREDICT_SET,
                    "the point to predict " + id + " needs N > 0 and D > 0, got N = " + n + ", D = " + d);
        }
    }

    /**
     * @param id a name
     * @param n  N
     * @param d  D
     * @return a point without observations
     */
    public static PredictPoint of(String id, double n, double d) {
        return new PredictPoint(id, n, d, Double.NaN, Double.NaN);
    }

    /** @return C = 6·N·D */
    public double compute() {
        return 6 * n * d;
    }
}

package org.scalefit.downstream;

import java.util.List;
import java.util.Objects;

/**
 * The prediction for one model: its loss from the loss law, its metric through the link (two steps),
 * the metric from the direct form when it was fitted, and how far the prediction extrapolates.
 *
 * <pre>{@code
 * DownstreamPrediction p = fit.predict(PredictPoint.of("7B", 6.9e9, 1.38e11));
 * double err = p.metric().value();
 * double decades = p.computeDecadesBeyond();   // above the largest compute in the loss fit
 * }</pre>
 *
 * @param point                the model predicted (with its observed values, if any)
 * @param loss                 the predicted loss
 * @param metric               the predicted metric (two steps)
 * @param direct               the metric from the direct form, or null when it was not fitted
 * @param computeDecadesBeyond log₁₀ of C = 6·N·D over the largest compute of the loss fit (negative: inside)
 * @param lossBeyondLink       how far the predicted loss lies outside the losses the link was fitted on
 *                             (below the smallest or above the largest; 0 inside), in units of the loss
 * @param notes                what a reader must know about this prediction (extrapolation)
 */
public record DownstreamPrediction(PredictPoint point, PredictedValue loss, PredictedValue metric, PredictedValue direct,
                                   double computeDecadesBeyond, double lossBeyondLink, List<String> notes) {
    /**
     * Copies the notes.
     *
     * @param point                the model predicted (with its observed values, if any)
     * @param loss                 the predicted loss
     * @param metric               the predicted metric (two steps)
     * @param direct               the metric from the direct form, or null when it was not fitted
     * @param computeDecadesBeyond log₁₀ of C over the largest compute of the loss fit
     * @param lossBeyondLink       distance of the predicted loss outside the link's fitted losses
     * @param notes                what a reader must know about this prediction
     */
    public DownstreamPrediction {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(metric, "metric");
        notes = List.copyOf(notes);
    }

    /** @return (predicted − observed)/observed of the loss, NaN without an observation */
    public double lossRelativeError() {
        return (loss.value() - point.observedLoss()) / point.observedLoss();
    }

    /** @return (predicted − observed)/observed of the metric, NaN without an observation */
    public double metricRelativeError() {
        return (metric.value() - point.observedMetric()) / point.observedMetric();
    }

    /** @return predicted − observed metric, NaN without an observation */
    public double metricError() {
        return metric.value() - point.observedMetric();
    }
}

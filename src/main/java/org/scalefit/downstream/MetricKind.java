package org.scalefit.downstream;

/**
 * Whether the metric is an error (lower is better, e.g. Gadre et al.'s average top-1 error) or an
 * accuracy (higher is better, e.g. the OLMo ladder's task accuracy). The direct form models the score
 * Q: the accuracy itself, or 1 − error.
 *
 * <pre>{@code
 * double q = MetricKind.ERROR.score(0.47);   // 0.53
 * }</pre>
 */
public enum MetricKind {
    /** Lower is better; the score is 1 − metric. */
    ERROR,
    /** Higher is better; the score is the metric. */
    ACCURACY;

    /**
     * @param metric a metric value
     * @return the score Q the direct form models
     */
    public double score(double metric) {
        return this == ERROR ? 1 - metric : metric;
    }

    /**
     * @param score a score Q
     * @return the metric value it corresponds to
     */
    public double metric(double score) {
        return this == ERROR ? 1 - score : score;
    }
}

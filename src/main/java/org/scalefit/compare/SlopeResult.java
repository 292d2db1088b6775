package org.scalefit.compare;

import java.util.List;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;

/**
 * Two fitted curves compared: the difference of their exponents and the compute multiplier at the
 * requested scales, each with an interval, and the answer in words.
 *
 * <pre>{@code
 * SlopeResult r = SlopeComparison.run(baseline, improved, options);
 * for (SlopeResult.Multiplier m : r.multipliers()) System.out.println(m.at() + ": " + m.value() + "×");
 * }</pre>
 *
 * @param baseline           the baseline fit
 * @param improved           the improved fit
 * @param exponentDifference alpha(improved) − alpha(baseline) with its interval
 * @param multipliers        the compute multiplier at each requested compute and loss
 * @param verdict            the answer in words
 * @param pairedReplicates   bootstrap replicate pairs behind the intervals (0: delta method)
 * @param failedReplicates   bootstrap replicates that failed in either data set
 */
public record SlopeResult(Fit baseline, Fit improved, Estimate exponentDifference, List<Multiplier> multipliers,
                          String verdict, int pairedReplicates, int failedReplicates) {
    /**
     * Copies the list.
     *
     * @param baseline           the baseline fit
     * @param improved           the improved fit
     * @param exponentDifference alpha(improved) − alpha(baseline) with its interval
     * @param multipliers        the compute multiplier at each requested compute and loss
     * @param verdict            the answer in words
     * @param pairedReplicates   bootstrap replicate pairs behind the intervals (0: delta method)
     * @param failedReplicates   bootstrap replicates that failed in either data set
     */
    public SlopeResult {
        multipliers = List.copyOf(multipliers);
    }

    /**
     * How much more compute the baseline needs to match the improved curve.
     *
     * @param kind   {@code compute} (at the improved curve's loss at that compute) or {@code loss} (to reach that loss)
     * @param at     the compute or loss value
     * @param value  the multiplier (+∞ when the baseline never gets there)
     * @param stderr standard error of ln(multiplier)
     * @param lower  lower end of the interval
     * @param upper  upper end of the interval
     * @param method {@code delta} or {@code bootstrap-percentile}
     * @param note   an extrapolation warning or why there is no value; empty when neither applies
     */
    public record Multiplier(String kind, double at, double value, double stderr, double lower, double upper,
                             String method, String note) {
    }
}

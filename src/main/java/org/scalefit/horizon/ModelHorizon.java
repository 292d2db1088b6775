package org.scalefit.horizon;

import java.util.List;

/**
 * One model's fitted success curve P(success | task of t minutes) = σ(b0 + b1·log2 t) and the
 * horizons read from it: the p-horizon h_p = 2^((logit p − b0)/b1) minutes is the task length the
 * model completes with probability p. A negative slope b1 is expected (longer tasks fail more).
 *
 * <pre>{@code
 * ModelHorizon h = result.model("Claude 3.5 Sonnet (New)");
 * double p50 = h.p50();                         // minutes
 * double pAt1h = h.successProbability(60);      // fitted success rate on 1-hour tasks
 * }</pre>
 *
 * @param model        model name
 * @param runs         runs fitted
 * @param tasks        distinct tasks
 * @param families     distinct task families
 * @param averageScore weighted mean score (the weights of the fit)
 * @param status       whether the fit has a finite optimum
 * @param intercept    b0 (NaN unless fitted)
 * @param slope        b1, log-odds per doubling of task length (NaN unless fitted)
 * @param shortestTask the model's shortest task, minutes
 * @param longestTask  the model's longest task, minutes
 * @param iterations   Newton iterations used
 * @param warnings     problems a reader should know, e.g. a positive slope
 */
public record ModelHorizon(String model, int runs, int tasks, int families, double averageScore, HorizonStatus status,
                           double intercept, double slope, double shortestTask, double longestTask, int iterations,
                           List<String> warnings) {
    /**
     * Copies the warnings.
     *
     * @param model        model name
     * @param runs         runs fitted
     * @param tasks        distinct tasks
     * @param families     distinct task families
     * @param averageScore weighted mean score (the weights of the fit)
     * @param status       whether the fit has a finite optimum
     * @param intercept    b0 (NaN unless fitted)
     * @param slope        b1, log-odds per doubling of task length (NaN unless fitted)
     * @param shortestTask the model's shortest task, minutes
     * @param longestTask  the model's longest task, minutes
     * @param iterations   Newton iterations used
     * @param warnings     problems a reader should know, e.g. a positive slope
     */
    public ModelHorizon {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param p success probability in (0, 1)
     * @return the p-horizon in minutes; NaN when the model was not fitted (see {@link #status()})
     * @throws IllegalArgumentException if p is not strictly between 0 and 1
     */
    public double horizon(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must lie in (0, 1), got " + p);
        }
        return status == HorizonStatus.FITTED ? Logistic.horizon(p, intercept, slope) : Double.NaN;
    }

    /** @return the 50% horizon in minutes (NaN unless fitted) */
    public double p50() {
        return horizon(0.5);
    }

    /** @return the 80% horizon in minutes (NaN unless fitted) */
    public double p80() {
        return horizon(0.8);
    }

    /**
     * @param minutes a task length
     * @return the fitted success probability on tasks of that length (0 or 1 for a model with no
     *         successes or no failures; NaN if the fit did not converge)
     */
    public double successProbability(double minutes) {
        return switch (status) {
            case FITTED -> {
                double z = intercept + slope * Math.log(minutes) / Math.log(2);
                yield z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
            }
            case NO_SUCCESSES -> 0.0;
            case ALL_SUCCESSES -> 1.0;
            default -> Double.NaN;
        };
    }

    /** @return true when the fit has a finite optimum */
    public boolean fitted() {
        return status == HorizonStatus.FITTED;
    }
}

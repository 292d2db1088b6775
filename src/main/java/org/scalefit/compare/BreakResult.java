package org.scalefit.compare;

import java.util.List;

/**
 * The answer to "are we off the curve?": whether a break was detected, where it most likely is (with an
 * interval), the two checks behind the decision and a verdict in words.
 *
 * <pre>{@code
 * BreakResult r = BreakTest.run(data, BreakOptions.defaults());
 * if (r.breakDetected()) System.out.println("bend near x = " + r.location() + " " + r.locationInterval());
 * }</pre>
 *
 * @param breakDetected       true when either check rejects a single trend at level/2 (Bonferroni)
 * @param verdict             the answer in words
 * @param trend               the trend tested ({@code power-law}, {@code exponential}, {@code doubling})
 * @param n                   number of points
 * @param level               the false-alarm rate of the whole test
 * @param location            most likely break location (in x units), by profile likelihood
 * @param locationLower       lower end of its interval (profile likelihood, Δ ≤ χ²₁ quantile at 1 − level)
 * @param locationUpper       upper end of its interval
 * @param locationAtEdge      true when the interval reaches the edge of the searched range
 * @param likelihoodRatio     max over candidate breaks of n·ln(RSS_single / RSS_broken)
 * @param likelihoodPValue    its Monte Carlo p-value under a single trend with Gaussian noise
 * @param simulations         Monte Carlo draws behind that p-value
 * @param deltaAic            AIC of the single trend minus AIC of the broken one (positive favours the break)
 * @param slopeBefore         slope of ln y before the break (per unit of ln x or x)
 * @param slopeAfter          slope after the break
 * @param trained             points the prediction check fitted
 * @param holdout             later points it predicted
 * @param outside             held-out points outside their prediction interval at 1 − level
 * @param expectedOutside     how many would be outside by chance (level × holdout)
 * @param chowF               Chow's predictive F statistic of the held-out points
 * @param predictionPValue    its p-value from F(holdout, trained − 2)
 */
public record BreakResult(boolean breakDetected, String verdict, String trend, int n, double level, double location,
                          double locationLower, double locationUpper, boolean locationAtEdge, double likelihoodRatio,
                          double likelihoodPValue, int simulations, double deltaAic, double slopeBefore,
                          double slopeAfter, int trained, int holdout, List<OutsidePoint> outside,
                          double expectedOutside, double chowF, double predictionPValue) {
    /**
     * Copies the list.
     *
     * @param breakDetected    true when either check rejects a single trend at level/2 (Bonferroni)
     * @param verdict          the answer in words
     * @param trend            the trend tested ({@code power-law}, {@code exponential}, {@code doubling})
     * @param n                number of points
     * @param level            the false-alarm rate of the whole test
     * @param location         most likely break location (in x units), by profile likelihood
     * @param locationLower    lower end of its interval (profile likelihood, Δ ≤ χ²₁ quantile at 1 − level)
     * @param locationUpper    upper end of its interval
     * @param locationAtEdge   true when the interval reaches the edge of the searched range
     * @param likelihoodRatio  max over candidate breaks of n·ln(RSS_single / RSS_broken)
     * @param likelihoodPValue its Monte Carlo p-value under a single trend with Gaussian noise
     * @param simulations      Monte Carlo draws behind that p-value
     * @param deltaAic         AIC of the single trend minus AIC of the broken one (positive favours the break)
     * @param slopeBefore      slope of ln y before the break (per unit of ln x or x)
     * @param slopeAfter       slope after the break
     * @param trained          points the prediction check fitted
     * @param holdout          later points it predicted
     * @param outside          held-out points outside their prediction interval at 1 − level
     * @param expectedOutside  how many would be outside by chance (level × holdout)
     * @param chowF            Chow's predictive F statistic of the held-out points
     * @param predictionPValue its p-value from F(holdout, trained − 2)
     */
    public BreakResult {
        outside = List.copyOf(outside);
    }

    /**
     * One held-out point that fell outside the prediction interval of the trend fitted to the earlier points.
     *
     * @param row       source row
     * @param x         its x
     * @param y         its y
     * @param predicted the trend's prediction
     * @param lower     prediction interval, lower end
     * @param upper     prediction interval, upper end
     */
    public record OutsidePoint(int row, double x, double y, double predicted, double lower, double upper) {
    }
}

package org.scalefit.horizon;

/**
 * One row of a trend-model comparison: information criteria (lower is better), their
 * differences to the best shape, and the Akaike weight (the relative likelihood of the shape
 * among those compared, by AICc).
 *
 * <pre>{@code
 * for (TrendComparison c : fit.comparison()) System.out.println(c.kind().label() + " ΔAICc " + c.deltaAicc());
 * }</pre>
 *
 * @param kind         the shape
 * @param n            points
 * @param k            parameters counted (σ and an estimated break date included)
 * @param rss          residual sum of squares of ln(horizon)
 * @param r2           1 − RSS/TSS
 * @param aic          AIC
 * @param aicc         AIC with the small-sample correction
 * @param bic          BIC
 * @param deltaAicc    AICc minus the smallest AICc
 * @param deltaBic     BIC minus the smallest BIC
 * @param akaikeWeight exp(−ΔAICc/2), normalised over the shapes compared
 */
public record TrendComparison(TrendKind kind, int n, int k, double rss, double r2, double aic, double aicc, double bic,
                              double deltaAicc, double deltaBic, double akaikeWeight) {
}

package org.scalefit.model;

import java.util.Optional;

/**
 * Capability: a law that knows how a plot should describe its fitted curve better than by its formula —
 * a doubling trend is read as "doubles every 210 days (6.9 months)", not as y0·2^((t − t0)/T). Whether
 * the predictor is a date (so that axes show dates) is {@link Law#timePredictor()}.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new DoublingTrend(t0), data);
 * String caption = fit.law() instanceof PlotHints h ? h.curveCaption(fit.values()).orElse("") : "";
 * }</pre>
 */
public interface PlotHints {
    /**
     * @param values fitted parameters in the law's order
     * @return a short description of the fitted curve for a legend, or empty to show the formula
     */
    Optional<String> curveCaption(double[] values);
}

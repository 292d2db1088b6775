package org.scalefit.compare;

import java.util.Optional;
import org.scalefit.fit.Fit;

/**
 * One law in a model comparison: its fit and scores, or the reason it was left out.
 *
 * <pre>{@code
 * for (Candidate c : comparison.ranking()) {
 *     System.out.println(c.law() + " ΔAICc " + c.delta() + " weight " + c.weight());
 * }
 * }</pre>
 *
 * @param law        the law's name
 * @param fit        the full-data fit, empty when skipped
 * @param skipReason why the law was left out, empty when it was fitted
 * @param score      the ranking criterion's value (NaN when skipped)
 * @param delta      score minus the best score
 * @param weight     Akaike (or Schwarz) weight exp(−Δ/2) / Σ exp(−Δⱼ/2)
 * @param looRmse    leave-one-out root mean square prediction error in the comparison space
 * @param looFailed  leave-one-out refits that failed (excluded from the RMSE)
 * @param backtest   the extrapolation backtest
 * @param rank       1-based rank by the criterion (0 when skipped)
 */
public record Candidate(String law, Optional<Fit> fit, Optional<String> skipReason, double score, double delta,
                        double weight, double looRmse, int looFailed, Backtest backtest, int rank) {

    /** @return why the law was left out, in the library's words; empty when it was fitted */
    @Override
    public Optional<String> skipReason() {
        return skipReason(null);
    }

    /**
     * @param optionNames a front end's name of each option the reason mentions, or null for the library's words
     * @return why the law was left out; empty when it was fitted
     */
    public Optional<String> skipReason(java.util.function.Function<org.scalefit.OptionKey, String> optionNames) {
        return skipReason.map(r -> org.scalefit.OptionKey.render(r, optionNames));
    }

    /** @return the reason with its option references intact, for a message that quotes it */
    Optional<String> skipTemplate() {
        return skipReason;
    }

    /** @return true when the law was fitted and scored */
    public boolean fitted() {
        return fit.isPresent();
    }
}

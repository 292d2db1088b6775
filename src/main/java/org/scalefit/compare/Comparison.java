package org.scalefit.compare;

import java.util.List;
import java.util.Optional;
import org.scalefit.model.Space;

/**
 * The outcome of a model comparison: the fitted candidates ranked by the criterion, the skipped ones with
 * their reasons, the winner (or none, when the evidence cannot separate the leaders) and a verdict in words.
 *
 * <pre>{@code
 * Comparison c = ModelComparison.run(laws, data, ComparisonOptions.defaults());
 * System.out.println(c.best().orElse("cannot tell") + ": " + c.verdict());
 * }</pre>
 *
 * @param ranking   fitted candidates, best first
 * @param skipped   candidates left out, each with its reason
 * @param best      the winning law's name, empty when the data cannot tell
 * @param verdict   which law wins and by how much evidence, in words
 * @param criterion the ranking criterion
 * @param space     the residual space every candidate was fitted in
 * @param holdout   points held out by the extrapolation backtest
 */
public record Comparison(List<Candidate> ranking, List<Candidate> skipped, Optional<String> best, String verdict,
                         Criterion criterion, Space space, int holdout) {
    /**
     * Copies the lists.
     *
     * @param ranking   fitted candidates, best first
     * @param skipped   candidates left out, each with its reason
     * @param best      the winning law's name, empty when the data cannot tell
     * @param verdict   which law wins and by how much evidence, in words
     * @param criterion the ranking criterion
     * @param space     the residual space every candidate was fitted in
     * @param holdout   points held out by the extrapolation backtest
     */
    public Comparison {
        ranking = List.copyOf(ranking);
        skipped = List.copyOf(skipped);
    }

    /** @return a sentence on why the scores are comparable */
    public String spaceNote() {
        return "all laws fitted in " + space + " space (residuals " + space.symbol("y") + " − " + space.symbol("ŷ")
                + "); information criteria are only comparable within one residual space";
    }
}

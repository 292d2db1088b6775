package org.scalefit.downstream;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Backtest} found: the runs held out, their predictions from the other runs, the errors
 * of the two-step, direct and flat predictions, and the verdict.
 *
 * <pre>{@code
 * BacktestResult b = Backtest.run(fit, Backtest.defaultHoldOut(fit));
 * if (b.verdict() != BacktestResult.Verdict.PREDICTABLE) { System.out.println(b.explanation()); }
 * }</pre>
 *
 * @param heldOut      the runs held out, largest compute first
 * @param predictions  their predictions by the refit on the remaining runs (observed values inside)
 * @param flat         per held-out run, the flat baseline: the metric of the largest remaining run
 * @param meanAbsError mean |predicted − observed| of the metric, two steps
 * @param meanAbsErrorDirect the same for the direct form (NaN when it was not fitted)
 * @param meanAbsErrorFlat   the same for the flat baseline
 * @param covered      held-out runs whose observed metric lies in the two-step new-run interval
 * @param compared     held-out runs with an observed metric
 * @param verdict      the verdict
 * @param explanation  one line saying why
 */
public record BacktestResult(List<String> heldOut, List<DownstreamPrediction> predictions, List<Double> flat,
                             double meanAbsError, double meanAbsErrorDirect, double meanAbsErrorFlat, int covered, int compared,
                             Verdict verdict, String explanation) {
    /** Whether the held-out runs were predictable. */
    public enum Verdict {
        /** Every held-out metric inside its new-run interval, and closer than the flat baseline on average. */
        PREDICTABLE,
        /** Some held-out metric outside its new-run interval: the trend broke, or the interval is too narrow. */
        MISSES,
        /** Inside the intervals, but no closer than assuming no improvement: the trend adds nothing. */
        NO_BETTER_THAN_FLAT,
        /** No backtest: too few runs to hold any out, or no held-out run has an observed metric. */
        NOT_POSSIBLE
    }

    /**
     * Copies the lists.
     *
     * @param heldOut            the runs held out, largest compute first
     * @param predictions        their predictions by the refit on the remaining runs
     * @param flat               per held-out run, the flat baseline
     * @param meanAbsError       mean |predicted − observed| of the metric, two steps
     * @param meanAbsErrorDirect the same for the direct form
     * @param meanAbsErrorFlat   the same for the flat baseline
     * @param covered            held-out runs inside the two-step new-run interval
     * @param compared           held-out runs with an observed metric
     * @param verdict            the verdict
     * @param explanation        one line saying why
     */
    public BacktestResult {
        heldOut = List.copyOf(heldOut);
        predictions = List.copyOf(predictions);
        flat = List.copyOf(flat);
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explanation, "explanation");
    }

    /**
     * @param why the reason
     * @return a result saying no backtest was possible
     */
    static BacktestResult notPossible(String why) {
        return new BacktestResult(List.of(), List.of(), List.of(), Double.NaN, Double.NaN, Double.NaN, 0, 0,
                Verdict.NOT_POSSIBLE, why);
    }
}

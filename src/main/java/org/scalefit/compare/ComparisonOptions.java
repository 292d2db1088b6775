package org.scalefit.compare;

import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.Space;

/**
 * How a model comparison runs. The fit options must use the squares loss (information criteria need a
 * Gaussian likelihood) and one space for all candidates (log unless set).
 *
 * <pre>{@code
 * ComparisonOptions o = new ComparisonOptions(FitOptions.defaults(), Criterion.AICC, 3, true, 2.0, 4);
 * }</pre>
 *
 * @param fitOptions        options for every fit (space, starts, seed)
 * @param criterion         ranking criterion
 * @param holdoutLargest    points of largest x held out by the backtest (0: no backtest)
 * @param leaveOneOut       true to compute the leave-one-out error (n refits per law)
 * @param evidenceThreshold Δ below which two laws count as equally supported (2 is Burnham &amp; Anderson's)
 * @param threads           threads for the leave-one-out refits; does not change the result
 */
public record ComparisonOptions(FitOptions fitOptions, Criterion criterion, int holdoutLargest, boolean leaveOneOut,
                                double evidenceThreshold, int threads) {
    /**
     * Validates.
     *
     * @param fitOptions        options for every fit (space, starts, seed)
     * @param criterion         ranking criterion
     * @param holdoutLargest    points of largest x held out by the backtest (0: no backtest)
     * @param leaveOneOut       true to compute the leave-one-out error (n refits per law)
     * @param evidenceThreshold Δ below which two laws count as equally supported (2 is Burnham &amp; Anderson's)
     * @param threads           threads for the leave-one-out refits; does not change the result
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     */
    public ComparisonOptions {
        if (!fitOptions.loss().isSquares()) {
            throw new InvalidOptionException("model comparison needs the squares loss: information criteria assume "
                    + "Gaussian residuals, got " + OptionKey.LOSS.with(fitOptions.loss().spec()));
        }
        if (holdoutLargest < 0) {
            throw new InvalidOptionException(OptionKey.HOLDOUT_LARGEST.label() + " must be ≥ 0, got " + holdoutLargest);
        }
        if (!(evidenceThreshold > 0)) {
            throw new InvalidDataException("evidence threshold must be > 0, got " + evidenceThreshold);
        }
        if (threads < 1) {
            throw new InvalidDataException("threads must be ≥ 1, got " + threads);
        }
    }

    /** @return log space, AICc, 3 held-out points, leave-one-out on, threshold 2, one thread */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(FitOptions.defaults(), Criterion.AICC, 3, true, 2.0, 1);
    }

    /** @return the residual space every candidate is fitted in */
    public Space space() {
        return fitOptions.spaceChoice().orElse(Space.DEFAULT);
    }
}

package org.scalefit;

/**
 * A fit could not produce a trustworthy result from valid input: the optimiser did not converge
 * from any start, the model could not be evaluated anywhere near the data, or the result had
 * non-finite parameters. The message names the law and the reason.
 *
 * <pre>{@code
 * try {
 *     Fit fit = Fitter.fit(law, data, options);
 * } catch (FitFailedException e) {
 *     // e.g. "offset-power-law fit did not converge from 3 starts: maximal iterations (1000) reached"
 * }
 * }</pre>
 */
public class FitFailedException extends ScalefitException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the law and the reason */
    public FitFailedException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the law and the reason
     * @param cause   the underlying exception
     */
    public FitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

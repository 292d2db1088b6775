package org.scalefit;

/**
 * The input cannot be used as given: a missing file or column, a value that is not a number, a
 * non-positive value where a logarithm is needed, too few points, an unparsable formula, an unknown
 * parameter name. The message says where and what, e.g.
 * {@code power-law fit needs x > 0: row 4 of runs.csv, column "compute" is -2.0}.
 *
 * <pre>{@code
 * Observations obs = Observations.of(new double[] {1, 2, -3}, new double[] {3, 2, 1});
 * Fitter.fit(new PowerLaw(), obs, FitOptions.defaults());   // throws InvalidDataException
 * }</pre>
 */
public class InvalidDataException extends ScalefitException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the place and the problem */
    public InvalidDataException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the place and the problem
     * @param cause   the underlying exception
     */
    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message one line naming the place and the problem
     * @param place   where the bad value sits (source, row, column, value)
     */
    public InvalidDataException(String message, Place place) {
        super(message, place, null);
    }
}

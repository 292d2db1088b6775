package org.scalefit;

/**
 * Root of scalefit's exception family. Every error the library reports on purpose is one of its
 * subclasses, with a one-line message that names the place (file, row, column, parameter) and
 * what is wrong, so that the command line can print it as it is.
 *
 * <pre>{@code
 * try {
 *     Fit fit = Fitter.fit(new PowerLaw(), data, FitOptions.defaults());
 * } catch (InvalidDataException e) {
 *     System.err.println(e.getMessage());   // fix the input
 * } catch (FitFailedException e) {
 *     System.err.println(e.getMessage());   // the optimiser gave up
 * }
 * }</pre>
 */
public class ScalefitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message a one-line description naming the place and the problem */
    public ScalefitException(String message) {
        super(message);
    }

    /**
     * @param message a one-line description naming the place and the problem
     * @param cause   the underlying exception
     */
    public ScalefitException(String message, Throwable cause) {
        super(message, cause);
    }
}

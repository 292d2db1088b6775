package org.scalefit;

/**
 * The caller's options or arguments cannot be used — misuse of the API rather than bad data: an unknown
 * parameter name among the fixed ones, a solver the law does not allow, a confidence level outside (0, 1),
 * a resampling plan that needs group labels the data do not have. {@link #optionKeys()} says which option;
 * the message names it in the library's words.
 *
 * <p>It extends {@link InvalidDataException} so that code catching every bad input in one place keeps
 * working (the command line exits with status 2 for both); catch this type first to tell the two apart.
 *
 * <pre>{@code
 * try {
 *     Fitter.fit(new PowerLaw(), data, FitOptions.builder().fix("zzz", 1).build());
 * } catch (InvalidOptionException e) {
 *     e.getMessage();    // unknown parameter "zzz" in the fixed parameters; power-law has parameters a, alpha
 *     e.optionKeys();    // [FIX]
 * }
 * }</pre>
 */
public class InvalidOptionException extends InvalidDataException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the option (through {@link OptionKey}) and the problem */
    public InvalidOptionException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the option and the problem
     * @param cause   the underlying exception
     */
    public InvalidOptionException(String message, Throwable cause) {
        super(message, cause);
    }
}

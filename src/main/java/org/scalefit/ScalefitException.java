package org.scalefit;

import java.util.List;
import java.util.function.Function;

/**
 * Root of scalefit's exception family. Every error the library reports on purpose is one of its
 * subclasses, with a one-line message that names the place (file, row, column, parameter) and
 * what is wrong. The parts a program may want to act on are also fields: the {@link #place()} of a bad
 * value (source, row, column, value) and the {@link #optionKeys() options} the message refers to. The
 * message names options in the library's words ("in the fixed parameters"); a front end renders it with
 * its own names for them through {@link #message(Function)} (the command line: "in --fix").
 *
 * <p>Subclasses: {@link InvalidDataException} (the data cannot be used), {@link InvalidOptionException}
 * (the options or arguments a caller passed cannot be used) and {@link FitFailedException}.
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
    /** The message with its option references (see {@link OptionKey}). */
    private final String template;
    private final transient Place place;

    /** @param message a one-line description naming the place and the problem (may refer to {@link OptionKey}s) */
    public ScalefitException(String message) {
        this(message, Place.NONE, null);
    }

    /**
     * @param message a one-line description naming the place and the problem
     * @param cause   the underlying exception
     */
    public ScalefitException(String message, Throwable cause) {
        this(message, Place.NONE, cause);
    }

    /**
     * @param message a one-line description naming the place and the problem
     * @param place   where the bad value sits
     * @param cause   the underlying exception, or null
     */
    public ScalefitException(String message, Place place, Throwable cause) {
        super(OptionKey.plain(message), cause);
        this.template = message;
        this.place = place == null ? Place.NONE : place;
    }

    /**
     * The message with each option it refers to named by {@code optionNames}: what a front end prints.
     *
     * @param optionNames the front end's name of each option (e.g. its command-line flag)
     * @return the message
     */
    public String message(Function<OptionKey, String> optionNames) {
        return OptionKey.render(template, optionNames);
    }

    /**
     * @return the message with its option references intact (see {@link OptionKey}): for a front end that
     *         renders it later, or for a library message that quotes this one
     */
    public String template() {
        return template;
    }

    /** @return the options the message refers to, in order (empty when it is about the data alone) */
    public List<OptionKey> optionKeys() {
        return OptionKey.referencedIn(template);
    }

    /** @return where the bad value sits; {@link Place#NONE} when the error is not about one value */
    public Place place() {
        return place;
    }
}

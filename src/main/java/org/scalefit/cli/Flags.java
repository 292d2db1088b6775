package org.scalefit.cli;

import java.util.Locale;
import org.scalefit.OptionKey;
import org.scalefit.ScalefitException;

/**
 * The command line's name for each {@link OptionKey} the library's messages refer to: the one place that
 * turns "the fixed parameters" into {@code --fix}.
 *
 * <pre>{@code
 * String line = Flags.message(e);     // unknown parameter "zzz" in --fix; power-law has parameters a, alpha
 * }</pre>
 */
final class Flags {
    private Flags() {
    }

    /**
     * @param key an option
     * @return its flag, e.g. {@code --fix}
     */
    static String of(OptionKey key) {
        return switch (key) {
            case PREDICTOR -> "--x";
            default -> "--" + key.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /**
     * @param e a library exception
     * @return its message with the options named by their flags
     */
    static String message(ScalefitException e) {
        return e.message(Flags::of);
    }

    /**
     * @param text library text that may refer to options (a warning, a note)
     * @return the text with the options named by their flags
     */
    static String render(String text) {
        return OptionKey.render(text, Flags::of);
    }
}

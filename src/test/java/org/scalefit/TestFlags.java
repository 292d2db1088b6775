package org.scalefit;

import java.util.Locale;

/** The command line's spelling of options, for library tests that check a message as the CLI prints it. */
public final class TestFlags {
    private TestFlags() {
    }

    /** @return {@code --x} for a predictor, else {@code --} and the key in lower case with dashes */
    public static String of(OptionKey key) {
        return key == OptionKey.PREDICTOR ? "--x" : "--" + key.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the exception's message with options named by their flags */
    public static String message(ScalefitException e) {
        return e.message(TestFlags::of);
    }
}

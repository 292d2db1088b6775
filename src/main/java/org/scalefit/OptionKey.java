package org.scalefit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options a message may point to, named without any front end's spelling. The library never writes a
 * command-line flag: a message refers to an option through {@link #noun()}, {@link #label()} or
 * {@link #with(String)}, and is read either in the library's own words ({@link #plain(String)}, what
 * {@link ScalefitException#getMessage()} and every text accessor return) or with a front end's names for the
 * options ({@link #render(String, Function)}: the command line prints its flags).
 *
 * <pre>{@code
 * String text = "unknown parameter \"zzz\" in " + OptionKey.FIX.noun();
 * OptionKey.plain(text);                               // unknown parameter "zzz" in the fixed parameters
 * OptionKey.render(text, k -> "--" + k.name().toLowerCase());   // unknown parameter "zzz" in --fix
 * }</pre>
 */
public enum OptionKey {
    /** Start values of parameters. */
    START("the start values", "start value"),
    /** Bounds of parameters. */
    BOUND("the bounds", "bound"),
    /** Parameters held at a value. */
    FIX("the fixed parameters", "fixed value"),
    /** The start strategy. */
    STARTS("the start strategy", "starts"),
    /** The residual space. */
    SPACE("the residual space", "space"),
    /** The optimiser. */
    SOLVER("the solver", "solver"),
    /** The loss. */
    LOSS("the loss", "loss"),
    /** A row filter. */
    WHERE("a row filter", "row filter"),
    /** The column of group labels. */
    GROUP("a group column", "group column"),
    /** The column of item labels (within groups). */
    ITEM("an item column", "item column"),
    /** The column whose values split the data into separate fits. */
    BY("a column to fit by", "fit-by column"),
    /** The bootstrap resampling plan. */
    RESAMPLE("the resampling plan", "resampling plan"),
    /** The number of bootstrap replicates. */
    BOOTSTRAP("the number of bootstrap replicates", "bootstrap replicates"),
    /** The column of the errors of y. */
    SIGMA("the errors of y", "sigma"),
    /** Permission to leave out rows whose values cannot be used. */
    SKIP_INVALID("leaving out unusable rows", "skip-invalid"),
    /** A predictor column of the data. */
    PREDICTOR("the predictor columns", "predictor"),
    /** The field naming the model of a run. */
    MODEL("the model field", "model field"),
    /** The field holding a run's score. */
    SCORE("the score field", "score field"),
    /** The field naming a run's task. */
    TASK("the task field", "task field"),
    /** The field holding a task's length in minutes. */
    MINUTES("the minutes field", "minutes field"),
    /** Which benchmark version's results to use. */
    BENCHMARK_VERSION("the benchmark version", "benchmark version"),
    /** The first date of a trend. */
    SINCE("the first date", "first date"),
    /** The last date of a trend. */
    UNTIL("the last date", "last date"),
    /** The resolution of a rendered figure. */
    DPI("the resolution", "resolution (dpi)"),
    /** Points held out at the end of a trend. */
    HOLDOUT("the holdout", "holdout"),
    /** Largest points held out of a model comparison. */
    HOLDOUT_LARGEST("the held-out largest points", "held-out largest points"),
    /** A significance level. */
    LEVEL("the significance level", "significance level"),
    /** The number of null simulations. */
    SIMULATIONS("the number of simulations", "simulations"),
    /** Compute budgets to compare at. */
    AT("the compute budgets", "compute budgets"),
    /** Target losses to compare at. */
    AT_LOSS("the target losses", "target losses"),
    /** Permission to compare curves whose units look different. */
    ALLOW_UNIT_MISMATCH("permission to compare across units", "allow-unit-mismatch");

    private static final char OPEN = '\u0001';
    private static final char SEP = '\u0002';
    private static final char CLOSE = '\u0003';
    private static final Pattern TOKEN = Pattern.compile(OPEN + "([A-Z_]+)([NLV])(?:" + SEP + "([^" + CLOSE + "]*))?" + CLOSE);

    private final String noun;
    private final String label;

    OptionKey(String noun, String label) {
        this.noun = noun;
        this.label = label;
    }

    /** @return a reference to the option as a noun phrase ("the fixed parameters" in the library's words) */
    public String noun() {
        return OPEN + name() + "N" + CLOSE;
    }

    /** @return a reference to the option by its short name ("fixed value" in the library's words) */
    public String label() {
        return OPEN + name() + "L" + CLOSE;
    }

    /**
     * @param value the option's value as the user gave it
     * @return a reference to the option with that value ("fixed value E=1.7" in the library's words)
     */
    public String with(String value) {
        return OPEN + name() + "V" + SEP + value + CLOSE;
    }

    /**
     * @param text a message with option references
     * @return the message in the library's own words
     */
    public static String plain(String text) {
        return render(text, null);
    }

    /**
     * @param text  a message with option references
     * @param names a front end's name of each option (e.g. its command-line flag), or null for the library's words
     * @return the message with every reference replaced
     */
    public static String render(String text, Function<OptionKey, String> names) {
        if (text == null || text.indexOf(OPEN) < 0) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            OptionKey key = valueOf(m.group(1));
            String form = m.group(2);
            String name = names != null ? names.apply(key) : form.equals("N") ? key.noun : key.label;
            String piece = form.equals("V") ? name + " " + m.group(3) : name;
            m.appendReplacement(out, Matcher.quoteReplacement(piece));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * @param text a message with option references
     * @return the options it refers to, in order of appearance
     */
    public static List<OptionKey> referencedIn(String text) {
        List<OptionKey> keys = new ArrayList<>();
        if (text != null) {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                keys.add(valueOf(m.group(1)));
            }
        }
        return keys;
    }
}

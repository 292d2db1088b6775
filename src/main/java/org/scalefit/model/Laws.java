package org.scalefit.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.scalefit.InvalidDataException;
import org.scalefit.OptionKey;
import org.scalefit.data.Observations;

/**
 * Looks laws up by the names the command line uses ({@code power-law}, {@code offset-power-law},
 * {@code exponential}, {@code doubling}, …); anything that is not a known name and looks like a
 * formula becomes an {@link ExpressionLaw}.
 *
 * <pre>{@code
 * Law law = Laws.create("offset-power-law", new Laws.Context(List.of("x"), data, OptionalDouble.empty()));
 * Law custom = Laws.create("b1*(1-exp(-b2*x))", new Laws.Context(List.of("x"), data, OptionalDouble.empty()));
 * }</pre>
 */
public final class Laws {
    private static final Map<String, Entry> BUILT_IN = builtIn();

    private Laws() {
    }

    /**
     * What a law may need to know when it is created.
     *
     * @param predictorNames the predictor names as the user gave them (e.g. {@code [N, D]} or {@code [compute]})
     * @param data           the observations to be fitted (a doubling trend takes its reference date from them)
     * @param t0             an explicit reference date for time laws, as days since 1970-01-01
     */
    public record Context(List<String> predictorNames, Observations data, OptionalDouble t0) {
        /**
         * Copies the names.
         *
         * @param predictorNames the predictor names as the user gave them (e.g. {@code [N, D]} or {@code [compute]})
         * @param data           the observations to be fitted (a doubling trend takes its reference date from them)
         * @param t0             an explicit reference date for time laws, as days since 1970-01-01
         */
        public Context {
            predictorNames = List.copyOf(predictorNames);
        }
    }

    /** A registered law: its predictor count, a one-line description and how to build it. */
    private record Entry(int predictors, String description, Function<Context, Law> factory, boolean dates) {
        Entry(int predictors, String description, Function<Context, Law> factory) {
            this(predictors, description, factory, false);
        }

    }

    private static Map<String, Entry> builtIn() {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("power-law", new Entry(1, "y = a·x^(−alpha)", c -> new PowerLaw()));
        m.put("offset-power-law", new Entry(1, "y = E + A·x^(−alpha)", c -> new OffsetPowerLaw()));
        m.put("exponential", new Entry(1, "y = a·exp(b·x)", c -> new Exponential()));
        m.put("doubling", new Entry(1, "y = y0·2^((t − t0)/T), t a date", c -> c.t0().isPresent()
                ? new DoublingTrend(c.t0().getAsDouble()) : DoublingTrend.startingAtFirstDate(c.data()), true));
        m.put("chinchilla", new Entry(2, "L = E + A/N^alpha + B/D^beta (Hoffmann et al. 2022; " + OptionKey.PREDICTOR.with("N=COLUMN") + " " + OptionKey.PREDICTOR.with("D=COLUMN") + ")",
                c -> new ChinchillaLaw()));
        m.put("kaplan", new Entry(2, "L = ((Nc/N)^(alphaN/alphaD) + Dc/D)^alphaD (Kaplan et al. 2020; " + OptionKey.PREDICTOR.with("N=COLUMN") + " " + OptionKey.PREDICTOR.with("D=COLUMN") + ")",
                c -> new KaplanLaw()));
        m.put("superexponential", new Entry(1, "y = y0·2^(ln(1 + ln r·(t − t0)/T)/ln r): each doubling takes r × the last, t a date",
                c -> c.t0().isPresent() ? new SuperexponentialTrend(c.t0().getAsDouble())
                        : SuperexponentialTrend.endingAtLastDate(c.data()), true));
        m.put("elo-frontier", new Entry(2, "Elo = min(0, max(m_flops·log10 C + m_board·n + c_incline, m_plateau·n + c_plateau)) "
                + "(Jones 2021; " + OptionKey.PREDICTOR.with("C=COLUMN") + " " + OptionKey.PREDICTOR.with("n=COLUMN") + ")", c -> new EloFrontier()));
        m.put("quadratic", new Entry(1, "ln y quadratic in ln x: y = y0·(x/x0)^(−alpha − beta·ln(x/x0))",
                c -> QuadraticInLog.centredOn(c.data())));
        m.put("broken-power-law", new Entry(1, "y = a + b·x^(−c0)·(1 + (x/d1)^(1/f1))^(−c1·f1) (Caballero et al. 2022)",
                c -> new BrokenPowerLaw(1)));
        m.put("broken-power-law-2", new Entry(1, "broken power law with two breaks (c1, d1, f1, c2, d2, f2)",
                c -> new BrokenPowerLaw(2)));
        m.put("overtraining", new Entry(2, "L = E + (a·M^eta + b·M^(−eta))·C^(−eta), C = 6·N·D, M = D/N "
                + "(Gadre et al. 2024; predictors N and M)", c -> new OvertrainingLaw()));
        m.put("exp-decay", new Entry(1, "Err = epsilon − k·exp(−gamma·L): downstream error from loss (Gadre et al. 2024)",
                c -> new ExpDecayLink()));
        m.put("sigmoid", new Entry(1, "Acc = a/(1 + exp(−k·(L − L0))) + b: accuracy from a task loss (Bhagia et al. 2024)",
                c -> new SigmoidLink()));
        return Map.copyOf(m);
    }

    /**
     * The predictor names a built-in law expects, in order (e.g. {@code [N, D]} for chinchilla); empty for
     * a formula or an unknown name.
     *
     * @param name a law name
     * @return the predictor names
     */
    public static List<String> predictorsOf(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "chinchilla", "kaplan" -> List.of("N", "D");
            case "overtraining" -> List.of("N", "M");
            default -> List.of();
        };
    }

    /** @return the built-in law names with a one-line formula each, in a stable order */
    public static List<String> describe() {
        List<String> out = new ArrayList<>();
        for (String name : names()) {
            out.add(name + ": " + OptionKey.plain(BUILT_IN.get(name).description()));
        }
        return out;
    }

    /** @return the built-in law names, sorted */
    public static List<String> names() {
        List<String> names = new ArrayList<>(BUILT_IN.keySet());
        names.sort(null);
        return names;
    }

    /**
     * @param spec a law name or formula
     * @return true when it names a built-in law whose predictor is a date (so the column is read as dates)
     */
    public static boolean takesDates(String spec) {
        Entry e = BUILT_IN.get(spec.trim().toLowerCase(Locale.ROOT));
        return e != null && e.dates();
    }

    /**
     * @param name a law name
     * @return true when it names a built-in law
     */
    public static boolean isBuiltIn(String name) {
        return BUILT_IN.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Creates a built-in law by name, or a formula law from an expression.
     *
     * @param spec    a law name or a formula such as {@code b1*(1-exp(-b2*x))}
     * @param context predictor names, data, options
     * @return the law
     * @throws InvalidDataException for an unknown name, an unparsable formula or a predictor count mismatch
     */
    public static Law create(String spec, Context context) {
        String key = spec.trim().toLowerCase(Locale.ROOT);
        Entry e = BUILT_IN.get(key);
        if (e != null) {
            if (context.predictorNames().size() != e.predictors()) {
                throw new InvalidDataException(key + " takes " + e.predictors() + " predictor"
                        + (e.predictors() == 1 ? "" : "s") + " (" + OptionKey.PREDICTOR.label() + "), got " + context.predictorNames().size());
            }
            return e.factory().apply(context);
        }
        if (looksLikeFormula(spec)) {
            return new ExpressionLaw(spec, context.predictorNames());
        }
        throw new InvalidDataException("unknown law \"" + spec + "\"; built-in laws are " + String.join(", ", names())
                + ", or give a formula such as 'a*x^(-alpha)'");
    }

    /**
     * A law's parameter names before any data are read (for the header of a table of many fits): the law made
     * for a stand-in data set with the right predictor names, since no law's names depend on the data's values.
     *
     * <pre>{@code
     * Laws.parameterNames("offset-power-law", List.of("compute"));   // [E, A, alpha]
     * }</pre>
     *
     * @param spec           a law name or formula
     * @param predictorNames the predictor names as the user gave them
     * @return the parameter names in the law's order
     * @throws InvalidDataException as {@link #create}
     */
    public static List<String> parameterNames(String spec, List<String> predictorNames) {
        Observations.Builder b = Observations.builder().source("stand-in");
        for (String p : predictorNames) {
            b.predictor(p, new double[] {1, 2, 3});
        }
        Observations data = b.response("y", new double[] {1, 2, 3}).build();
        return create(spec, new Context(predictorNames, data, OptionalDouble.empty())).parameters();
    }

    private static boolean looksLikeFormula(String spec) {
        for (char c : spec.toCharArray()) {
            if ("+-*/^()·×÷−".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}

package org.scalefit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.FitFailedException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;

/**
 * Issue 14, item 7: random members of formula families — rational, saturating (Michaelis–Menten and
 * a(1 − e^(−bx))), exponential decay with an offset, logistic, offset power (as a formula and as the built-in
 * law) — with random true parameters on noiseless data, fitted with no start values. The rule: the truth
 * is recovered (every parameter within {@value #RECOVERY} relative: the data are exact, so the truth is the
 * global optimum with RSS 0 and any converged answer elsewhere is wrong), or the fit fails loudly (an
 * exception, or converged = false, which the command line turns into exit 1) — never a converged answer
 * that is wrong.
 *
 * <p>Seeded JUnit 5 generator (not jqwik): member k of family f draws from
 * {@code new SplittableRandom(SEED + 1000·f + k)}, so every member is reproducible on its own. The rates
 * per family are printed beside the silent-wrong counts measured before issue 14's engine work
 * ({@link Family#silentToday}); the test asserts that none is silently wrong now.
 */
class FormulaFamilyPropertyTest {
    static final long SEED = 20240229L;
    static final int MEMBERS = 40;
    static final double RECOVERY = 1e-4;

    /**
     * A family of laws: how to draw the truth and the x values, and the true curve.
     *
     * @param name        the family
     * @param law         a formula (linear space by default) or a built-in law name
     * @param draw        the true parameters, in the law's order
     * @param xs          the x values for given true parameters
     * @param curve       the true y at x
     * @param silentToday silent wrong answers out of {@link #MEMBERS} measured on the engine before issue 14's work
     */
    record Family(String name, String law, Function<SplittableRandom, double[]> draw,
                  Function<double[], double[]> xs, Curve curve, int silentToday) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The true curve. */
    interface Curve {
        double at(double x, double[] p);
    }

    static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(Math.log(lo) + r.nextDouble() * Math.log(hi / lo));
    }

    static double[] linspace(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }

    static double[] geomspace(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(hi / lo, (double) i / (n - 1));
        }
        return x;
    }

    static List<Family> all() {
        return List.of(
                new Family("rational (a+b*x)/(1+c*x)", "(a+b*x)/(1+c*x)",
                        r -> new double[] {0.5 + 4.5 * r.nextDouble(), 0.5 + 9.5 * r.nextDouble(), logUniform(r, 0.05, 2)},
                        p -> linspace(0, 10, 20), (x, p) -> (p[0] + p[1] * x) / (1 + p[2] * x), 0),
                new Family("saturating Vm*x/(K+x)", "Vm*x/(K+x)",
                        r -> new double[] {logUniform(r, 1, 1000), logUniform(r, 0.01, 10)},
                        p -> geomspace(p[1] / 10, 10 * p[1], 12), (x, p) -> p[0] * x / (p[1] + x), 7),
                new Family("saturating a*(1-exp(-b*x))", "a*(1-exp(-b*x))",
                        r -> new double[] {logUniform(r, 1, 1000), logUniform(r, 0.01, 1)},
                        p -> linspace(0.1 / p[1], 5 / p[1], 12), (x, p) -> p[0] * (1 - Math.exp(-p[1] * x)), 1),
                new Family("exponential decay a*exp(-b*x)+c", "a*exp(-b*x)+c",
                        r -> new double[] {logUniform(r, 1, 100), logUniform(r, 0.05, 2), -5 + 10 * r.nextDouble()},
                        p -> linspace(0, 5 / p[1], 15), (x, p) -> p[0] * Math.exp(-p[1] * x) + p[2], 2),
                new Family("logistic K/(1+exp(-r*(x-x0)))", "K/(1+exp(-r*(x-x0)))",
                        r -> new double[] {logUniform(r, 1, 100), logUniform(r, 0.3, 3), 2 + 6 * r.nextDouble()},
                        p -> linspace(0, 10, 20), (x, p) -> p[0] / (1 + Math.exp(-p[1] * (x - p[2]))), 5),
                new Family("offset power E+A*x^(-alpha) (formula)", "E+A*x^(-alpha)",
                        r -> new double[] {0.5 + 2.5 * r.nextDouble(), logUniform(r, 1, 100), 0.1 + 0.9 * r.nextDouble()},
                        p -> geomspace(1, 1e4, 15), (x, p) -> p[0] + p[1] * Math.pow(x, -p[2]), 0),
                new Family("offset-power-law (built-in, log space)", "offset-power-law",
                        r -> new double[] {0.5 + 2.5 * r.nextDouble(), logUniform(r, 1, 100), 0.1 + 0.9 * r.nextDouble()},
                        p -> geomspace(1, 1e4, 15), (x, p) -> p[0] + p[1] * Math.pow(x, -p[2]), 0));
    }

    static Stream<Arguments> families() {
        List<Family> all = all();
        return java.util.stream.IntStream.range(0, all.size()).mapToObj(i -> Arguments.of(all.get(i), i));
    }

    /** What happened to one member. */
    enum Result { RECOVERED, FAILED_LOUDLY, SILENTLY_WRONG }

    static Result fitMember(Family f, double[] truth, StringBuilder note) {
        double[] x = f.xs().apply(truth);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.curve().at(x[i], truth);
        }
        Observations data = Observations.of(x, y);
        Law law = Laws.create(f.law(), new Laws.Context(List.of("x"), data, OptionalDouble.empty()));
        Fit fit;
        try {
            fit = Fitter.fit(law, data, FitOptions.defaults());
        } catch (FitFailedException e) {
            return Result.FAILED_LOUDLY;
        }
        if (!fit.converged()) {
            return Result.FAILED_LOUDLY;
        }
        double[] got = fit.values();
        for (int j = 0; j < truth.length; j++) {
            if (!(Math.abs(got[j] - truth[j]) <= RECOVERY * Math.abs(truth[j]))) {
                note.append(String.format(Locale.ROOT, "truth %s, converged at %s (R² %.4g)", fmt(truth), fmt(got), fit.r2()));
                return Result.SILENTLY_WRONG;
            }
        }
        return Result.RECOVERED;
    }

    static String fmt(double[] p) {
        List<String> s = new ArrayList<>();
        for (double v : p) {
            s.add(String.format(Locale.ROOT, "%.6g", v));
        }
        return "[" + String.join(", ", s) + "]";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void truthRecoveredOrFitFailsLoudly(Family f, int familyIndex) {
        int[] counts = new int[Result.values().length];
        List<String> examples = new ArrayList<>();
        for (int k = 0; k < MEMBERS; k++) {
            double[] truth = f.draw().apply(new SplittableRandom(SEED + 1000L * familyIndex + k));
            StringBuilder note = new StringBuilder();
            Result r = fitMember(f, truth, note);
            counts[r.ordinal()]++;
            if (r == Result.SILENTLY_WRONG && examples.size() < 3) {
                examples.add("member " + k + ": " + note);
            }
        }
        System.out.printf(Locale.ROOT, "formula family %-40s recovered %2d/%d, failed loudly %2d, silently wrong %2d "
                        + "(before issue 14: %d)%s%n", f.name(), counts[0], MEMBERS, counts[1], counts[2], f.silentToday(),
                examples.isEmpty() ? "" : "\n    " + String.join("\n    ", examples));
        // Issue 14's rule: never a converged wrong answer (the engine before it gave silentToday of them).
        assertEquals(0, counts[Result.SILENTLY_WRONG.ordinal()], f.name() + ": silently wrong answers: " + examples);
    }
}

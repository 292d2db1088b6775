package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * Numerical extremes: compute from 1e10 to 1e30 FLOP, losses that differ in the fourth digit,
 * exponents from 0.001 to 5, nearly flat data, overflow. Either a correct fit or a clear failure —
 * never NaN parameters presented as a result.
 */
class ExtremesTest {

    private static double[] logSpaced(double lo, double hi, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(hi / lo, (double) i / (n - 1));
        }
        return x;
    }

    private static void assertFinite(Fit fit) {
        for (Parameter p : fit.parameters()) {
            assertTrue(Double.isFinite(p.value()), p.name() + " = " + p.value());
        }
        assertTrue(Double.isFinite(fit.rss()));
    }

    @Test
    void computeFrom1e10To1e30() {
        double[] x = logSpaced(1e10, 1e30, 40);
        double[] y = new double[x.length];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            y[i] = (1.69 + 406.4 * Math.pow(x[i], -0.07)) * Math.exp(0.002 * r.nextGaussian());
        }
        Fit fit = Fitter.fit(new OffsetPowerLaw(), Observations.of(x, y));
        assertFinite(fit);
        assertEquals(0.07, fit.value("alpha"), 0.005);
        assertEquals(1.69, fit.value("E"), 0.1);
        assertTrue(fit.converged());
    }

    @Test
    void lossesDifferingInTheFourthDigit() {
        double[] x = logSpaced(1e20, 1e21, 20);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2.0 + 3e-3 * Math.pow(x[i] / 1e20, -0.3);
        }
        Fit fit = Fitter.fit(new OffsetPowerLaw(), Observations.of(x, y));
        assertFinite(fit);
        assertEquals(0.3, fit.value("alpha"), 1e-6);
        assertEquals(2.0, fit.value("E"), 1e-8);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.01, 0.5, 2, 5})
    void exponentsFromAThousandthToFive(double alpha) {
        double[] x = logSpaced(1, 1e6, 25);
        double[] y = new double[x.length];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            y[i] = 7 * Math.pow(x[i], -alpha) * Math.exp(0.001 * r.nextGaussian());
        }
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(x, y));
        assertFinite(fit);
        assertEquals(alpha, fit.value("alpha"), 0.0005);
        Fit linear = Fitter.fit(new PowerLaw(), Observations.of(x, y), FitOptions.builder().space(Space.LINEAR).build());
        assertFinite(linear);
        assertEquals(alpha, linear.value("alpha"), 0.02 * alpha + 0.001);
    }

    /** Nearly flat data: the exponent is indistinguishable from zero, and the fit says so. */
    @Test
    void nearlyFlatData() {
        double[] x = logSpaced(1e18, 1e22, 30);
        double[] y = new double[x.length];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            y[i] = 3.0 * Math.exp(0.01 * r.nextGaussian());
        }
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(x, y));
        assertFinite(fit);
        Parameter alpha = fit.parameter("alpha");
        assertTrue(alpha.lower() < 0 && alpha.upper() > 0, "interval " + alpha.lower() + ".." + alpha.upper());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("alpha is poorly determined")), fit.warnings().toString());
        Fit offset = Fitter.fit(new OffsetPowerLaw(), Observations.of(x, y));
        assertFinite(offset);
        // Flat data leave the offset law's shape undetermined: the best sane curve is flat at the level (the power
        // term vanishes over the data, A·x^−alpha < 1e-60), and the fit says A is not determined by the data.
        assertTrue(offset.warnings().stream().anyMatch(w -> w.startsWith(
                "singular information matrix: the parameters A are not separately determined")), offset.warnings().toString());
        // ... and that the power term has vanished, so that A and alpha (1.5e117 and 10 here) are not read as estimates.
        assertTrue(offset.warnings().contains("the fitted curve is flat at E = " + Numbers.format(offset.value("E"), 4)
                + " over the data: its other terms vanish there (below 1e-9 of E), so A, alpha are not determined and their"
                + " values mean nothing; the data show no trend that offset-power-law can follow"), offset.warnings().toString());
        double level = Math.exp(java.util.Arrays.stream(y).map(Math::log).average().orElseThrow());
        assertEquals(level, offset.predict(x[0]), 1e-6 * level, "flat at the geometric mean of the data");
        assertEquals(level, offset.predict(x[x.length - 1]), 1e-6 * level, "flat at the geometric mean of the data");
    }

    /**
     * A curve flat at its asymptote over the data (the power term A·x^−alpha = 1e-80·x^−1 below 1e-98 on x from 1e18
     * to 1e22, where the level is 3) says that A and alpha carry no information; the same law with a visible power term
     * does not.
     */
    @Test
    void aCurveFlatAtItsAsymptoteSaysItsShapeIsNotDetermined() {
        double[] x = logSpaced(1e18, 1e22, 12);
        Observations data = Observations.of(x, java.util.Arrays.stream(x).map(v -> 3.0).toArray());
        Problem problem = Problem.of(new OffsetPowerLaw(), data, FitOptions.defaults(), Space.LOG);
        java.util.List<String> warnings = new java.util.ArrayList<>();
        Warnings.flatAtAsymptote(problem, data, new double[] {3.0, 1e-80, 1.0}, warnings);
        assertEquals(List.of("the fitted curve is flat at E = 3 over the data: its other terms vanish there (below 1e-9 of E),"
                + " so A, alpha are not determined and their values mean nothing; the data show no trend that offset-power-law"
                + " can follow"), warnings);
        warnings.clear();
        // A·x^−alpha = 1e3·x^−0.2 is 0.25 at x = 1e18: a visible term, no warning.
        Warnings.flatAtAsymptote(problem, data, new double[] {3.0, 1e3, 0.2}, warnings);
        assertEquals(List.of(), warnings);
    }

    /**
     * exp overflows at the user's start for every point. The default multi-start's scan still reaches the
     * optimum (b = 2.7e-7, the growth of y from 1.1 to 3.8 over x = 1..6); from that start alone (a warm
     * start: no scan, no fallback) the fit fails clearly, saying why.
     */
    @Test
    void overflowInAFormulaIsAClearFailure() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1.1, 1.3, 1.7, 2.2, 2.9, 3.8};
        Law law = new ExpressionLaw("a*exp(b*x*1e6)", List.of("x"), Map.of());
        Fit rescued = Fitter.fit(law, Observations.of(x, y), FitOptions.builder().start("a", 1).start("b", 1).build());
        assertEquals(2.7e-7, rescued.value("b"), 0.3e-7);
        FitFailedException e = assertThrows(FitFailedException.class, () -> Fitter.fit(law, Observations.of(x, y),
                FitOptions.builder().starts(Starts.warm(new double[] {1, 1})).build()));
        assertEquals("a*exp(b*x*1e6) fit failed from all 1 starts: the model cannot be evaluated at the start point",
                e.getMessage());
        Fit good = Fitter.fit(law, Observations.of(x, y), FitOptions.builder().start("a", 1).start("b", 3e-7).build());
        // SciPy 1.17 curve_fit of a*exp(b*x*1e6) in linear space from the same start (xtol = ftol = 1e-15):
        // a = 0.783725692, b = 2.62132317e-7; the optimisers agree to about 1e-8, so 1e-6 relative.
        assertEquals(2.62132317e-7, good.value("b"), 1e-6 * 2.62132317e-7);
        assertEquals(0.783725692, good.value("a"), 1e-6 * 0.783725692);
        assertEquals(rescued.value("b"), good.value("b"), 1e-6 * good.value("b"));
    }

    /** Overflow at every point, whatever the start: a clear failure naming the law and the first row. */
    @Test
    void overflowEverywhereIsAClearFailure() {
        double[] x = {1e300, 2e300, 3e300};
        double[] y = {1, 2, 3};
        Law law = new ExpressionLaw("a*x*x + b", List.of("x"), Map.of());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Fitter.fit(law, Observations.of(x, y)));
        assertTrue(e.getMessage().startsWith("a*x*x + b cannot be evaluated at point 0 of data (x = 1e+300) from any of the"
                + " 17 starts"), e.getMessage());
    }

    /** exp overflows at x = 1 already (e^1000); only the first point is usable, so the rows after it are named. */
    @Test
    void overflowInExpAtSomeRowsNamesTheFirst() {
        double[] x = {0, 0.5, 1, 2};
        double[] y = {1, 2, 3, 4};
        Law law = new ExpressionLaw("a*exp(1000*x) + b", List.of("x"), Map.of());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Fitter.fit(law, Observations.of(x, y)));
        assertTrue(e.getMessage().startsWith("a*exp(1000*x) + b cannot be evaluated at point 2 of data (x = 1)"), e.getMessage());
    }

    /** a/x at x = 0 is infinite whatever the parameters: the row is named (rows count a header, as in a file), as bad input. */
    @Test
    void divisionByZeroInAFormulaNamesTheRow() {
        double[] x = {1, 2, 0, 3};
        double[] y = {1, 2, 3, 4};
        Law law = new ExpressionLaw("a/x + b", List.of("x"), Map.of());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Fitter.fit(law, Observations.of(x, y)));
        assertEquals("a/x + b cannot be evaluated at point 2 of data (x = 0) from any of the 17 starts: it is not finite"
                + " there (a division by zero, an overflow, or the logarithm or root of a negative number); leave the point"
                + " out, or rewrite the formula so that it is finite there", org.scalefit.TestFlags.message(e));
    }

    @Test
    void singlePointAndTwoPointsForThreeParameters() {
        InvalidDataException one = assertThrows(InvalidDataException.class,
                () -> Fitter.fit(new PowerLaw(), Observations.of(new double[] {1e20}, new double[] {2.5})));
        assertEquals("power-law has 2 free parameters but data has only 1 point: need at least 2", one.getMessage());
        InvalidDataException two = assertThrows(InvalidDataException.class, () -> Fitter.fit(new OffsetPowerLaw(),
                Observations.of(new double[] {1e20, 1e21}, new double[] {2.5, 2.4})));
        assertEquals("offset-power-law has 3 free parameters but data has only 2 points: need at least 3", two.getMessage());
    }

    @Test
    void exactlyAsManyPointsAsParametersWarns() {
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(new double[] {1e20, 1e21}, new double[] {2.5, 2.4}));
        assertFinite(fit);
        assertEquals(0, fit.dof());
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("as many free parameters as points")));
        assertTrue(Double.isNaN(fit.parameter("alpha").stderr()));
    }

    @Test
    void duplicateXValuesAreFine() {
        double[] x = {1e18, 1e18, 1e19, 1e19, 1e20, 1e20};
        double[] y = {3.0, 3.1, 2.7, 2.75, 2.45, 2.5};
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(x, y));
        assertFinite(fit);
        // NumPy polyfit of ln y on ln x (the log-space power law is that line): alpha = 0.0453442139, a = 19.9183938
        assertEquals(0.0453442139, fit.value("alpha"), 1e-8);
        assertEquals(19.9183938, fit.value("a"), 1e-6);
    }

    /**
     * One wild outlier (a loss logged 5× too high) among 30 points of a clean power law: squares is pulled off
     * and says so, naming the row; Huber's loss in log space recovers the exponent and does not flag it.
     */
    @Test
    void oneWildOutlierRobustLossHandlesItSquaresWarns() {
        double[] x = logSpaced(1e17, 1e23, 30);
        double[] y = new double[x.length];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < x.length; i++) {
            y[i] = 40 * Math.pow(x[i], -0.08) * Math.exp(0.01 * r.nextGaussian());
        }
        y[17] *= 5;
        Observations data = Observations.of(x, y);
        Fit squares = Fitter.fit(new PowerLaw(), data);
        assertFinite(squares);
        assertTrue(squares.warnings(org.scalefit.TestFlags::of).stream().anyMatch(w -> w.startsWith("possible outlier: row 19 lies ")
                && w.endsWith("(consider --loss huber:DELTA)")), squares.warnings().toString());
        assertTrue(Math.abs(squares.value("alpha") - 0.08) > 0.003, "squares should be pulled off: " + squares.value("alpha"));
        Fit huber = Fitter.fit(new PowerLaw(), data, FitOptions.builder().loss(Loss.parse("huber:0.02")).build());
        assertFinite(huber);
        assertEquals(0.08, huber.value("alpha"), 0.002);
        assertEquals(40, huber.value("a"), 4);
        assertTrue(huber.warnings().stream().noneMatch(w -> w.startsWith("possible outlier")), huber.warnings().toString());
    }

    /**
     * Chinchilla on a sweep along D = 20·N (every run compute-optimal) with alpha = beta: A/N^alpha and
     * B/D^beta are the same curve, so only A + B·20^(−beta) is determined. The fit must say that A and B
     * are not separately determined (or fail clearly) — never report them as if they were known.
     */
    @Test
    void illConditionedChinchillaSaysAAndBAreNotSeparated() {
        int n = 40;
        double[] nn = logSpaced(7e7, 1.6e10, n);
        double[] dd = new double[n];
        double[] y = new double[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            dd[i] = 20 * nn[i];
            y[i] = (1.7 + 400 / Math.pow(nn[i], 0.3) + 400 / Math.pow(dd[i], 0.3)) * Math.exp(0.003 * r.nextGaussian());
        }
        Observations data = Observations.builder().predictor("N", nn).predictor("D", dd).response("loss", y).build();
        // Squares drive A (the two terms are the same curve; the first one found) off to the largest double and
        // say the information matrix is singular in A;
        // Huber's loss, at its exact optimum, drives B off the same way (A and B trade places between the losses).
        Map<String, List<String>> expected = Map.of(
                "squares", List.of("A ran off to 1.8e+308", "singular information matrix: the parameters A are not separately determined"),
                "huber:0.001", List.of("B ran off to 1.6", "singular information matrix: the parameters B are not separately determined"));
        for (FitOptions options : List.of(FitOptions.defaults(), FitOptions.builder().loss(Loss.parse("huber:1e-3")).build())) {
            Fit fit = Fitter.fit(new org.scalefit.model.ChinchillaLaw(), data, options);
            String loss = options.loss().spec();
            EngineGuaranteeTest.check(fit, "chinchilla on D = 20 N with " + loss);
            for (String stem : expected.get(loss)) {
                assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith(stem)), loss + ": no \"" + stem + "\" in " + fit.warnings());
            }
            double predicted = fit.predict(1e9, 2e10);
            double truth = 1.7 + 400 / Math.pow(1e9, 0.3) + 400 / Math.pow(2e10, 0.3);
            assertEquals(truth, predicted, 0.01 * truth, "the identified combination must still fit the data");
        }
    }

    /**
     * Nearly flat data (0.1% noise about a constant) for every law family in the registry: the fit either
     * follows the data (every prediction within 1% of the level) with a warning that the shape is not
     * determined, or fails clearly; never NaN values.
     */
    @Test
    void nearlyFlatDataForEveryLawFamily() {
        SplittableRandom r = new SplittableRandom(6);
        int n = 24;
        double[] x = logSpaced(1e18, 1e22, n);
        double[] dates = new double[n];
        double[] second = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            dates[i] = 18_000 + 60 * i;
            second[i] = 1e10 * Math.pow(10, (i * 7 % n) * 2.0 / n);
            noise[i] = 0.001 * r.nextGaussian();
        }
        // What each law must say about flat data: the warning that names what is not determined, or
        // a clear failure naming the cause: no finite optimum (offset power law, overtraining: flat data are their
        // limit at infinity), a law without a free level (Kaplan's), a parameter the curve no longer depends on (Elo).
        Map<String, String> says = Map.ofEntries(
                Map.entry("broken-power-law", "singular information matrix: the parameters c1, d1, f1 are not separately determined"),
                // Two breaks on flat data: a run still creeping down a flat direction at the 300-iteration limit ends more
                // than 1% below every converged one (MultiStart.BELOW_CONVERGED), so the fit reports that run, not converged,
                // rather than a converged point that is plainly not the optimum.
                Map.entry("broken-power-law-2", "did not converge: stopped: iteration limit (300) reached"),
                Map.entry("chinchilla", "E is poorly determined: its standard error"),
                Map.entry("doubling", "doubling_time_days is poorly determined: its standard error"),
                Map.entry("elo-frontier", "fails: elo-frontier fit found no acceptable curve: at its best, the fit stalled where "
                        + "m_plateau no longer changes the curve"),
                Map.entry("exp-decay", "singular information matrix: the parameters k, gamma are not separately determined"),
                Map.entry("exponential", "b is poorly determined: its standard error"),
                Map.entry("kaplan", "fails: kaplan fit found no acceptable curve: at its best, the fitted curve explains less "
                        + "than a constant would"),
                Map.entry("offset-power-law", "fails: offset-power-law fit has no finite optimum: E → −∞, A → +∞ while alpha → 0"),
                Map.entry("overtraining", "fails: overtraining fit has no finite optimum: a → +∞, b → +∞ while eta → 0"),
                Map.entry("power-law", "alpha is poorly determined: its standard error"),
                Map.entry("quadratic", "alpha is poorly determined: its standard error"),
                Map.entry("sigmoid", "singular information matrix: the parameters a, k, L0, b are not separately determined"),
                Map.entry("superexponential", "singular information matrix: the parameters ratio are not separately determined"));
        assertEquals(new java.util.TreeSet<>(says.keySet()), new java.util.TreeSet<>(org.scalefit.model.Laws.names()),
                "every law has its expected answer");
        int checked = 0;
        for (String name : org.scalefit.model.Laws.names()) {
            Law template = EngineGuaranteeTest.template(name);
            boolean time = template.timePredictor();
            boolean elo = name.equals("elo-frontier");
            double level = elo ? -300 : 3.0;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = level * (1 + noise[i]);
            }
            Observations.Builder b = Observations.builder().source("flat.csv").predictor(template.predictors().get(0),
                    time ? dates : x);
            if (template.predictors().size() == 2) {
                // The second predictor: tokens for the joint laws, a board size from 3 to 9 for Jones's Elo frontier.
                double[] s = elo ? java.util.stream.IntStream.range(0, n).mapToDouble(i -> 3 + i % 7).toArray() : second;
                b.predictor(template.predictors().get(1), s);
            }
            Observations data = b.response("y", y).build();
            Law law = EngineGuaranteeTest.forData(name, template, data);
            try {
                // The level is found at once; the shape never is, so a modest limit keeps the broken power laws quick.
                Fit fit = Fitter.fit(law, data, FitOptions.builder().maxIterations(300).build());
                EngineGuaranteeTest.check(fit, name + " on flat data");
                for (int i = 0; i < n; i++) {
                    double[] at = new double[template.predictors().size()];
                    for (int k = 0; k < at.length; k++) {
                        at[k] = data.x(k, i);
                    }
                    assertEquals(level, fit.predict(at), 0.01 * Math.abs(level), name + " at point " + i);
                }
                assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith(says.get(name))),
                        name + " on flat data must say \"" + says.get(name) + "\": " + fit.warnings());
                checked++;
            } catch (FitFailedException e) {
                assertTrue(("fails: " + e.getMessage()).startsWith(says.get(name)), name + ": " + e.getMessage());
            }
        }
        assertEquals(org.scalefit.model.Laws.names().size() - 4, checked,
                "all laws but elo-frontier, kaplan, offset-power-law and overtraining fit flat data");
    }
}

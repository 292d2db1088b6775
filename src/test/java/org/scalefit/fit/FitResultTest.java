package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.data.Group;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * What a {@link Fit} hands back beyond its parameters — predictions, residuals at new points, delta-method estimates of
 * any function of the parameters, the interval formula, lookups by name — and what {@link GroupFit} makes of each group
 * of a data set. The numbers are those of the weighted line of {@link FitAssemblyOracleTest}
 * ({@code bench/oracles/fit_assembly.py}) and of {@code bench/oracles/fit_results.py} (NumPy 2, SciPy 1.17, run
 * 2026-12-07), or closed forms worked in the comments.
 */
class FitResultTest {
    private static final double[] X = FitAssemblyOracleTest.X;
    private static final double[] Y = FitAssemblyOracleTest.Y;
    private static final double A = 0.792413166167958;
    private static final double B = 2.1065111170031425;

    private static Law line() {
        return new ExpressionLaw("a + b*x", List.of("x"));
    }

    private static Fit weighted(boolean sigmas) {
        return FitAssemblyOracleTest.line(sigmas);
    }

    @Test
    void predictionsAndResidualsAtNewPoints() {
        Fit fit = weighted(false);
        assertEquals(List.of("a", "b"), fit.parameterNames());
        assertEquals(A, fit.value("a"), 1e-10);
        assertEquals(B, fit.value("b"), 1e-10);
        assertEquals(A + B * 20, fit.predict(20), 1e-9);
        assertEquals(A + B * 20, fit.valueInSpace(20), 1e-9, "linear space: the value itself");
        assertEquals(50 - (A + B * 20), fit.residualAt(50, 20), 1e-9);
        InvalidDataException arity = assertThrows(InvalidDataException.class, () -> fit.predict(1, 2));
        assertEquals("a + b*x takes 1 predictors, got 2", arity.getMessage());
        InvalidDataException unknown = assertThrows(InvalidDataException.class, () -> fit.value("c"));
        assertEquals("unknown parameter \"c\"; a + b*x has parameters a, b", unknown.getMessage());
        assertThrows(InvalidDataException.class, () -> fit.parameter("c"));
        // Copies: changing what was handed out changes nothing in the fit.
        fit.values()[0] = 99;
        fit.covariance()[0][0] = 99;
        fit.covarianceAbsolute()[0][0] = 99;
        fit.residuals()[0] = 99;
        assertEquals(A, fit.value("a"), 1e-10);
        assertEquals(0.07627946046431376, fit.covariance()[0][0], 1e-11);
        assertEquals(0.27930760198477333, fit.covarianceAbsolute()[0][0], 1e-11);
        assertEquals(Y[0] - (A + B), fit.residuals()[0], 1e-9);
        assertEquals(12, fit.n());
        // A power law in log space: the value in the fit's space is ln f, and the residual ln y − ln f.
        Fit power = Fitter.fit(new PowerLaw(), Observations.of(new double[] {1, 2, 4, 8}, new double[] {8, 4, 2, 1}));
        assertEquals(Space.LOG, power.space());
        assertEquals(8, power.value("a"), 1e-9);
        assertEquals(1, power.value("alpha"), 1e-10);
        assertEquals(Math.log(0.5), power.valueInSpace(16), 1e-9, "ln(8/16)");
        assertEquals(Math.log(3) - Math.log(0.5), power.residualAt(3, 16), 1e-9);
        assertEquals(0.5, power.predict(16), 1e-9);
    }

    @Test
    void theXAtATargetCarriesItsDeltaMethodInterval() {
        // A power law in log space is OLS of ln y on ln x (bench/oracles/fit_results.py): it reaches y = 3 at
        // x* = exp((ln a − ln 3)/α) = 22.676288710871457, delta-method se 0.39697941461796543, t(6) interval
        // [21.70491507658216, 23.647662345160754].
        double[] px = {1, 2, 4, 8, 16, 32, 64, 128};
        double[] py = {10.2, 7.9, 6.1, 4.4, 3.5, 2.6, 1.98, 1.52};
        Fit powerFit = Fitter.fit(new PowerLaw(), Observations.of(px, py));
        Estimate at = powerFit.solveForX(3).orElseThrow();
        assertEquals("x_at_target", at.name());
        assertEquals("units of x", at.unit());
        assertEquals("x at which y reaches 3", at.description());
        assertEquals("delta", at.method());
        assertEquals(22.676288710871457, at.value(), 1e-9 * 22.7);
        assertEquals(0.39697941461796543, at.stderr(), 1e-6 * 0.397);
        assertEquals(21.70491507658216, at.lower(), 1e-6);
        assertEquals(23.647662345160754, at.upper(), 1e-6);
        // With the sigmas given, a function's error comes from the absolute covariance: b's is 0.07229851127110244
        // (bench/oracles/fit_assembly.py), not the scaled 0.03778.
        Fit fit = weighted(false);
        Estimate abs = weighted(true).estimate("slope", "", "", p -> p[1]);
        assertEquals(0.07229851127110244, abs.stderr(), 1e-7 * 0.0723);
        // A function of the parameters given directly: b itself has b's standard error; a constant has none.
        Estimate b = fit.estimate("slope", "y per x", "the slope", p -> p[1]);
        assertEquals(fit.parameter("b").stderr(), b.stderr(), 1e-9 * b.stderr());
        assertEquals(fit.parameter("b").lower(), b.lower(), 1e-9);
        Estimate sum = fit.estimate("a+b", "", "", p -> p[0] + p[1]);
        double[][] c = fit.covariance();
        assertEquals(Math.sqrt(c[0][0] + 2 * c[0][1] + c[1][1]), sum.stderr(), 1e-8 * sum.stderr(), "var a + 2 cov + var b");
        Estimate constant = fit.estimate("two", "", "", p -> 2.0);
        assertEquals(0, constant.stderr(), 0);
        Estimate undefined = fit.estimate("nan", "", "", p -> Math.log(p[0] - 5));
        assertTrue(Double.isNaN(undefined.value()) && Double.isNaN(undefined.stderr()));
        // A straight line never levels off: every target is reached; a power law with α > 0 never reaches 0.
        Fit power = Fitter.fit(new PowerLaw(), Observations.of(new double[] {1, 2, 4, 8}, new double[] {8, 4, 2, 1}));
        assertTrue(power.solveForX(0).isEmpty());
        assertEquals(16, power.solveForX(0.5).orElseThrow().value(), 1e-8, "8/x = 0.5");
        InvalidDataException none = assertThrows(InvalidDataException.class, () -> fit.derived("half_life"));
        assertEquals("unknown derived quantity \"half_life\" for a + b*x", none.getMessage());
        assertTrue(fit.derived().isEmpty(), "a formula has no derived quantities");
    }

    @Test
    void aHeldParameterHasAZeroWidthIntervalAndNoGradient() {
        // With a held at 1 the line through (0, 1): b = Σx(y − 1)/Σx², se(b)² = s²/Σx² with s² = Σ(y − 1 − bx)²/(n − 1).
        Fit fit = Fitter.fit(line(), Observations.of(X, Y), FitOptions.builder().space(Space.LINEAR).fix("a", 1).build());
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < X.length; i++) {
            sxy += X[i] * (Y[i] - 1);
            sxx += X[i] * X[i];
        }
        double b = sxy / sxx;
        double rss = 0;
        for (int i = 0; i < X.length; i++) {
            rss += Math.pow(Y[i] - 1 - b * X[i], 2);
        }
        double se = Math.sqrt(rss / (X.length - 1) / sxx);
        Parameter a = fit.parameter("a");
        assertEquals(new Parameter("a", 1, 0, 1, 1, true), a);
        assertEquals(se, fit.parameter("b").stderr(), 1e-9 * se);
        assertEquals(11, fit.dof());
        // b² + a: the gradient skips the held a; se = 2b·se(b).
        Estimate e = fit.estimate("q", "", "", p -> p[1] * p[1] + p[0]);
        assertEquals(2 * b * se, e.stderr(), 1e-7 * 2 * b * se);
        assertEquals(0, fit.covariance()[0][0], 0);
        assertEquals(0, fit.covariance()[0][1], 0);
    }

    @Test
    void theIntervalFormula() {
        // value ∓ t·se; fixed: zero width; on the log scale value·exp(∓t·se/value).
        assertEquals(new Parameter("p", 2, 0.5, 2 - 2.2 * 0.5, 2 + 2.2 * 0.5, false),
                Fit.parameter("p", 2, 0.5, false, 2.2, false));
        assertEquals(new Parameter("p", 2, 0.5, 2, 2, true), Fit.parameter("p", 2, 0.5, true, 2.2, false));
        assertEquals(new Parameter("p", 2, 0.5, 2, 2, true), Fit.parameter("p", 2, 0.5, true, 2.2, true));
        Parameter log = Fit.parameter("p", 2, 0.5, false, 2.2, true);
        assertEquals(2 * Math.exp(-0.55), log.lower(), 1e-15);
        assertEquals(2 * Math.exp(0.55), log.upper(), 1e-15);
        assertFalse(log.fixed());
        assertEquals(2 * 2 - 2 * -3.5, Fit.aic(2, -3.5), 0);
        // Log-scale intervals only for a positive parameter of a log-space fit with a finite standard error.
        Law power = new PowerLaw();
        assertTrue(Fit.logScaleInterval(power, Space.LOG, 0, 2, 0.1));
        assertFalse(Fit.logScaleInterval(power, Space.LINEAR, 0, 2, 0.1));
        assertFalse(Fit.logScaleInterval(power, Space.LOG, 1, 2, 0.1), "alpha is not a positive parameter");
        assertFalse(Fit.logScaleInterval(power, Space.LOG, 0, 0, 0.1));
        assertFalse(Fit.logScaleInterval(power, Space.LOG, 0, 2, Double.NaN));
    }

    @Test
    void theFitDescribesItself() {
        Fit fit = weighted(false);
        assertEquals("y = a + b*x", fit.formula());
        assertTrue(fit.formulaWithValues().contains("0.79241"), fit.formulaWithValues());
        assertTrue(fit.toString().startsWith("Fit[" + fit.formulaWithValues() + ", rss=" + fit.rss() + ", n=12]"), fit.toString());
        assertTrue(fit.scale().isEmpty(), "squares have no scale");
        assertEquals("lm (automatic)", fit.solver());
        assertTrue(fit.converged());
        assertEquals(fit.rss(), fit.objective(), 1e-15, "squares: the objective is the RSS");
        assertEquals(fit.summary(), FitSummary.of(fit, List.of(), null));
        // The header names the level; the solver is named only where the engine chose other than the loss's usual one.
        assertTrue(fit.summary().matches("(?s).*\\n  parameter +value +std\\. error +95% interval\\n.*"), fit.summary());
        assertTrue(fit.summary().contains("\n  solver     converged in "), fit.summary());
        Fit ninety = Fitter.fit(line(), Observations.of(X, Y),
                FitOptions.builder().space(Space.LINEAR).confidenceLevel(0.9).solver(Solver.LM).build());
        assertTrue(ninety.summary().matches("(?s).*\\n  parameter +value +std\\. error +90% interval\\n.*"), ninety.summary());
        assertTrue(ninety.summary().contains("\n  solver     converged in "), "chosen by the user: " + ninety.summary());
        // A straight line's optimum is found from the data-driven start alone.
        assertEquals(1, fit.startsTried());
        assertEquals(1, fit.startsConverged());
        assertTrue(fit.summary().contains(" iterations, best of 1 start (1 converged); " + fit.convergenceReason() + "\n"),
                fit.summary());
        Fit huber = Fitter.fit(line(), Observations.of(X, Y),
                FitOptions.builder().space(Space.LINEAR).loss(Loss.huberLikelihood(1.5)).build());
        assertTrue(huber.scale().isPresent() && huber.scale().getAsDouble() > 0);
        assertTrue(huber.summary().contains("(scale σ "), huber.summary());
        assertTrue(huber.solver().endsWith(" (automatic)") && !huber.solver().startsWith("lbfgs"), huber.solver());
        assertTrue(huber.summary().contains("\n  solver     " + huber.solver() + ": converged in "),
                "an optimiser other than L-BFGS, the robust losses' usual, is named: " + huber.summary());
    }

    @Test
    void criteriaConditionAndConstraintsOfTheFit() {
        // The column-scaled weighted Jacobian of the line has condition number 4.148991773237462
        // (numpy.linalg.cond, bench/oracles/fit_results.py).
        Fit fit = weighted(false);
        assertEquals(4.148991773237462, fit.conditionNumber(), 1e-9 * 4.15);
        assertEquals(List.of(), fit.constraints(), "a formula's parameters are unrestricted");
        // AICc's correction 2k(k + 1)/(n − k − 1) needs n > k + 1: with k = 3 (a, b and σ) three points leave
        // n − k − 1 = −1 and four leave 0: infinite; five leave 1: AIC + 24.
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1.1, 1.9, 3.2, 3.9, 5.1};
        for (int n = 3; n <= 5; n++) {
            Fit f = Fitter.fit(line(), Observations.of(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)),
                    FitOptions.builder().space(Space.LINEAR).build());
            assertEquals(3, f.informationParameters());
            if (n < 5) {
                assertEquals(Double.POSITIVE_INFINITY, f.aicc(), "n = " + n);
            } else {
                assertEquals(f.aic() + 24, f.aicc(), 1e-12);
                assertEquals(3 * Math.log(5) - 2 * f.logLikelihood(), f.bic(), 1e-12);
            }
        }
        // A power law's scale a is positive: the fit lists that it is fitted as ln a.
        Fit power = Fitter.fit(new PowerLaw(), Observations.of(new double[] {1, 2, 4, 8}, new double[] {8, 4.1, 2, 1}));
        assertEquals(List.of(new Constraint("a", 0, Double.POSITIVE_INFINITY, Constraint.Source.DOMAIN,
                "the law's domain; fitted as ln a")), power.constraints());
    }

    @Test
    void aGroupsRowHoldsItsFitsNumbers() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1.1, 1.9, 3.2, 3.9, 5.1, 6.3};
        Fit fit = Fitter.fit(line(), Observations.of(x, y), FitOptions.builder().space(Space.LINEAR).build());
        GroupRow row = GroupRow.of(List.of("k1", "k2"), fit);
        assertEquals(List.of("k1", "k2"), row.keys());
        assertEquals(List.of("a", "b"), row.parameters());
        for (int j = 0; j < 2; j++) {
            Parameter p = fit.parameters().get(j);
            assertEquals(p.value(), row.value(j), 0);
            assertEquals(p.stderr(), row.stderr(j), 0);
            assertEquals(p.lower(), row.lower(j), 0);
            assertEquals(p.upper(), row.upper(j), 0);
        }
        assertEquals(fit.rss(), row.rss(), 0);
        assertEquals(fit.r2(), row.r2(), 0);
        assertEquals(fit.aic(), row.aic(), 0);
        assertEquals(6, row.n());
        assertTrue(row.converged());
        assertEquals(fit.convergenceReason(), row.convergenceReason().orElseThrow());
        assertTrue(row.error(null).isEmpty());
        assertFalse(row.invalidData());
        assertTrue(row.toString().startsWith("GroupRow[k1, k2] [a, b]=["), row.toString());
    }

    @Test
    void aSweepOfAFileHandsEveryGroupOverWithWhatTheReaderSaw(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // Three groups, each y = 2·x exactly (a power law a = 2, alpha = −1), and one row the reader leaves out.
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("s.csv"), List.of("set,x,y", "p,1,2", "p,2,4",
                "p,4,8", "q,1,2", "q,3,6", "q,5,10", "r,2,4", "r,8,16", "r,16,32", "r,4,"));
        org.scalefit.data.GroupedReader reader = org.scalefit.data.GroupedReader.of(
                org.scalefit.data.DataSpec.builder().predictor("x").response("y").skipInvalid(true).build(), List.of("set"));
        org.scalefit.data.GroupIndex index = reader.index(file);
        List<GroupFit> out = new java.util.ArrayList<>();
        org.scalefit.data.GroupedReader.Summary summary = Sweep.run(reader, file, index, d -> new PowerLaw(),
                FitOptions.defaults(), List.of("a", "alpha"), 2, true, out::add);
        assertEquals(3, summary.groups());
        assertEquals(1, summary.skipped().size(), "the row without a y");
        assertEquals(List.of("p", "q", "r"), out.stream().map(GroupFit::group).toList());
        for (GroupFit g : out) {
            assertEquals(2, g.fit().orElseThrow().value("a"), 1e-9, g.group());
            assertEquals(-1, g.row().value(1), 1e-9, g.group());
        }
        List<String> mapped = new java.util.ArrayList<>();
        org.scalefit.data.GroupedReader.Summary again = Sweep.run(reader, file, index, d -> new PowerLaw(),
                FitOptions.defaults(), List.of("a", "alpha"), 1, false, g -> g.group() + g.fit().isPresent(), mapped::add);
        assertEquals(List.of("pfalse", "qfalse", "rfalse"), mapped);
        assertEquals(3, again.groups());
    }

    @Test
    void eachGroupIsFittedOnItsOwnInOrderOfFirstAppearance() {
        // Two groups interleaved: g2 first. Each group's fit equals the fit of its rows alone.
        double[] x = {1, 1, 2, 2, 3, 3, 4, 4};
        double[] y = {2, 10, 4, 7, 6, 4, 8, 1};
        String[] g = {"g2", "g1", "g2", "g1", "g2", "g1", "g2", "g1"};
        Observations data = Observations.builder().predictor("x", x).response("y", y).groups(g).build();
        Map<String, Observations> split = GroupFit.split(data);
        assertEquals(List.of("g2", "g1"), List.copyOf(split.keySet()));
        assertEquals(4, split.get("g1").size());
        List<GroupFit> fits = GroupFit.fitEach(data, d -> line(), FitOptions.builder().space(Space.LINEAR).threads(3).build(), 2);
        assertEquals(2, fits.size());
        assertEquals("g2", fits.get(0).group());
        assertEquals(List.of("g1"), fits.get(1).keys());
        // g2: y = 2x exactly; g1: y = 13 − 3x exactly.
        Fit g2 = fits.get(0).fit().orElseThrow();
        assertEquals(2, g2.value("b"), 1e-10);
        assertEquals(0, g2.value("a"), 1e-9);
        assertEquals(-3, fits.get(1).fit().orElseThrow().value("b"), 1e-10);
        assertEquals(1, g2.options().threads(), "each group on one thread");
        assertTrue(fits.get(0).succeeded());
        assertTrue(fits.get(0).error().isEmpty());
        assertFalse(fits.get(0).invalidData());
        assertEquals(-3, fits.get(1).row().value(1), 1e-10);
        assertTrue(fits.get(0).toString().startsWith("GroupFit[g2] Fit["), fits.get(0).toString());
        InvalidOptionException noGroups = assertThrows(InvalidOptionException.class,
                () -> GroupFit.split(Observations.of(x, y)));
        assertTrue(noGroups.getMessage().startsWith("fitting each group separately needs group labels ("), noGroups.getMessage());
        FitOptions one = FitOptions.defaults();
        assertTrue(one == GroupFit.singleThreaded(one), "already on one thread: the same options");
    }

    @Test
    void aGroupThatCannotBeFittedSaysWhyAndWhetherItsDataWereToBlame() {
        Observations data = Observations.of(new double[] {1, 2, 3}, new double[] {1, 2, 4});
        GroupFit unread = GroupFit.of(Group.failed(0, List.of("a", "b"), 5, new InvalidDataException("cell x is not a number")),
                d -> line(), FitOptions.defaults(), List.of("a", "b"), true);
        assertEquals("a, b", unread.group());
        assertEquals("cell x is not a number", unread.error().orElseThrow());
        assertTrue(unread.invalidData());
        assertFalse(unread.succeeded());
        assertTrue(unread.fit().isEmpty());
        assertEquals(5, unread.row().n());
        assertEquals(List.of("a", "b"), unread.row().parameters());
        GroupFit failed = GroupFit.of(Group.of(1, List.of("k"), data), d -> {
            throw new FitFailedException("no convergence");
        }, FitOptions.defaults(), null, true);
        assertFalse(failed.invalidData(), "the fit failed, not the data");
        assertEquals("no convergence", failed.error(null).orElseThrow());
        assertEquals(List.of(), failed.row().parameters(), "no law, no names");
        assertEquals(3, failed.row().n());
        assertTrue(failed.toString().startsWith("GroupFit[k] GroupRow[k] failed: no convergence"), failed.toString());
        GroupFit lean = GroupFit.of(Group.of(2, List.of("k"), data), d -> line(),
                FitOptions.builder().space(Space.LINEAR).build(), null, false);
        assertTrue(lean.fit().isEmpty(), "only the row");
        assertTrue(lean.succeeded());
        assertEquals(1.5, lean.row().value(1), 1e-10, "slope of (1,1), (2,2), (3,4)");
    }
}

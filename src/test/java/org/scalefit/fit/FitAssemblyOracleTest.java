package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidOptionException;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Space;

/**
 * Everything the engine computes at the optimum (covariance, standard errors, t intervals, R², likelihood, criteria,
 * residual diagnostics, Wald and likelihood-ratio tests) for a weighted straight line, whose optimum and statistics are
 * closed forms: {@code python3 bench/oracles/fit_assembly.py} (NumPy 2, SciPy 1.17, run 2026-12-07) solves
 * (XᵀWX)β = XᵀWy and prints s²(XᵀWX)⁻¹, (XᵀWX)⁻¹, scipy.stats.t and chi2 values. No optimiser is involved on the
 * oracle's side, so the tolerances are those of the engine's convergence (LM to 1e-12 relative, then SVD polish):
 * 1e-10 relative for values and errors.
 */
class FitAssemblyOracleTest {
    static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    static final double[] Y = {3.1, 5.4, 7.2, 8.6, 11.3, 13.1, 15.9, 17.2, 19.8, 21.1, 24.5, 25.9};
    private static final double[] W = {1, 2, 0.5, 1, 4, 1, 0.25, 2, 1, 1, 3, 0.5};
    private static final double REL = 1e-10;

    /** The weighted line of the oracle: weights W, or the same as sigmas 1/√W (the other tests of the package use it too). */
    static Fit line(boolean sigmas) {
        Observations.Builder b = Observations.builder().predictor("x", X).response("y", Y);
        if (sigmas) {
            double[] s = new double[W.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = 1 / Math.sqrt(W[i]);
            }
            b.sigma("sigma", s);
        } else {
            b.weights("w", W);
        }
        return Fitter.fit(new ExpressionLaw("a + b*x", List.of("x")), b.build(),
                FitOptions.builder().space(Space.LINEAR).build());
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.abs(expected) + 1e-15, what);
    }

    @Test
    void relativeWeightsGiveTheScaledCovarianceAndItsStatistics() {
        Fit fit = line(false);
        close(0.792413166167958, fit.value("a"), "a");
        close(2.1065111170031425, fit.value("b"), "b");
        close(2.731019847733045, fit.rss(), "weighted RSS");
        double[][] cov = fit.covariance();
        close(0.07627946046431376, cov[0][0], "cov aa");
        close(-0.00928925352548871, cov[0][1], "cov ab");
        close(-0.00928925352548871, cov[1][0], "cov ba");
        close(0.0014275244838724299, cov[1][1], "cov bb");
        double[][] abs = fit.covarianceAbsolute();
        close(0.27930760198477333, abs[0][0], "abs aa");
        close(-0.03401386311124579, abs[0][1], "abs ab");
        close(0.005227074732017727, abs[1][1], "abs bb");
        assertTrue(!fit.stderrFromAbsoluteCovariance());
        Parameter a = fit.parameter("a");
        Parameter b = fit.parameter("b");
        close(0.27618736478034933, a.stderr(), "se a");
        close(0.03778259498595127, b.stderr(), "se b");
        close(0.17702936827315618, a.lower(), "a lower");
        close(1.4077969640627597, a.upper(), "a upper");
        close(2.022326249186083, b.lower(), "b lower");
        close(2.190695984820202, b.upper(), "b upper");
        assertEquals(10, fit.dof());
        assertEquals(12, fit.n());
        assertEquals(2, fit.freeParameters());
        close(0.9967932791473859, fit.r2(), "weighted R²");
        close(-7.5965670156036, fit.logLikelihood(), "log L");
        assertEquals(3, fit.informationParameters());
        close(21.1931340312072, fit.aic(), "AIC");
        close(24.1931340312072, fit.aicc(), "AICc");
        close(22.6478539805712, fit.bic(), "BIC");
        ResidualDiagnostics d = fit.diagnostics();
        close(0.4770586832991169, d.rms(), "RMS");
        close(1.7763734025958848, d.maxStandardized(), "max |z|");
        assertEquals(12, d.maxRow(), "x = 11, the 11th point: source row 12 (the header is row 1)");
        close(2.639686670829253, d.durbinWatson(), "Durbin-Watson");
        // Residuals in y units: (y − fit), unweighted.
        double[] res = fit.residuals();
        for (int i = 0; i < 12; i++) {
            close(Y[i] - (0.792413166167958 + 2.1065111170031425 * X[i]), res[i], "residual " + i);
        }
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString());
        assertTrue(fit.converged());
    }

    @Test
    void theSummaryPrintsTheseNumbers() {
        // The oracle's numbers at the summary's precision (R², AIC and log L to 6 significant digits, RSS 5, RMS 4,
        // max |z| and Durbin–Watson 3); the signs of the weighted residuals in x order, + + + − − − + − + − + −, make 8
        // runs where 2·n₊·n₋/n + 1 = 7 are expected (Wald–Wolfowitz).
        String s = line(false).summary();
        assertTrue(s.contains("  fit        R² 0.996793   RSS 2.731   n 12   dof 10\n"), s);
        assertTrue(s.contains("  criteria   log L -7.59657   AIC 21.1931   AICc 24.1931   BIC 22.6479\n"), s);
        assertTrue(s.contains("  residuals  RMS 0.4771   max |z| 1.78 (row 12)   Durbin-Watson 2.64   sign runs 8 (expected 7)\n"), s);
        assertTrue(s.contains("std. errors: covariance scaled by the residual variance RSS/dof; intervals use t with 10 dof"), s);
        assertTrue(s.matches("(?s).*\\n  a +0\\.792413 +0\\.276 +\\[0\\.17703, 1\\.4078\\]\\n.*"), s);
        assertTrue(s.matches("(?s).*\\n  b +2\\.10651 +0\\.0378 +\\[2\\.0223, 2\\.1907\\]\\n.*"), s);
        assertTrue(s.contains("  warnings   none\n"), s);
        assertTrue(s.contains("converged in "), s);
    }

    @Test
    void givenSigmasGiveTheAbsoluteCovarianceAndLikelihood() {
        Fit fit = line(true);
        assertTrue(fit.stderrFromAbsoluteCovariance());
        close(0.792413166167958, fit.value("a"), "a");
        close(0.5284956026163069, fit.parameter("a").stderr(), "absolute se a");
        close(0.07229851127110244, fit.parameter("b").stderr(), "absolute se b");
        close(0.27930760198477333, fit.covarianceAbsolute()[0][0], "abs aa");
        // The scaled covariance is still reported beside it.
        close(0.0014275244838724299, fit.covariance()[1][1], "cov bb");
        close(-11.843466177988539, fit.logLikelihood(), "log L with known sigmas");
        assertEquals(2, fit.informationParameters(), "no variance is estimated");
        close(27.686932355977078, fit.aic(), "AIC");
        String summary = fit.summary();
        assertTrue(summary.contains("std. errors: absolute covariance (from the given sigmas); intervals use t with 10 dof"),
                summary);
    }

    @Test
    void waldAndLikelihoodRatioTestsMatchTheirClosedForms() {
        Fit fit = line(false);
        ParameterTests.Result wald = ParameterTests.wald(fit, Map.of("b", 2.2));
        close(6.122606892381119, wald.statistic(), "Wald");
        close(0.013346383664206792, wald.pValue(), "Wald p");
        assertEquals(1, wald.dof());
        assertEquals("wald", wald.method());
        assertEquals("fit", wald.covariance());
        assertTrue(Double.isNaN(wald.nullLogLikelihood()));
        ParameterTests.Result lr = ParameterTests.likelihoodRatio(fit, Map.of("b", 2.2));
        assertEquals(5.731648186789735, lr.statistic(), 1e-8, "LR (the null refit converges to 1e-12 relative)");
        assertEquals(0.016661837633375764, lr.pValue(), 1e-9, "LR p");
        assertEquals(-10.462391108998466, lr.nullLogLikelihood(), 1e-9);
        assertEquals("likelihood-ratio", lr.method());
        assertTrue(Double.isNaN(lr.nullScale()), "no scale under squares");
        // Both parameters held: nothing is refitted.
        Map<String, Double> both = new LinkedHashMap<>();
        both.put("a", 0.9);
        both.put("b", 2.2);
        ParameterTests.Result lr2 = ParameterTests.likelihoodRatio(fit, both);
        close(18.947340152269234, lr2.statistic(), "LR of both");
        close(7.684884816892418e-05, lr2.pValue(), "LR p of both");
        assertEquals(2, lr2.dof());
        assertEquals(List.of("a", "b"), List.copyOf(lr2.nullValues().keySet()));
        ParameterTests.Result wald2 = ParameterTests.wald(fit, both);
        close(38.498365952903676, wald2.statistic(), "joint Wald");
        close(4.367028761118062e-09, wald2.pValue(), "joint Wald p");
        // With given sigmas the fit's own Wald test uses the absolute covariance.
        ParameterTests.Result walda = ParameterTests.wald(line(true), Map.of("b", 2.2));
        close(1.6720960942959977, walda.statistic(), "absolute Wald");
        close(0.1959780149951246, walda.pValue(), "absolute Wald p");
        // A singular covariance gives no statistic.
        ParameterTests.Result singular = ParameterTests.wald(fit, both, new double[][] {{1, 1}, {1, 1}}, "bootstrap");
        assertTrue(Double.isNaN(singular.statistic()));
        assertEquals("bootstrap", singular.covariance());
    }

    @Test
    void hubersSandwichGivesTheErrorsWhenTheOptimumForcesTheZone() {
        // A line under Huber's δ = 0.01 through ten points with one wild one (bench/oracles/optimizer_cores.py): at the
        // exact optimum a = 1.0912162162162142, b = 2.0014864864864865 three residuals lie inside ±δ, at most twice the
        // parameter count, so the errors come from the sandwich K²·n/(n−p)·H⁻¹BH⁻¹ with ψ' smoothed at Silverman's
        // bandwidth 0.10295211874095839; NumPy: standard errors 0.15288996783886818 and 0.030099718073804592,
        // covariance −0.0037228626278076596. The fit stops within 2e-9 of that optimum (the objective there is flat to
        // rounding), so the errors, smooth in the residuals, are checked to 1e-6 relative.
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] y = {1.1, 2.9, 5.2, 6.8, 9.1, 11.0, 30.0, 15.1, 16.8, 19.2};
        Fit fit = Fitter.fit(new ExpressionLaw("a + b*x", List.of("x")), Observations.of(x, y),
                FitOptions.builder().space(Space.LINEAR).loss(Loss.huber(0.01)).build());
        assertEquals(1.0912162162162142, fit.value("a"), 1e-8);
        assertEquals(2.0014864864864865, fit.value("b"), 1e-9);
        assertEquals(0.15288996783886818, fit.parameter("a").stderr(), 1e-6 * 0.153);
        assertEquals(0.030099718073804592, fit.parameter("b").stderr(), 1e-6 * 0.0301);
        assertEquals(-0.0037228626278076596, fit.covariance()[0][1], 1e-6 * 0.00372);
        assertEquals(-0.0037228626278076596, fit.covariance()[1][0], 1e-6 * 0.00372);
        // Silverman's bandwidth of the same residuals, as the sandwich uses it.
        double[] r = new double[10];
        for (int i = 0; i < 10; i++) {
            r[i] = y[i] - (1.0912162162162142 + 2.0014864864864865 * x[i]);
        }
        assertEquals(0.10295211874095839, FitAssembler.bandwidth(r), 1e-14);
        assertEquals(0, FitAssembler.bandwidth(new double[] {2, 2, 2}), 0, "no spread: no bandwidth");
        assertTrue(FitAssembler.zoneIsForced(Loss.huber(0.01), r, 2));
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("only 30% of the residuals lie inside Huber's delta")),
                fit.warnings().toString());
    }

    @Test
    void theBootstrapCovarianceIsTheSampleCovariance() {
        // numpy.cov(rows.T, ddof=1) of three replicates: [[1, 1.25], [1.25, 1.75]].
        double[][] c = ParameterTests.covariance(new double[][] {{1, 2}, {2, 4}, {3, 4.5}});
        assertArrayEquals(new double[] {1, 1.25}, c[0], 1e-15);
        assertArrayEquals(new double[] {1.25, 1.75}, c[1], 1e-15);
    }

    @Test
    void hypothesesAreParsedAndCheckedByName() {
        assertEquals(Map.of("E", 1.69, "A", 406.4), ParameterTests.parse(" E = 1.69 , A=406.4"));
        assertEquals(List.of("b", "a"), List.copyOf(ParameterTests.parse("b=1,a=2").keySet()), "in the order given");
        InvalidOptionException noEq = assertThrows(InvalidOptionException.class, () -> ParameterTests.parse("E=1,A"));
        assertEquals("test \"E=1,A\": \"A\" is not NAME=VALUE", noEq.getMessage());
        InvalidOptionException leadingEq = assertThrows(InvalidOptionException.class, () -> ParameterTests.parse("=1"));
        assertEquals("test \"=1\": \"=1\" is not NAME=VALUE", leadingEq.getMessage());
        InvalidOptionException nan = assertThrows(InvalidOptionException.class, () -> ParameterTests.parse("E=x"));
        assertEquals("test \"E=x\": \"x\" is not a number", nan.getMessage());
        Fit fit = line(false);
        InvalidOptionException none = assertThrows(InvalidOptionException.class, () -> ParameterTests.wald(fit, Map.of()));
        assertEquals("a test needs at least one NAME=VALUE", none.getMessage());
        InvalidOptionException unknown = assertThrows(InvalidOptionException.class,
                () -> ParameterTests.wald(fit, Map.of("c", 1.0)));
        assertTrue(unknown.getMessage().startsWith("unknown parameter \"c\" in the test; ")
                && unknown.getMessage().endsWith(" has parameters a, b"), unknown.getMessage());
        InvalidOptionException infinite = assertThrows(InvalidOptionException.class,
                () -> ParameterTests.wald(fit, Map.of("a", Double.POSITIVE_INFINITY)));
        assertEquals("the tested value of a must be finite, got Infinity", infinite.getMessage());
        Fit fixed = Fitter.fit(new ExpressionLaw("a + b*x", List.of("x")), Observations.of(X, Y),
                FitOptions.builder().space(Space.LINEAR).fix("a", 1).build());
        // With a held at 1 the fit is the line through (0, 1): b = Σx(y − 1)/Σx², a reported as fixed, error 0.
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < X.length; i++) {
            sxy += X[i] * (Y[i] - 1);
            sxx += X[i] * X[i];
        }
        assertEquals(sxy / sxx, fixed.value("b"), 1e-12);
        assertTrue(fixed.parameter("a").fixed());
        assertTrue(!fixed.parameter("b").fixed());
        assertEquals(0, fixed.parameter("a").stderr(), 0);
        assertEquals(1, fixed.freeParameters());
        InvalidOptionException held = assertThrows(InvalidOptionException.class,
                () -> ParameterTests.wald(fixed, Map.of("a", 1.0)));
        assertTrue(held.getMessage().startsWith("a is held fixed in the fit ("), held.getMessage());
        Fit huber = Fitter.fit(new ExpressionLaw("a + b*x", List.of("x")), Observations.of(X, Y),
                FitOptions.builder().space(Space.LINEAR).loss(Loss.huber(0.5)).build());
        InvalidOptionException noLikelihood = assertThrows(InvalidOptionException.class,
                () -> ParameterTests.likelihoodRatio(huber, Map.of("b", 2.2)));
        assertTrue(noLikelihood.getMessage().startsWith("a likelihood-ratio test needs a likelihood: "),
                noLikelihood.getMessage());
    }
}

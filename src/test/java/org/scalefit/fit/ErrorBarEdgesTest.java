package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.OptionKey;
import org.scalefit.data.Observations;
import org.scalefit.model.DoublingTrend;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * The error bars at their edges: the asymmetric loss's covariance, a singular information matrix, no degree of freedom,
 * the sample sizes at which the residual diagnostics start to warn, a parameter resting on a bound, and each warning
 * {@link FitAssembler} adds from {@link Warnings} expected from a whole fit. Every expected number is from
 * {@code python3 bench/oracles/fit_results.py} (NumPy 2, SciPy 1.17, run 2026-12-07: closed-form least squares, no
 * optimiser) or worked in the comment beside it.
 */
class ErrorBarEdgesTest {
    /** The 12 points of {@link FitAssemblyOracleTest}, unweighted. */
    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    private static final double[] Y = {3.1, 5.4, 7.2, 8.6, 11.3, 13.1, 15.9, 17.2, 19.8, 21.1, 24.5, 25.9};

    private static ExpressionLaw line() {
        return new ExpressionLaw("a + b*x", List.of("x"));
    }

    private static Fit lineFit(double[] x, double[] y, FitOptions.Builder options) {
        return Fitter.fit(line(), Observations.of(x, y), options.space(Space.LINEAR).build());
    }

    private static void rel(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    @Test
    void theAsymmetricLossReweightsTheJacobianByItsWeights() {
        // Expectile regression at λ = 0.2 (oracle): the optimum is weighted least squares with ωᵢ = 0.2 above the line
        // and 0.8 below it, at its own residuals, and the covariance s²(XᵀΩX)⁻¹ with s² = Σωr²/(n − 2). Without the
        // √ω reweighting of the Jacobian the errors would be s²(XᵀX)⁻¹'s, 0.1602 and 0.02177: about half.
        Fit fit = lineFit(X, Y, FitOptions.builder().loss(Loss.asymmetric(0.2)));
        rel(0.69180929095355, fit.value("a"), 1e-7, "a");
        rel(2.077139364303178, fit.value("b"), 1e-8, "b");
        rel(0.677875305623472, fit.objective(), 1e-9, "Σ ωᵢ rᵢ²");
        // The errors are smooth in the optimum once the signs are settled: 1e-6 relative covers its convergence.
        rel(0.2993952997414289, fit.parameter("a").stderr(), 1e-6, "se a");
        rel(0.04071113895809364, fit.parameter("b").stderr(), 1e-6, "se b");
        rel(-0.011187428638040163, fit.covariance()[0][1], 1e-6, "cov ab");
        rel(0.08963754550726008, fit.covariance()[0][0], 1e-6, "cov aa");
        // A formula starts from 1 for every parameter, not the optimum: the optimiser moved, with one evaluation at least
        // for the start besides those of its iterations.
        assertTrue(fit.iterations() >= 1 && fit.evaluations() > fit.iterations(), fit.iterations() + ", " + fit.evaluations());
        // A loss other than squares shows its objective beside the RSS.
        assertTrue(fit.summary().contains("   objective 0.677875   n 12   dof 10\n"), fit.summary());
    }

    @Test
    void aSingularInformationMatrixNamesTheTiedParametersAndReportsNoErrors() {
        // a + b + c·x: the columns of a and b are equal, the null vector is (1, −1, 0)/√2, so a and b are named and c is
        // not (its component 0 ≤ 0.1); every entry of the covariance is NaN (no pseudo-inverse passed off as an answer).
        Fit fit = Fitter.fit(new ExpressionLaw("a + b + c*x", List.of("x")), Observations.of(X, Y),
                FitOptions.builder().space(Space.LINEAR).build());
        assertTrue(fit.warnings().contains(
                "singular information matrix: the parameters a, b are not separately determined by these data"),
                fit.warnings().toString());
        assertFalse(fit.warnings().stream().anyMatch(w -> w.startsWith("standard errors cannot be computed")),
                "the singular matrix explains the missing errors: " + fit.warnings());
        for (double[] row : fit.covariance()) {
            for (double v : row) {
                assertTrue(Double.isNaN(v), "scaled covariance " + java.util.Arrays.toString(row));
            }
        }
        for (double[] row : fit.covarianceAbsolute()) {
            for (double v : row) {
                assertTrue(Double.isNaN(v), "absolute covariance " + java.util.Arrays.toString(row));
            }
        }
        for (Parameter p : fit.parameters()) {
            assertTrue(Double.isNaN(p.stderr()), p.toString());
        }
        // The slope is still the least-squares slope (oracle: 2.085664335664337), a + b its intercept.
        rel(2.085664335664337, fit.value("c"), 1e-9, "c");
        rel(0.8681818181818083, fit.value("a") + fit.value("b"), 1e-8, "a + b");
    }

    @Test
    void withoutAFullRankJacobianEveryParameterIsNamed() {
        // Fewer rows than parameters: rank deficient by construction, no inverse.
        FitAssembler.Inverse inv = FitAssembler.invertNormalMatrix(new double[][] {{1, 2, 3}}, 1, 3);
        assertTrue(inv.rankDeficient);
        assertEquals(Double.POSITIVE_INFINITY, inv.condition);
        // Without a null vector every free parameter is involved.
        FitAssembler.Inverse none = new FitAssembler.Inverse();
        assertEquals("a, b, c", none.describeNull(List.of("a", "b", "c"), new int[] {0, 1, 2}));
        assertEquals("b, c", none.describeNull(List.of("a", "b", "c"), new int[] {1, 2}), "only the free ones");
        none.nullVector = new double[0];
        assertEquals("a, c", none.describeNull(List.of("a", "b", "c"), new int[] {0, 2}));
        // With one: the components above 0.1 in magnitude (0.1 itself is not above).
        none.nullVector = new double[] {0.7, -0.1, -0.7};
        assertEquals("a, c", none.describeNull(List.of("a", "b", "c"), new int[] {0, 1, 2}));
        for (double[] row : inv.matrix) {
            for (double v : row) {
                assertTrue(Double.isNaN(v));
            }
        }
        // Full rank: the inverse of the normal matrix, [[2, 1], [1, 1]]⁻¹ = [[1, −1], [−1, 2]].
        FitAssembler.Inverse full = FitAssembler.invertNormalMatrix(new double[][] {{1, 0}, {1, 1}}, 2, 2);
        assertFalse(full.rankDeficient);
        assertEquals(1, full.matrix[0][0], 1e-14);
        assertEquals(-1, full.matrix[0][1], 1e-14);
        assertEquals(2, full.matrix[1][1], 1e-14);
    }

    @Test
    void theRankCutoffTheForcedZoneAndTheBandwidthAtTheirEdges() {
        // Column-scaled [[1, 1], [0, δ]] has singular values √2 and δ/√2 to first order (NumPy: 1.41421356 and
        // 1.41421356e-13 for δ = 2e-13): a ratio of 1e-13, below the cutoff 1e-13·max(n, m) = 2e-13 — rank deficient;
        // δ = 1e-11 gives 5e-12, above it.
        FitAssembler.Inverse tiny = FitAssembler.invertNormalMatrix(new double[][] {{1, 1}, {0, 2e-13}}, 2, 2);
        assertTrue(tiny.rankDeficient);
        assertEquals(1e13, tiny.condition, 1e-3 * 1e13);
        FitAssembler.Inverse small = FitAssembler.invertNormalMatrix(new double[][] {{1, 1}, {0, 1e-11}}, 2, 2);
        assertFalse(small.rankDeficient);
        // Up to twice the parameter count inside ±δ counts as forced: 4 of 8 inside with 2 parameters, not 5.
        assertTrue(FitAssembler.zoneIsForced(Loss.huber(0.5), new double[] {0.1, 0.2, -0.3, 0.4, 5, 6, -7, 8}, 2));
        assertFalse(FitAssembler.zoneIsForced(Loss.huber(0.5), new double[] {0.1, 0.2, -0.3, 0.4, 0.45, 6, -7, 8}, 2));
        // Silverman's 0.9·min(sd, IQR/1.34)·n^(−1/5) (NumPy std(ddof=1), percentile): for −1, −1, 1, 1 the standard
        // deviation 1.1547 is the smaller (IQR/1.34 = 1.4925): 0.7875894309209581; for 0, 0, 0, 0, 0, 5 the IQR is 0 and
        // the standard deviation 2.0412 is used alone: 1.283827394557279.
        assertEquals(0.7875894309209581, FitAssembler.bandwidth(new double[] {-1, -1, 1, 1}), 1e-15);
        assertEquals(1.283827394557279, FitAssembler.bandwidth(new double[] {0, 0, 0, 0, 0, 5}), 1e-15);
    }

    @Test
    void durbinWatsonIsTakenInTheOrderOfX() {
        // Three points and a line: the residuals are c·(1, −2, 1), so Durbin–Watson is (9c² + 9c²)/(6c²) = 3 exactly.
        Fit three = lineFit(new double[] {1, 2, 3}, new double[] {1, 3, 2}, FitOptions.builder());
        assertEquals(3, three.diagnostics().durbinWatson(), 1e-12);
        // The parabola of systematicResidualsAreNamedFromTenPointsOn given in shuffled row order: the same 0.4545…
        double[] x = {7, 2, 10, 4, 1, 9, 3, 6, 8, 5};
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            y[i] = x[i] * x[i];
        }
        assertEquals(0.4545454545454546, lineFit(x, y, FitOptions.builder()).diagnostics().durbinWatson(), 1e-12);
    }

    @Test
    void theHuberLikelihoodsLogLikelihoodIsLargestAtItsFit() {
        // The likelihood-ratio statistic 2·(log L − log L₀) is positive, and large for b = 1.5 some fifteen standard errors
        // from the fitted 2.08: a log-likelihood of the wrong sign would make it 0.
        Fit fit = lineFit(X, Y, FitOptions.builder().loss(Loss.huberLikelihood(1.5)));
        ParameterTests.Result lr = ParameterTests.likelihoodRatio(fit, Map.of("b", 1.5));
        assertTrue(lr.statistic() > 20, lr.toString());
        assertTrue(lr.nullLogLikelihood() < fit.logLikelihood());
        assertTrue(lr.nullScale() > fit.scale().getAsDouble(), "the held line leaves wider residuals");
    }

    @Test
    void asManyParametersAsPointsLeavesNoErrorBars() {
        // A line through two points: dof = 0, s² undefined, so the errors and the t quantile are NaN (not ∞, not 0) and
        // the warning says why; R² is 1 (the line passes through both); AICc is infinite (n − k − 1 = 2 − 3 − 1 < 0).
        Fit fit = lineFit(new double[] {1, 3}, new double[] {2, 6}, FitOptions.builder());
        assertEquals(0, fit.dof());
        assertEquals(2, fit.value("b"), 1e-12);
        assertEquals(0, fit.value("a"), 1e-12);
        assertTrue(Double.isNaN(fit.tQuantile()));
        for (Parameter p : fit.parameters()) {
            assertTrue(Double.isNaN(p.stderr()), p.toString());
            assertTrue(Double.isNaN(p.lower()) && Double.isNaN(p.upper()), p.toString());
        }
        assertTrue(fit.warnings().contains("as many free parameters as points: the curve passes through every point and no "
                + "uncertainty can be estimated"), fit.warnings().toString());
        assertFalse(fit.warnings().stream().anyMatch(w -> w.startsWith("standard errors cannot be computed")),
                fit.warnings().toString());
        assertEquals(1, fit.r2(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, fit.aicc());
    }

    @Test
    void systematicResidualsAreNamedFromTenPointsOn() {
        // A straight line through y = x²: the residuals about the chord are a parabola, + − … − +. Oracle: for x = 1..10
        // Durbin–Watson 0.4545454545454546 (below 1), 3 sign runs where 2·4·6/10 + 1 = 5.8 are expected; for x = 1..9
        // 0.5454545454545454, but nine points are too few for the diagnostic to speak.
        double[] x10 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y10 = new double[10];
        for (int i = 0; i < 10; i++) {
            y10[i] = x10[i] * x10[i];
        }
        Fit ten = lineFit(x10, y10, FitOptions.builder());
        assertEquals(0.4545454545454546, ten.diagnostics().durbinWatson(), 1e-12);
        assertEquals(3, ten.diagnostics().runs());
        assertEquals(5.8, ten.diagnostics().expectedRuns(), 1e-12);
        assertTrue(ten.warnings().contains("residuals are systematic (Durbin-Watson 0.455, 3 sign runs where 5.8 are expected):"
                + " the curve bends away from this law"), ten.warnings().toString());
        Fit nine = lineFit(java.util.Arrays.copyOf(x10, 9), java.util.Arrays.copyOf(y10, 9), FitOptions.builder());
        assertEquals(0.5454545454545454, nine.diagnostics().durbinWatson(), 1e-12);
        assertFalse(nine.warnings().stream().anyMatch(w -> w.startsWith("residuals are systematic")), nine.warnings().toString());
    }

    @Test
    void aParameterOnEitherEndOfItsBoundIsNamedAndTheOthersRefitted() {
        // Least squares wants b = 2.0857 (oracle). Bounded to [0, 1.5] the fit rests at 1.5 and a = mean(y − 1.5x) =
        // 4.675; bounded to [2.5, 10] at 2.5 and a = mean(y − 2.5x) = −1.825; bounded to [0, 5] (both ends finite, the
        // sine transform) the optimum is inside and equals the unbounded one.
        Fit upper = lineFit(X, Y, FitOptions.builder().bound("b", new Bound(0, 1.5)));
        // The sine transform reaches its end quadratically in θ: the fit rests within 1e-9 of it, and a within 1e-7.
        assertEquals(1.5, upper.value("b"), 1e-9);
        assertEquals(4.675, upper.value("a"), 1e-7);
        assertTrue(upper.warnings().contains("b is at its upper bound 1.5: the best fit may lie beyond it, and its standard"
                + " error ignores the bound"), upper.warnings().toString());
        Fit lower = lineFit(X, Y, FitOptions.builder().bound("b", new Bound(2.5, 10)));
        // The square-root transform of a lower bound also reaches it quadratically (p − lo ≈ sθ²/2): within 1e-7, and a
        // (which moves by mean x = 6.5 times b's offset) within 1e-6.
        assertEquals(2.5, lower.value("b"), 1e-7);
        assertEquals(-1.825, lower.value("a"), 1e-6);
        assertTrue(lower.warnings().contains("b is at its lower bound 2.5: the best fit may lie beyond it, and its standard"
                + " error ignores the bound"), lower.warnings().toString());
        Fit inside = lineFit(X, Y, FitOptions.builder().bound("b", new Bound(0, 5)).bound("a", new Bound(-10, 10)));
        assertEquals(2.085664335664337, inside.value("b"), 1e-9);
        assertEquals(0.8681818181818083, inside.value("a"), 1e-8);
        assertTrue(inside.warnings().isEmpty(), inside.warnings().toString());
        // One-sided bounds whose optimum is inside: the same answer (the square-root transforms).
        Fit oneSided = lineFit(X, Y, FitOptions.builder().bound("b", Bound.parse("1:")).bound("a", Bound.parse(":3")));
        assertEquals(2.085664335664337, oneSided.value("b"), 1e-9);
        assertEquals(0.8681818181818083, oneSided.value("a"), 1e-8);
        assertTrue(oneSided.warnings().isEmpty(), oneSided.warnings().toString());
    }

    @Test
    void aBreakBeyondTheDataRestsOnTheLawsRangeAndSaysHowToLiftIt() {
        // y = 1 + 10·x^(−0.1)·(1 + x/1e8)^(−0.4) exactly: a broken power law with its break at d1 = 1e8 (f1 = 1), beyond
        // the data's x ≤ 1e6. The law keeps d1 within the data's x, [1, 1e6], so the fit rests on the range's upper end.
        int n = 16;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 6.0 * i / (n - 1));
            y[i] = 1 + 10 * Math.pow(x[i], -0.1) * Math.pow(1 + x[i] / 1e8, -0.4);
        }
        Fit fit = Fitter.fit(new org.scalefit.model.BrokenPowerLaw(1), Observations.of(x, y), FitOptions.defaults());
        assertEquals(1e6, fit.value("d1"), 1e-6 * 1e6);
        assertTrue(fit.warningTemplates().contains("d1 rests at the upper end (1e+06) of the range the engine keeps it in by"
                + " default (a break beyond the data's x cannot be told from a change of b and c0); its standard error ignores"
                + " the edge; lift the range with " + OptionKey.BOUND.with("d1=LO:HI")), fit.warningTemplates().toString());
        // The summary lists the two ranges (the data's x for d1; 1e-4·ln 1e6 = 0.0013816 to ln 1e6 = 13.816 for f1), not
        // the domains, in the library's words; and the warning.
        String s = FitSummary.of(fit, List.of(), null);
        String bound = OptionKey.render(OptionKey.BOUND.with("d1=LO:HI"), null);
        assertTrue(s.contains("\n  constraints (the engine's defaults for these data)\n    - d1 in [1, 1e+06]: a break beyond"
                + " the data's x cannot be told from a change of b and c0; lift with " + bound + "\n    - f1 in [0.0013816,"
                + " 13.816]: a break sharper"), s);
        assertFalse(s.contains("- b > 0"), s);
        assertTrue(s.contains("\n  warnings\n    - d1 rests at the upper end (1e+06)"), s);
        assertTrue(s.contains(" starts (" + fit.startsConverged() + " converged)") && fit.startsTried() > 1, s);
    }

    @Test
    void aNegativeAsymptoteUnderPositiveDataIsWarnedOfByTheFit() {
        // y = 10·x^(−0.1) − 3 exactly, x = 1..100 (every y positive: 3.31 at x = 100): the fit recovers E = −3 and the
        // curve crosses zero at x = (10/3)^10 = 169351, printed to 3 digits.
        double[] x = new double[12];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = Math.pow(10, 2.0 * i / 11);
            y[i] = 10 * Math.pow(x[i], -0.1) - 3;
        }
        Fit fit = Fitter.fit(new OffsetPowerLaw(), Observations.of(x, y), FitOptions.builder().space(Space.LINEAR).build());
        assertEquals(-3, fit.value("E"), 1e-6);
        assertTrue(fit.warningTemplates().contains("E = -3 is below zero: the curve's asymptote is negative, so it crosses zero beyond"
                + " the data (at x = 169000) although every y is positive — unphysical for a loss, an error rate or any"
                + " positive quantity; keep it at or above zero with " + OptionKey.BOUND.with("E=0:")), fit.warningTemplates().toString());
    }

    @Test
    void sigmasThatLookLikeErrorsOfYAreQuestionedByTheFit() {
        // σᵢ = 0.05·yᵢ·(1, 1.3, 0.8, 1.1, 0.9, 1.2): not exactly proportional to y, so the centring of the sums matters.
        // Oracle: log-log slope 1.004463903029436, correlation 0.9946, σ spanning 120× (0.05 to 6).
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1, 2.5, 6, 15, 40, 100};
        double[] f = {1, 1.3, 0.8, 1.1, 0.9, 1.2};
        double[] sigma = new double[6];
        for (int i = 0; i < 6; i++) {
            sigma[i] = 0.05 * y[i] * f[i];
        }
        Observations data = Observations.builder().predictor("x", x).response("y", y).sigma("s", sigma).build();
        Fit fit = Fitter.fit(new ExpressionLaw("exp(a + b*x)", List.of("x")), data,
                FitOptions.builder().space(Space.LOG).build());
        String expected = "the sigmas (" + OptionKey.SIGMA.label() + ") grow with y (log-log slope 1, spanning 120×): in a"
                + " log-space fit a sigma is the error of ln y, a relative error, but these look like errors of y in its own"
                + " units; if so, give sigma/y (the relative error) instead, or fit in linear space ("
                + OptionKey.SPACE.with("linear") + ")";
        assertTrue(fit.warningTemplates().contains(expected), fit.warningTemplates().toString());
        // The same check on its own: slope 1.0045 and spread 120 are what the text rounds.
        List<String> w = new java.util.ArrayList<>();
        Warnings.sigmaLooksLikeErrorsOfY(Problem.of(new PowerLaw(), data, FitOptions.defaults(), Space.LOG), data, w);
        assertEquals(List.of(expected), w);
    }

    @Test
    void sigmasAreQuestionedOnlyWhenSlopeCorrelationAndSpreadAllSaySo() {
        // Worked with NumPy (the sums of Warnings.sigmaLooksLikeErrorsOfY): σ = 0.05·y·(1, 8, 0.2, 12, 0.3, 4) for
        // y = 1, 2, 4, …, 32 rises with y (log-log slope 1.048) and spans 160×, but its correlation with y is 0.620, below
        // 0.7: no warning. σ = 0.05·y^0.3 for y = 1 … 1e6 has correlation 1 and spans 63×, but slope 0.3 ≤ 0.5: none.
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1, 2, 4, 8, 16, 32};
        double[] f = {1, 8, 0.2, 12, 0.3, 4};
        double[] noisy = new double[6];
        double[] y6 = {1, 10, 100, 1e3, 1e4, 1e6};
        double[] shallow = new double[6];
        for (int i = 0; i < 6; i++) {
            noisy[i] = 0.05 * y[i] * f[i];
            shallow[i] = 0.05 * Math.pow(y6[i], 0.3);
        }
        List<String> none = new java.util.ArrayList<>();
        Observations weak = Observations.builder().predictor("x", x).response("y", y).sigma("s", noisy).build();
        Warnings.sigmaLooksLikeErrorsOfY(Problem.of(new PowerLaw(), weak, FitOptions.defaults(), Space.LOG), weak, none);
        Observations flat = Observations.builder().predictor("x", x).response("y", y6).sigma("s", shallow).build();
        Warnings.sigmaLooksLikeErrorsOfY(Problem.of(new PowerLaw(), flat, FitOptions.defaults(), Space.LOG), flat, none);
        assertEquals(List.of(), none);
        // Three points are enough to ask: σ = 0.05·y for y = 1, 10, 100 (slope 1, correlation 1, 100×).
        Observations three = Observations.builder().predictor("x", new double[] {1, 2, 3}).response("y", new double[] {1, 10, 100})
                .sigma("s", new double[] {0.05, 0.5, 5}).build();
        List<String> w = new java.util.ArrayList<>();
        Warnings.sigmaLooksLikeErrorsOfY(Problem.of(new PowerLaw(), three, FitOptions.defaults(), Space.LOG), three, w);
        assertEquals(1, w.size());
        assertTrue(w.get(0).contains("(log-log slope 1, spanning 100×)"), w.get(0));
    }

    @Test
    void aCurveFlatToABillionthOfItsAsymptoteIsFlat() {
        // E + A·x^(−α) with E = 2, A = 1e-9, α = 10: at x = 1 the term is 1e-9 ≤ 1e-9·2 — flat everywhere on these data.
        double[] x = {1, 2, 4, 8, 16, 32, 64, 128};
        double[] y = {3.0, 2.6, 2.3, 2.1, 1.95, 1.85, 1.78, 1.73};
        Observations data = Observations.of(x, y);
        List<String> w = new java.util.ArrayList<>();
        Warnings.flatAtAsymptote(Problem.of(new OffsetPowerLaw(), data, FitOptions.defaults(), Space.LINEAR), data,
                new double[] {2, 1e-9, 10}, w);
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("the fitted curve is flat at E = 2 over the data"), w.get(0));
    }

    @Test
    void aWaldTestOfAPositiveParameterWorksOnItsLogScale() {
        // A power law in log space is the line ln y = ln a − α ln x (oracle, OLS on the logs): a = 10.312009711467356,
        // α = 0.39556885760462945, se(a) = a·se(ln a) = 0.11943288262392923, and a's interval is a·exp(∓t·se(ln a)) =
        // [10.023870188676653, 10.608431901833685]. The Wald test of a = 10.6 on the log scale is
        // (ln a − ln 10.6)²/var(ln a) = 5.65610998970794 (p 0.01739466165205659); on the linear scale it would be 5.814.
        // Jointly with α = 0.39 (α is not a positive parameter: its own scale): 43.827832911396236, p 3.040233963828274e-10.
        double[] x = {1, 2, 4, 8, 16, 32, 64, 128};
        double[] y = {10.2, 7.9, 6.1, 4.4, 3.5, 2.6, 1.98, 1.52};
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(x, y), FitOptions.defaults());
        assertEquals(Space.LOG, fit.space());
        rel(10.312009711467356, fit.value("a"), 1e-10, "a");
        rel(0.39556885760462945, fit.value("alpha"), 1e-10, "alpha");
        rel(0.11943288262392923, fit.parameter("a").stderr(), 1e-8, "se a");
        rel(0.003994258019243049, fit.parameter("alpha").stderr(), 1e-8, "se alpha");
        rel(10.023870188676653, fit.parameter("a").lower(), 1e-9, "a lower");
        rel(10.608431901833685, fit.parameter("a").upper(), 1e-9, "a upper");
        ParameterTests.Result wald = ParameterTests.wald(fit, Map.of("a", 10.6));
        rel(5.65610998970794, wald.statistic(), 1e-7, "Wald on ln a");
        rel(0.01739466165205659, wald.pValue(), 1e-6, "p");
        java.util.Map<String, Double> both = new java.util.LinkedHashMap<>();
        both.put("a", 10.6);
        both.put("alpha", 0.39);
        ParameterTests.Result joint = ParameterTests.wald(fit, both);
        rel(43.827832911396236, joint.statistic(), 1e-7, "joint Wald");
        assertEquals(2, joint.dof());
        // A tested value ≤ 0 cannot be put on the log scale: the difference is taken as it is, (a − 0)²/var(a).
        ParameterTests.Result negative = ParameterTests.wald(fit, Map.of("a", -1.0));
        double za = (10.312009711467356 + 1) / 0.11943288262392923;
        rel(za * za, negative.statistic(), 1e-7, "linear-scale Wald at a negative value");
        ParameterTests.Result zero = ParameterTests.wald(fit, Map.of("a", 0.0));
        double z0 = 10.312009711467356 / 0.11943288262392923;
        rel(z0 * z0, zero.statistic(), 1e-7, "and at zero");
        // The likelihood-ratio test checks its hypothesis by name as the Wald test does.
        org.scalefit.InvalidOptionException unknown = org.junit.jupiter.api.Assertions.assertThrows(
                org.scalefit.InvalidOptionException.class, () -> ParameterTests.likelihoodRatio(fit, Map.of("c", 1.0)));
        assertTrue(unknown.getMessage().startsWith("unknown parameter \"c\" in the test; "), unknown.getMessage());
    }

    @Test
    void theSummaryShowsDatesForATimePredictor() {
        // A doubling trend (t in epoch days, t0 = 17897) in log space is OLS of ln y on t − t0 (oracle): y reaches 8 at
        // t* = 19136.20773558298 (2022-05-24), delta-method se 19.877881226011656 days, interval
        // [19090.3692592767, 19182.046211889257] = [2022-04-08, 2022-07-09]; the doubling time 7.46500917086176 months,
        // se 0.2135237951839679, interval [6.972622416203043, 7.957395925520477].
        double[] t = {17897, 18050, 18262, 18400, 18628, 18800, 19000, 19200, 19400, 19723};
        double[] y = {0.15, 0.25, 0.6, 0.9, 2.2, 3.1, 6.0, 9.5, 17.0, 40.0};
        Fit fit = Fitter.fit(new DoublingTrend(17897), Observations.builder().predictor("t", t).response("y", y).build(),
                FitOptions.defaults());
        Estimate at = fit.solveForX(8).orElseThrow();
        rel(19136.20773558298, at.value(), 1e-10, "t*");
        rel(19.877881226011656, at.stderr(), 1e-6, "se t*");
        Estimate months = fit.derived("doubling_time_months");
        rel(7.46500917086176, months.value(), 1e-9, "months");
        rel(0.2135237951839679, months.stderr(), 1e-6, "se months");
        rel(6.972622416203043, months.lower(), 1e-7, "months lower");
        String s = FitSummary.of(fit, List.of(8.0, -1.0), null);
        assertTrue(s.matches("(?s).*\\n  t at which y reaches 8 +2022-05-24 +19\\.9 days +\\[2022-04-08, 2022-07-09\\]\\n.*"), s);
        assertTrue(s.matches("(?s).*\\n  doubling_time_months +7\\.46501 +0\\.214 +\\[6\\.9726, 7\\.9574\\]\\n.*"), s);
        // A target the curve never reaches (it stays positive) gets a dash, not a date.
        assertTrue(s.matches("(?s).*\\n  y = -1 is never reached +— *\\n.*"), s);
    }

    @Test
    void theSummaryNamesEachPredictorsSource() {
        // A predictor named apart from its column is shown as NAME = COLUMN; a column computed per row (a '/') is marked.
        double[] x = {1, 2, 4, 8, 16, 32, 64, 128};
        double[] y = {10.2, 7.9, 6.1, 4.4, 3.5, 2.6, 1.98, 1.52};
        Observations renamed = Observations.builder().predictor("x", "compute", x).response("loss", y).build();
        String s = Fitter.fit(new PowerLaw(), renamed, FitOptions.defaults()).summary();
        assertTrue(s.startsWith("power-law fit of loss on x = compute ("), s);
        Observations derived = Observations.builder().predictor("D", "tokens/params", x).response("loss", y).build();
        String d = Fitter.fit(new PowerLaw(), derived, FitOptions.defaults()).summary();
        assertTrue(d.startsWith("power-law fit of loss on D = tokens/params (derived) ("), d);
        Observations same = Observations.builder().predictor("tokens_params", "tokens params", x).response("loss", y).build();
        String n = Fitter.fit(new PowerLaw(), same, FitOptions.defaults()).summary();
        assertTrue(n.startsWith("power-law fit of loss on tokens params ("), "the name made from the column is not repeated: " + n);
    }
}

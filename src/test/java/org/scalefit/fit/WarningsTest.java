package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.OptionKey;
import org.scalefit.data.Observations;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * Each warning of {@link Warnings} at parameters where its condition holds in closed form, and just outside it, with
 * the numbers the text quotes worked by hand.
 */
class WarningsTest {
    private static final double[] X = {1, 2, 4, 8, 16, 32, 64, 128};
    private static final double[] Y = {3.0, 2.6, 2.3, 2.1, 1.95, 1.85, 1.78, 1.73};

    private static Problem offset(Observations data, FitOptions options) {
        return Problem.of(new OffsetPowerLaw(), data, options, Space.LINEAR);
    }

    @Test
    void aNegativeAsymptoteUnderPositiveDataIsNamedWithTheCrossing() {
        Observations data = Observations.of(X, Y);
        Problem problem = offset(data, FitOptions.builder().build());
        List<String> w = new ArrayList<>();
        // E + A·x^(−α) with E = −0.5, A = 10, α = 0.5 crosses zero where 10/√x = 0.5: x = 400.
        Warnings.asymptoteBelowZero(problem, data, new double[] {-0.5, 10, 0.5}, w);
        assertEquals(1, w.size());
        assertEquals("E = -0.5 is below zero: the curve's asymptote is negative, so it crosses zero beyond the data (at x = 400)"
                + " although every y is positive — unphysical for a loss, an error rate or any positive quantity; keep it at or"
                + " above zero with " + OptionKey.BOUND.with("E=0:"), w.get(0));
        // E at zero, or a y at or below zero, or no asymptote (α ≤ 0): no warning.
        List<String> none = new ArrayList<>();
        Warnings.asymptoteBelowZero(problem, data, new double[] {0, 10, 0.5}, none);
        Warnings.asymptoteBelowZero(problem, data, new double[] {-0.5, 10, -0.5}, none);
        double[] y = Y.clone();
        y[7] = 0;
        Observations withZero = Observations.of(X, y);
        Warnings.asymptoteBelowZero(offset(withZero, FitOptions.builder().build()), withZero, new double[] {-0.5, 10, 0.5}, none);
        assertEquals(List.of(), none);
    }

    @Test
    void aCurveFlatAtItsAsymptoteSaysItsShapeMeansNothing() {
        Observations data = Observations.of(X, Y);
        Problem problem = offset(data, FitOptions.builder().build());
        List<String> w = new ArrayList<>();
        // A·x^(−α) = 1e-200·x^(−10): far below 1e-9 of E = 2 at every x.
        Warnings.flatAtAsymptote(problem, data, new double[] {2, 1e-200, 10}, w);
        assertEquals(List.of("the fitted curve is flat at E = 2 over the data: its other terms vanish there (below 1e-9 of E),"
                + " so A, alpha are not determined and their values mean nothing; the data show no trend that"
                + " offset-power-law can follow"), w);
        // With A fixed one shape parameter is left: singular wording.
        Problem fixedA = offset(data, FitOptions.builder().fix("A", 1e-200).build());
        List<String> one = new ArrayList<>();
        Warnings.flatAtAsymptote(fixedA, data, new double[] {2, 1e-200, 10}, one);
        assertEquals(1, one.size());
        assertTrue(one.get(0).contains("so alpha is not determined and its value means nothing;"), one.get(0));
        // At x = 1 the term is 2e-9·2 = 4e-9 > 1e-9·2: not flat.
        List<String> none = new ArrayList<>();
        Warnings.flatAtAsymptote(problem, data, new double[] {2, 4e-9, 10}, none);
        assertEquals(List.of(), none);
        // Only E free (m = 1): nothing to call undetermined.
        Problem onlyE = offset(data, FitOptions.builder().fix("A", 1e-200).fix("alpha", 10).build());
        Warnings.flatAtAsymptote(onlyE, data, new double[] {2, 1e-200, 10}, none);
        assertEquals(List.of(), none);
    }

    @Test
    void sigmasThatGrowWithYInALogSpaceFitAreQuestioned() {
        // σᵢ = 0.05·yᵢ: ln σ = ln 0.05 + ln y, slope exactly 1, correlation 1, spread y_max/y_min = 100.
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1, 2.5, 6, 15, 40, 100};
        double[] sigma = new double[6];
        for (int i = 0; i < 6; i++) {
            sigma[i] = 0.05 * y[i];
        }
        Observations data = Observations.builder().predictor("x", x).response("y", y).sigma("s", sigma).build();
        Problem log = Problem.of(new PowerLaw(), data, FitOptions.builder().build(), Space.LOG);
        List<String> w = new ArrayList<>();
        Warnings.sigmaLooksLikeErrorsOfY(log, data, w);
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("the sigmas (" + OptionKey.SIGMA.label() + ") grow with y (log-log slope 1, spanning 100×)"),
                w.get(0));
        assertTrue(w.get(0).endsWith("or fit in linear space (" + OptionKey.SPACE.with("linear") + ")"), w.get(0));
        // The same sigmas in a linear-space fit are errors of y: no warning; nor for constant relative errors.
        List<String> none = new ArrayList<>();
        Warnings.sigmaLooksLikeErrorsOfY(Problem.of(new PowerLaw(), data, FitOptions.builder().build(), Space.LINEAR), data,
                none);
        double[] flat = {0.05, 0.05, 0.05, 0.05, 0.05, 0.05};
        Observations constant = Observations.builder().predictor("x", x).response("y", y).sigma("s", flat).build();
        Warnings.sigmaLooksLikeErrorsOfY(Problem.of(new PowerLaw(), constant, FitOptions.builder().build(), Space.LOG),
                constant, none);
        // Spanning less than a decade (y from 1 to 9): no warning though the slope is 1.
        double[] y9 = {1, 2, 3, 5, 7, 9};
        double[] s9 = new double[6];
        for (int i = 0; i < 6; i++) {
            s9[i] = 0.05 * y9[i];
        }
        Observations narrow = Observations.builder().predictor("x", x).response("y", y9).sigma("s", s9).build();
        Warnings.sigmaLooksLikeErrorsOfY(Problem.of(new PowerLaw(), narrow, FitOptions.builder().build(), Space.LOG),
                narrow, none);
        // Slope ½ exactly (σ ∝ √y, spanning 100× in σ needs y over 10⁴): not above one half, no warning.
        double[] yq = {1, 10, 100, 1000, 10000, 3};
        double[] sq = new double[6];
        for (int i = 0; i < 6; i++) {
            sq[i] = 0.05 * Math.sqrt(yq[i]);
        }
        Observations half = Observations.builder().predictor("x", x).response("y", yq).sigma("s", sq).build();
        Warnings.sigmaLooksLikeErrorsOfY(Problem.of(new PowerLaw(), half, FitOptions.builder().build(), Space.LOG), half, none);
        assertEquals(List.of(), none);
    }

    @Test
    void fewResidualsInsideHubersDeltaPointToTheBootstrap() {
        List<String> w = new ArrayList<>();
        // One of four inside |r| ≤ 0.5 (the edge counts as inside): 25%.
        Warnings.robustStandardErrors(Loss.huber(0.5), new double[] {0.5, 2, 3, -4}, w);
        assertEquals(1, w.size());
        assertTrue(w.get(0).startsWith("only 25% of the residuals lie inside Huber's delta"), w.get(0));
        assertTrue(w.get(0).endsWith("quote bootstrap intervals (" + OptionKey.BOOTSTRAP.with("1000") + ")"), w.get(0));
        // Exactly half inside: not below one half, no warning; other losses never warn.
        List<String> none = new ArrayList<>();
        Warnings.robustStandardErrors(Loss.huber(0.5), new double[] {0.5, -0.5, 3, -4}, none);
        Warnings.robustStandardErrors(Loss.squares(), new double[] {5, 6, 7}, none);
        assertEquals(List.of(), none);
    }
}

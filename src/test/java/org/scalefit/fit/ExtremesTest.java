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
        assertTrue(!offset.warnings().isEmpty(), "an offset power law on flat data must warn");
    }

    /**
     * exp overflows at the user's start for every point and the seeded fallback starts only reach the
     * underflow plateau (b so negative that the curve is 0): a clear failure, not a fit.
     */
    @Test
    void overflowInAFormulaIsAClearFailure() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {1.1, 1.3, 1.7, 2.2, 2.9, 3.8};
        Law law = new ExpressionLaw("a*exp(b*x*1e6)", List.of("x"), Map.of());
        FitFailedException e = assertThrows(FitFailedException.class, () -> Fitter.fit(law, Observations.of(x, y),
                FitOptions.builder().start("a", 1).start("b", 1).build()));
        assertTrue(e.getMessage().startsWith("a*exp(b*x*1e6) fit stalled where "), e.getMessage());
        assertTrue(e.getMessage().endsWith("give start values closer to the data, or rescale the formula"), e.getMessage());
        Fit good = Fitter.fit(law, Observations.of(x, y), FitOptions.builder().start("a", 1).start("b", 3e-7).build());
        assertEquals(2.7e-7, good.value("b"), 0.3e-7);
    }

    /** Overflow everywhere, whatever the start: a clear failure naming the law. */
    @Test
    void overflowEverywhereIsAClearFailure() {
        double[] x = {1e300, 2e300, 3e300};
        double[] y = {1, 2, 3};
        Law law = new ExpressionLaw("a*x*x + b", List.of("x"), Map.of());
        FitFailedException e = assertThrows(FitFailedException.class, () -> Fitter.fit(law, Observations.of(x, y)));
        assertTrue(e.getMessage().startsWith("a*x*x + b fit failed from all 17 starts"), e.getMessage());
    }

    @Test
    void divisionByZeroInAFormulaIsRejectedAtTheStart() {
        double[] x = {0, 1, 2, 3};
        double[] y = {1, 2, 3, 4};
        Law law = new ExpressionLaw("a/x + b", List.of("x"), Map.of());
        FitFailedException e = assertThrows(FitFailedException.class, () -> Fitter.fit(law, Observations.of(x, y)));
        assertTrue(e.getMessage().contains("the model cannot be evaluated at the start point"), e.getMessage());
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
        assertTrue(fit.value("alpha") > 0);
    }
}

package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.Place;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * The options of a fit and the checks a fit makes before any optimiser runs ({@link FitOptions}, {@link FitValidation}):
 * each refusal with its exact message (the library's option references as {@link OptionKey} templates), and each
 * edge on its accepted side. The expected texts are the documented messages; the counts in them are worked in the
 * comments.
 */
class FitOptionsTest {
    private static final double[] X = {1, 2, 3, 4, 5, 6};
    private static final double[] Y = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2};

    private static Law line() {
        return new ExpressionLaw("a + b*x", List.of("x"));
    }

    private static FitOptions.Builder linear() {
        return FitOptions.builder().space(Space.LINEAR);
    }

    private static String refusal(Law law, Observations data, FitOptions.Builder options) {
        ScalefitException e = assertThrows(ScalefitException.class, () -> Fitter.fit(law, data, options.build()));
        return e.template();
    }

    @Test
    void theDefaultsAndTheBuilderRoundTrip() {
        FitOptions d = FitOptions.defaults();
        assertEquals(FitOptions.DEFAULT_SEED, d.seed());
        assertEquals(20240229L, d.seed());
        assertEquals(2000, d.maxIterations());
        assertEquals(1, d.threads());
        assertEquals(0.95, d.confidenceLevel());
        assertEquals(Solver.AUTO, d.solver());
        assertEquals(0, d.stallTolerance());
        assertTrue(d.loss().isSquares());
        assertEquals(Starts.auto().name(), d.starts().name());
        assertTrue(d.spaceChoice().isEmpty());
        assertTrue(d.startValues().isEmpty() && d.bounds().isEmpty() && d.fixed().isEmpty());
        FitOptions full = FitOptions.builder().space(Space.LINEAR).loss(Loss.huber(0.5)).starts(Starts.random(3))
                .start("a", 1).bound("b", new Bound(0, 5)).fix("c", 2).seed(7).maxIterations(40).threads(3)
                .confidenceLevel(0.9).solver(Solver.LBFGS).stallTolerance(0.01).build();
        assertEquals(full, full.toBuilder().build(), "toBuilder keeps every component");
        assertEquals(Space.LINEAR, full.spaceChoice().orElseThrow());
        assertEquals(Map.of("a", 1.0), full.startValues());
        assertEquals(Map.of("b", new Bound(0, 5)), full.bounds());
        assertEquals(Map.of("c", 2.0), full.fixed());
        assertEquals(7, full.seed());
        assertEquals(40, full.maxIterations());
        assertEquals(3, full.threads());
        assertEquals(0.9, full.confidenceLevel());
        assertEquals(Solver.LBFGS, full.solver());
        assertEquals(0.01, full.stallTolerance());
        assertEquals(Loss.huber(0.5), full.loss());
        assertTrue(full.toBuilder().space(null).build().spaceChoice().isEmpty(), "null restores the law's default");
        assertThrows(UnsupportedOperationException.class, () -> full.fixed().put("d", 1.0), "the maps are copies");
        assertThrows(NullPointerException.class, () -> FitOptions.builder().loss(null));
        assertThrows(NullPointerException.class, () -> FitOptions.builder().starts(null));
        assertThrows(NullPointerException.class, () -> FitOptions.builder().solver(null));
        assertThrows(NullPointerException.class, () -> FitOptions.builder().bound("a", null));
        assertEquals(1e-2, FitOptions.REFIT_STALL_TOLERANCE);
    }

    @Test
    void eachOptionOutsideItsDomainIsRefusedByName() {
        assertEquals("maxIterations must be ≥ 1, got 0",
                assertThrows(InvalidDataException.class, () -> FitOptions.builder().maxIterations(0).build()).getMessage());
        assertEquals(1, FitOptions.builder().maxIterations(1).build().maxIterations(), "1 is allowed");
        assertEquals("threads must be ≥ 1, got 0",
                assertThrows(InvalidDataException.class, () -> FitOptions.builder().threads(0).build()).getMessage());
        assertEquals(1, FitOptions.builder().threads(1).build().threads());
        assertEquals("stall tolerance must be a finite number ≥ 0, got -0.1",
                assertThrows(InvalidDataException.class, () -> FitOptions.builder().stallTolerance(-0.1).build()).getMessage());
        assertThrows(InvalidDataException.class, () -> FitOptions.builder().stallTolerance(Double.NaN).build());
        assertThrows(InvalidDataException.class, () -> FitOptions.builder().stallTolerance(Double.POSITIVE_INFINITY).build());
        assertEquals(0, FitOptions.builder().stallTolerance(0).build().stallTolerance(), "0 turns the test off");
        assertEquals("confidence level must lie in (0, 1), got 1.0",
                assertThrows(InvalidDataException.class, () -> FitOptions.builder().confidenceLevel(1).build()).getMessage());
        assertThrows(InvalidDataException.class, () -> FitOptions.builder().confidenceLevel(0).build());
        assertThrows(InvalidDataException.class, () -> FitOptions.builder().confidenceLevel(Double.NaN).build());
        assertEquals("fixed value of a must be finite, got NaN",
                assertThrows(InvalidDataException.class, () -> FitOptions.builder().fix("a", Double.NaN).build()).getMessage());
        assertEquals("start value of b must be finite, got Infinity", assertThrows(InvalidDataException.class,
                () -> FitOptions.builder().start("b", Double.POSITIVE_INFINITY).build()).getMessage());
    }

    @Test
    void optionsNamingParametersTheLawDoesNotHaveAreRefused() {
        Observations data = Observations.of(X, Y);
        assertEquals("unknown parameter \"c\" in " + OptionKey.START.noun() + "; a + b*x has parameters a, b",
                refusal(line(), data, linear().start("c", 1)));
        assertEquals("unknown parameter \"c\" in " + OptionKey.BOUND.noun() + "; a + b*x has parameters a, b",
                refusal(line(), data, linear().bound("c", new Bound(0, 1))));
        assertEquals("unknown parameter \"c\" in " + OptionKey.FIX.noun() + "; a + b*x has parameters a, b",
                refusal(line(), data, linear().fix("c", 1)));
        assertEquals("every parameter of a + b*x is fixed: nothing to fit",
                refusal(line(), data, linear().fix("a", 1).fix("b", 2)));
        assertEquals(OptionKey.FIX.with("b=5.0") + " lies outside its bound 0.0:2.0",
                refusal(line(), data, linear().fix("b", 5).bound("b", new Bound(0, 2))));
        assertEquals(OptionKey.FIX.with("a=0.0") + ": a must be > 0",
                refusal(new PowerLaw(), data, FitOptions.builder().fix("a", 0)));
        // On the bound's end and inside the domain: accepted.
        Fit held = Fitter.fit(line(), data, linear().fix("b", 2).bound("b", new Bound(0, 2)).build());
        assertEquals(2, held.value("b"), 0);
        assertEquals(1, held.freeParameters());
        assertEquals(OptionKey.STARTS.with(Starts.HOFFMANN_GRID) + " is Hoffmann et al.'s grid for the chinchilla law (E, A, B,"
                + " alpha, beta); a + b*x has parameters a, b",
                refusal(line(), data, linear().starts(Starts.hoffmannGrid())));
    }

    @Test
    void tooFewPointsCountsTheFreeParametersAndTheLawsMinimum() {
        // A line with one point: 2 free, need max(2, 2 − 0) = 2.
        Observations one = Observations.of(new double[] {1}, new double[] {2});
        assertEquals("a + b*x has 2 free parameters but data has only 1 point: need at least 2",
                refusal(line(), one, FitOptions.builder().space(Space.LINEAR)));
        // With a held one point is enough: need max(1, 2 − 1) = 1 (and a single value is no "all equal" refusal).
        Fit through = Fitter.fit(line(), one, FitOptions.builder().space(Space.LINEAR).fix("a", 0).build());
        assertEquals(2, through.value("b"), 1e-12);
        // Chinchilla's law needs 6 points for its 5 parameters; with E held, max(4, 6 − 1) = 5.
        double[] n = {1e8, 2e8, 4e8, 8e8, 1.6e9};
        double[] d = {2e9, 5e9, 1e10, 3e10, 6e10};
        double[] l = {3.5, 3.1, 2.9, 2.7, 2.6};
        Observations five = Observations.builder().predictor("N", n).predictor("D", d).response("loss", l).build();
        String name = new ChinchillaLaw().name();
        assertEquals(name + " has 5 free parameters but data has only 5 points: need at least 6",
                refusal(new ChinchillaLaw(), five, FitOptions.builder()));
        Observations four = five.select(new int[] {0, 1, 2, 3});
        assertEquals(name + " has 4 free parameters but data has only 4 points: need at least 5",
                refusal(new ChinchillaLaw(), four, FitOptions.builder().fix("E", 1.7)));
        // Two predictors where the law takes one, and the reverse.
        assertEquals("a + b*x needs 1 predictor(s) (x), the data have 2", refusal(line(), five, FitOptions.builder()));
        assertEquals(name + " needs 2 predictor(s) (N, D), the data have 1",
                refusal(new ChinchillaLaw(), Observations.of(X, Y), FitOptions.builder()));
    }

    @Test
    void valuesTheLawOrTheSpaceCannotUseAreNamedWithTheirPlace() {
        double[] x = {1, 2, 0, 4};
        double[] y = {5, 4, 3, 2};
        InvalidDataException zeroX = assertThrows(InvalidDataException.class,
                () -> Fitter.fit(new PowerLaw(), Observations.of(x, y), FitOptions.defaults()));
        assertEquals("power-law fit needs x > 0: " + Observations.of(x, y).where(2, "x") + " is 0.0", zeroX.getMessage());
        Place at = zeroX.place();
        assertEquals("x", at.column());
        assertEquals("0.0", at.value());
        double[] negative = {5, 4, -3, 2};
        Observations neg = Observations.of(new double[] {1, 2, 3, 4}, negative);
        InvalidDataException logY = assertThrows(InvalidDataException.class,
                () -> Fitter.fit(new PowerLaw(), neg, FitOptions.defaults()));
        assertEquals("fitting in log space needs y > 0: " + neg.where(2, "y") + " is -3.0 (use "
                + OptionKey.SPACE.with("linear") + " to fit in linear space)", logY.template());
        assertEquals("y", logY.place().column());
        assertEquals("-3.0", logY.place().value());
        // Zero is not positive either.
        Observations zeroY = Observations.of(new double[] {1, 2, 3, 4}, new double[] {5, 4, 0, 2});
        assertTrue(refusal(new PowerLaw(), zeroY, FitOptions.builder()).endsWith(" is 0.0 (use "
                + OptionKey.SPACE.with("linear") + " to fit in linear space)"));
        // Linear space takes the negative value (a line has no positive predictor either).
        assertEquals(4, Fitter.fit(line(), neg, FitOptions.builder().space(Space.LINEAR).build()).n());
        Observations flat = Observations.of(new double[] {1, 2, 3}, new double[] {2, 2, 2});
        assertEquals("all 3 values of \"y\" in data are equal (2.0): there is no trend to fit",
                refusal(line(), flat, FitOptions.builder().space(Space.LINEAR)));
        // One value differing only in the last point is a trend.
        Observations lastDiffers = Observations.of(new double[] {1, 2, 3}, new double[] {2, 2, 3});
        assertEquals(1.0 / 2, Fitter.fit(line(), lastDiffers, FitOptions.builder().space(Space.LINEAR).build()).value("b"),
                1e-12, "slope of (1,2), (2,2), (3,3): Σ(x − 2)(y − 7/3)/Σ(x − 2)² = 1/2");
    }
}

package org.scalefit.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.scalefit.compare.BreakOptions;
import org.scalefit.compare.BreakResult;
import org.scalefit.compare.BreakTest;
import org.scalefit.data.Observations;

/**
 * {@code breaks} on weighted data against {@code bench/oracles/breaks_weighted.py} →
 * {@code oracles/breaks_weighted.json}: weighted least squares by {@code numpy.linalg.lstsq} on rows
 * scaled by √w, the profile likelihood ratio over the same 100-point grid, the hinge slopes at its maximum,
 * ΔAIC = LR − 4, Chow's predictive F of the last third with {@code scipy.stats.f.sf}, and each held-out
 * point's prediction interval with {@code scipy.stats.t} and the new point's own weight. All of it is
 * deterministic arithmetic, so the tolerances are rounding-level (1e-9 relative); the Monte-Carlo
 * p-value and location interval are checked in {@link CompareIntervalOracleTest}.
 */
class WeightedBreakOracleTest {
    private static JsonNode load() {
        try (InputStream in = WeightedBreakOracleTest.class.getResourceAsStream("/oracles/breaks_weighted.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] array(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.abs(expected), what);
    }

    @Test
    void everyDeterministicNumberOfAWeightedBreakTestMatchesNumPy() {
        JsonNode o = load();
        // the rows reversed, so that the test sorts them by x itself
        double[] x = array(o.get("x"));
        double[] y = array(o.get("y"));
        double[] w = array(o.get("w"));
        int n = x.length;
        double[] rx = new double[n];
        double[] ry = new double[n];
        double[] rw = new double[n];
        for (int i = 0; i < n; i++) {
            rx[i] = x[n - 1 - i];
            ry[i] = y[n - 1 - i];
            rw[i] = w[n - 1 - i];
        }
        Observations data = Observations.builder().predictor("x", rx).response("y", ry).weights("w", rw).build();
        BreakResult r = BreakTest.run(data, new BreakOptions("power-law", 0.05, 0, 99, 1, 1));
        assertRelative(o.get("location").asDouble(), r.location(), 1e-9, "break location");
        assertRelative(o.get("likelihood_ratio").asDouble(), r.likelihoodRatio(), 1e-9, "likelihood ratio");
        assertRelative(o.get("delta_aic").asDouble(), r.deltaAic(), 1e-9, "ΔAIC");
        assertRelative(o.get("slopes").get(0).asDouble(), r.slopeBefore(), 1e-9, "slope before");
        assertRelative(o.get("slopes").get(1).asDouble(), r.slopeAfter(), 1e-9, "slope after");
        assertEquals(o.get("trained").asInt(), r.trained());
        assertEquals(o.get("holdout").asInt(), r.holdout());
        assertEquals(0.05 * 5, r.expectedOutside(), 1e-15);
        assertRelative(o.get("chow_f").asDouble(), r.chowF(), 1e-9, "Chow's F");
        assertRelative(o.get("prediction_p").asDouble(), r.predictionPValue(), 1e-8, "its p-value");
        JsonNode outside = o.get("outside");
        assertEquals(outside.size(), r.outside().size(), "points outside their prediction interval");
        for (int i = 0; i < outside.size(); i++) {
            JsonNode e = outside.get(i);
            BreakResult.OutsidePoint p = r.outside().get(i);
            assertEquals(e.get("x").asDouble(), p.x(), 0.0);
            assertEquals(e.get("y").asDouble(), p.y(), 0.0);
            assertRelative(e.get("predicted").asDouble(), p.predicted(), 1e-9, "prediction at " + p.x());
            assertRelative(e.get("lower").asDouble(), p.lower(), 1e-9, "its lower end");
            assertRelative(e.get("upper").asDouble(), p.upper(), 1e-9, "its upper end");
        }
    }
}

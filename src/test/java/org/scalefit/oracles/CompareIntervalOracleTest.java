package org.scalefit.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefit.oracles.Oracles.assertRelative;
import static org.scalefit.oracles.Oracles.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.compare.BreakOptions;
import org.scalefit.compare.BreakResult;
import org.scalefit.compare.BreakTest;
import org.scalefit.compare.SlopeComparison;
import org.scalefit.compare.SlopeOptions;
import org.scalefit.compare.SlopeResult;
import org.scalefit.data.Observations;

/**
 * The intervals of {@code slopes} and {@code breaks}, against {@code bench/oracles/compare_intervals.py}
 * ({@code oracles/compare_intervals.json}), computed with SciPy 1.17 / NumPy 2 without scalefit.
 *
 * <p><b>slopes</b> (delta method): the oracle fits both power laws by {@code scipy.stats.linregress},
 * takes the exponent difference with Welch–Satterthwaite degrees of freedom and {@code scipy.stats.t},
 * and propagates the two covariances through its own closed forms of the compute multiplier (at a
 * compute, at a loss) by Richardson central differences. Both sides solve linear problems exactly, so
 * 1e-6 relative on values and ends (our finite-difference step leaves about 1e-8).
 *
 * <p><b>breaks</b> (profile likelihood): the oracle rebuilds the 100-point grid of hinge locations, the
 * profile n·ln(RSS₁/RSS₂(τ)) by {@code numpy.linalg.lstsq}, the best location and the two slopes (checked
 * to 1e-8), and simulates the cut-off — the 95% quantile of the gap max LR − LR(τ̂) under the fitted hinge
 * plus Gaussian noise — with 200,000 NumPy draws. Our cut-off comes from 999 draws of our own generator,
 * so the test allows 4 Monte-Carlo standard errors of a 999-draw quantile (measured by the script): the
 * interval's ends must be the grid points the oracle's profile and cut-off give, where no grid point's
 * gap lies within that tolerance of the cut-off (else either neighbour is accepted).
 */
class CompareIntervalOracleTest {
    private static final JsonNode ORACLE = Oracles.load("compare_intervals.json");

    private static Observations data(JsonNode o) {
        return Observations.of(doubles(o.get("x")), doubles(o.get("y")));
    }

    @Test
    void slopeDifferenceAndComputeMultipliersMatchScipy() {
        JsonNode o = ORACLE.get("slopes");
        SlopeResult r = SlopeComparison.run(data(o.get("baseline")), data(o.get("improved")),
                SlopeOptions.powerLaw(List.of(1e21, 1e23), List.of(2.6)));
        JsonNode d = o.get("exponent_difference");
        assertEquals("delta", r.exponentDifference().method());
        assertRelative(d.get("value").asDouble(), r.exponentDifference().value(), 1e-6, "exponent difference");
        assertRelative(d.get("se").asDouble(), r.exponentDifference().stderr(), 1e-6, "its std. error");
        assertRelative(d.get("lower").asDouble(), r.exponentDifference().lower(), 1e-6, "its lower 95% (Welch t)");
        assertRelative(d.get("upper").asDouble(), r.exponentDifference().upper(), 1e-6, "its upper 95% (Welch t)");
        assertEquals(3, r.multipliers().size());
        for (int k = 0; k < 3; k++) {
            JsonNode e = o.get("multipliers").get(k);
            SlopeResult.Multiplier m = r.multipliers().get(k);
            String what = "multiplier at " + e.get("kind").asText() + " " + e.get("at").asDouble();
            assertEquals(e.get("kind").asText(), m.kind());
            assertRelative(e.get("value").asDouble(), m.value(), 1e-6, what);
            assertRelative(e.get("se").asDouble(), m.stderr(), 1e-5, what + " std. error of ln M");
            assertRelative(e.get("lower").asDouble(), m.lower(), 1e-5, what + " lower 95%");
            assertRelative(e.get("upper").asDouble(), m.upper(), 1e-5, what + " upper 95%");
        }
    }

    @Test
    void breakLocationAndItsIntervalMatchTheProfileLikelihood() {
        JsonNode o = ORACLE.get("breaks");
        BreakResult r = BreakTest.run(data(o), BreakOptions.defaults());
        double[] taus = doubles(o.get("taus"));
        double[] profile = doubles(o.get("profile"));
        int best = o.get("best").asInt();
        assertRelative(o.get("location").asDouble(), r.location(), 1e-9, "break location (the profile's maximum)");
        assertRelative(o.get("slopes").get(0).asDouble(), r.slopeBefore(), 1e-8, "slope before");
        assertRelative(o.get("slopes").get(1).asDouble(), r.slopeAfter(), 1e-8, "slope after");
        assertRelative(profile[best], r.likelihoodRatio(), 1e-9, "likelihood ratio at the best location");
        double cut = o.get("cutoff").asDouble();
        double tol = 4 * o.get("cutoff_mc_se").asDouble();
        int lo = indexOf(taus, Math.log(r.locationLower()));
        int hi = indexOf(taus, Math.log(r.locationUpper()));
        assertTrue(lo <= best && best <= hi, "the interval holds the best location");
        for (int g = lo; g <= hi; g++) {
            assertTrue(profile[best] - profile[g] <= cut + tol, "grid point " + g + " inside the interval has gap "
                    + (profile[best] - profile[g]) + " above the cut-off " + cut + " ± " + tol);
        }
        if (lo > 0) {
            assertTrue(profile[best] - profile[lo - 1] > cut - tol, "the point below the interval should be inside: gap "
                    + (profile[best] - profile[lo - 1]) + ", cut-off " + cut + " ± " + tol);
        }
        if (hi < taus.length - 1) {
            assertTrue(profile[best] - profile[hi + 1] > cut - tol, "the point above the interval should be inside: gap "
                    + (profile[best] - profile[hi + 1]) + ", cut-off " + cut + " ± " + tol);
        }
        assertTrue(hi - lo >= 2, "a 95% interval of some width: grid " + lo + "–" + hi);
        // the oracle's interval is grid points 46–52 of 0–99: it does not reach the edge of the searched range
        assertEquals(lo == 0 || hi == taus.length - 1, r.locationAtEdge(), "grid " + lo + "–" + hi);
    }

    private static int indexOf(double[] taus, double tau) {
        for (int g = 0; g < taus.length; g++) {
            if (Math.abs(taus[g] - tau) <= 1e-9 * Math.abs(tau)) {
                return g;
            }
        }
        throw new AssertionError("interval end ln x = " + tau + " is not on the oracle's grid");
    }
}

package org.scalefit.oracles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalefit.oracles.Oracles.assertRelative;
import static org.scalefit.oracles.Oracles.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Parameter;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;
import org.scalefit.uncertainty.Bands;
import org.scalefit.uncertainty.Prediction;

/**
 * Every interval {@code scalefit fit} prints, against an oracle computed without scalefit.
 *
 * <p>Oracle: {@code bench/oracles/fit_intervals.py} → {@code oracles/fit_intervals.json}. SciPy 1.17's
 * {@code curve_fit} (MINPACK) fits the same data; its {@code pcov} is the scaled covariance
 * ({@code absolute_sigma=False}) or the absolute one ({@code absolute_sigma=True}); {@code scipy.stats.t}
 * gives the quantile; the derived quantity, the x at a target and the confidence and prediction bands
 * propagate that covariance through Richardson-extrapolated central differences written in the script
 * (our code uses analytic gradients for bands and its own step for derived quantities, so the two
 * share neither optimiser nor derivative). The Huber standard errors follow Huber (1981, eq. 7.6.4)
 * written out in NumPy around SciPy's {@code least_squares(loss="huber")} optimum.
 *
 * <p>Tolerances: the two optimisers stop at different points within their tolerances; on these
 * well-conditioned problems the parameters agree to about 1e-7 relative, so values are checked to 1e-6,
 * standard errors and interval ends to 1e-5 (a covariance is a derivative of the optimum; the finite
 * differences carry about 1e-8). The planted bugs these catch change the numbers by percent or more.
 */
class FitIntervalOracleTest {
    private static final JsonNode ORACLE = Oracles.load("fit_intervals.json");

    private static Fit offsetPowerLaw() {
        Observations data = DataSpec.builder().predictor("compute").response("loss").build()
                .load(Path.of("datasets/synthetic-loss-vs-compute.csv")).observations();
        return Fitter.fit(new OffsetPowerLaw(), data);
    }

    private static void assertParameters(JsonNode o, List<Parameter> ps, double rel) {
        assertParameters(o, ps, rel, null);
    }

    /**
     * @param law when given, its positive parameters are checked against the interval on the log scale (issue 14:
     *            a log-space fit's interval of a positive parameter stays positive), value·exp(±t·se/value) from
     *            the peer's value, standard error and t — the delta method for ln θ, in closed form
     */
    private static void assertParameters(JsonNode o, List<Parameter> ps, double rel, org.scalefit.model.Law law) {
        for (int j = 0; j < ps.size(); j++) {
            Parameter p = ps.get(j);
            assertEquals(o.get("names").get(j).asText(), p.name());
            assertRelative(o.get("values").get(j).asDouble(), p.value(), 1e-6, p.name() + " value");
            assertRelative(o.get("stderr").get(j).asDouble(), p.stderr(), rel, p.name() + " std. error");
            double lower = o.get("lower").get(j).asDouble();
            double upper = o.get("upper").get(j).asDouble();
            if (law != null && law.domain(j) == org.scalefit.model.ParameterDomain.POSITIVE) {
                double v = o.get("values").get(j).asDouble();
                double half = o.get("t").asDouble() * o.get("stderr").get(j).asDouble() / v;
                lower = v * Math.exp(-half);
                upper = v * Math.exp(half);
            }
            assertRelative(lower, p.lower(), rel, p.name() + " lower 95%");
            assertRelative(upper, p.upper(), rel, p.name() + " upper 95%");
        }
    }

    private static void assertMatrix(JsonNode expected, double[][] actual, double rel, String what) {
        for (int a = 0; a < actual.length; a++) {
            for (int b = 0; b < actual.length; b++) {
                // relative to the diagonal scale, so that a near-zero correlation is not asked for 1e-5 of itself
                double scale = Math.sqrt(Math.abs(expected.get(a).get(a).asDouble() * expected.get(b).get(b).asDouble()));
                assertEquals(expected.get(a).get(b).asDouble(), actual[a][b], rel * scale, what + "[" + a + "][" + b + "]");
            }
        }
    }

    @Test
    void parameterTIntervalsAndScaledCovarianceMatchCurveFit() {
        JsonNode o = ORACLE.get("offset_power_log");
        Fit fit = offsetPowerLaw();
        assertEquals(o.get("dof").asInt(), fit.dof());
        assertRelative(o.get("t").asDouble(), fit.tQuantile(), 1e-9, "t quantile with 27 dof");
        assertRelative(o.get("rss").asDouble(), fit.rss(), 1e-9, "RSS");
        assertParameters(o, fit.parameters(), 1e-5, fit.law());
        assertMatrix(o.get("covariance_scaled"), fit.covariance(), 1e-5, "scaled covariance");
        assertMatrix(o.get("covariance_absolute"), fit.covarianceAbsolute(), 1e-5, "absolute covariance");
    }

    @Test
    void derivedQuantityAndTargetMatchFiniteDifferencePropagation() {
        JsonNode o = ORACLE.get("offset_power_log");
        Fit fit = offsetPowerLaw();
        JsonNode d = o.get("derived").get("reducible_factor_per_decade");
        Estimate e = fit.derived("reducible_factor_per_decade");
        assertRelative(d.get("value").asDouble(), e.value(), 1e-6, "factor per decade");
        assertRelative(d.get("se").asDouble(), e.stderr(), 1e-5, "its std. error");
        assertRelative(d.get("lower").asDouble(), e.lower(), 1e-5, "its lower 95%");
        assertRelative(d.get("upper").asDouble(), e.upper(), 1e-5, "its upper 95%");
        JsonNode t = o.get("target");
        Estimate x = fit.solveForX(t.get("target").asDouble()).orElseThrow();
        assertRelative(t.get("value").asDouble(), x.value(), 1e-5, "compute at loss 2.0");
        assertRelative(t.get("se").asDouble(), x.stderr(), 1e-4, "its std. error");
        assertRelative(t.get("lower").asDouble(), x.lower(), 1e-4, "its lower 95%");
        assertRelative(t.get("upper").asDouble(), x.upper(), 1e-4, "its upper 95%");
    }

    @Test
    void confidenceAndPredictionBandsMatchFiniteDifferencePropagation() {
        Fit fit = offsetPowerLaw();
        for (JsonNode b : ORACLE.get("offset_power_log").get("bands")) {
            double x = b.get("x").asDouble();
            Prediction p = Bands.delta(fit, x);
            assertRelative(b.get("value").asDouble(), p.value(), 1e-7, "curve at " + x);
            assertRelative(b.get("confidence").get(0).asDouble(), p.confidence().lower(), 1e-6, "confidence low at " + x);
            assertRelative(b.get("confidence").get(1).asDouble(), p.confidence().upper(), 1e-6, "confidence high at " + x);
            assertRelative(b.get("prediction").get(0).asDouble(), p.prediction().lower(), 1e-6, "prediction low at " + x);
            assertRelative(b.get("prediction").get(1).asDouble(), p.prediction().upper(), 1e-6, "prediction high at " + x);
        }
    }

    @Test
    void absoluteCovarianceWithKnownSigmasMatchesCurveFit() {
        JsonNode o = ORACLE.get("power_linear_sigma");
        Observations data = Observations.builder().predictor("x", doubles(o.get("x"))).response("y", doubles(o.get("y")))
                .sigma("s", doubles(o.get("sigma"))).build();
        Fit fit = Fitter.fit(new PowerLaw(), data, FitOptions.builder().space(Space.LINEAR).build());
        assertTrue(fit.stderrFromAbsoluteCovariance(), "sigmas given: the absolute covariance is reported");
        assertParameters(o, fit.parameters(), 1e-5);
        assertMatrix(o.get("covariance_absolute"), fit.covarianceAbsolute(), 1e-5, "absolute covariance");
        assertMatrix(o.get("covariance_scaled"), fit.covariance(), 1e-5, "scaled covariance");
        assertRelative(o.get("t").asDouble(), fit.tQuantile(), 1e-9, "t with 10 dof");
    }

    @Test
    void huberStandardErrorsMatchHubersFormula() {
        JsonNode o = ORACLE.get("huber_line");
        Observations data = Observations.of(doubles(o.get("x")), doubles(o.get("y")));
        ExpressionLaw line = new ExpressionLaw("a + b*x", List.of("x"), List.of("a", "b"), Map.of());
        for (JsonNode c : o.get("cases")) {
            double delta = c.get("delta").asDouble();
            Fit fit = Fitter.fit(line, data, FitOptions.builder().space(Space.LINEAR).loss(Loss.huber(delta)).build());
            String what = "huber:" + delta;
            assertRelative(c.get("values").get(0).asDouble(), fit.value("a"), 1e-6, what + " a");
            assertRelative(c.get("values").get(1).asDouble(), fit.value("b"), 1e-6, what + " b");
            // the optimum is only piecewise smooth in the data (which residuals sit inside δ); the same
            // residuals inside δ give the same formula, so 1e-5 holds
            assertRelative(c.get("stderr").get(0).asDouble(), fit.parameter("a").stderr(), 1e-5, what + " se(a)");
            assertRelative(c.get("stderr").get(1).asDouble(), fit.parameter("b").stderr(), 1e-5, what + " se(b)");
            assertMatrix(c.get("covariance"), fit.covariance(), 1e-5, what + " covariance");
        }
    }
}

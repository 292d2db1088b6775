package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.fit.Bound;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.SigmoidLink;

/**
 * The delta-method intervals of a two-step prediction with a loss law fitted in log space, against an oracle
 * computed without scalefit.
 *
 * <p>Oracle: {@code bench/oracles/downstream_intervals.py} → {@code oracles/downstream_intervals.json}. On the OLMo
 * ladder's HellaSwag columns ({@code datasets/olmo-ladder2024-tasks.csv}) SciPy 1.17 fits the Chinchilla law to the 16
 * loss-fit runs by least squares on ln L ({@code curve_fit} from 72 starts, 11 dof), the sigmoid link to the 1,402
 * link-fit points in linear space ({@code curve_fit}; its bounds inactive at the optimum, 1,398 dof) and the direct form
 * −ln Q = A·N^−α + B·D^−β by least squares on ln Q (12 dof), and propagates each fit's covariance s²(J'J)⁻¹ by
 * Richardson central differences, as {@link DownstreamFit} documents: the loss interval exp(ln L̂ ± t₁·se₁), the
 * metric's half-width hypot(t₁·slope·L̂·se₁, t₂·se₂) (and with the scatters s₁, s₂ for a new run), the direct form's
 * exp(ln Q̂ ± t₃·se₃) clipped to [0, 1], each t from {@code scipy.stats.t}. Read as an error (1 − accuracy) the direct
 * form models the same score, so its interval is 1 minus the accuracy interval with its ends swapped.
 *
 * <p>Tolerances: the optimisers agree to about 1e-8 relative in the fitted curves; the standard errors are differences
 * of gradients (central on both sides), so 1e-5 relative on standard errors and 1e-6 relative on interval ends (a
 * half-width is a few percent of its value). A normal quantile for t₁ (1.96 for 2.20), the loss's standard error left
 * in ln units (a factor L̂ = 0.67), a missing t₂ or a missing scatter each move an end by more than 1e-3.
 */
class DownstreamIntervalOracleTest {
    private static final JsonNode CASE = load().get("cases").get(0);

    private static JsonNode load() {
        try (InputStream in = DownstreamIntervalOracleTest.class.getResourceAsStream("/oracles/downstream_intervals.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DownstreamFit hellaswag() {
        return TwoStep.fit(Fixtures.olmoData("hellaswag_val"), DownstreamModel.of(new ChinchillaLaw(), new SigmoidLink()));
    }

    private static JsonNode prediction(String id) {
        for (JsonNode o : CASE.get("predictions")) {
            if (o.get("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no oracle prediction for " + id);
    }

    private static void assertInterval(JsonNode expected, double lower, double upper, double rel, String what) {
        assertEquals(expected.get(0).asDouble(), lower, rel * Math.abs(expected.get(0).asDouble()), what + " lower");
        assertEquals(expected.get(1).asDouble(), upper, rel * Math.abs(expected.get(1).asDouble()), what + " upper");
    }

    @Test
    void fitsAreThePeersFits() {
        DownstreamFit fit = hellaswag();
        JsonNode loss = CASE.get("loss_law");
        assertEquals(loss.get("dof").asInt(), fit.lossFit().dof());
        assertEquals(loss.get("rss_ln").asDouble(), fit.lossFit().rss(), 1e-7 * loss.get("rss_ln").asDouble(), "step-1 RSS of ln L");
        assertEquals(loss.get("t").asDouble(), fit.lossFit().tQuantile(), 1e-9, "t with 11 dof");
        JsonNode link = CASE.get("link");
        assertEquals(link.get("points").asInt(), fit.linkFit().n());
        assertEquals(link.get("rss").asDouble(), fit.linkFit().rss(), 1e-8 * link.get("rss").asDouble(), "step-2 RSS");
        for (String name : List.of("a", "k", "L0", "b")) {
            assertEquals(link.get(name).asDouble(), fit.linkFit().value(name), 1e-5 * Math.abs(link.get(name).asDouble()), name);
        }
        assertEquals(CASE.get("direct").get("rss_log").asDouble(), fit.directFit().orElseThrow().rss(),
                1e-7 * CASE.get("direct").get("rss_log").asDouble(), "direct RSS of ln Q");
    }

    @Test
    void lossAndMetricIntervalsMatchTheOracle() {
        DownstreamFit fit = hellaswag();
        List<DownstreamPrediction> p = fit.predictTargets();
        assertEquals(2, p.size());
        for (DownstreamPrediction q : p) {
            String id = q.point().id();
            JsonNode o = prediction(id);
            assertEquals(o.get("loss").asDouble(), q.loss().value(), 1e-7 * o.get("loss").asDouble(), id + " loss");
            assertInterval(o.get("loss_ci95"), q.loss().lower(), q.loss().upper(), 1e-6, id + " loss 95%");
            assertInterval(o.get("loss_new_run_ci95"), q.loss().newRunLower(), q.loss().newRunUpper(), 1e-6, id + " loss new run");
            assertEquals(o.get("accuracy").asDouble(), q.metric().value(), 1e-7, id + " accuracy");
            assertInterval(o.get("accuracy_ci95"), q.metric().lower(), q.metric().upper(), 1e-6, id + " accuracy 95%");
            assertInterval(o.get("accuracy_new_run_ci95"), q.metric().newRunLower(), q.metric().newRunUpper(), 1e-6,
                    id + " accuracy new run");
            assertEquals("delta", q.metric().method());
            // log10 of 6·N·D over the largest loss-fit compute, and a predicted loss inside the link's losses (the anchor is at 0).
            assertEquals(o.get("compute_decades_beyond").asDouble(), q.computeDecadesBeyond(), 1e-12, id + " decades");
            assertEquals(o.get("loss_beyond_link").asDouble(), q.lossBeyondLink(), 0.0, id + " loss beyond the link");
        }
    }

    @Test
    void directIntervalsMatchTheOracle() {
        assertDirect(hellaswag().predictTargets(), "direct", 1e-6);
    }

    /**
     * The direct form's value and intervals against the oracle's entry {@code key}, to {@code rel} relative on the ends
     * (1e-6 for the accuracy; for the error 1 − Q, whose ends are about four times smaller, 1e-5).
     */
    private static void assertDirect(List<DownstreamPrediction> p, String key, double rel) {
        assertEquals(2, p.size());
        for (DownstreamPrediction q : p) {
            String id = q.point().id();
            JsonNode o = prediction(id).get(key);
            PredictedValue d = q.direct();
            assertEquals(o.get("value").asDouble(), d.value(), 1e-7, id + " " + key);
            assertInterval(o.get("ci95"), d.lower(), d.upper(), rel, id + " " + key + " 95%");
            assertInterval(o.get("new_run_ci95"), d.newRunLower(), d.newRunUpper(), rel, id + " " + key + " new run");
        }
    }

    /** The same runs with the metric read as an error, 1 − accuracy: the direct interval is mirrored, its ends swapped back in order. */
    @Test
    void directIntervalOfAnErrorIsMirroredInOrder() {
        DownstreamData acc = Fixtures.olmoData("hellaswag_val");
        List<DownstreamData.Row> rows = new ArrayList<>();
        for (DownstreamData.Row r : acc.rows()) {
            rows.add(new DownstreamData.Row(r.sourceRow(), r.unit(), r.n(), r.d(), r.loss(), 1 - r.metric(), r.lossFit(),
                    r.metricFit(), r.predict()));
        }
        DownstreamData err = new DownstreamData(acc.source(), acc.nLabel(), acc.dLabel(), acc.mLabel(), acc.lossLabel(),
                "error", rows);
        // The sigmoid link of an error rises with the loss: a ∈ [0, 1] instead of the accuracy's implied [−1, 0].
        DownstreamModel model = DownstreamModel.of(new ChinchillaLaw(), new SigmoidLink()).withMetricKind(MetricKind.ERROR)
                .withLinkOptions(FitOptions.builder().bound("a", new Bound(0, 1)).build());
        DownstreamFit fit = TwoStep.fit(err, model);
        assertEquals(MetricKind.ERROR, fit.model().metricKind());
        assertDirect(fit.predictTargets(), "direct_as_error", 1e-5);
    }
}

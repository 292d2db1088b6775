package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.Fit;

/**
 * Gadre et al. (2024) reproduced with their method on their data: the over-training law fitted by least
 * squares to the 5 runs of their loss-fitting set, the exp-decay link to the 6 runs of their error-fitting
 * set, the held-out 1.4B (M = 640) and 6.9B (M = 20) runs predicted. Expected numbers: the SciPy peer
 * ({@code bench/peers/downstream/gadre2024_peer.py}, their code's procedure re-implemented: curve_fit from
 * their 128 starts), and the relative errors the authors' notebook prints (scaling_explorer.ipynb cell 3:
 * 0.7103%, 0.7320%, 3.6365%, 0.0464%).
 */
class GadreReproductionTest {
    private static final JsonNode PEER = Fixtures.peer("gadre2024.json");

    private static JsonNode peerResult(String dataset, String split) {
        for (JsonNode r : PEER.get("results")) {
            if (r.get("dataset").asText().equals(dataset) && r.get("split").asText().equals(split)) {
                return r;
            }
        }
        throw new AssertionError("no peer result for " + dataset + " " + split);
    }

    /** The bar: predicted losses and errors within 0.1% relative of the peer; in fact within 1e-6. */
    @Test
    void redPajamaPredictionsMatchThePeerAndThePaper() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        JsonNode peer = peerResult("rpj", "err_avg_17");
        List<DownstreamPrediction> p = fit.predictTargets();
        assertEquals(2, p.size());
        double[] paperLoss = {0.007103, 0.007320};
        double[] paperError = {0.036365, 0.000464};
        for (int i = 0; i < 2; i++) {
            JsonNode q = peer.get("predictions").get(i);
            assertEquals(q.get("run").asText(), p.get(i).point().id());
            assertEquals(q.get("loss").asDouble(), p.get(i).loss().value(), 1e-6 * q.get("loss").asDouble(), "loss vs peer");
            assertEquals(q.get("error").asDouble(), p.get(i).metric().value(), 1e-6 * q.get("error").asDouble(), "error vs peer");
            // The notebook prints four significant digits of the relative error.
            assertEquals(paperLoss[i], Math.abs(p.get(i).lossRelativeError()), 5e-7, "loss relative error vs the notebook");
            assertEquals(paperError[i], Math.abs(p.get(i).metricRelativeError()), 5e-7, "error relative error vs the notebook");
        }
    }

    @Test
    void parametersMatchThePeer() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        JsonNode loss = peerResult("rpj", "err_avg_17").get("loss_law");
        Fit l = fit.lossFit();
        for (String name : List.of("E", "a", "b", "eta")) {
            assertEquals(loss.get(name).asDouble(), l.value(name), 1e-6 * Math.abs(loss.get(name).asDouble()), name);
        }
        JsonNode err = peerResult("rpj", "err_avg_17").get("error_law");
        for (String name : List.of("epsilon", "k", "gamma")) {
            assertEquals(err.get(name).asDouble(), fit.linkFit().value(name), 1e-6 * Math.abs(err.get(name).asDouble()), name);
        }
        assertEquals(peerResult("rpj", "err_avg_17").get("loss_rss").asDouble(), l.rss(), 1e-8 * l.rss());
        assertEquals(1, l.dof());
    }

    /** Every corpus and both error splits: 12 predictions against the peer. */
    @Test
    void everyCorpusAndSplitMatchesThePeer() {
        for (String dataset : List.of("rpj", "c4_original", "rw_original")) {
            for (String split : List.of("err_avg_17", "err_avg_46")) {
                DownstreamFit fit = Fixtures.gadre(dataset, split);
                JsonNode peer = peerResult(dataset, split);
                List<DownstreamPrediction> p = fit.predictTargets();
                for (int i = 0; i < p.size(); i++) {
                    JsonNode q = peer.get("predictions").get(i);
                    String what = dataset + " " + split + " " + q.get("run").asText();
                    assertEquals(q.get("loss").asDouble(), p.get(i).loss().value(), 1e-6 * q.get("loss").asDouble(), what);
                    assertEquals(q.get("error").asDouble(), p.get(i).metric().value(), 1e-6 * q.get("error").asDouble(), what);
                }
            }
        }
    }

    /**
     * The delta-method intervals through both steps against the peer's (curve_fit's covariance, t quantiles, the
     * two half-widths in quadrature): the gradients are central differences on both sides, so 1e-5 relative.
     */
    @Test
    void deltaIntervalsMatchThePeerAndAreHonestlyWide() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        JsonNode peer = peerResult("rpj", "err_avg_17");
        List<DownstreamPrediction> p = fit.predictTargets();
        for (int i = 0; i < 2; i++) {
            JsonNode q = peer.get("predictions").get(i);
            close(q.get("loss_ci95"), p.get(i).loss().lower(), p.get(i).loss().upper());
            close(q.get("loss_new_run_ci95"), p.get(i).loss().newRunLower(), p.get(i).loss().newRunUpper());
            close(q.get("error_ci95"), p.get(i).metric().lower(), p.get(i).metric().upper());
            close(q.get("error_new_run_ci95"), p.get(i).metric().newRunLower(), p.get(i).metric().newRunUpper());
            // One degree of freedom (t = 12.7): the 95% interval of the error spans more than ±0.2.
            assertTrue(p.get(i).metric().width() > 0.4, "width " + p.get(i).metric().width());
            assertTrue(p.get(i).metric().lower() < p.get(i).point().observedMetric()
                    && p.get(i).point().observedMetric() < p.get(i).metric().upper());
        }
    }

    private static void close(JsonNode expected, double lo, double hi) {
        assertEquals(expected.get(0).asDouble(), lo, 1e-5 * Math.abs(expected.get(0).asDouble()));
        assertEquals(expected.get(1).asDouble(), hi, 1e-5 * Math.abs(expected.get(1).asDouble()));
    }

    @Test
    void fiveRunsForFourParametersIsFlagged() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        List<DownstreamWarning> barely = fit.warnings().stream()
                .filter(w -> w.kind() == DownstreamWarning.Kind.BARELY_DETERMINED).toList();
        assertEquals(DownstreamWarning.Step.LOSS, barely.get(0).step());
        assertTrue(barely.get(0).message().contains("4 free parameters and 5 fitting points (1 degree of freedom)"),
                barely.get(0).message());
        assertTrue(!barely.get(0).message().contains("--"), "no command-line options in library messages");
    }

    /** The direct form against the peer's least squares on ln(1 − error). */
    @Test
    void directFormMatchesThePeer() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        JsonNode peer = peerResult("rpj", "err_avg_17");
        List<DownstreamPrediction> p = fit.predictTargets();
        for (int i = 0; i < 2; i++) {
            double expected = peer.get("predictions").get(i).get("direct_error").asDouble();
            assertEquals(expected, p.get(i).direct().value(), 1e-5 * expected, "direct error");
        }
        assertEquals(peer.get("direct").get("rss_log").asDouble(), fit.directFit().orElseThrow().rss(),
                1e-6 * fit.directFit().orElseThrow().rss());
    }

    /** The shipped data set is a faithful copy of the reference table's columns. */
    @Test
    void shippedCopyEqualsTheReferenceData() throws Exception {
        Path raw = Path.of("../shared/reference-data/gadre2024-overtraining/models.csv");
        Fixtures.requireReferenceData(raw);
        var ref = org.scalefit.data.TableReader.read(raw);
        var copy = org.scalefit.data.TableReader.read(Fixtures.GADRE);
        assertEquals(ref.rowCount(), copy.rowCount());
        for (String c : copy.columns()) {
            for (int r = 0; r < copy.rowCount(); r++) {
                assertEquals(ref.cell(r, c), copy.cell(r, c), c + " row " + r);
            }
        }
        assertTrue(Files.size(Fixtures.GADRE) < 60_000);
    }
}

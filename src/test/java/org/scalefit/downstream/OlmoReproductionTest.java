package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;

/**
 * The OLMo ladder (Bhagia et al. 2024) reproduced with its method on its data: per task, the task loss
 * law fitted to the 16 ladder runs by Huber loss (δ = 10⁻³) on ln L, the sigmoid to the smoothed
 * checkpoints and the anchor, the 7B-4T and 13B-5T accuracies predicted. Expected numbers: the SciPy peer
 * ({@code bench/peers/downstream/olmo2024_peer.py}: L-BFGS-B from the authors' start, curve_fit with their
 * bounds), the authors' own stored 13B predictions ({@code src/scripts/paper/figures/chained_main.csv} in
 * allenai/OLMo-ladder), and the abstract (within 2 points on four tasks; 6.9 points on average on the others).
 */
class OlmoReproductionTest {
    private static final JsonNode PEER = Fixtures.peer("olmo2024.json");

    private static JsonNode peerTask(String task) {
        for (JsonNode t : PEER.get("tasks")) {
            if (t.get("task").asText().equals(task)) {
                return t;
            }
        }
        throw new AssertionError(task);
    }

    @Test
    void everyTaskMatchesThePeerAndTheAuthors() {
        List<Double> bad = new ArrayList<>();
        double worstGood = 0;
        for (String task : Fixtures.OLMO_TASKS) {
            DownstreamFit fit = Fixtures.olmo(task, 0);
            JsonNode peer = peerTask(task);
            // Step 1: the same optimum of the Huber objective (variable projection finds the peer's L-BFGS-B optimum).
            assertEquals(peer.get("step1").get("objective").asDouble(), fit.lossFit().objective(),
                    1e-7 * fit.lossFit().objective(), task + " step-1 objective");
            assertEquals(peer.get("step2").get("rss").asDouble(), fit.linkFit().rss(), 1e-7 * fit.linkFit().rss(),
                    task + " step-2 RSS");
            assertEquals(peer.get("step2").get("points").asInt(), fit.linkFit().n(), task + " step-2 points");
            for (DownstreamPrediction p : fit.predictTargets()) {
                JsonNode q = peer.get("predictions").get(p.point().id());
                assertEquals(q.get("loss").asDouble(), p.loss().value(), 1e-5, task + " " + p.point().id() + " task loss");
                assertEquals(q.get("accuracy").asDouble(), p.metric().value(), 1e-5, task + " " + p.point().id() + " accuracy");
                assertEquals(q.get("observed_accuracy").asDouble(), p.point().observedMetric(), 1e-12);
                double points = 100 * Math.abs(p.metricError());
                if (List.of("mmlu_avg_test", "hellaswag_val", "piqa_val", "socialiqa_val").contains(task)) {
                    worstGood = Math.max(worstGood, points);
                } else {
                    bad.add(points);
                }
                if (p.point().id().equals("13B-5T")) {
                    double authors = PEER.get("authors_13B_chained").get(task).asDouble();
                    assertEquals(authors, p.metric().value(), 1e-5, task + " vs the authors' chained_main.csv");
                }
            }
        }
        // The abstract: within 2 points on four tasks; 6.9 points on average on the other four (both targets).
        assertEquals(PEER.get("summary").get("max_abs_error_points_4_tasks").asDouble(), worstGood, 1e-3);
        assertEquals(2.0, worstGood, 0.15, "the four good tasks: within about 2 points (13B HellaSwag: 2.11)");
        double mean = bad.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(6.9, mean, 0.05, "mean absolute error on the other four tasks");
    }

    @Test
    void directFormMatchesThePeer() {
        for (String task : List.of("mmlu_avg_test", "arc_easy_test", "piqa_val")) {
            DownstreamFit fit = Fixtures.olmo(task, 0);
            JsonNode peer = peerTask(task);
            assertEquals(peer.get("direct").get("rss_log").asDouble(), fit.directFit().orElseThrow().rss(),
                    1e-6 * fit.directFit().orElseThrow().rss(), task);
            for (DownstreamPrediction p : fit.predictTargets()) {
                assertEquals(peer.get("predictions").get(p.point().id()).get("direct_accuracy").asDouble(), p.direct().value(),
                        1e-5, task + " direct");
            }
        }
    }

    /** With the chance level, the bounds a ∈ [c − 1, 0] bind where the OLMo fit's floor fell below chance. */
    @Test
    void chanceBoundsBindOnlyWhereTheFloorFellBelowChance() {
        DownstreamFit free = Fixtures.olmo("arc_challenge_test", 0);
        DownstreamFit bounded = Fixtures.olmo("arc_challenge_test", 0.25);
        assertEquals(-0.75, bounded.linkFit().value("a"), 1e-6, "a rests on its chance bound");
        assertTrue(bounded.linkFit().warnings().stream().anyMatch(w -> w.startsWith("a is at its lower bound")));
        assertTrue(bounded.linkFit().rss() > free.linkFit().rss());
        assertTrue(free.warnings().isEmpty() || free.warnings().stream().noneMatch(w -> w.kind() == DownstreamWarning.Kind.LINK_RANGE));
        DownstreamFit mmlu = Fixtures.olmo("mmlu_avg_test", 0.25);
        assertEquals(Fixtures.olmo("mmlu_avg_test", 0).linkFit().rss(), mmlu.linkFit().rss(), 1e-9,
                "MMLU's floor (0.258) is above chance: the bounds change nothing");
    }

    /** The shipped table holds the reference data's end points, and the smoothed checkpoints the peer used. */
    @Test
    void shippedCopyMatchesTheReferenceData() {
        Path raw = Path.of("../shared/reference-data/olmo-ladder2024/ladder_final.csv");
        Fixtures.requireReferenceData(raw);
        Table ref = TableReader.read(raw);
        Table copy = TableReader.read(Fixtures.OLMO);
        int finals = 0;
        for (int r = 0; r < copy.rowCount(); r++) {
            if (!copy.cell(r, "kind").equals("final")) {
                continue;
            }
            finals++;
            int match = -1;
            for (int q = 0; q < ref.rowCount(); q++) {
                if (ref.cell(q, "label").equals(copy.cell(r, "run"))) {
                    match = q;
                }
            }
            assertTrue(match >= 0, copy.cell(r, "run"));
            for (String task : Fixtures.OLMO_TASKS) {
                assertEquals(ref.cell(match, task + "_bpb_last5"), copy.cell(r, task + "_bpb"));
                assertEquals(ref.cell(match, task + "_acc_last5"), copy.cell(r, task + "_acc"));
            }
            assertEquals(ref.cell(match, "D_tokens"), copy.cell(r, "D"));
        }
        assertEquals(ref.rowCount(), finals);
    }
}

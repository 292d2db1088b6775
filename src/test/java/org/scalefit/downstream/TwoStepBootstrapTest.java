package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.Progress;
import org.scalefit.fit.Estimate;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/** The bootstrap over model runs that refits both steps: determinism, the design it keeps, failures, widths. */
class TwoStepBootstrapTest {

    @Test
    void identicalOnOneOrThreeThreads() {
        DownstreamFit fit = Fixtures.olmo("mmlu_avg_test", 0.25);
        TwoStepBootstrap.Result one = TwoStepBootstrap.run(fit, fit.targets(), 24, 7, 1, Progress.NONE);
        TwoStepBootstrap.Result three = TwoStepBootstrap.run(fit, fit.targets(), 24, 7, 3, Progress.NONE);
        assertEquals(one.succeeded(), three.succeeded());
        for (int r = 0; r < one.succeeded(); r++) {
            assertArrayEquals(one.loss()[r], three.loss()[r], 0.0);
            assertArrayEquals(one.metric()[r], three.metric()[r], 0.0);
        }
        assertEquals(one.predictions().get(0).metric().lower(), three.predictions().get(0).metric().lower(), 0.0);
    }

    /** Every replicate keeps the design: the anchor point once, 16 ladder runs (each with its final row and checkpoints). */
    @Test
    void replicatesKeepTheDesign() {
        DownstreamData data = Fixtures.olmoData("hellaswag_val");
        List<int[]> units = TwoStepBootstrap.strata(data);
        assertEquals(17, units.size(), "16 ladder runs and the anchor");
        for (int i = 0; i < 20; i++) {
            int[] rows = TwoStepBootstrap.draw(data, units, Seeds.random(1, Stream.DOWNSTREAM_BOOTSTRAP, i));
            DownstreamData rep = data.select(rows);
            assertEquals(16, rep.lossFitRows().length);
            long anchors = rep.rows().stream().filter(r -> r.unit().equals("anchor")).count();
            assertEquals(1, anchors);
            for (DownstreamData.Row r : rep.rows()) {
                if (r.lossFit()) {
                    // A drawn run brings its checkpoints with it.
                    assertTrue(rep.rows().stream().anyMatch(q -> q.unit().equals(r.unit()) && q.metricFit()), r.unit());
                }
            }
        }
    }

    /**
     * Gadre's loss fit: 5 runs for 4 parameters. A resample of 5 runs holds at least 4 distinct ones with probability
     * 120/3125 + 1200/3125 = 0.4224 (all 5, or exactly 4), so about 58% of replicates cannot determine the law; they are
     * counted as failures with the reason, and the 1.4B run at M = 20 (the only link-only run) is in every replicate.
     */
    @Test
    void underdeterminedReplicatesAreCountedNotHidden() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        TwoStepBootstrap.Result b = TwoStepBootstrap.run(fit, fit.targets(), 400, 20240229L, 2, Progress.NONE);
        assertEquals(400, b.succeeded() + b.failed());
        double share = b.failed() / 400.0;
        assertEquals(1 - 0.4224, share, 4 * Math.sqrt(0.4224 * 0.5776 / 400), "failure share " + share);
        assertTrue(b.failures().get(0).contains("distinct points for the 4 free parameters of overtraining"), b.failures().get(0));
        DownstreamData data = fit.data();
        for (int i = 0; i < 10; i++) {
            int[] rows = TwoStepBootstrap.draw(data, TwoStepBootstrap.strata(data), new SplittableRandom(i));
            DownstreamData rep = data.select(rows);
            assertEquals(1, rep.rows().stream().filter(r -> r.unit().equals("rpj-open_lm_1b-1.0")).count());
            assertEquals(5, rep.lossFitRows().length);
        }
    }

    /**
     * The metric's interval carries the loss law's uncertainty: on the OLMo ladder (13B-5T, MMLU), the two-step
     * bootstrap interval is several times wider than the link's own delta-method interval at the predicted loss, and
     * both intervals contain the point prediction.
     */
    @Test
    void theMetricIntervalCarriesTheLossLawsUncertainty() {
        DownstreamFit fit = Fixtures.olmo("mmlu_avg_test", 0.25);
        TwoStepBootstrap.Result b = TwoStepBootstrap.run(fit, fit.targets(), 200, 20240229L, 2, Progress.NONE);
        assertEquals(200, b.succeeded(), String.valueOf(b.failures()));
        for (DownstreamPrediction p : b.predictions()) {
            assertTrue(p.metric().lower() < p.metric().value() && p.metric().value() < p.metric().upper(), p.toString());
            assertTrue(p.loss().lower() < p.loss().value() && p.loss().value() < p.loss().upper(), p.toString());
            // Adding each replicate's scatter draw can only widen the interval, up to Monte Carlo noise in its ends.
            assertTrue(p.metric().newRunUpper() - p.metric().newRunLower() >= 0.95 * p.metric().width(), p.toString());
            double l = p.loss().value();
            Estimate linkOnly = fit.linkFit().estimate("m", "", "", q -> fit.linkFit().law().value(new double[] {l}, q));
            double linkWidth = linkOnly.upper() - linkOnly.lower();
            assertTrue(p.metric().width() > 3 * linkWidth, p.point().id() + ": two-step width " + p.metric().width()
                    + " vs link alone " + linkWidth);
            assertEquals("bootstrap-percentile", p.metric().method());
        }
    }

    /**
     * The groups (loss only, link only, both) and one replicate's draw, against a twin of the documented scheme: per group
     * in that order, as many {@code nextInt(size)} picks as the group has runs, each run's rows together and in order.
     */
    @Test
    void drawsResampleEachGroupToItsSize() {
        DownstreamData data = new DownstreamData("t", "N", "D", "D/N", "loss", "acc", List.of(
                new DownstreamData.Row(0, "e", 1e8, 2e9, 3.0, 0.4, true, true, false),        // 0: both
                new DownstreamData.Row(0, "a", 1e8, 4e9, 2.9, Double.NaN, true, false, false), // 1: loss only
                new DownstreamData.Row(0, "c", Double.NaN, Double.NaN, 2.5, 0.5, false, true, false), // 2: link only
                new DownstreamData.Row(0, "d", 2e8, 4e9, 2.8, 0.45, true, false, false),       // 3: d in both (with row 5)
                new DownstreamData.Row(0, "b", 2e8, 8e9, 2.7, Double.NaN, true, false, false), // 4: loss only
                new DownstreamData.Row(0, "d", 2e8, 2e9, 2.9, 0.42, false, true, false),       // 5
                new DownstreamData.Row(0, "c", Double.NaN, Double.NaN, 2.4, 0.55, false, true, false), // 6
                new DownstreamData.Row(0, "t", 1e9, 2e10, Double.NaN, Double.NaN, false, false, true))); // 7: neither fit
        List<int[]> units = TwoStepBootstrap.strata(data);
        List<String> expected = List.of("[1, 1]", "[1, 4]", "[2, 2, 6]", "[3, 0]", "[3, 3, 5]");
        assertEquals(expected, units.stream().map(java.util.Arrays::toString).toList(), "code, then the run's rows");
        int[][][] byCode = {{{1}, {4}}, {{2, 6}}, {{0}, {3, 5}}};
        for (int i = 0; i < 5; i++) {
            SplittableRandom twin = Seeds.random(9, Stream.DOWNSTREAM_BOOTSTRAP, i);
            List<Integer> rows = new java.util.ArrayList<>();
            for (int[][] group : byCode) {
                for (int k = 0; k < group.length; k++) {
                    for (int r : group[twin.nextInt(group.length)]) {
                        rows.add(r);
                    }
                }
            }
            assertArrayEquals(rows.stream().mapToInt(Integer::intValue).toArray(),
                    TwoStepBootstrap.draw(data, units, Seeds.random(9, Stream.DOWNSTREAM_BOOTSTRAP, i)), "replicate " + i);
        }
    }

    /** Refits start at the full optimum only, on one thread, with the refit stall test unless the fit set its own. */
    @Test
    void refitsStartWarm() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        org.scalefit.fit.FitOptions warm = TwoStepBootstrap.warm(fit.lossFit());
        assertEquals(1, warm.threads());
        assertEquals(org.scalefit.fit.FitOptions.REFIT_STALL_TOLERANCE, warm.stallTolerance(), 0.0);
        assertEquals(1, warm.starts().explicit().size());
        assertArrayEquals(fit.lossFit().values(), warm.starts().explicit().get(0), 0.0);
        assertEquals(org.scalefit.model.Space.LINEAR, warm.space(), "the full fit's other options are kept");
        DownstreamFit own = TwoStep.fit(fit.data(), fit.model().withLossOptions(fit.model().lossOptions().toBuilder()
                .stallTolerance(1e-3).build()));
        assertEquals(1e-3, TwoStepBootstrap.warm(own.lossFit()).stallTolerance(), 0.0);
    }

    @Test
    void refusesNoReplicates() {
        DownstreamFit fit = Fixtures.gadre("rpj", "err_avg_17");
        DownstreamInputException e = org.junit.jupiter.api.Assertions.assertThrows(DownstreamInputException.class,
                () -> TwoStepBootstrap.run(fit, fit.targets(), 0, 1, 1, Progress.NONE));
        assertEquals(DownstreamInputException.Part.SETTING, e.part());
    }
}

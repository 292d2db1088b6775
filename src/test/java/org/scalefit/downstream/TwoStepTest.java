package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.Bound;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ExpDecayLink;
import org.scalefit.model.SigmoidLink;

/**
 * The two fits and their warnings: when a fitting set barely determines its law, when the direct form is skipped and
 * why, the link's implied bounds, the source rows the fits keep, and the notes on extrapolation. The data are
 * {@link Fixtures#ladder}'s 16 seeded runs (Chinchilla loss, sigmoid accuracy); expected counts and values are
 * worked out from the ladder's design.
 */
class TwoStepTest {
    private static final FitOptions LEAST_SQUARES = FitOptions.builder().build();

    private static DownstreamModel model() {
        return Fixtures.olmoModel(0).withLossOptions(LEAST_SQUARES);
    }

    /** The ladder with each row changed by {@code f}. */
    private static DownstreamData ladder(UnaryOperator<DownstreamData.Row> f) {
        DownstreamData d = Fixtures.ladder(3, Double.POSITIVE_INFINITY);
        List<DownstreamData.Row> rows = new ArrayList<>();
        for (DownstreamData.Row r : d.rows()) {
            rows.add(f.apply(r));
        }
        return new DownstreamData(d.source(), d.nLabel(), d.dLabel(), d.mLabel(), d.lossLabel(), d.metricLabel(), rows);
    }

    private static DownstreamData.Row metric(DownstreamData.Row r, double m) {
        return new DownstreamData.Row(r.sourceRow(), r.unit(), r.n(), r.d(), r.loss(), m, r.lossFit(), r.metricFit(), r.predict());
    }

    private static List<DownstreamWarning> of(DownstreamFit fit, DownstreamWarning.Kind kind) {
        return fit.warnings().stream().filter(w -> w.kind() == kind).toList();
    }

    /** Sixteen runs for five parameters (loss), four (link) and four (direct): none barely determined. */
    @Test
    void aWellDeterminedLadderHasNoWarnings() {
        DownstreamFit fit = TwoStep.fit(Fixtures.ladder(3, Double.POSITIVE_INFINITY), model());
        assertEquals(List.of(), fit.warnings());
        assertTrue(fit.converged());
        assertEquals(16, fit.lossFit().n());
        assertEquals(16, fit.linkFit().n());
        assertEquals(16, fit.directFit().orElseThrow().n());
    }

    /**
     * The direct form (4 free parameters) on the loss law's runs that have a metric: with 5 of them it is flagged (one
     * spare run, 1 degree of freedom), as is the link (4 parameters, the same 5 points); with 6 neither is. (With 4 it is
     * skipped: {@link #theDirectFormIsSkippedWithItsReason}.)
     */
    @Test
    void theDirectFormIsFlaggedAtOneSpareRunAndSkippedBelowItsMinimum() {
        for (int withMetric : new int[] {5, 6}) {
            int[] kept = {0};
            // Runs beyond the first few lose their metric and leave the link fit, which then has as many points.
            DownstreamData data = ladder(r -> kept[0]++ < withMetric ? r
                    : new DownstreamData.Row(r.sourceRow(), r.unit(), r.n(), r.d(), r.loss(), Double.NaN, true, false, false));
            DownstreamFit fit = TwoStep.fit(data, model());
            List<DownstreamWarning> barely = of(fit, DownstreamWarning.Kind.BARELY_DETERMINED);
            assertEquals(withMetric, fit.directFit().orElseThrow().n());
            if (withMetric == 5) {
                assertEquals(2, barely.size(), "the link (4 parameters, 5 points) and the direct form: " + barely);
                assertEquals(DownstreamWarning.Step.LINK, barely.get(0).step());
                assertEquals(DownstreamWarning.Step.DIRECT, barely.get(1).step());
                assertEquals("the direct form (direct-accuracy) has 4 free parameters and 5 fitting points (1 degree of freedom): "
                        + "the data barely determine it, so its intervals are wide, and none of its runs can be held out in a "
                        + "backtest", barely.get(1).message());
            } else {
                assertEquals(List.of(), barely, "6 points for 4 parameters: 2 degrees of freedom");
            }
        }
    }

    @Test
    void theDirectFormIsSkippedWithItsReason() {
        // Only 4 of the 16 loss-fit runs have a metric (the link is fitted on its own 16 points, made link-only rows).
        List<DownstreamData.Row> rows = new ArrayList<>();
        int k = 0;
        for (DownstreamData.Row r : Fixtures.ladder(3, Double.POSITIVE_INFINITY).rows()) {
            rows.add(new DownstreamData.Row(0, r.unit(), r.n(), r.d(), r.loss(), k++ < 4 ? r.metric() : Double.NaN, true, false, false));
            rows.add(new DownstreamData.Row(0, r.unit() + "-link", Double.NaN, Double.NaN, r.loss(), r.metric(), false, true, false));
        }
        DownstreamFit few = TwoStep.fit(new DownstreamData("ladder", "N", "D", "D/N", "loss", "acc", rows), model());
        assertTrue(few.directFit().isEmpty());
        List<DownstreamWarning> skipped = of(few, DownstreamWarning.Kind.DIRECT_SKIPPED);
        assertEquals(1, skipped.size());
        assertEquals(DownstreamWarning.Step.DIRECT, skipped.get(0).step());
        assertEquals("the direct form was not fitted: only 4 of the loss law's runs have a metric, and its 4 parameters need 5",
                skipped.get(0).message());
        assertTrue(Double.isNaN(few.directAt(1e9, 2e10)));

        // An accuracy of 0 is a score outside (0, 1].
        int[] i = {0};
        DownstreamFit zero = TwoStep.fit(ladder(r -> i[0]++ == 3 ? metric(r, 0) : r), model());
        assertTrue(zero.directFit().isEmpty());
        assertEquals("the direct form was not fitted: it models a score in (0, 1], and run 1.9E8x10.0 has acc = 0",
                of(zero, DownstreamWarning.Kind.DIRECT_SKIPPED).get(0).message());
        // Read as an error, a metric of 1.25 is the score 1 − 1.25 = −0.25.
        int[] j = {0};
        DownstreamFit error = TwoStep.fit(ladder(r -> j[0]++ == 0 ? metric(r, 1.25) : r),
                model().withMetricKind(MetricKind.ERROR));
        assertTrue(error.directFit().isEmpty());
        assertEquals("the direct form was not fitted: it models a score in (0, 1], and run 1.9E8x1.0 has 1 − acc = -0.25",
                of(error, DownstreamWarning.Kind.DIRECT_SKIPPED).get(0).message());
        // Not asked for: neither fitted nor warned about.
        DownstreamFit off = TwoStep.fit(Fixtures.ladder(3, Double.POSITIVE_INFINITY), model().withDirect(false));
        assertTrue(off.directFit().isEmpty());
        assertEquals(List.of(), off.warnings());
        assertNotNull(off.predictTargets());
    }

    /** A score of exactly 1 (an accuracy of 1) is inside (0, 1]: the direct form is fitted. */
    @Test
    void aScoreOfOneIsAllowed() {
        int[] i = {0};
        DownstreamFit fit = TwoStep.fit(ladder(r -> i[0]++ == 15 ? metric(r, 1.0) : r), model().withLinkOptions(LEAST_SQUARES));
        assertTrue(fit.directFit().isPresent(), fit.warnings().toString());
        assertEquals(0, of(fit, DownstreamWarning.Kind.DIRECT_SKIPPED).size());
    }

    /** The sigmoid's chance bounds a ∈ [c − 1, 0], b ∈ [c, 1] are added unless the options bound or fix them already. */
    @Test
    void linkBoundsComeFromTheChanceLevelUnlessSetAlready() {
        DownstreamModel m = DownstreamModel.of(new ChinchillaLaw(), new SigmoidLink(0.25));
        Map<String, Bound> bounds = TwoStep.linkOptions(m).bounds();
        assertEquals(new Bound(-0.75, 0), bounds.get("a"));
        assertEquals(new Bound(0.25, 1), bounds.get("b"));
        assertEquals(2, bounds.size());
        Map<String, Bound> own = TwoStep.linkOptions(m.withLinkOptions(FitOptions.builder().bound("a", new Bound(-0.5, 0))
                .fix("b", 0.9).build())).bounds();
        assertEquals(Map.of("a", new Bound(-0.5, 0)), own);
        DownstreamModel decay = DownstreamModel.of(new ChinchillaLaw(), new ExpDecayLink());
        assertSame(decay.linkOptions(), TwoStep.linkOptions(decay), "the exp-decay link implies no bounds");
    }

    /** Rows read from a file keep their source rows in every fit; rows made in code get the in-memory numbering. */
    @Test
    void fitsKeepTheSourceRows() {
        DownstreamFit gadre = Fixtures.gadre("rpj", "err_avg_17");
        int[] lossRows = gadre.data().lossFitRows();
        for (int q = 0; q < lossRows.length; q++) {
            assertEquals(gadre.data().rows().get(lossRows[q]).sourceRow(), gadre.lossFit().data().row(q));
            assertTrue(gadre.lossFit().data().row(q) > 2 * q + 2, "rows of the file, not the in-memory 2, 3, …");
        }
        int[] linkRows = gadre.data().metricFitRows();
        assertEquals(gadre.data().rows().get(linkRows[5]).sourceRow(), gadre.linkFit().data().row(5));
        DownstreamFit inCode = TwoStep.fit(Fixtures.ladder(3, Double.POSITIVE_INFINITY), model());
        assertEquals(7, inCode.lossFit().data().row(5));
        assertEquals("6·N·D", TwoStep.lossObservations(inCode.data(), DownstreamModel.of(new org.scalefit.model.PowerLaw(),
                new SigmoidLink()), inCode.data().lossFitRows()).predictorColumn(0));
        assertEquals(List.of("N", "M"), gadre.lossFit().data().predictorNames());
        assertEquals("1 − err_avg_17", gadre.directFit().orElseThrow().data().responseColumn());
    }
    /**
     * The exp-decay link (3 parameters) on 3 of Gadre et al.'s runs: no degree of freedom, so no residual scatter and no
     * new-run interval (NaN, as {@link PredictedValue} documents), and a warning in the plural.
     */
    @Test
    void aLinkWithoutDegreesOfFreedomHasNoNewRunInterval() {
        DownstreamData gadre = Fixtures.gadre("rpj", "err_avg_17").data();
        List<DownstreamData.Row> rows = new ArrayList<>();
        int linked = 0;
        for (DownstreamData.Row r : gadre.rows()) {
            boolean link = r.metricFit() && linked++ < 3;
            rows.add(new DownstreamData.Row(r.sourceRow(), r.unit(), r.n(), r.d(), r.loss(), r.metric(), r.lossFit(), link, r.predict()));
        }
        DownstreamData data = new DownstreamData(gadre.source(), gadre.nLabel(), gadre.dLabel(), gadre.mLabel(), gadre.lossLabel(),
                gadre.metricLabel(), rows);
        DownstreamFit fit = TwoStep.fit(data, Fixtures.gadre("rpj", "err_avg_17").model().withDirect(false));
        assertEquals(0, fit.linkFit().dof());
        assertTrue(Double.isNaN(DownstreamFit.scatter(fit.linkFit())));
        DownstreamPrediction p = fit.predictTargets().get(0);
        assertTrue(Double.isNaN(p.metric().newRunLower()) && Double.isNaN(p.metric().newRunUpper()), p.metric().toString());
        assertTrue(of(fit, DownstreamWarning.Kind.BARELY_DETERMINED).get(1).message()
                .contains("has 3 free parameters and 3 fitting points (0 degrees of freedom)"), fit.warnings().toString());
    }
    /**
     * Accuracies from a sigmoid whose floor a + b = −0.6 + 0.8 = 0.2 lies below a chance level of 0.25 (the ladder's
     * losses, k = 8, L0 = 1.25, seeded noise 0.005): the chance bounds a ∈ [−0.75, 0], b ∈ [0.25, 1] do not bind, the fit
     * recovers the floor, and the link's range warning says so. With chance 0 there is nothing to warn about.
     */
    @Test
    void aFloorBelowChanceIsWarnedAbout() {
        SplittableRandom rng = new SplittableRandom(11);
        SigmoidLink truth = new SigmoidLink();
        DownstreamData data = ladder(r -> metric(r, truth.value(new double[] {r.loss()}, new double[] {-0.6, 8, 1.25, 0.8})
                + 0.005 * rng.nextGaussian()));
        DownstreamFit fit = TwoStep.fit(data, Fixtures.olmoModel(0.25).withLossOptions(LEAST_SQUARES).withDirect(false));
        double floor = fit.linkFit().value("a") + fit.linkFit().value("b");
        assertEquals(0.2, floor, 0.03, "the floor is recovered");
        List<DownstreamWarning> range = of(fit, DownstreamWarning.Kind.LINK_RANGE);
        assertEquals(1, range.size(), fit.warnings().toString());
        assertEquals(DownstreamWarning.Step.LINK, range.get(0).step());
        assertEquals("the fitted floor a + b = " + org.scalefit.Numbers.format(floor, 4) + " lies below the chance level 0.25: "
                + "for large losses the link predicts worse than guessing", range.get(0).message());
        DownstreamFit noChance = TwoStep.fit(data, Fixtures.olmoModel(0).withLossOptions(LEAST_SQUARES).withDirect(false));
        assertEquals(List.of(), of(noChance, DownstreamWarning.Kind.LINK_RANGE));
    }

    /** A loss law of one predictor named N is still a law of compute: its column is 6·N·D. */
    @Test
    void aOnePredictorLossLawIsALawOfCompute() {
        DownstreamData data = Fixtures.ladder(3, Double.POSITIVE_INFINITY);
        DownstreamModel m = DownstreamModel.of(new org.scalefit.model.ExpressionLaw("a*N^b", List.of("N")), new SigmoidLink());
        var obs = TwoStep.lossObservations(data, m, data.lossFitRows());
        assertEquals("6·N·D", obs.predictorColumn(0));
        DownstreamData.Row r = data.rows().get(0);
        assertEquals(6 * r.n() * r.d(), obs.x(0, 0), 0.0);
    }
}

package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.DirectAccuracyLaw;
import org.scalefit.model.SigmoidLink;

/**
 * A fitted two-step prediction's point values and its notes on extrapolation, on {@link Fixtures#ladder}'s 16 runs
 * (N from 1.9e8 to 1.3e9, D = 20·N to 200·N, so the largest loss-fit compute is 6·1.3e9·2.6e11 = 2.028e21). Each
 * expected value is the laws' closed form at the fitted parameters, or a distance worked out from the ladder's
 * losses.
 */
class DownstreamFitTest {
    private static final double C_MAX = 6 * 1.3e9 * (200 * 1.3e9);

    private static DownstreamFit ladder() {
        return TwoStep.fit(Fixtures.ladder(3, Double.POSITIVE_INFINITY), Fixtures.olmoModel(0).withLossOptions(FitOptions.builder().build()));
    }

    private static double[] linkLossRange(DownstreamFit fit) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DownstreamData.Row r : fit.data().rows()) {
            lo = Math.min(lo, r.loss());
            hi = Math.max(hi, r.loss());
        }
        return new double[] {lo, hi};
    }

    @Test
    void pointValuesAreTheLawsAtTheFittedParameters() {
        DownstreamFit fit = ladder();
        double n = 7e9;
        double d = 1.4e11;
        double loss = new ChinchillaLaw().value(new double[] {n, d}, fit.lossFit().values());
        double acc = new SigmoidLink().value(new double[] {loss}, fit.linkFit().values());
        double direct = new DirectAccuracyLaw().value(new double[] {n, d}, fit.directFit().orElseThrow().values());
        assertEquals(loss, fit.lossAt(n, d), 1e-15 * loss);
        assertEquals(acc, fit.metricAt(n, d), 1e-15);
        assertEquals(direct, fit.directAt(n, d), 1e-15);
        DownstreamPrediction p = fit.predict(PredictPoint.of("7B", n, d));
        assertEquals(loss, p.loss().value(), 1e-15 * loss);
        assertEquals(acc, p.metric().value(), 1e-15);
        assertEquals(direct, p.direct().value(), 1e-15);
        assertTrue(loss < 3 && acc > 0.3 && acc < 1, "plausible: loss " + loss + ", accuracy " + acc);
    }

    /** Far above the ladder: log₁₀(6·7e9·1.4e12 / 2.028e21) = 1.4623 decades (28.99 times), and a loss below every loss of the link fit. */
    @Test
    void aPredictionBeyondTheLadderSaysHowFar() {
        DownstreamFit fit = ladder();
        double[] range = linkLossRange(fit);
        DownstreamPrediction p = fit.predict(PredictPoint.of("big", 7e9, 1.4e12));
        double decades = Math.log10(6 * 7e9 * 1.4e12 / C_MAX);
        assertEquals(decades, p.computeDecadesBeyond(), 1e-12);
        assertEquals(1.46231, decades, 1e-5);
        double lhat = p.loss().value();
        assertTrue(lhat < range[0], lhat + " vs " + range[0]);
        assertEquals(range[0] - lhat, p.lossBeyondLink(), 1e-15);
        assertEquals(List.of("big: 1.5 decades of compute above the largest run of the loss fit",
                "big: the predicted loss " + org.scalefit.Numbers.format(lhat, 4) + " lies "
                        + org.scalefit.Numbers.format(range[0] - lhat, 3)
                        + " outside the losses the link was fitted on: the link is extrapolated"), p.notes());
    }

    /** Below the ladder: negative decades, no note on compute, and a loss above every loss of the link fit. */
    @Test
    void aPredictionBelowTheLadderNotesOnlyTheLink() {
        DownstreamFit fit = ladder();
        double[] range = linkLossRange(fit);
        DownstreamPrediction p = fit.predict(PredictPoint.of("tiny", 2e7, 4e8));
        assertEquals(Math.log10(6 * 2e7 * 4e8 / C_MAX), p.computeDecadesBeyond(), 1e-12);
        double lhat = p.loss().value();
        assertTrue(lhat > range[1], lhat + " vs " + range[1]);
        assertEquals(lhat - range[1], p.lossBeyondLink(), 1e-15);
        assertEquals(1, p.notes().size(), p.notes().toString());
        assertTrue(p.notes().get(0).startsWith("tiny: the predicted loss "), p.notes().get(0));
    }

    /**
     * Inside the ladder (its 760M run at 100 tokens per parameter: 0.56 decades below the largest) and just above it
     * (1.10 times the largest compute, 0.041 decades, under the 0.05 the note waits for): no note on compute; at 1.2 times
     * (0.079 decades) there is one.
     */
    @Test
    void insideTheLadderThereIsNothingToNote() {
        DownstreamFit fit = ladder();
        DownstreamPrediction inside = fit.predict(PredictPoint.of("in", 7.6e8, 7.6e10));
        assertEquals(Math.log10(6 * 7.6e8 * 7.6e10 / C_MAX), inside.computeDecadesBeyond(), 1e-12);
        assertEquals(0.0, inside.lossBeyondLink(), 0.0);
        assertEquals(List.of(), inside.notes());
        DownstreamPrediction above = fit.predict(PredictPoint.of("above", 1.3e9, 1.1 * 200 * 1.3e9));
        assertEquals(Math.log10(1.1), above.computeDecadesBeyond(), 1e-12);
        assertTrue(above.notes().stream().noneMatch(s -> s.contains("decades")), above.notes().toString());
        DownstreamPrediction further = fit.predict(PredictPoint.of("further", 1.3e9, 1.2 * 200 * 1.3e9));
        assertTrue(further.notes().get(0).startsWith("further: 0.079 decades of compute above"), further.notes().toString());
    }

    /** Two rows to predict from the same run are told apart by their source rows. */
    @Test
    void targetsOfOneRunAreNamedByRow() {
        List<DownstreamData.Row> rows = new java.util.ArrayList<>(Fixtures.ladder(3, Double.POSITIVE_INFINITY).rows());
        rows.add(new DownstreamData.Row(20, "7B", 7e9, 1.4e11, 2.1, Double.NaN, false, false, true));
        rows.add(new DownstreamData.Row(21, "7B", 7e9, 2.8e11, Double.NaN, 0.6, false, false, true));
        DownstreamFit fit = TwoStep.fit(new DownstreamData("ladder", "N", "D", "D/N", "loss", "acc", rows),
                Fixtures.olmoModel(0).withLossOptions(FitOptions.builder().build()));
        List<PredictPoint> t = fit.targets();
        assertEquals(List.of("7B", "7B (row 21)"), t.stream().map(PredictPoint::id).toList());
        assertEquals(2.8e11, t.get(1).d(), 0.0);
        assertEquals(2.1, t.get(0).observedLoss(), 0.0);
        assertEquals(0.6, t.get(1).observedMetric(), 0.0);
        assertEquals(2, fit.predictTargets().size());
    }
}

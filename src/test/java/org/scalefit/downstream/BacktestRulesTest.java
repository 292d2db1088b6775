package org.scalefit.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitOptions;

/**
 * The backtest's rules, each checked against its definition recomputed here: the row each run is compared at, the
 * default share held out, the errors and the flat baseline, the verdict, and every way a backtest is not possible.
 * The data are {@link Fixtures#ladder}'s 16 runs (C = 6·N·20·x·N).
 */
class BacktestRulesTest {
    private static DownstreamModel model() {
        return Fixtures.olmoModel(0).withLossOptions(FitOptions.builder().build());
    }

    private static DownstreamData.Row row(String unit, double n, double d, boolean loss, boolean link) {
        return new DownstreamData.Row(0, unit, n, d, 2.0, 0.5, loss, link, false);
    }

    /**
     * A run is compared at its largest-compute row of the loss fit; without one, of the link fit (the first such row at a
     * tie); never without N &gt; 0 and D &gt; 0.
     */
    @Test
    void eachRunIsComparedAtItsLargestLossFitRow() {
        DownstreamData data = new DownstreamData("t", "N", "D", "D/N", "loss", "acc", List.of(
                row("u", 10, 100, false, true),   // 0: link only, larger compute than u's loss row
                row("u", 10, 50, true, false),    // 1: u's loss-fit row: chosen
                row("v", 10, 20, false, true),    // 2
                row("v", 10, 40, false, true),    // 3: v's largest link row: chosen
                row("w", 10, 30, true, true),     // 4
                row("w", 10, 60, true, true),     // 5: chosen
                row("w", 10, 20, true, false),    // 6
                row("x", 10, 50, false, true),    // 7: x's first row of largest compute: chosen
                row("x", 50, 10, false, true),    // 8: the same compute, later
                row("y", 0, 100, false, true),    // 9: a link-only point with N = 0 is never compared
                row("z", 10, 0, false, true),     // 10: nor with D = 0
                new DownstreamData.Row(0, "anchor", Double.NaN, Double.NaN, 0, 1, false, true, false),
                new DownstreamData.Row(0, "target", 10, 1000, Double.NaN, Double.NaN, false, false, true)));
        assertEquals(Map.of("u", 1, "v", 3, "w", 5, "x", 7), Backtest.comparisonRows(data));
        assertEquals(List.of("u", "v", "w", "x"), List.copyOf(Backtest.comparisonRows(data).keySet()), "in order of first appearance");
    }

    /** A quarter of the loss fit's runs, rounded half up, at least one: 16 → 4; Gadre's 5 → 1 (1.25). */
    @Test
    void theDefaultHoldOutIsAQuarterRounded() {
        assertEquals(4, Backtest.defaultHoldOut(TwoStep.fit(Fixtures.ladder(3, Double.POSITIVE_INFINITY), model())));
        assertEquals(1, Backtest.defaultHoldOut(Fixtures.gadre("rpj", "err_avg_17")));
        assertEquals(2, Backtest.defaultHoldOut(TwoStep.fit(top(6), model())), "6 runs: 1.5 rounds to 2");
    }

    /** The ladder's n largest runs by compute (each in both fits). */
    private static DownstreamData top(int n) {
        List<DownstreamData.Row> rows = new ArrayList<>(Fixtures.ladder(3, Double.POSITIVE_INFINITY).rows());
        rows.sort(Comparator.comparingDouble(DownstreamData.Row::compute).reversed());
        return new DownstreamData("ladder", "N", "D", "D/N", "loss", "acc", rows.subList(0, n));
    }

    /**
     * The errors and the flat baseline recomputed from the backtest's own predictions and the data: the mean absolute
     * error of the two-step and direct predictions, the baseline (the metric of the largest remaining run that has one:
     * here the fifth largest run lost its metric, so the sixth's), coverage by the new-run interval, and the verdict by
     * its definition.
     */
    @Test
    void errorsBaselineAndVerdictFollowTheirDefinitions() {
        List<DownstreamData.Row> rows = new ArrayList<>();
        List<DownstreamData.Row> ladder = Fixtures.ladder(3, Double.POSITIVE_INFINITY).rows();
        List<DownstreamData.Row> byCompute = new ArrayList<>(ladder);
        byCompute.sort(Comparator.comparingDouble(DownstreamData.Row::compute).reversed());
        DownstreamData.Row fifth = byCompute.get(4);
        for (DownstreamData.Row r : ladder) {
            rows.add(r != fifth ? r : new DownstreamData.Row(0, r.unit(), r.n(), r.d(), r.loss(), Double.NaN, true, false, false));
        }
        DownstreamFit fit = TwoStep.fit(new DownstreamData("ladder", "N", "D", "D/N", "loss", "acc", rows), model());
        BacktestResult b = Backtest.run(fit, 4);
        assertEquals(byCompute.subList(0, 4).stream().map(DownstreamData.Row::unit).toList(), b.heldOut());
        double flat = byCompute.get(5).metric();
        double mae = 0;
        double maeDirect = 0;
        double maeFlat = 0;
        int covered = 0;
        for (int i = 0; i < 4; i++) {
            DownstreamPrediction p = b.predictions().get(i);
            double observed = byCompute.get(i).metric();
            assertEquals(observed, p.point().observedMetric(), 0.0);
            assertEquals(byCompute.get(i).loss(), p.point().observedLoss(), 0.0);
            assertEquals(flat, b.flat().get(i), 0.0, "the sixth largest run's metric");
            mae += Math.abs(p.metric().value() - observed) / 4;
            maeDirect += Math.abs(p.direct().value() - observed) / 4;
            maeFlat += Math.abs(flat - observed) / 4;
            covered += observed >= p.metric().newRunLower() && observed <= p.metric().newRunUpper() ? 1 : 0;
        }
        assertEquals(mae, b.meanAbsError(), 1e-15);
        assertEquals(maeDirect, b.meanAbsErrorDirect(), 1e-15);
        assertEquals(maeFlat, b.meanAbsErrorFlat(), 1e-15);
        assertEquals(covered, b.covered());
        assertEquals(4, b.compared());
        BacktestResult.Verdict expected = covered < 4 ? BacktestResult.Verdict.MISSES
                : mae < maeFlat ? BacktestResult.Verdict.PREDICTABLE : BacktestResult.Verdict.NO_BETTER_THAN_FLAT;
        assertEquals(expected, b.verdict(), b.explanation());
        assertEquals("every held-out run inside its 95% interval; mean absolute error " + org.scalefit.Numbers.format(mae, 3)
                + " (flat baseline " + org.scalefit.Numbers.format(maeFlat, 3) + ")", b.explanation());
        // The refit is the fit without those four runs: 12 loss-fit runs left.
        assertEquals(12, TwoStep.fit(fit.data().holdingOut(java.util.Set.copyOf(b.heldOut())), model()).lossFit().n());
    }

    /** A verdict of no better than flat: the held-out runs' metrics are set to the largest remaining run's, inside their intervals. */
    @Test
    void aFlatTopIsNoBetterThanFlat() {
        List<DownstreamData.Row> ladder = Fixtures.ladder(3, Double.POSITIVE_INFINITY).rows();
        List<DownstreamData.Row> byCompute = new ArrayList<>(ladder);
        byCompute.sort(Comparator.comparingDouble(DownstreamData.Row::compute).reversed());
        DownstreamData.Row largest = byCompute.get(0);
        double flat = byCompute.get(1).metric();
        List<DownstreamData.Row> rows = new ArrayList<>();
        for (DownstreamData.Row r : ladder) {
            // Only the largest run is held out (and, so as not to bend the fits, it stays out of the link fit).
            rows.add(r != largest ? r : new DownstreamData.Row(0, r.unit(), r.n(), r.d(), r.loss(), flat, true, false, false));
        }
        DownstreamFit fit = TwoStep.fit(new DownstreamData("ladder", "N", "D", "D/N", "loss", "acc", rows), model());
        BacktestResult b = Backtest.run(fit, 1);
        assertEquals(List.of(largest.unit()), b.heldOut());
        assertEquals(0.0, b.meanAbsErrorFlat(), 0.0, "the held-out metric is exactly the baseline");
        DownstreamPrediction p = b.predictions().get(0);
        boolean inside = p.metric().covers(flat);
        assertEquals(inside ? BacktestResult.Verdict.NO_BETTER_THAN_FLAT : BacktestResult.Verdict.MISSES, b.verdict(), b.explanation());
        assertTrue(inside, "the two-step interval " + p.metric() + " should cover " + flat);
        assertTrue(b.explanation().startsWith("every held-out run inside its 95% interval, but no closer than assuming no improvement; "
                + "mean absolute error "), b.explanation());
    }

    @Test
    void aBacktestThatCannotBeDoneSaysWhy() {
        DownstreamFit fit = TwoStep.fit(Fixtures.ladder(3, Double.POSITIVE_INFINITY), model());
        BacktestResult all = Backtest.run(fit, 16);
        assertEquals(BacktestResult.Verdict.NOT_POSSIBLE, all.verdict());
        assertEquals("holding out 16 of 16 runs leaves none to fit", all.explanation());
        assertTrue(Double.isNaN(all.meanAbsError()) && all.heldOut().isEmpty() && all.compared() == 0);
        // 12 of 16 runs held out: 4 points left for the loss law's 5 parameters (it needs 6).
        assertEquals("holding out the 12 largest runs leaves the loss law (chinchilla, 5 free parameters) 4 points, fewer than "
                + "the 6 it needs to be fitted with a degree of freedom", Backtest.run(fit, 12).explanation());
        // Six runs, holding out one: the loss law is left 5 points (needs 6), "the largest run".
        assertEquals("holding out the largest run leaves the loss law (chinchilla, 5 free parameters) 5 points, fewer than the 6 it "
                + "needs to be fitted with a degree of freedom", Backtest.run(TwoStep.fit(top(6), model().withDirect(false)), 1).explanation());

        // The link fit on only six of the runs (the rest loss-only): holding out 2 leaves it 4 points for 4 parameters.
        List<DownstreamData.Row> rows = new ArrayList<>();
        List<DownstreamData.Row> ladder = Fixtures.ladder(3, Double.POSITIVE_INFINITY).rows();
        List<DownstreamData.Row> byCompute = new ArrayList<>(ladder);
        byCompute.sort(Comparator.comparingDouble(DownstreamData.Row::compute).reversed());
        List<DownstreamData.Row> linked = byCompute.subList(0, 6);
        for (DownstreamData.Row r : ladder) {
            rows.add(new DownstreamData.Row(0, r.unit(), r.n(), r.d(), r.loss(), r.metric(), true, linked.contains(r), false));
        }
        DownstreamFit sparse = TwoStep.fit(new DownstreamData("ladder", "N", "D", "D/N", "loss", "acc", rows), model());
        assertEquals("holding out the 2 largest runs leaves the link (sigmoid, 4 free parameters) 4 points, fewer than the 5 it "
                + "needs to be fitted with a degree of freedom", Backtest.run(sparse, 2).explanation());

        // Held-out runs without an observed metric.
        List<DownstreamData.Row> noMetric = new ArrayList<>();
        for (DownstreamData.Row r : ladder) {
            boolean top2 = r == byCompute.get(0) || r == byCompute.get(1);
            noMetric.add(top2 ? new DownstreamData.Row(0, r.unit(), r.n(), r.d(), r.loss(), Double.NaN, true, false, false) : r);
        }
        BacktestResult none = Backtest.run(TwoStep.fit(new DownstreamData("ladder", "N", "D", "D/N", "loss", "acc", noMetric), model()), 2);
        assertEquals(BacktestResult.Verdict.NOT_POSSIBLE, none.verdict());
        assertEquals("none of the 2 held-out runs has an observed metric", none.explanation());
    }
}

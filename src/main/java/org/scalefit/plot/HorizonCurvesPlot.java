package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.ModelHorizon;
import org.scalefit.horizon.Runs;
import org.scalefit.horizon.SuccessBucket;
import org.scalefit.plot.TickLabels.DurationScale;
import org.scalefit.stats.Interval;

/**
 * The picture behind METR's time horizons: for each model, the fitted logistic curve of success against
 * task length (log scale, in human durations), its empirical success rate per task-length bin as points,
 * and its 50% horizon marked on the 50% line with its interval. The legend, ordered by horizon, gives each
 * model's p50 and interval.
 *
 * <pre>{@code
 * HorizonResult r = Horizons.fit(runs, options);
 * Figure f = HorizonCurvesPlot.of(r, runs, Horizons.defaultBucketEdges(runs), 960, 540);
 * }</pre>
 */
public final class HorizonCurvesPlot {
    private static final int GRID = 200;

    private HorizonCurvesPlot() {
    }

    /**
     * @param result the fitted horizons
     * @param runs   the runs they were fitted to (for the empirical success rates)
     * @param edges  task-length bin edges in minutes, increasing (empty: no bins)
     * @param width  figure width in points
     * @param height figure height in points
     * @return the chart
     */
    public static Figure of(HorizonResult result, Runs runs, double[] edges, double width, double height) {
        List<ModelHorizon> models = new ArrayList<>(result.models());
        models.sort(Comparator.comparingDouble((ModelHorizon h) -> h.fitted() ? h.p50() : Double.NEGATIVE_INFINITY)
                .reversed().thenComparing(ModelHorizon::model));
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int t = 0; t < runs.taskCount(); t++) {
            double m = runs.minutes(t);
            if (m > 0) {
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        if (!(hi > lo)) {
            lo = lo > 0 && Double.isFinite(lo) ? lo / 2 : 1;
            hi = lo * 4;
        }
        AxisStyle xs = AxisStyle.durations(DurationUnit.MINUTES, DurationScale.HOURS);
        double[] xr = new Extent(Scale.LOG).add(lo).add(hi).padded(0.03);
        Axis x = xs.axis(xr[0], xr[1], "task length (human time)");
        Axis y = new Axis(Scale.LINEAR, -0.03, 1.03, Ticks.linear(0, 1, 6), "success probability", true);
        Panel.Builder b = Panel.builder(x, y).theme(Theme.clean());
        b.add(new Mark.Line(new double[] {x.min(), x.max()}, new double[] {0.5, 0.5}, LineStyle.dotted(new Color(0x777777), 1)));
        double[] grid = Curves.grid(Scale.LOG, x.min(), x.max(), GRID);
        List<Legend.Entry> entries = new ArrayList<>();
        List<Mark> p50s = new ArrayList<>();
        int k = 0;
        for (ModelHorizon h : models) {
            Color c = Colors.series(k++);
            LineStyle line = LineStyle.solid(c, 1.8);
            if (h.fitted() || !Double.isNaN(h.successProbability(lo))) {
                double[] v = new double[GRID];
                for (int i = 0; i < GRID; i++) {
                    v[i] = h.successProbability(grid[i]);
                }
                b.add(new Mark.Line(grid, v, line));
            }
            if (edges.length > 1) {
                List<double[]> pts = new ArrayList<>();
                for (SuccessBucket s : Horizons.successBuckets(runs, h.model(), result.options().weighting(), edges)) {
                    if (Double.isFinite(s.successRate()) && s.runs() > 0) {
                        pts.add(new double[] {Math.sqrt(s.lowMinutes() * s.highMinutes()), s.successRate()});
                    }
                }
                double[] px = new double[pts.size()];
                double[] py = new double[pts.size()];
                for (int i = 0; i < px.length; i++) {
                    px[i] = pts.get(i)[0];
                    py[i] = pts.get(i)[1];
                }
                b.add(new Mark.Points(px, py, MarkerStyle.circle(Colors.withAlpha(c, 0.55), 5)));
            }
            String label = h.model() + ": ";
            if (h.fitted()) {
                double p50 = h.p50();
                Interval ci = result.interval(h.model(), 0.5);
                label += "p50 " + xs.format(p50);
                // The intervals go in the legend: drawn on the one 50% line, a dozen of them would be a smear.
                if (Double.isFinite(ci.lower()) && Double.isFinite(ci.upper())) {
                    label += " [" + xs.format(ci.lower()) + ", " + xs.format(ci.upper()) + "]";
                }
                p50s.add(new Mark.Points(new double[] {p50}, new double[] {0.5},
                        MarkerStyle.circle(c, 8).withShape(MarkerStyle.Shape.DIAMOND).withEdge(Color.WHITE, 0.8)));
            } else {
                label += switch (h.status()) {
                    case NO_SUCCESSES -> "no successes (p50 < " + xs.format(h.shortestTask()) + ")";
                    case ALL_SUCCESSES -> "no failures (p50 > " + xs.format(h.longestTask()) + ")";
                    default -> "not converged";
                };
            }
            entries.add(Legend.Entry.line(label, line));
        }
        b.addAll(p50s);
        String subtitle = result.runs() + " runs of " + models.size() + " models on " + result.tasks() + " tasks · "
                + "logistic fit of success on log₂ task length per model · ◆ 50% horizon (its "
                + TickLabels.decimal(100 * result.options().confidenceLevel()) + "% interval in the legend)"
                + (edges.length > 1 ? " · dots: success rate per task-length bin" : "");
        return Figures.single("time horizons of " + result.source(), "Success against task length, per model",
                subtitle, b.build(), entries, width, height);
    }
}

package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.compare.BreakLines;
import org.scalefit.compare.BreakOptions;
import org.scalefit.compare.BreakResult;
import org.scalefit.data.Observations;
import org.scalefit.plot.Ticks.LogStyle;
import org.scalefit.stats.Interval;

/**
 * The picture of a break test ("are we off the curve?"): the earlier points and the latest ones (those the
 * prediction check held out) in two colours, the broken trend with its slope changing at the most likely
 * break, a vertical line at the break with its interval shaded, and the trend of the earlier points carried
 * on over the latest ones with its prediction band — the points outside that band ringed in red.
 *
 * <pre>{@code
 * BreakResult r = BreakTest.run(data, options);
 * Figure f = BreakPlot.of(data, r, options, 680, 460, LogStyle.SUPERSCRIPT);
 * }</pre>
 */
public final class BreakPlot {
    private static final Color EARLY = new Color(0x1f77b4);
    private static final Color LATE = new Color(0xff7f0e);
    private static final Color BROKEN = new Color(0x2b2b2b);
    private static final Color OUTSIDE = new Color(0xd62728);
    private static final Color BREAK = new Color(0x6a3d9a);

    private BreakPlot() {
    }

    /**
     * @param data     the data the test ran on (one predictor)
     * @param result   the test's result
     * @param options  the test's options (trend and level)
     * @param width    figure width in points
     * @param height   figure height in points
     * @param logStyle how decades are labelled
     * @return the chart
     */
    public static Figure of(Observations data, BreakResult result, BreakOptions options, double width, double height,
                            LogStyle logStyle) {
        BreakLines lines = BreakLines.of(data, result, options);
        boolean dates = result.trend().equals("doubling");
        double[] x = data.xValues(0);
        double[] y = data.yValues();
        AxisStyle xs = dates ? AxisStyle.dates()
                : AxisStyle.ofColumn(data.predictorColumn(0), options.logX() ? Scale.LOG : Scale.LINEAR, logStyle, true);
        AxisStyle ys = AxisStyle.ofColumn(data.responseColumn(), Scale.LOG, logStyle, true);
        Scale sx = xs.scale();
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            xmin = Math.min(xmin, v);
            xmax = Math.max(xmax, v);
        }
        double last = lines.lastTrained();
        double[] grid = Curves.grid(sx, last, xmax, Curves.SAMPLES);
        double[] lo = new double[grid.length];
        double[] hi = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            Interval p = lines.earlierPrediction(grid[i]);
            lo[i] = p.lower();
            hi[i] = p.upper();
        }
        Extent xe = new Extent(sx).add(x);
        Extent ye = new Extent(Scale.LOG).add(y).add(lo).add(hi);
        double[] xr = xe.padded(0.04);
        double[] yr = ye.padded(0.06);
        Axis xAxis = xs.axis(xr[0], xr[1], data.predictorColumn(0));
        Axis yAxis = ys.axis(yr[0], yr[1], data.responseColumn());
        Panel.Builder b = Panel.builder(xAxis, yAxis).theme(Theme.clean());
        List<Legend.Entry> entries = new ArrayList<>();

        Color shade = Colors.withAlpha(BREAK, 0.10);
        b.add(new Mark.Band(new double[] {result.locationLower(), result.locationUpper()},
                new double[] {yAxis.min(), yAxis.min()}, new double[] {yAxis.max(), yAxis.max()}, shade));
        Color bandFill = Colors.withAlpha(LATE, 0.18);
        b.add(new Mark.Band(grid, lo, hi, bandFill));
        LineStyle breakLine = LineStyle.dashed(BREAK, 1.3);
        b.add(new Mark.Line(new double[] {result.location(), result.location()}, new double[] {yAxis.min(), yAxis.max()},
                breakLine));
        LineStyle earlier = LineStyle.dashed(EARLY, 1.6);
        double[][] early = Curves.sample(lines::earlier, sx, xmin, xmax);
        b.add(new Mark.Line(early[0], early[1], earlier));
        LineStyle brokenStyle = LineStyle.solid(BROKEN, 2.2);
        double[][] broken = Curves.sample(lines::broken, sx, xmin, xmax);
        b.add(new Mark.Line(broken[0], broken[1], brokenStyle));

        int n = x.length;
        List<double[]> first = new ArrayList<>();
        List<double[]> latest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (x[i] <= last ? first : latest).add(new double[] {x[i], y[i]});
        }
        MarkerStyle earlyMarker = MarkerStyle.circle(EARLY, 6).withEdge(Color.WHITE, 0.6);
        MarkerStyle lateMarker = MarkerStyle.circle(LATE, 6).withEdge(Color.WHITE, 0.6);
        b.add(points(first, earlyMarker));
        b.add(points(latest, lateMarker));
        MarkerStyle ring = MarkerStyle.circle(Colors.withAlpha(Color.WHITE, 0), 11).withEdge(OUTSIDE, 1.6);
        if (!result.outside().isEmpty()) {
            double[] ox = new double[result.outside().size()];
            double[] oy = new double[ox.length];
            for (int i = 0; i < ox.length; i++) {
                ox[i] = result.outside().get(i).x();
                oy[i] = result.outside().get(i).y();
            }
            b.add(new Mark.Points(ox, oy, ring));
        }

        String pct = TickLabels.decimal(100 * lines.level()) + "%";
        entries.add(Legend.Entry.marker("first " + result.trained() + " points", earlyMarker));
        entries.add(Legend.Entry.marker("latest " + result.holdout() + " (held out)", lateMarker));
        entries.add(Legend.Entry.line("broken trend" + slopes(result), brokenStyle));
        entries.add(Legend.Entry.line("trend of the first " + result.trained() + ", carried on", earlier));
        entries.add(Legend.Entry.patch(pct + " prediction band of that trend", bandFill));
        if (!result.outside().isEmpty()) {
            entries.add(Legend.Entry.marker(result.outside().size() + " outside the band", ring));
        }
        entries.add(new Legend.Entry("most likely break, " + pct + " interval" + (result.locationAtEdge()
                ? " (reaches the edge)" : ""), breakLine, null, shade));
        String subtitle = String.format(Locale.ROOT, "break %s (level %s) · likelihood ratio p = %s · %d of %d latest "
                        + "points outside (%.1f expected), Chow p = %s",
                result.breakDetected() ? "detected" : "not detected", TickLabels.decimal(result.level()),
                p(result.likelihoodPValue()), result.outside().size(), result.holdout(), result.expectedOutside(),
                p(result.predictionPValue()));
        return Figures.single("break test of " + data.responseColumn(), "Off the curve? " + data.responseColumn()
                + " against " + data.predictorColumn(0) + " (" + result.trend() + " trend)", subtitle, b.build(),
                entries, width, height);
    }

    private static String slopes(BreakResult r) {
        if (r.trend().equals("power-law")) {
            return String.format(Locale.ROOT, ": exponent %.3g before, %.3g after", -r.slopeBefore(), -r.slopeAfter());
        }
        String unit = r.trend().equals("doubling") ? " days" : "";
        return String.format(Locale.ROOT, ": doubling every %.3g%s before, %.3g%s after", Math.log(2) / r.slopeBefore(),
                unit, Math.log(2) / r.slopeAfter(), unit);
    }

    private static String p(double v) {
        return v < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static Mark.Points points(List<double[]> xy, MarkerStyle marker) {
        double[] px = new double[xy.size()];
        double[] py = new double[xy.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = xy.get(i)[0];
            py[i] = xy.get(i)[1];
        }
        return new Mark.Points(px, py, marker);
    }
}

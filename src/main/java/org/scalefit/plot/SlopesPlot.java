package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.compare.SlopeComparison;
import org.scalefit.compare.SlopeResult;
import org.scalefit.fit.Fit;
import org.scalefit.model.Law;
import org.scalefit.plot.Ticks.LogStyle;
import org.scalefit.uncertainty.DeltaMethodBand;
import org.scalefit.uncertainty.PointwiseBand;

/**
 * The picture of a slope comparison, two panels: on the left both curves (baseline and improved recipe)
 * over their runs with their confidence bands, dashed beyond the data; on the right the compute multiplier
 * — how much more compute the baseline needs to reach the improved curve's loss — against scale, with its
 * band, a line at 1× and the table's multipliers marked with their intervals.
 *
 * <pre>{@code
 * SlopeResult r = SlopeComparison.run(baseline, improved, options);
 * Figure f = SlopesPlot.of(r, 1e24, 960, 440, LogStyle.SUPERSCRIPT);
 * }</pre>
 */
public final class SlopesPlot {
    private static final Color BASELINE = new Color(0x1f77b4);
    private static final Color IMPROVED = new Color(0xff7f0e);
    private static final Color MULTIPLIER = new Color(0x2ca02c);

    private SlopesPlot() {
    }

    /**
     * @param r        the comparison
     * @param to       the largest compute drawn (NaN: a decade beyond the data)
     * @param width    figure width in points
     * @param height   figure height in points
     * @param logStyle how decades are labelled
     * @return the chart
     */
    public static Figure of(SlopeResult r, double to, double width, double height, LogStyle logStyle) {
        Fit fb = r.baseline();
        Fit fi = r.improved();
        double lo = Math.min(min(fb.data().xValues(0)), min(fi.data().xValues(0)));
        double hi = Math.max(max(fb.data().xValues(0)), max(fi.data().xValues(0)));
        double end = Double.isFinite(to) && to > lo ? to : 10 * hi;
        for (SlopeResult.Multiplier m : r.multipliers()) {
            if (m.kind().equals("compute")) {
                end = Math.max(end, m.at());
            }
        }
        String xName = fb.data().predictorColumn(0);
        String yName = fb.data().responseColumn();
        AxisStyle xs = AxisStyle.ofColumn(xName, Scale.LOG, logStyle, true);
        double[] grid = Curves.grid(Scale.LOG, lo, end, Curves.SAMPLES);

        // Left: the two curves.
        Extent ye = new Extent(Scale.LOG);
        List<Mark> marks = new ArrayList<>();
        List<Legend.Entry> entries = new ArrayList<>();
        List<Series> series = List.of(new Series(fb, BASELINE, "baseline"), new Series(fi, IMPROVED, "improved"));
        for (Series s : series) {
            Fit f = s.fit();
            Color c = s.color();
            PointwiseBand band = DeltaMethodBand.of(f, grid);
            Color fill = Colors.withAlpha(c, 0.15);
            marks.add(new Mark.Band(band.x(), band.lower(), band.upper(), fill));
            ye.add(f.data().yValues());
            for (double v : band.center()) {
                ye.add(v);
            }
        }
        for (Series s : series) {
            Fit f = s.fit();
            Color c = s.color();
            Law law = f.law();
            double[] p = f.values();
            double[] x = f.data().xValues(0);
            marks.addAll(Curves.solidOverData(v -> law.value(new double[] {v}, p), Scale.LOG, lo, end, min(x), max(x),
                    LineStyle.solid(c, 2)));
            MarkerStyle marker = MarkerStyle.circle(c, 5.5).withEdge(Color.WHITE, 0.6);
            marks.add(new Mark.Points(x, f.data().yValues(), marker));
            entries.add(Legend.Entry.marker(s.name() + " (" + f.data().source() + ", n = " + f.n() + ")", marker));
            entries.add(Legend.Entry.line(String.format(Locale.ROOT, "fit: α = %.4g ± %.2g", f.value("alpha"),
                    f.parameter("alpha").stderr()), LineStyle.solid(c, 2)));
        }
        entries.add(Legend.Entry.patch(TickLabels.decimal(100 * fb.options().confidenceLevel())
                + "% confidence bands (delta method)", Colors.withAlpha(BASELINE, 0.15)));
        double[] xr = new Extent(Scale.LOG).add(lo).add(end).padded(0.03);
        double[] yr = ye.padded(0.06);
        Axis xAxis = xs.axis(xr[0], xr[1], xName);
        Panel curves = Panel.builder(xAxis, AxisStyle.ofColumn(yName, Scale.LOG, logStyle, true).axis(yr[0], yr[1], yName))
                .theme(Theme.clean()).title("the two curves", TextStyle.sans(12, Colors.TEXT)).addAll(marks).build();

        // Right: the multiplier against scale.
        List<SlopeResult.Multiplier> curve = SlopeComparison.multipliersAt(r, grid);
        double[] mv = new double[grid.length];
        double[] ml = new double[grid.length];
        double[] mh = new double[grid.length];
        Extent me = new Extent(Scale.LOG).add(1);
        for (int i = 0; i < grid.length; i++) {
            SlopeResult.Multiplier m = curve.get(i);
            mv[i] = Double.isFinite(m.value()) ? m.value() : Double.NaN;
            ml[i] = m.lower();
            mh[i] = m.upper();
            me.add(mv[i]);
            if (mh[i] / ml[i] < 1e3) {
                me.add(ml[i]).add(mh[i]);
            }
        }
        List<SlopeResult.Multiplier> asked = r.multipliers().stream().filter(m -> m.kind().equals("compute")
                && Double.isFinite(m.value())).toList();
        double[] ax = new double[asked.size()];
        double[] av = new double[asked.size()];
        double[] al = new double[asked.size()];
        double[] ah = new double[asked.size()];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = asked.get(i).at();
            av[i] = asked.get(i).value();
            al[i] = asked.get(i).lower();
            ah[i] = asked.get(i).upper();
            me.add(av[i]);
        }
        double[] mr = me.padded(0.08);
        Axis my = AxisStyle.log(LogStyle.DECIMAL).axis(mr[0], mr[1], "compute multiplier (×)");
        Color fill = Colors.withAlpha(MULTIPLIER, 0.18);
        LineStyle mline = LineStyle.solid(MULTIPLIER, 2);
        Panel.Builder right = Panel.builder(xAxis, my).theme(Theme.clean())
                .title("what the better slope is worth", TextStyle.sans(12, Colors.TEXT))
                .add(new Mark.Band(grid, ml, mh, fill))
                .add(new Mark.Line(new double[] {xAxis.min(), xAxis.max()}, new double[] {1, 1},
                        LineStyle.dotted(new Color(0x777777), 1)))
                .addAll(Curves.solidOverData(v -> interpolate(grid, mv, v), Scale.LOG, lo, end, lo, hi, mline));
        List<Legend.Entry> rightEntries = new ArrayList<>();
        rightEntries.add(Legend.Entry.line("multiplier C_{baseline} / C at equal loss", mline));
        rightEntries.add(Legend.Entry.patch(TickLabels.decimal(100 * fb.options().confidenceLevel())
                + "% band (delta method)", fill));
        if (ax.length > 0) {
            MarkerStyle marker = MarkerStyle.circle(MULTIPLIER.darker(), 7).withEdge(Color.WHITE, 0.7);
            right.add(new Mark.ErrorBars(ax, al, ah, LineStyle.solid(MULTIPLIER.darker(), 1.3), 4));
            right.add(new Mark.Points(ax, av, marker));
            rightEntries.add(Legend.Entry.marker("as reported (" + asked.get(0).method() + ")", marker));
        }
        var d = r.exponentDifference();
        String subtitle = String.format(Locale.ROOT, "exponent difference %.3g [%.3g, %.3g] (%s)", d.value(), d.lower(),
                d.upper(), d.method());
        return Figures.row("slope comparison of " + yName, "Baseline against improved: " + yName + " against " + xName,
                subtitle, List.of(new Figures.Cell(curves, entries), new Figures.Cell(right.build(), rightEntries)), width,
                height);
    }

    /** One recipe's fit and its colour. */
    private record Series(Fit fit, Color color, String name) {
    }

    /** Linear interpolation of a tabulated curve (the grid is the curve's own, so exact at its points). */
    private static double interpolate(double[] x, double[] y, double at) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] >= at) {
                double f = (Math.log(at) - Math.log(x[i - 1])) / (Math.log(x[i]) - Math.log(x[i - 1]));
                return y[i - 1] + f * (y[i] - y[i - 1]);
            }
        }
        return y[y.length - 1];
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}

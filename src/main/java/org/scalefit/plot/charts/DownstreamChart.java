package org.scalefit.plot.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.plot.Axis;
import org.scalefit.plot.Colors;
import org.scalefit.plot.Figure;
import org.scalefit.plot.HAlign;
import org.scalefit.plot.Layout;
import org.scalefit.plot.Legend;
import org.scalefit.plot.LineStyle;
import org.scalefit.plot.Mark;
import org.scalefit.plot.MarkerStyle;
import org.scalefit.plot.Panel;
import org.scalefit.plot.Scale;
import org.scalefit.plot.TextStyle;
import org.scalefit.plot.Theme;
import org.scalefit.plot.Ticks;
import org.scalefit.plot.VAlign;

/**
 * Panels of a downstream prediction: in each, the points a law was fitted to (filled blue), other runs
 * (light grey), the fitted law (grey, solid over the fitted range and dashed where it extrapolates),
 * the observed values of the predicted runs (black diamonds) and the predictions with their 95%
 * intervals (open orange circles with bars), each labelled. Typically the loss law (loss against
 * compute, log-log) and the link (metric against loss); a grid of link panels shows several tasks.
 *
 * <pre>{@code
 * DownstreamChart.PanelData link = new DownstreamChart.PanelData("step 2: error from loss", "loss", "error",
 *         false, false, List.of(new DownstreamChart.Curve(curve, false)), fitted, new XY(new double[0], new double[0]), observed,
 *         List.of(new DownstreamChart.Predicted(2.52, 0.49, 0.45, 0.53, "1.4B")));
 * Figure f = DownstreamChart.draw("Downstream prediction", "caption", List.of(lossPanel, link), 2);
 * }</pre>
 */
public final class DownstreamChart {
    private static final double PANEL_W = 330;
    private static final double PANEL_H = 270;
    private static final Color FITTED = Colors.C0;
    private static final Color OTHER = new Color(0xc8c8c8);
    private static final Color PREDICTED = new Color(0xe6550d);
    private static final Color LAW = new Color(0x555555);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private DownstreamChart() {
    }

    /**
     * A drawn law: a line, solid where it was fitted and dashed where it extrapolates.
     *
     * @param xy     the line
     * @param dashed true for the extrapolated part
     */
    public record Curve(XY xy, boolean dashed) {
        /**
         * @param xy     the line
         * @param dashed true for the extrapolated part
         * @throws NullPointerException if the line is null
         */
        public Curve {
            Objects.requireNonNull(xy, "xy");
        }
    }

    /**
     * A prediction with its interval on the y axis.
     *
     * @param x     where it is drawn
     * @param y     the predicted value
     * @param lower lower end of its interval (NaN for none)
     * @param upper upper end (NaN for none)
     * @param label a short label written next to it, e.g. {@code 6.9B} (may be empty)
     */
    public record Predicted(double x, double y, double lower, double upper, String label) {
        /**
         * @param x     where it is drawn
         * @param y     the predicted value
         * @param lower lower end of its interval (NaN for none)
         * @param upper upper end (NaN for none)
         * @param label a short label (may be empty)
         * @throws NullPointerException if the label is null
         */
        public Predicted {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One panel.
     *
     * @param title     the panel's title
     * @param xTitle    the x axis title
     * @param yTitle    the y axis title
     * @param logX      log x axis
     * @param logY      log y axis
     * @param curves    the fitted law's lines
     * @param fitted    the points the law was fitted to
     * @param other     other runs, drawn faintly (may be empty)
     * @param observed  the observed values of the predicted runs (may be empty)
     * @param predicted the predictions
     */
    public record PanelData(String title, String xTitle, String yTitle, boolean logX, boolean logY, List<Curve> curves,
                            XY fitted, XY other, XY observed, List<Predicted> predicted) {
        /**
         * Copies the lists.
         *
         * @param title     the panel's title
         * @param xTitle    the x axis title
         * @param yTitle    the y axis title
         * @param logX      log x axis
         * @param logY      log y axis
         * @param curves    the fitted law's lines
         * @param fitted    the points the law was fitted to
         * @param other     other runs, drawn faintly
         * @param observed  the observed values of the predicted runs
         * @param predicted the predictions
         * @throws NullPointerException if a required component is null
         */
        public PanelData {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(xTitle, "xTitle");
            Objects.requireNonNull(yTitle, "yTitle");
            curves = List.copyOf(curves);
            Objects.requireNonNull(fitted, "fitted");
            Objects.requireNonNull(other, "other");
            Objects.requireNonNull(observed, "observed");
            predicted = List.copyOf(predicted);
        }
    }

    /**
     * @param title   the figure's title (for the file's metadata)
     * @param caption a line above the panels (may be empty)
     * @param panels  the panels, row by row
     * @param columns panels per row
     * @return the figure
     */
    public static Figure draw(String title, String caption, List<PanelData> panels, int columns) {
        int cols = Math.max(1, Math.min(columns, panels.size()));
        int rows = (panels.size() + cols - 1) / cols;
        TextStyle captionStyle = TextStyle.sans(10, new Color(0x6b6b6b)).italicized();
        double top = caption.isEmpty() ? 6 : 26;
        double width = cols * PANEL_W;
        double height = top + rows * PANEL_H + 4;
        Figure.Builder f = Figure.builder(width, height).title(title);
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panel(panels.get(i), i == 0);
            double x = (i % cols) * PANEL_W;
            double y = top + (double) (i / cols) * PANEL_H;
            Figure.Rect area = Layout.plotArea(p, x + 4, y, PANEL_W - 8, PANEL_H);
            if (p.legend().isPresent()) {
                // The legend goes where it hides the fewest points and lines.
                Legend.Corner corner = Layout.bestLegendCorner(p, area, Legend.Corner.UPPER_RIGHT, Legend.Corner.LOWER_LEFT,
                        Legend.Corner.UPPER_LEFT, Legend.Corner.LOWER_RIGHT);
                Legend l = p.legend().get();
                p = p.toBuilder().legend(new Legend(l.entries(), corner, l.framed(), l.style())).build();
            }
            f.panel(p, area);
        }
        if (!caption.isEmpty()) {
            f.text(Figure.Text.left(caption, 10, 8, captionStyle));
        }
        return f.build();
    }

    private static Panel panel(PanelData d, boolean legend) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Curve c : d.curves()) {
            xs.add(c.xy().x());
            ys.add(c.xy().y());
        }
        for (XY xy : List.of(d.fitted(), d.other(), d.observed())) {
            xs.add(xy.x());
            ys.add(xy.y());
        }
        for (Predicted p : d.predicted()) {
            xs.add(new double[] {p.x()});
            ys.add(new double[] {p.y(), p.lower(), p.upper()});
        }
        double[] xr = range(xs, d.logX());
        double[] yr = range(ys, d.logY());
        Axis x = axis(xr, d.logX()).withTitle(d.xTitle());
        Axis y = axis(yr, d.logY()).withTitle(d.yTitle());
        Panel.Builder b = Panel.builder(x, y).theme(Theme.clean()).title(d.title(), TextStyle.sans(11.5, Colors.TEXT).bold());
        b.add(new Mark.Points(d.other().x(), d.other().y(), MarkerStyle.circle(OTHER, 3.5)));
        for (Curve c : d.curves()) {
            LineStyle s = c.dashed() ? LineStyle.dashed(LAW, 1.3) : LineStyle.solid(LAW, 1.5);
            b.add(new Mark.Line(c.xy().x(), c.xy().y(), s));
        }
        MarkerStyle fitted = MarkerStyle.circle(Colors.withAlpha(FITTED, 0.75), d.fitted().size() > 200 ? 2.5 : 5.5);
        b.add(new Mark.Points(d.fitted().x(), d.fitted().y(), fitted));
        MarkerStyle observed = new MarkerStyle(MarkerStyle.Shape.DIAMOND, 7, Color.BLACK, null, 0);
        b.add(new Mark.Points(d.observed().x(), d.observed().y(), observed));
        MarkerStyle predicted = new MarkerStyle(MarkerStyle.Shape.CIRCLE, 8, TRANSPARENT, PREDICTED, 1.6);
        int n = d.predicted().size();
        double[] px = new double[n];
        double[] py = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            Predicted p = d.predicted().get(i);
            px[i] = p.x();
            py[i] = p.y();
            lo[i] = p.lower();
            hi[i] = p.upper();
        }
        b.add(new Mark.ErrorBars(px, lo, hi, LineStyle.solid(PREDICTED, 1.2), 4));
        b.add(new Mark.Points(px, py, predicted));
        TextStyle labelStyle = TextStyle.sans(9.5, PREDICTED);
        for (int i = 0; i < n; i++) {
            Predicted p = d.predicted().get(i);
            if (!p.label().isEmpty()) {
                // Neighbouring predictions are often close: their labels go alternately above and below.
                double dy = n == 1 ? 0 : (i % 2 == 0 ? 7 : -7);
                // Labels of points in the right half are written to their left, so they stay inside the panel.
                boolean left = x.fraction(p.x()) > 0.5;
                b.add(new Mark.Text(p.x(), p.y(), p.label(), labelStyle, left ? HAlign.RIGHT : HAlign.LEFT, VAlign.MIDDLE,
                        left ? -8 : 8, dy));
            }
        }
        if (legend) {
            List<Legend.Entry> entries = new ArrayList<>();
            entries.add(Legend.Entry.marker("fitted runs", fitted));
            if (d.other().size() > 0) {
                entries.add(Legend.Entry.marker("other runs", MarkerStyle.circle(OTHER, 3.5)));
            }
            entries.add(Legend.Entry.line("law (dashed: extrapolated)", LineStyle.solid(LAW, 1.5)));
            if (d.observed().size() > 0) {
                entries.add(Legend.Entry.marker("observed", observed));
            }
            if (n > 0) {
                entries.add(Legend.Entry.marker("predicted, 95% interval", predicted));
            }
            b.legend(Legend.of(Legend.Corner.UPPER_RIGHT, TextStyle.sans(9, Colors.TEXT), entries.toArray(new Legend.Entry[0])));
        }
        return b.build();
    }

    private static Axis axis(double[] r, boolean log) {
        if (log) {
            // Powers of ten for axes spanning decades; plain numbers (0.5, 1, 2) for a loss within one or two.
            boolean decades = Math.log10(r[1] / r[0]) >= 2;
            return Axis.log(r[0], r[1], Ticks.log(r[0], r[1], decades ? Ticks.LogStyle.SUPERSCRIPT : Ticks.LogStyle.DECIMAL, 6));
        }
        return Axis.linear(r[0], r[1], Ticks.linear(r[0], r[1], 6));
    }

    /** The range of the finite (and, on a log axis, positive) values with 6% padding (in log units on a log axis). */
    private static double[] range(List<double[]> all, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : all) {
            for (double v : a) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    double t = log ? Math.log10(v) : v;
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                }
            }
        }
        if (!(hi > lo)) {
            double c = Double.isFinite(lo) ? lo : 0;
            lo = c - 0.5;
            hi = c + 0.5;
        }
        double pad = 0.06 * (hi - lo);
        lo -= pad;
        hi += pad;
        return log ? new double[] {Math.pow(10, lo), Math.pow(10, hi)} : new double[] {lo, hi};
    }
}

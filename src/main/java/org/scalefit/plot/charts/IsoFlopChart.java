package org.scalefit.plot.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.plot.Axis;
import org.scalefit.plot.Colors;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FormulaText;
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
import org.scalefit.plot.TickLabels;
import org.scalefit.plot.Ticks;
import org.scalefit.plot.Ticks.LogStyle;
import org.scalefit.plot.VAlign;

/**
 * Hoffmann et al. (2022), Figure 3: IsoFLOP curves. Left, training loss against parameters for each
 * FLOP budget (seaborn's "mako" ramp from light to dark), the runs as dots joined by a thin line and
 * each budget's parabola fit dashed, runs that belong to no budget as small grey dots; centre and right,
 * the parabolas' minima — compute-optimal parameters and tokens — against FLOPs with their power-law fits
 * dashed across the whole axis and read off at a chosen budget (Gopher's, in the paper) in teal. Seaborn
 * "whitegrid" look, M/B/T suffixes on counts.
 *
 * <p>The loss axis shows the lower 98% of the runs (the paper's axis stops at 3.25); runs above it are
 * marked by an arrow at the top edge, in their budget's colour, and counted in a note, so that no run is
 * hidden without a trace.
 *
 * <pre>{@code
 * Figure f = IsoFlopChart.draw(input);
 * }</pre>
 */
public final class IsoFlopChart {
    private static final double WIDTH = 1000;
    private static final double HEIGHT = 356;
    private static final Color TEAL = new Color(0x5fa8a8);
    private static final Color TEXT = new Color(0x222222);
    private static final Color OUTSIDE = new Color(0xa0a0a0);
    /** Share of the runs the loss axis always shows; the rest may sit above it (marked by arrows). */
    private static final double SHOWN = 0.98;

    private IsoFlopChart() {
    }

    /**
     * One FLOP budget's runs and parabola.
     *
     * @param flops    the budget
     * @param runs     loss against parameters
     * @param parabola the fitted parabola (in ln N) over a slightly wider range
     */
    public record Budget(double flops, XY runs, XY parabola) {
        /**
         * Checks the arguments.
         *
         * @param flops    the budget
         * @param runs     loss against parameters
         * @param parabola the fitted parabola (in ln N) over a slightly wider range
         * @throws NullPointerException if a required component is null
         */
        public Budget {
            Objects.requireNonNull(runs, "runs");
            Objects.requireNonNull(parabola, "parabola");
        }
    }

    /**
     * An optimum against compute with its power-law fit.
     *
     * @param minima   the parabolas' minima against FLOPs
     * @param fit      the power-law fit over the whole FLOP axis
     * @param exponent its exponent, for the legend
     * @param atGopher the fit's value at the read-off budget (NaN: no read-off)
     */
    public record Optimum(XY minima, XY fit, double exponent, double atGopher) {
        /**
         * Checks the arguments.
         *
         * @param minima   the parabolas' minima against FLOPs
         * @param fit      the power-law fit over the whole FLOP axis
         * @param exponent its exponent, for the legend
         * @param atGopher the fit's value at the read-off budget (NaN: no read-off)
         * @throws NullPointerException if a required component is null
         */
        public Optimum {
            Objects.requireNonNull(minima, "minima");
            Objects.requireNonNull(fit, "fit");
        }
    }

    /**
     * @param budgets     the FLOP budgets, smallest first
     * @param outside     runs that belong to no budget (drawn grey; may be empty)
     * @param params      compute-optimal parameters against FLOPs
     * @param tokens      compute-optimal tokens against FLOPs
     * @param gopherFlops the budget at which the fits are read off (Gopher's, 5.76e23), or NaN for none
     * @param title       the figure's title (for accessibility and the SVG title)
     * @param caption     a line saying where the runs come from
     */
    public record Input(List<Budget> budgets, XY outside, Optimum params, Optimum tokens, double gopherFlops, String title,
                        String caption) {
        /**
         * Copies the list.
         *
         * @param budgets     the FLOP budgets, smallest first
         * @param outside     runs that belong to no budget (drawn grey; may be empty)
         * @param params      compute-optimal parameters against FLOPs
         * @param tokens      compute-optimal tokens against FLOPs
         * @param gopherFlops the budget at which the fits are read off, or NaN for none
         * @param title       the figure's title
         * @param caption     a line saying where the runs come from
         * @throws NullPointerException if a required component is null
         */
        public Input {
            budgets = List.copyOf(budgets);
            Objects.requireNonNull(outside, "outside");
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(caption, "caption");
        }
    }

    /**
     * @param in the budgets and fits
     * @return the three-panel figure
     */
    public static Figure draw(Input in) {
        Theme theme = Theme.whitegrid().withTickLabels(TextStyle.sans(11.5, TEXT)).withAxisTitle(TextStyle.sans(12.5, TEXT));
        int k = in.budgets().size();
        List<Color> colors = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            // Light mint for the smallest budget to almost black for the largest, as in the paper.
            colors.add(Colors.mako(0.92 - 0.82 * i / Math.max(1, k - 1)));
        }

        double nmin = Double.POSITIVE_INFINITY;
        double nmax = 0;
        double lmin = Double.POSITIVE_INFINITY;
        List<Double> losses = new ArrayList<>();
        for (Budget b : in.budgets()) {
            nmin = Math.min(nmin, b.parabola().minX());
            nmax = Math.max(nmax, b.parabola().maxX());
            lmin = Math.min(lmin, b.runs().minY());
            Arrays.stream(b.runs().y()).forEach(losses::add);
        }
        if (in.outside().size() > 0) {
            nmin = Math.min(nmin, in.outside().minX());
            nmax = Math.max(nmax, in.outside().maxX());
        }
        double[] sorted = losses.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double top = sorted[(int) Math.floor(SHOWN * (sorted.length - 1))];
        // Extra room on the left: the U-shaped profiles leave the lower left empty for the budget legend.
        double x0 = nmin / 9;
        double x1 = nmax * 1.15;
        double y0 = Math.floor((lmin - 0.08) * 10) / 10;
        double y1 = top + 0.06 * (top - y0);
        // 1–3 labels (100M, 300M, 1B) as in the paper when they fit; decades only on a wider axis.
        int[] mantissas = Math.log10(x1 / x0) > 2.6 ? new int[] {1} : new int[] {1, 3};
        Axis lx = new Axis(Scale.LOG, x0, x1, Ticks.logMantissas(x0, x1, mantissas, LogStyle.SUFFIX), "Parameters",
                true);
        Axis ly = new Axis(Scale.LINEAR, y0, y1, Ticks.linear(y0, y1, 7), "Training Loss", true);
        Panel.Builder left = Panel.builder(lx, ly).theme(theme.withGrid(new Theme.Grid(true, true, true, false,
                LineStyle.solid(new Color(0xd0d0d0), 0.8), LineStyle.solid(new Color(0xe4e4e4), 0.6))));
        if (in.outside().size() > 0) {
            XY o = clipped(in.outside(), y1);
            left.add(new Mark.Points(o.x(), o.y(), MarkerStyle.circle(OUTSIDE, 3.5)));
        }
        List<Legend.Entry> entries = new ArrayList<>();
        int above = 0;
        for (int i = 0; i < k; i++) {
            Budget b = in.budgets().get(i);
            Color c = colors.get(i);
            XY p = clipped(b.parabola(), y1);
            XY r = clipped(b.runs(), y1);
            left.add(new Mark.Line(p.x(), p.y(), LineStyle.dashed(c, 1.0)));
            left.add(new Mark.Line(r.x(), r.y(), LineStyle.solid(c, 1.0)));
            MarkerStyle m = MarkerStyle.circle(c, 6.5);
            left.add(new Mark.Points(r.x(), r.y(), m));
            for (int j = 0; j < b.runs().size(); j++) {
                if (b.runs().y()[j] > y1) {
                    above++;
                    left.add(new Mark.Text(b.runs().x()[j], y1, "↑", TextStyle.sans(11, c).bold(), HAlign.CENTER,
                            VAlign.TOP, 0, 1));
                }
            }
            entries.add(new Legend.Entry(TickLabels.scientific(b.flops()), LineStyle.solid(c, 1.0), m, null));
        }
        if (in.outside().size() > 0) {
            entries.add(Legend.Entry.marker("no budget", MarkerStyle.circle(OUTSIDE, 3.5)));
        }
        left.legend(new Legend(entries, Legend.Corner.CENTER_LEFT, true, TextStyle.sans(10.5, TEXT)));

        Figure.Builder f = Figure.builder(WIDTH, HEIGHT).title(in.title());
        double panelTop = 48;
        double h = 250;
        double w = 250;
        double[] lefts = {78, 418, 748};
        Figure.Rect leftArea = new Figure.Rect(lefts[0], panelTop, w, h);
        Figure.Rect centreArea = new Figure.Rect(lefts[1], panelTop, w - 10, h);
        Figure.Rect rightArea = new Figure.Rect(lefts[2], panelTop, w - 10, h);
        Panel probe = left.build();
        Legend.Corner corner = Layout.bestLegendCorner(probe, leftArea, Legend.Corner.CENTER_LEFT,
                Legend.Corner.LOWER_LEFT, Legend.Corner.UPPER_RIGHT, Legend.Corner.LOWER_RIGHT, Legend.Corner.UPPER_LEFT);
        left.legend(new Legend(entries, corner, true, TextStyle.sans(9, TEXT)));
        f.panel(left.build(), leftArea);
        f.panel(optimumPanel(in.params(), in.gopherFlops(), "Parameters", theme, centreArea), centreArea);
        f.panel(optimumPanel(in.tokens(), in.gopherFlops(), "Tokens", theme, rightArea), rightArea);
        f.text(Figure.Text.centered(in.caption(), WIDTH / 2, 6, TextStyle.sans(10.5, new Color(0x6b6b6b)).italicized()));
        if (above > 0) {
            f.text(Figure.Text.left("↑ " + above + " run" + (above == 1 ? "" : "s") + " above the axis (loss up to "
                    + TickLabels.decimal(sorted[sorted.length - 1], 2) + ")", lefts[0], panelTop + h + 44,
                    TextStyle.sans(9.5, new Color(0x6b6b6b))));
        }
        return f.build();
    }

    /** The points at or below the top of the axis. */
    private static XY clipped(XY xy, double top) {
        double[] x = xy.x();
        double[] y = xy.y();
        int n = 0;
        for (double v : y) {
            if (v <= top) {
                n++;
            }
        }
        double[] cx = new double[n];
        double[] cy = new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (y[i] <= top) {
                cx[j] = x[i];
                cy[j++] = y[i];
            }
        }
        return new XY(cx, cy);
    }

    private static Panel optimumPanel(Optimum o, double gopher, String title, Theme theme, Figure.Rect area) {
        double x0 = 1e17;
        double x1 = 1e25;
        boolean readOff = Double.isFinite(gopher) && Double.isFinite(o.atGopher());
        double lo = Math.min(o.minima().minY(), o.fit().minY());
        double hi = Math.max(readOff ? o.atGopher() * 3 : o.fit().maxY(), o.minima().maxY());
        // The lowest label sits a third of a decade above the bottom, clear of the x axis's first label (10¹⁷).
        double y0 = Math.pow(10, Math.floor(Math.log10(lo)) - 0.35);
        double y1 = Math.pow(10, Math.ceil(Math.log10(hi)) + 0.15);
        Axis x = new Axis(Scale.LOG, x0, x1, Ticks.logDecades(x0, x1, 2, LogStyle.SUPERSCRIPT, 5), "FLOPs", true);
        Axis y = new Axis(Scale.LOG, y0, y1, Ticks.logDecades(y0, y1, 1, LogStyle.SUFFIX, 8), title, true);
        LineStyle fit = LineStyle.dashed(new Color(0xff6451), 1.1);
        LineStyle teal = LineStyle.solid(TEAL, 1.1);
        String exponent = String.format(Locale.ROOT, "%.2f", o.exponent());
        Panel.Builder p = Panel.builder(x, y).theme(theme).add(new Mark.Line(o.fit().x(), o.fit().y(), fit));
        if (readOff) {
            // Many vertices, so that the legend placement sees the whole of each read-off line.
            int m = 40;
            double[] hx = new double[m];
            double[] hy = new double[m];
            double[] vx = new double[m];
            double[] vy = new double[m];
            for (int i = 0; i < m; i++) {
                double t = i / (m - 1.0);
                hx[i] = x0 * Math.pow(gopher / x0, t);
                hy[i] = o.atGopher();
                vx[i] = gopher;
                vy[i] = o.atGopher() * Math.pow(y0 / o.atGopher(), t);
            }
            p.add(new Mark.Line(hx, hy, teal)).add(new Mark.Line(vx, vy, teal))
                    .add(new Mark.Text(x0, o.atGopher(), TickLabels.withSuffix(o.atGopher()), TextStyle.sans(10, TEAL.darker()),
                            HAlign.LEFT, VAlign.BOTTOM, 3, 2));
        }
        p.add(new Mark.Points(o.minima().x(), o.minima().y(), MarkerStyle.circle(Color.BLACK, 7.5)));
        Legend legend = Legend.of(Legend.Corner.LOWER_RIGHT, TextStyle.sans(10.5, TEXT),
                Legend.Entry.line(FormulaText.markup((title.equals("Tokens") ? "D" : "N") + "_{opt} ∝ C^(" + exponent + ")"), fit));
        p.legend(legend);
        Legend.Corner corner = Layout.bestLegendCorner(p.build(), area, Legend.Corner.UPPER_LEFT, Legend.Corner.LOWER_RIGHT,
                Legend.Corner.UPPER_RIGHT, Legend.Corner.LOWER_LEFT);
        return p.legend(new Legend(legend.entries(), corner, legend.framed(), legend.style())).build();
    }
}

package org.scalefit.plot.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.plot.Axis;
import org.scalefit.plot.Colors;
import org.scalefit.plot.Figure;
import org.scalefit.plot.FormulaText;
import org.scalefit.plot.HAlign;
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
 * each budget's parabola fit dashed; centre and right, the parabolas' minima — compute-optimal
 * parameters and tokens — against FLOPs with their power-law fits dashed across the whole axis and
 * read off at the Gopher budget in teal. Seaborn "whitegrid" look, M/B/T suffixes on counts.
 *
 * <pre>{@code
 * Figure f = IsoFlopChart.draw(input);
 * }</pre>
 */
public final class IsoFlopChart {
    private static final double WIDTH = 1000;
    private static final double HEIGHT = 340;
    private static final Color TEAL = new Color(0x5fa8a8);
    private static final Color TEXT = new Color(0x222222);

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
     * @param atGopher the fit's value at the Gopher budget
     */
    public record Optimum(XY minima, XY fit, double exponent, double atGopher) {
        /**
         * Checks the arguments.
         *
         * @param minima   the parabolas' minima against FLOPs
         * @param fit      the power-law fit over the whole FLOP axis
         * @param exponent its exponent, for the legend
         * @param atGopher the fit's value at the Gopher budget
         * @throws NullPointerException if a required component is null
         */
        public Optimum {
            Objects.requireNonNull(minima, "minima");
            Objects.requireNonNull(fit, "fit");
        }
    }

    /**
     * @param budgets     the FLOP budgets, smallest first
     * @param params      compute-optimal parameters against FLOPs
     * @param tokens      compute-optimal tokens against FLOPs
     * @param gopherFlops the budget at which the fits are read off (Gopher's, 5.76e23)
     * @param caption     a line saying where the runs come from
     */
    public record Input(List<Budget> budgets, Optimum params, Optimum tokens, double gopherFlops, String caption) {
        /**
         * Copies the list.
         *
         * @param budgets     the FLOP budgets, smallest first
         * @param params      compute-optimal parameters against FLOPs
         * @param tokens      compute-optimal tokens against FLOPs
         * @param gopherFlops the budget at which the fits are read off (Gopher's, 5.76e23)
         * @param caption     a line saying where the runs come from
         * @throws NullPointerException if a required component is null
         */
        public Input {
            budgets = List.copyOf(budgets);
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(tokens, "tokens");
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
        double lmax = 0;
        for (Budget b : in.budgets()) {
            nmin = Math.min(nmin, b.parabola().minX());
            nmax = Math.max(nmax, b.parabola().maxX());
            lmin = Math.min(lmin, b.runs().minY());
            lmax = Math.max(lmax, b.runs().maxY());
        }
        // Extra room on the left: the U-shaped profiles leave the lower left empty for the budget legend.
        double x0 = nmin / 7;
        double x1 = nmax * 1.15;
        double y0 = Math.floor((lmin - 0.08) * 10) / 10;
        double y1 = lmax + 0.05;
        // 1–3 labels (100M, 300M, 1B) as in the paper when they fit; decades only on a wider axis.
        int[] mantissas = Math.log10(x1 / x0) > 2.6 ? new int[] {1} : new int[] {1, 3};
        Axis lx = new Axis(Scale.LOG, x0, x1, Ticks.logMantissas(x0, x1, mantissas, LogStyle.SUFFIX), "Parameters",
                true);
        Axis ly = new Axis(Scale.LINEAR, y0, y1, Ticks.linear(y0, y1, 7), "Training Loss", true);
        Panel.Builder left = Panel.builder(lx, ly).theme(theme.withGrid(new Theme.Grid(true, true, true, false,
                LineStyle.solid(new Color(0xd0d0d0), 0.8), LineStyle.solid(new Color(0xe4e4e4), 0.6))));
        List<Legend.Entry> entries = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Budget b = in.budgets().get(i);
            Color c = colors.get(i);
            left.add(new Mark.Line(b.parabola().x(), b.parabola().y(), LineStyle.dashed(c, 1.0)));
            left.add(new Mark.Line(b.runs().x(), b.runs().y(), LineStyle.solid(c, 1.0)));
            MarkerStyle m = MarkerStyle.circle(c, 6.5);
            left.add(new Mark.Points(b.runs().x(), b.runs().y(), m));
            entries.add(new Legend.Entry(TickLabels.scientific(b.flops()), LineStyle.solid(c, 1.0), m, null));
        }
        left.legend(new Legend(entries, Legend.Corner.CENTER_LEFT, true, TextStyle.sans(10.5, TEXT)));

        Panel centre = optimumPanel(in.params(), in.gopherFlops(), "Parameters", theme, 1e7);
        Panel right = optimumPanel(in.tokens(), in.gopherFlops(), "Tokens", theme, 1e8);

        Figure.Builder f = Figure.builder(WIDTH, HEIGHT).title("Hoffmann et al. (2022), Figure 3 (reproduced)");
        double top = 48;
        double h = 250;
        double w = 250;
        double[] lefts = {78, 418, 748};
        Figure.Rect leftArea = new Figure.Rect(lefts[0], top, w, h);
        Panel probe = left.build();
        Legend.Corner corner = org.scalefit.plot.Layout.bestLegendCorner(probe, leftArea, Legend.Corner.CENTER_LEFT,
                Legend.Corner.LOWER_LEFT, Legend.Corner.UPPER_RIGHT, Legend.Corner.LOWER_RIGHT, Legend.Corner.UPPER_LEFT);
        left.legend(new Legend(entries, corner, true, TextStyle.sans(9, TEXT)));
        f.panel(left.build(), leftArea);
        f.panel(centre, new Figure.Rect(lefts[1], top, w - 10, h));
        f.panel(right, new Figure.Rect(lefts[2], top, w - 10, h));
        f.text(Figure.Text.centered(in.caption(), WIDTH / 2, 6, TextStyle.sans(10.5, new Color(0x6b6b6b)).italicized()));
        return f.build();
    }

    private static Panel optimumPanel(Optimum o, double gopher, String title, Theme theme, double floor) {
        double x0 = 1e17;
        double x1 = 1e25;
        double lo = Math.min(o.minima().minY(), o.fit().minY());
        double hi = Math.max(o.atGopher() * 3, o.minima().maxY());
        double y0 = Math.max(floor, Math.pow(10, Math.floor(Math.log10(lo))));
        double y1 = Math.pow(10, Math.ceil(Math.log10(hi)));
        Axis x = new Axis(Scale.LOG, x0, x1, Ticks.logDecades(x0, x1, 2, LogStyle.SUPERSCRIPT, 5), "FLOPs", true);
        Axis y = new Axis(Scale.LOG, y0, y1, Ticks.logDecades(y0, y1, 1, LogStyle.SUFFIX, 8), title, true);
        LineStyle fit = LineStyle.dashed(new Color(0xff6451), 1.1);
        LineStyle teal = LineStyle.solid(TEAL, 1.1);
        String exponent = String.format(Locale.ROOT, "%.2f", o.exponent());
        return Panel.builder(x, y).theme(theme)
                .add(new Mark.Line(o.fit().x(), o.fit().y(), fit))
                .add(new Mark.Line(new double[] {x0, gopher, gopher}, new double[] {o.atGopher(), o.atGopher(), y0}, teal))
                .add(new Mark.Text(x0, o.atGopher(), TickLabels.withSuffix(o.atGopher()), TextStyle.sans(10, TEAL.darker()),
                        HAlign.LEFT, VAlign.BOTTOM, 3, 2))
                .add(new Mark.Points(o.minima().x(), o.minima().y(), MarkerStyle.circle(Color.BLACK, 7.5)))
                .legend(Legend.of(Legend.Corner.LOWER_RIGHT, TextStyle.sans(10.5, TEXT),
                        Legend.Entry.line(FormulaText.markup((title.equals("Tokens") ? "D" : "N") + "_{opt} ∝ C^("
                                + exponent + ")"), fit)))
                .build();
    }
}

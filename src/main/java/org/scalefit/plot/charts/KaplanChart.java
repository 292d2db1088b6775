package org.scalefit.plot.charts;

import java.awt.Color;
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
import org.scalefit.plot.TextStyle;
import org.scalefit.plot.Theme;
import org.scalefit.plot.Ticks;
import org.scalefit.plot.Ticks.LogStyle;
import org.scalefit.plot.VAlign;

/**
 * Kaplan et al. (2020), Figure 1: test loss against compute, dataset size and parameters, three
 * log-log panels sharing a "Test Loss" axis. The compute panel shows many light-blue learning
 * curves, their lower envelope (the compute-efficient frontier) in black and the fitted law dashed
 * orange; the other two panels show points joined by a thin line and the fitted law in grey. Each
 * panel's legend prints its fitted law the paper's way, L = (X/X_c)^(−α).
 *
 * <pre>{@code
 * Figure f = KaplanChart.draw(new KaplanChart.Input(curves, frontier, computeLaw, data, dataLaw,
 *         params, paramLaw, "Generated from the published laws"));
 * }</pre>
 */
public final class KaplanChart {
    private static final double WIDTH = 1000;
    private static final double HEIGHT = 330;
    private static final double PANEL_W = 250;
    private static final double PANEL_H = 210;
    private static final double TOP = 34;
    private static final double[] LEFTS = {82, 412, 742};
    private static final Color CURVE = Colors.withAlpha(Colors.C0, 0.26);
    private static final Color SUBTITLE = new Color(0x5f5f5f);

    private KaplanChart() {
    }

    /**
     * What the figure shows.
     *
     * @param learningCurves loss against compute (PF-days) for each model size
     * @param frontier       their lower envelope
     * @param computeFit     the law fitted to the frontier, drawn across the whole panel
     * @param dataPoints     loss against dataset size (tokens)
     * @param dataFit        the law fitted to them
     * @param paramPoints    loss against non-embedding parameters
     * @param paramFit       the law fitted to them
     * @param caption        a line above the panels saying where the points come from
     */
    public record Input(List<XY> learningCurves, XY frontier, PowerLawLine computeFit, XY dataPoints, PowerLawLine dataFit,
                        XY paramPoints, PowerLawLine paramFit, String caption) {
        /**
         * Copies the list and checks the arguments.
         *
         * @param learningCurves loss against compute (PF-days) for each model size
         * @param frontier       their lower envelope
         * @param computeFit     the law fitted to the frontier, drawn across the whole panel
         * @param dataPoints     loss against dataset size (tokens)
         * @param dataFit        the law fitted to them
         * @param paramPoints    loss against non-embedding parameters
         * @param paramFit       the law fitted to them
         * @param caption        a line above the panels saying where the points come from
         * @throws NullPointerException if a required component is null
         */
        public Input {
            learningCurves = List.copyOf(learningCurves);
            Objects.requireNonNull(frontier, "frontier");
            Objects.requireNonNull(computeFit, "computeFit");
            Objects.requireNonNull(dataPoints, "dataPoints");
            Objects.requireNonNull(dataFit, "dataFit");
            Objects.requireNonNull(paramPoints, "paramPoints");
            Objects.requireNonNull(paramFit, "paramFit");
            Objects.requireNonNull(caption, "caption");
        }
    }

    /**
     * @param in the data and fits
     * @return the three-panel figure
     */
    public static Figure draw(Input in) {
        Theme theme = Theme.paper().withTickLabels(TextStyle.serif(12.5, Color.BLACK));
        TextStyle legendStyle = TextStyle.sans(11.5, Color.BLACK);

        // Compute panel: 1e-9 … 10 PF-days, loss 2 … 7 as in the paper.
        Axis cx = Axis.log(1e-9, 10, Ticks.logDecades(1e-9, 10, 2, LogStyle.SUPERSCRIPT, 6));
        Axis cy = Axis.log(2, 7, Ticks.logSubDecade(2, 7, 5, LogStyle.DECIMAL));
        Panel.Builder compute = Panel.builder(cx, cy).theme(theme);
        for (XY c : in.learningCurves()) {
            compute.add(new Mark.Line(c.x(), c.y(), LineStyle.solid(CURVE, 0.9)));
        }
        compute.add(new Mark.Line(in.frontier().x(), in.frontier().y(), LineStyle.solid(Color.BLACK, 1.6)));
        PowerLawLine cf = new PowerLawLine(in.computeFit().scale(), in.computeFit().exponent(), 1e-9, 10);
        XY cl = cf.line(200);
        LineStyle orange = LineStyle.dashed(Colors.ORANGE, 1.7);
        compute.add(new Mark.Line(cl.x(), cl.y(), orange));
        compute.legend(Legend.of(Legend.Corner.LOWER_LEFT, legendStyle, Legend.Entry.line(label("C_{min}", in.computeFit()), orange)));

        Panel data = pointsPanel(in.dataPoints(), in.dataFit(), "D", theme, legendStyle, 1);
        Panel params = pointsPanel(in.paramPoints(), in.paramFit(), "N", theme, legendStyle, 2);

        Figure.Builder f = Figure.builder(WIDTH, HEIGHT).title("Kaplan et al. (2020), Figure 1 (reproduced)");
        Panel[] panels = {compute.build(), data, params};
        String[] titles = {"Compute", "Dataset Size", "Parameters"};
        String[] subtitles = {"PF-days, non-embedding", "tokens", "non-embedding"};
        TextStyle titleStyle = TextStyle.sans(19, Color.BLACK).bold();
        TextStyle subStyle = TextStyle.sans(14.5, SUBTITLE);
        for (int i = 0; i < 3; i++) {
            f.panel(panels[i], new Figure.Rect(LEFTS[i], TOP, PANEL_W, PANEL_H));
            double cxm = LEFTS[i] + PANEL_W / 2;
            f.text(Figure.Text.centered(titles[i], cxm, TOP + PANEL_H + 34, titleStyle));
            f.text(Figure.Text.centered(subtitles[i], cxm, TOP + PANEL_H + 60, subStyle));
        }
        f.text(new Figure.Text("Test Loss", 28, TOP + PANEL_H / 2, TextStyle.sans(19, Color.BLACK).bold(), HAlign.CENTER,
                VAlign.TOP, 90));
        f.text(Figure.Text.centered(in.caption(), WIDTH / 2, 8, TextStyle.sans(10.5, new Color(0x6b6b6b)).italicized()));
        return f.build();
    }

    private static Panel pointsPanel(XY pts, PowerLawLine fit, String symbol, Theme theme, TextStyle legendStyle, int which) {
        double xmin = pts.minX() / 1.6;
        double xmax = pts.maxX() * 1.6;
        double lo = Math.log(Math.min(pts.minY(), Math.min(fit.value(fit.from()), fit.value(fit.to()))));
        double hi = Math.log(Math.max(pts.maxY(), Math.max(fit.value(fit.from()), fit.value(fit.to()))));
        double pad = 0.05 * (hi - lo);
        double ymin = Math.exp(lo - pad);
        double ymax = Math.exp(hi + pad);
        // The dataset panel spans two decades: label each; the parameter panel spans six: every other one.
        Ticks xt = which == 1 ? Ticks.logDecades(xmin, xmax, 1, LogStyle.SUPERSCRIPT, 6)
                : Ticks.logDecades(xmin, xmax, 2, LogStyle.SUPERSCRIPT, 4);
        Axis x = Axis.log(xmin, xmax, xt);
        Axis y = Axis.log(ymin, ymax, Ticks.logSubDecade(ymin, ymax, 4, LogStyle.DECIMAL));
        LineStyle grey = LineStyle.solid(new Color(0x6e6e6e), 1.6);
        XY line = fit.line(100);
        return Panel.builder(x, y).theme(theme)
                .add(new Mark.Line(line.x(), line.y(), grey))
                .add(new Mark.Line(pts.x(), pts.y(), LineStyle.solid(Colors.C0, 1.1)))
                .add(new Mark.Points(pts.x(), pts.y(), MarkerStyle.circle(new Color(0x1c6cab), 5.5)))
                .legend(Legend.of(Legend.Corner.UPPER_RIGHT, legendStyle, Legend.Entry.line(label(symbol, fit), grey)))
                .build();
    }

    /**
     * @param symbol the variable, with markup (e.g. {@code C_{min}})
     * @param law    the law
     * @return {@code L = (X/X_c)^{−α}} with two significant digits for X_c and three decimals for α
     */
    static String label(String symbol, PowerLawLine law) {
        String exponent = String.format(Locale.ROOT, "%.3f", Math.abs(law.exponent()));
        return "L = (" + symbol + "/" + FormulaText.number(law.scale(), 2) + ")^{" + (law.exponent() >= 0 ? "−" : "")
                + exponent + "}";
    }
}

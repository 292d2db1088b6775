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
 * curves, their lower envelope (the compute-efficient frontier) in black and the paper's law dashed
 * orange; the other two panels show points joined by a thin line and the paper's law in grey, as in the
 * paper. The law refitted to the points is drawn beside it, thin and dotted in dark red, and each legend
 * prints both the paper's way, L = (X/X_c)^(−α): the paper's, then the refit.
 *
 * <pre>{@code
 * Figure f = KaplanChart.draw(new KaplanChart.Input(curves, frontier, computeLaw, computePaper, data, dataLaw, dataPaper,
 *         params, paramLaw, paramPaper, "Generated from the published laws"));
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
    private static final LineStyle REFIT = LineStyle.dotted(new Color(0x9b1b30), 1.5);

    private KaplanChart() {
    }

    /**
     * What the figure shows.
     *
     * @param learningCurves loss against compute (PF-days) for each model size
     * @param frontier       their lower envelope
     * @param computeFit     the law fitted to the frontier, drawn across the whole panel
     * @param computePaper   the paper's law of the frontier
     * @param dataPoints     loss against dataset size (tokens)
     * @param dataFit        the law fitted to them
     * @param dataPaper      the paper's law of dataset size
     * @param paramPoints    loss against non-embedding parameters
     * @param paramFit       the law fitted to them
     * @param paramPaper     the paper's law of parameters
     * @param caption        a line above the panels saying where the points come from
     */
    public record Input(List<XY> learningCurves, XY frontier, PowerLawLine computeFit, PowerLawLine computePaper,
                        XY dataPoints, PowerLawLine dataFit, PowerLawLine dataPaper, XY paramPoints, PowerLawLine paramFit,
                        PowerLawLine paramPaper, String caption) {
        /**
         * Copies the list and checks the arguments.
         *
         * @param learningCurves loss against compute (PF-days) for each model size
         * @param frontier       their lower envelope
         * @param computeFit     the law fitted to the frontier, drawn across the whole panel
         * @param computePaper   the paper's law of the frontier
         * @param dataPoints     loss against dataset size (tokens)
         * @param dataFit        the law fitted to them
         * @param dataPaper      the paper's law of dataset size
         * @param paramPoints    loss against non-embedding parameters
         * @param paramFit       the law fitted to them
         * @param paramPaper     the paper's law of parameters
         * @param caption        a line above the panels saying where the points come from
         * @throws NullPointerException if a required component is null
         */
        public Input {
            learningCurves = List.copyOf(learningCurves);
            Objects.requireNonNull(frontier, "frontier");
            Objects.requireNonNull(computeFit, "computeFit");
            Objects.requireNonNull(computePaper, "computePaper");
            Objects.requireNonNull(dataPoints, "dataPoints");
            Objects.requireNonNull(dataFit, "dataFit");
            Objects.requireNonNull(dataPaper, "dataPaper");
            Objects.requireNonNull(paramPoints, "paramPoints");
            Objects.requireNonNull(paramFit, "paramFit");
            Objects.requireNonNull(paramPaper, "paramPaper");
            Objects.requireNonNull(caption, "caption");
        }
    }

    /**
     * @param in the data and fits
     * @return the three-panel figure
     */
    public static Figure draw(Input in) {
        Theme theme = Theme.paper().withTickLabels(TextStyle.serif(12.5, Color.BLACK));
        TextStyle legendStyle = TextStyle.sans(10, Color.BLACK);

        // Compute panel: 1e-9 … 10 PF-days, loss 2 … 7 as in the paper.
        Axis cx = Axis.log(1e-9, 10, Ticks.logDecades(1e-9, 10, 2, LogStyle.SUPERSCRIPT, 6));
        Axis cy = Axis.log(2, 7, Ticks.logSubDecade(2, 7, 5, LogStyle.DECIMAL));
        Panel.Builder compute = Panel.builder(cx, cy).theme(theme);
        for (XY c : in.learningCurves()) {
            compute.add(new Mark.Line(c.x(), c.y(), LineStyle.solid(CURVE, 0.9)));
        }
        compute.add(new Mark.Line(in.frontier().x(), in.frontier().y(), LineStyle.solid(Color.BLACK, 1.6)));
        PowerLawLine cp = new PowerLawLine(in.computePaper().scale(), in.computePaper().exponent(), 1e-9, 10);
        PowerLawLine cf = new PowerLawLine(in.computeFit().scale(), in.computeFit().exponent(), 1e-9, 10);
        XY pl = cp.line(200);
        XY cl = cf.line(200);
        LineStyle orange = LineStyle.dashed(Colors.ORANGE, 1.7);
        compute.add(new Mark.Line(pl.x(), pl.y(), orange));
        compute.add(new Mark.Line(cl.x(), cl.y(), REFIT));
        compute.legend(Legend.of(Legend.Corner.LOWER_LEFT, legendStyle,
                Legend.Entry.line("paper: " + label("C_{min}", in.computePaper()), orange),
                Legend.Entry.line("refit: " + label("C_{min}", in.computeFit()), REFIT)));

        Panel data = pointsPanel(in.dataPoints(), in.dataFit(), in.dataPaper(), "D", theme, legendStyle, 1);
        Panel params = pointsPanel(in.paramPoints(), in.paramFit(), in.paramPaper(), "N", theme, legendStyle, 2);

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

    private static Panel pointsPanel(XY pts, PowerLawLine fit, PowerLawLine paper, String symbol, Theme theme,
                                     TextStyle legendStyle, int which) {
        double xmin = pts.minX() / 1.6;
        double xmax = pts.maxX() * 1.6;
        PowerLawLine shown = new PowerLawLine(paper.scale(), paper.exponent(), fit.from(), fit.to());
        double lo = Math.log(Math.min(pts.minY(), Math.min(fit.value(fit.to()), shown.value(fit.to()))));
        double hi = Math.log(Math.max(pts.maxY(), Math.max(fit.value(fit.from()), shown.value(fit.from()))));
        double pad = 0.05 * (hi - lo);
        double ymin = Math.exp(lo - pad);
        double ymax = Math.exp(hi + pad);
        // The dataset panel spans two decades: label each; the parameter panel spans six: every other one.
        Ticks xt = which == 1 ? Ticks.logDecades(xmin, xmax, 1, LogStyle.SUPERSCRIPT, 6)
                : Ticks.logDecades(xmin, xmax, 2, LogStyle.SUPERSCRIPT, 4);
        Axis x = Axis.log(xmin, xmax, xt);
        Axis y = Axis.log(ymin, ymax, lossTicks(ymin, ymax));
        LineStyle grey = LineStyle.solid(new Color(0x6e6e6e), 1.6);
        XY line = shown.line(100);
        XY refit = fit.line(100);
        return Panel.builder(x, y).theme(theme)
                .add(new Mark.Line(line.x(), line.y(), grey))
                .add(new Mark.Line(pts.x(), pts.y(), LineStyle.solid(Colors.C0, 1.1)))
                .add(new Mark.Points(pts.x(), pts.y(), MarkerStyle.circle(new Color(0x1c6cab), 5.5)))
                .add(new Mark.Line(refit.x(), refit.y(), REFIT))
                .legend(Legend.of(Legend.Corner.UPPER_RIGHT, legendStyle,
                        Legend.Entry.line("paper: " + label(symbol, paper), grey),
                        Legend.Entry.line("refit: " + label(symbol, fit), REFIT)))
                .build();
    }

    /**
     * Loss labels at even steps on the log axis, as the paper prints them (2.7, 3.0, … 4.2 on the dataset panel;
     * 2.4, 3.2, … 5.6 on the parameter panel): the smallest step of 0.1, 0.2, 0.3, 0.4, 0.8 or 1 that gives at most
     * six labels, so that the lower end of the axis, where the largest models sit, is labelled too.
     */
    static Ticks lossTicks(double min, double max) {
        for (double step : new double[] {0.1, 0.2, 0.3, 0.4, 0.8, 1, 2}) {
            long first = (long) Math.ceil(min / step - 1e-9);
            long last = (long) Math.floor(max / step + 1e-9);
            if (last - first + 1 <= 6) {
                List<org.scalefit.plot.Tick> major = new java.util.ArrayList<>();
                for (long k = first; k <= last; k++) {
                    double v = k * step;
                    major.add(new org.scalefit.plot.Tick(v, org.scalefit.plot.TickLabels.decimal(v, step < 1 ? 1 : 0)));
                }
                return Ticks.of(major, List.of());
            }
        }
        return Ticks.logSubDecade(min, max, 4, LogStyle.DECIMAL);
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

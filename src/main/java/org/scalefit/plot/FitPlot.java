package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.model.PlotHints;
import org.scalefit.model.Law;
import org.scalefit.model.Space;
import org.scalefit.plot.Ticks.LogStyle;
import org.scalefit.uncertainty.DeltaMethodBand;
import org.scalefit.uncertainty.PointwiseBand;

/**
 * The picture of a single-predictor fit: the points (with error bars when sigmas were given), the
 * fitted curve solid over the data and dashed beyond it, its confidence band, the formula with the
 * fitted numbers in the legend, and optionally a residual panel below. Log-log by default for laws
 * fitted in log space with a positive predictor, semi-log for exponential and doubling trends,
 * linear otherwise; any of these can be forced.
 *
 * <p>The band is the delta-method band from the fit's covariance unless another one is given
 * (for example a bootstrap band), so the plot does not care how the band was made.
 *
 * <pre>{@code
 * Figure f = FitPlot.of(fit, FitPlot.Options.defaults().withResiduals(true));
 * FigureWriter.write(f, Path.of("fit.png"), 144);
 * }</pre>
 *
 * <p>Why one class of about 510 lines: the one figure of a fit (data, curve, band, residual panel, legend
 * placement) whose parts share the resolved axes; the axis resolution could move out if another figure
 * needs it.
 */
public final class FitPlot {
    /** Colour of the data points. */
    static final Color DATA = new Color(0x1f77b4);
    /** Colour of the fitted curve and its band. */
    static final Color FIT = new Color(0xd1495b);
    private static final int GRID = 240;

    private FitPlot() {
    }

    /** Which axes are logarithmic. */
    public enum Axes {
        /** Chosen from the fit: log-log for power laws in log space, semi-log-y for exponential trends. */
        AUTO,
        /** Both axes logarithmic. */
        LOG_LOG,
        /** Both axes linear. */
        LINEAR,
        /** Logarithmic x, linear y. */
        SEMILOG_X,
        /** Linear x, logarithmic y. */
        SEMILOG_Y
    }

    /**
     * What to draw and how large.
     *
     * @param axes      which axes are logarithmic
     * @param residuals add a residual panel below the fit
     * @param logStyle  how decades are labelled ({@code 10ⁿ} or {@code 1e15})
     * @param width     figure width in points
     * @param height    figure height in points
     * @param extend    how far the dashed curve runs beyond the data, as a fraction of the data's
     *                  span on the x axis (in log units on a log axis), each side
     * @param band      a band to draw instead of the delta-method band, or null; the curve is drawn
     *                  over the band's x range too when that is wider
     * @param showBand  whether to draw a band at all
     * @param title     a title above the plot, or empty for none
     */
    public record Options(Axes axes, boolean residuals, LogStyle logStyle, double width, double height, double extend,
                          PointwiseBand band, boolean showBand, String title) {
        /**
         * Checks the arguments.
         *
         * @param axes      which axes are logarithmic
         * @param residuals add a residual panel below the fit
         * @param logStyle  how decades are labelled ({@code 10ⁿ} or {@code 1e15})
         * @param width     figure width in points
         * @param height    figure height in points
         * @param extend    how far the dashed curve runs beyond the data, as a fraction of the data's
         *                  span on the x axis (in log units on a log axis), each side
         * @param band      a band to draw instead of the delta-method band, or null; the curve is drawn
         *                  over the band's x range too when that is wider
         * @param showBand  whether to draw a band at all
         * @param title     a title above the plot, or empty for none
         * @throws IllegalArgumentException if a component is outside its domain
         * @throws NullPointerException if a required component is null
         */
        public Options {
            Objects.requireNonNull(axes, "axes");
            Objects.requireNonNull(logStyle, "logStyle");
            Objects.requireNonNull(title, "title");
            if (!(width >= 120) || !(height >= 100)) {
                throw new IllegalArgumentException("plot size must be at least 120 × 100 points, got " + width + " × " + height);
            }
            if (!(extend >= 0) || extend > 5) {
                throw new IllegalArgumentException("extension must be between 0 and 5, got " + extend);
            }
        }

        /** @return automatic axes, no residual panel, 10ⁿ labels, 640 × 440 points, 15% extension, delta band */
        public static Options defaults() {
            return new Options(Axes.AUTO, false, LogStyle.SUPERSCRIPT, 640, 440, 0.15, null, true, "");
        }

        /**
         * @param a axes
         * @return these options with those axes
         */
        public Options withAxes(Axes a) {
            return new Options(a, residuals, logStyle, width, height, extend, band, showBand, title);
        }

        /**
         * @param r whether to add a residual panel (the default height grows to make room)
         * @return these options with or without residuals
         */
        public Options withResiduals(boolean r) {
            return new Options(axes, r, logStyle, width, height, extend, band, showBand, title);
        }

        /**
         * @param s label style of decades
         * @return these options with that style
         */
        public Options withLogStyle(LogStyle s) {
            return new Options(axes, residuals, s, width, height, extend, band, showBand, title);
        }

        /**
         * @param w width in points
         * @param h height in points
         * @return these options with that size
         */
        public Options withSize(double w, double h) {
            return new Options(axes, residuals, logStyle, w, h, extend, band, showBand, title);
        }

        /**
         * @param b a band to draw (e.g. from a bootstrap), or null for the delta-method band
         * @return these options with that band
         */
        public Options withBand(PointwiseBand b) {
            return new Options(axes, residuals, logStyle, width, height, extend, b, showBand, title);
        }

        /**
         * @param show whether to draw a band
         * @return these options
         */
        public Options withShowBand(boolean show) {
            return new Options(axes, residuals, logStyle, width, height, extend, band, show, title);
        }

        /**
         * @param e fraction of the data span to extend the curve by, each side
         * @return these options
         */
        public Options withExtend(double e) {
            return new Options(axes, residuals, logStyle, width, height, e, band, showBand, title);
        }

        /**
         * @param t a title
         * @return these options with that title
         */
        public Options withTitle(String t) {
            return new Options(axes, residuals, logStyle, width, height, extend, band, showBand, t);
        }
    }

    /**
     * @param fit a fit of a law with one predictor
     * @return its plot with the default options
     */
    public static Figure of(Fit fit) {
        return of(fit, Options.defaults());
    }

    /**
     * @param fit     a fit of a law with one predictor
     * @param options what to draw
     * @return the plot
     * @throws IllegalArgumentException if the law has more than one predictor, or log axes were asked
     *                                  for data that are not all positive
     */
    public static Figure of(Fit fit, Options options) {
        Law law = fit.law();
        if (law.predictors().size() != 1) {
            throw new IllegalArgumentException("a fit plot needs a law with one predictor; " + law.name() + " has "
                    + law.predictors().size());
        }
        Observations data = fit.data();
        int n = data.size();
        double[] x = data.xValues(0);
        double[] y = data.yValues();
        boolean dates = law.timePredictor();
        boolean logX = resolveLogX(options.axes(), law, x, dates);
        boolean logY = resolveLogY(options.axes(), fit, y);

        double xmin = min(x);
        double xmax = max(x);
        Scale sx = logX ? Scale.LOG : Scale.LINEAR;
        double tmin = sx.transform(xmin);
        double tmax = sx.transform(xmax);
        double span = tmax > tmin ? tmax - tmin : (logX ? 1 : Math.max(1, Math.abs(tmin)));
        double ext = options.extend() * span;
        double lowT = tmin - ext;
        double highT = tmax + ext;
        if (options.showBand() && options.band() != null && options.band().size() > 0) {
            // A band given for a wider range (e.g. an extrapolation to 1e25) takes the curve with it.
            double[] bx = options.band().x();
            lowT = Math.min(lowT, sx.transform(bx[0]));
            highT = Math.max(highT, sx.transform(bx[bx.length - 1]));
        }
        double curveMin = sx.inverse(lowT);
        double curveMax = sx.inverse(highT);
        double[] grid = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            grid[i] = sx.inverse(lowT + (highT - lowT) * i / (GRID - 1));
        }
        PointwiseBand band = options.showBand()
                ? (options.band() != null ? options.band() : DeltaMethodBand.of(fit, grid)) : null;
        double[] curve = new double[GRID];
        double[] p = fit.values();
        for (int i = 0; i < GRID; i++) {
            curve[i] = law.value(new double[] {grid[i]}, p);
        }

        double[] errLo = null;
        double[] errHi = null;
        if (data.hasSigma()) {
            errLo = new double[n];
            errHi = new double[n];
            for (int i = 0; i < n; i++) {
                double s = data.sigma(i);
                errLo[i] = fit.space().response(fit.space().target(y[i]) - s);
                errHi[i] = fit.space().response(fit.space().target(y[i]) + s);
            }
        }

        // Axis ranges: the data (with bars) and the curve, padded by 5% of the span on each side.
        double xPad = 0.03 * (highT - lowT);
        double axMin = sx.inverse(lowT - xPad);
        double axMax = sx.inverse(highT + xPad);
        Scale sy = logY ? Scale.LOG : Scale.LINEAR;
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ys.add(y[i]);
            if (errLo != null) {
                ys.add(errLo[i]);
                ys.add(errHi[i]);
            }
        }
        for (double c : curve) {
            ys.add(c);
        }
        if (band != null) {
            // The band widens fast outside the data; include it only where it is not exploding.
            double[] lo = band.lower();
            double[] hi = band.upper();
            double dataSpan = sy.transform(max(y)) - sy.transform(min(y));
            for (int i = 0; i < lo.length; i++) {
                if (Double.isFinite(lo[i]) && Double.isFinite(hi[i])
                        && sy.transform(hi[i]) - sy.transform(lo[i]) < 0.6 * Math.max(dataSpan, 1e-12)) {
                    ys.add(lo[i]);
                    ys.add(hi[i]);
                }
            }
        }
        double[] yr = range(ys, sy);
        Axis xAxis = xAxis(sx, axMin, axMax, dates, options.logStyle(), data.predictorColumn(0));
        Axis yAxis = yAxis(sy, yr[0], yr[1], options.logStyle(), data.responseColumn());

        String formula = legendFormula(fit);
        LineStyle solid = LineStyle.solid(FIT, 1.8);
        LineStyle dashed = LineStyle.dashed(FIT, 1.8);
        MarkerStyle marker = MarkerStyle.circle(DATA, 5.5).withEdge(Color.WHITE, 0.6);
        Color bandFill = Colors.withAlpha(FIT, 0.16);

        Panel.Builder main = Panel.builder(xAxis, yAxis).theme(Theme.clean());
        if (band != null) {
            main.add(new Mark.Band(band.x(), band.lower(), band.upper(), bandFill));
        }
        double[][] inside = segment(law, p, grid, xmin, xmax);
        double[][] below = segment(law, p, grid, curveMin, xmin);
        double[][] above = segment(law, p, grid, xmax, curveMax);
        main.add(new Mark.Line(below[0], below[1], dashed));
        main.add(new Mark.Line(above[0], above[1], dashed));
        main.add(new Mark.Line(inside[0], inside[1], solid));
        if (errLo != null) {
            main.add(new Mark.ErrorBars(x, errLo, errHi, LineStyle.solid(Colors.withAlpha(DATA, 0.7), 1.0), 3));
        }
        main.add(new Mark.Points(x, y, marker));

        List<Legend.Entry> entries = new ArrayList<>();
        entries.add(Legend.Entry.marker("data (n = " + n + ")" + (data.hasSigma() ? ", ±1σ" : ""), marker));
        entries.add(Legend.Entry.line(formula, solid));
        if (curveMin < xmin || curveMax > xmax) {
            entries.add(Legend.Entry.line("extrapolation", dashed));
        }
        if (band != null) {
            entries.add(Legend.Entry.patch(Math.round(band.level() * 100) + "% confidence band ("
                    + ("delta".equals(band.method()) ? "delta method" : band.method()) + ")", bandFill));
        }
        TextStyle legendStyle = TextStyle.sans(10.5, Colors.TEXT);
        Legend legend = new Legend(entries, Legend.Corner.UPPER_RIGHT, true, legendStyle);

        double width = options.width();
        double height = options.height();
        double top = options.title().isEmpty() ? 0 : 26;
        Figure.Builder fig = Figure.builder(width, height).title(options.title().isEmpty()
                ? law.name() + " fit of " + data.responseColumn() : options.title());
        if (!options.title().isEmpty()) {
            fig.text(Figure.Text.left(options.title(), 12, 10, TextStyle.sans(13, Colors.TEXT).bold()));
        }
        if (!options.residuals()) {
            Panel probe = main.legend(legend).build();
            Figure.Rect area = Layout.plotArea(probe, 0, top, width, height - top);
            Legend placed = new Legend(entries, bestCorner(probe, area, legend, x, y, grid, curve), true, legendStyle);
            Panel panel = main.legend(placed).build();
            fig.panel(panel, Layout.plotArea(panel, 0, top, width, height - top));
            return fig.build();
        }

        // Residual panel below, sharing the x axis; the main panel hides its x tick labels and title.
        double[] res = fit.residuals();
        double rmax = 0;
        for (double r : res) {
            rmax = Math.max(rmax, Math.abs(r));
        }
        rmax = rmax > 0 ? rmax * 1.25 : 1;
        Axis resY = Axis.linear(-rmax, rmax, Ticks.linear(-rmax, rmax, 5))
                .withTitle(fit.space().symbol("y") + " − " + fit.space().symbol("f"));
        Panel.Builder resBuilder = Panel.builder(xAxis, resY).theme(Theme.clean())
                .add(new Mark.Line(new double[] {axMin, axMax}, new double[] {0, 0}, LineStyle.dashed(new Color(0x777777), 1)))
                .add(new Mark.Points(x, res, MarkerStyle.circle(DATA, 4.5)));
        Panel resPanel = resBuilder.build();
        Panel mainProbe = main.x(xAxis.withoutTickLabels().withTitle("")).legend(legend).build();
        double left = Math.max(Layout.leftMargin(mainProbe), Layout.leftMargin(resPanel));
        double right = Math.max(Layout.rightMargin(resPanel), 10);
        double gap = 8;
        double bottom = Layout.bottomMargin(resPanel);
        double topMargin = top + Layout.topMargin(mainProbe);
        double avail = height - topMargin - bottom - gap;
        double mainH = Math.round(avail * 0.74);
        double resH = Math.round(avail - mainH);
        Figure.Rect mainArea = new Figure.Rect(Math.round(left), Math.round(topMargin), Math.round(width - left - right), mainH);
        Figure.Rect resArea = new Figure.Rect(Math.round(left), mainArea.bottom() + gap, mainArea.width(), resH);
        Legend placed = new Legend(entries, bestCorner(mainProbe, mainArea, legend, x, y, grid, curve), true, legendStyle);
        fig.panel(main.legend(placed).build(), mainArea);
        fig.panel(resPanel, resArea);
        return fig.build();
    }

    /** The legend text for the fitted curve: the formula with numbers, or the doubling time for a trend. */
    static String legendFormula(Fit fit) {
        if (fit.law() instanceof PlotHints hints) {
            var caption = hints.curveCaption(fit.values());
            if (caption.isPresent()) {
                return "fit: " + caption.get();
            }
        }
        return FormulaText.markup(fit.formulaWithValues());
    }

    private static boolean resolveLogX(Axes axes, Law law, double[] x, boolean dates) {
        boolean positive = min(x) > 0;
        return switch (axes) {
            case LOG_LOG, SEMILOG_X -> {
                if (!positive) {
                    throw new IllegalArgumentException("a log x axis needs x > 0, but the smallest x is " + min(x));
                }
                yield true;
            }
            case LINEAR, SEMILOG_Y -> false;
            case AUTO -> !dates && positive && law.requiresPositive(0);
        };
    }

    private static boolean resolveLogY(Axes axes, Fit fit, double[] y) {
        boolean positive = min(y) > 0;
        return switch (axes) {
            case LOG_LOG, SEMILOG_Y -> {
                if (!positive) {
                    throw new IllegalArgumentException("a log y axis needs y > 0, but the smallest y is " + min(y));
                }
                yield true;
            }
            case LINEAR, SEMILOG_X -> false;
            case AUTO -> positive && fit.space() == Space.LOG;
        };
    }

    private static Axis xAxis(Scale s, double min, double max, boolean dates, LogStyle style, String title) {
        Ticks t;
        if (dates) {
            t = Ticks.dates(min, max, 7);
        } else if (s == Scale.LOG) {
            t = Ticks.log(min, max, style, 8);
        } else {
            t = Ticks.linear(min, max, 7);
        }
        return new Axis(s, min, max, t, title, true);
    }

    private static Axis yAxis(Scale s, double min, double max, LogStyle style, String title) {
        Ticks t = s == Scale.LOG ? Ticks.log(min, max, style == LogStyle.E_NOTATION ? style : LogStyle.SUPERSCRIPT, 8)
                : Ticks.linear(min, max, 7);
        return new Axis(s, min, max, t, title, true);
    }

    /** A padded range covering the finite values, 5% of the span each side (in log units on a log axis). */
    private static double[] range(List<Double> values, Scale s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            double t = s.transform(v);
            if (Double.isFinite(t)) {
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
        }
        if (!(hi > lo)) {
            double c = Double.isFinite(lo) ? lo : 0;
            double half = s == Scale.LOG ? 0.5 : Math.max(1, Math.abs(c) * 0.1);
            lo = c - half;
            hi = c + half;
        }
        double pad = 0.06 * (hi - lo);
        return new double[] {s.inverse(lo - pad), s.inverse(hi + pad)};
    }

    /** The curve from a to b: the grid points strictly inside, plus the law evaluated at a and b exactly. */
    private static double[][] segment(Law law, double[] p, double[] grid, double a, double b) {
        if (!(b > a)) {
            return new double[][] {new double[0], new double[0]};
        }
        List<Double> xs = new ArrayList<>();
        xs.add(a);
        for (double g : grid) {
            if (g > a && g < b) {
                xs.add(g);
            }
        }
        xs.add(b);
        double[] ox = new double[xs.size()];
        double[] oy = new double[xs.size()];
        for (int i = 0; i < ox.length; i++) {
            ox[i] = xs.get(i);
            oy[i] = law.value(new double[] {ox[i]}, p);
        }
        return new double[][] {ox, oy};
    }

    /** The inside corner whose legend box covers the fewest points and curve samples. */
    static Legend.Corner bestCorner(Panel panel, Figure.Rect area, Legend legend, double[] x, double[] y, double[] cx,
                                    double[] cy) {
        double[] wh = Renderer.legendSize(legend);
        double inset = 0.6 * legend.style().size();
        Legend.Corner best = Legend.Corner.UPPER_RIGHT;
        double bestScore = Double.POSITIVE_INFINITY;
        for (Legend.Corner c : new Legend.Corner[] {Legend.Corner.UPPER_RIGHT, Legend.Corner.UPPER_LEFT,
            Legend.Corner.LOWER_LEFT, Legend.Corner.LOWER_RIGHT}) {
            double lx = c == Legend.Corner.UPPER_LEFT || c == Legend.Corner.LOWER_LEFT ? area.x() + inset
                    : area.right() - inset - wh[0];
            double ly = c == Legend.Corner.UPPER_LEFT || c == Legend.Corner.UPPER_RIGHT ? area.y() + inset
                    : area.bottom() - inset - wh[1];
            double score = 0;
            for (int i = 0; i < x.length; i++) {
                score += inside(panel, area, x[i], y[i], lx, ly, wh) ? 3 : 0;
            }
            for (int i = 0; i < cx.length; i += 2) {
                score += inside(panel, area, cx[i], cy[i], lx, ly, wh) ? 1 : 0;
            }
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static boolean inside(Panel panel, Figure.Rect area, double x, double y, double lx, double ly, double[] wh) {
        double px = Renderer.px(panel.x(), area, x);
        double py = Renderer.py(panel.y(), area, y);
        return px >= lx - 4 && px <= lx + wh[0] + 4 && py >= ly - 4 && py <= ly + wh[1] + 4;
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

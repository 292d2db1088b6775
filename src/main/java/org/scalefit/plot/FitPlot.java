package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.model.Law;
import org.scalefit.model.PlotHints;
import org.scalefit.model.Space;
import org.scalefit.plot.TickLabels.DurationScale;
import org.scalefit.plot.Ticks.LogStyle;
import org.scalefit.uncertainty.Bands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.DeltaMethodBand;
import org.scalefit.uncertainty.PointwiseBand;
import org.scalefit.uncertainty.Prediction;

/**
 * The picture of a single-predictor fit: the points (with error bars when the data carry sigmas or
 * intervals), the fitted curve over the data, its confidence band (delta method, or the bootstrap band
 * when a bootstrap was run — the legend says which), the formula with the fitted numbers, predictions
 * with their curve and new-point intervals, target levels with where and when the curve reaches them,
 * and optionally a residual panel below. The axes extend to every prediction and target; the curve is
 * dashed wherever it leaves the data, and is not extrapolated unless a plot range, a prediction or a
 * target asks for it.
 *
 * <p>Axes: log-log for laws fitted in log space with a positive predictor, semi-log for exponential and
 * doubling trends (with a date axis), linear otherwise; any can be forced. A log axis whose column
 * names a time unit ({@code p50_minutes}, {@code train_hours}) is labelled in human durations
 * ({@code 1 min / 1 hr / 1 day}).
 *
 * <pre>{@code
 * Figure f = FitPlot.of(fit, FitPlot.Options.defaults().withResiduals(true));
 * Figure g = FitPlot.of(fit, FitPlot.Options.defaults().withBootstrap(boot)
 *         .withPredictions(List.of(Bands.bootstrap(boot, 1e26))).withTargets(List.of(FitPlot.Target.of(fit, 2.0))));
 * FigureWriter.write(f, Path.of("fit.png"), 144);
 * }</pre>
 *
 * <p>Why one class of about 640 lines: the one figure of a fit whose parts share the resolved axes and
 * ranges, and half of it the immutable {@link Options} with one documented {@code with…} per feature; the
 * read-outs drawn on it (predictions, targets, data bars) are in {@code FitReadOuts}.
 */
public final class FitPlot {
    /** Colour of the data points. */
    static final Color DATA = new Color(0x1f77b4);
    /** Colour of the fitted curve and its band. */
    static final Color FIT = new Color(0xd1495b);

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
     * A level of y to reach, and where the fitted curve reaches it.
     *
     * <pre>{@code
     * FitPlot.Target t = FitPlot.Target.of(fit, 480);   // delta-method interval of the x reaching 480
     * }</pre>
     *
     * @param level   the level of y
     * @param reached the x at which the curve reaches it, with its interval; null when never reached
     */
    public record Target(double level, Estimate reached) {
        /**
         * @param fit   a fit of a single-predictor law
         * @param level a level of y
         * @return the target with the delta-method estimate of where the curve reaches it
         */
        public static Target of(Fit fit, double level) {
            return new Target(level, fit.solveForX(level).orElse(null));
        }
    }

    /**
     * Interval bars of the data, given per point (for example a published 95% interval).
     *
     * @param lower lower ends, one per point in the data's order (copied)
     * @param upper upper ends (copied)
     * @param label what the bars are, for the legend (e.g. {@code 95% interval})
     */
    public record Bars(double[] lower, double[] upper, String label) {
        /**
         * Copies and checks the arrays.
         *
         * @param lower lower ends, one per point (copied)
         * @param upper upper ends (copied)
         * @param label what the bars are
         * @throws IllegalArgumentException if the arrays differ in length
         * @throws NullPointerException if a required component is null
         */
        public Bars {
            lower = lower.clone();
            upper = upper.clone();
            Objects.requireNonNull(label, "label");
            if (lower.length != upper.length) {
                throw new IllegalArgumentException("bar ends differ in length: " + lower.length + " and " + upper.length);
            }
        }

        /** @return lower ends (a copy) */
        @Override
        public double[] lower() {
            return lower.clone();
        }

        /** @return upper ends (a copy) */
        @Override
        public double[] upper() {
            return upper.clone();
        }
    }

    /**
     * What to draw and how large. Immutable; every {@code with…} returns a changed copy.
     *
     * <pre>{@code
     * FitPlot.Options o = FitPlot.Options.defaults().withRange(1e18, 1e26).withSize(480, 360);
     * }</pre>
     */
    public static final class Options {
        private Axes axes = Axes.AUTO;
        private boolean residuals;
        private LogStyle logStyle = LogStyle.SUPERSCRIPT;
        private double width = 640;
        private double height = 440;
        private double extend;
        private double rangeMin = Double.NaN;
        private double rangeMax = Double.NaN;
        private PointwiseBand band;
        private BootstrapResult bootstrap;
        private boolean showBand = true;
        private String title = "";
        private List<Prediction> predictions = List.of();
        private List<Target> targets = List.of();
        private Bars bars;
        private boolean durations = true;
        private DurationUnit yUnit;

        private Options() {
        }

        private Options copy() {
            Options o = new Options();
            o.axes = axes;
            o.residuals = residuals;
            o.logStyle = logStyle;
            o.width = width;
            o.height = height;
            o.extend = extend;
            o.rangeMin = rangeMin;
            o.rangeMax = rangeMax;
            o.band = band;
            o.bootstrap = bootstrap;
            o.showBand = showBand;
            o.title = title;
            o.predictions = predictions;
            o.targets = targets;
            o.bars = bars;
            o.durations = durations;
            o.yUnit = yUnit;
            return o;
        }

        /**
         * @return automatic axes, no residual panel, 10ⁿ labels, 640 × 440 points, the curve over the data
         *         only, the delta-method band, duration labels from column names
         */
        public static Options defaults() {
            return new Options();
        }

        /** @return which axes are logarithmic */
        public Axes axes() {
            return axes;
        }

        /** @return whether a residual panel is added */
        public boolean residuals() {
            return residuals;
        }

        /** @return how decades are labelled */
        public LogStyle logStyle() {
            return logStyle;
        }

        /** @return figure width in points */
        public double width() {
            return width;
        }

        /** @return figure height in points */
        public double height() {
            return height;
        }

        /** @return how far the curve runs beyond the data, as a fraction of the data's span, each side */
        public double extend() {
            return extend;
        }

        /** @return the band drawn instead of the computed one, or null */
        public PointwiseBand band() {
            return band;
        }

        /** @return whether a band is drawn */
        public boolean showBand() {
            return showBand;
        }

        /** @return the title, or empty */
        public String title() {
            return title;
        }

        /**
         * @param a axes
         * @return these options with those axes
         */
        public Options withAxes(Axes a) {
            Options o = copy();
            o.axes = Objects.requireNonNull(a, "axes");
            return o;
        }

        /**
         * @param r whether to add a residual panel
         * @return these options with or without residuals
         */
        public Options withResiduals(boolean r) {
            Options o = copy();
            o.residuals = r;
            return o;
        }

        /**
         * @param s label style of decades
         * @return these options with that style
         */
        public Options withLogStyle(LogStyle s) {
            Options o = copy();
            o.logStyle = Objects.requireNonNull(s, "logStyle");
            return o;
        }

        /**
         * @param w width in points (≥ 120)
         * @param h height in points (≥ 100)
         * @return these options with that size
         * @throws IllegalArgumentException for a smaller size
         */
        public Options withSize(double w, double h) {
            if (!(w >= 120) || !(h >= 100)) {
                throw new IllegalArgumentException("plot size must be at least 120 × 100 points, got " + w + " × " + h);
            }
            Options o = copy();
            o.width = w;
            o.height = h;
            return o;
        }

        /**
         * @param b a band to draw (e.g. from a bootstrap at chosen x), or null for the computed band; the
         *          curve is drawn over the band's x range too when that is wider
         * @return these options with that band
         */
        public Options withBand(PointwiseBand b) {
            Options o = copy();
            o.band = b;
            return o;
        }

        /**
         * @param b a bootstrap of the fit: the band becomes its percentile band at the plot's x, or null
         *          for the delta-method band
         * @return these options
         */
        public Options withBootstrap(BootstrapResult b) {
            Options o = copy();
            o.bootstrap = b;
            return o;
        }

        /**
         * @param show whether to draw a band
         * @return these options
         */
        public Options withShowBand(boolean show) {
            Options o = copy();
            o.showBand = show;
            return o;
        }

        /**
         * @param e fraction of the data's span (in log units on a log axis) to extend the curve by, each
         *          side, 0 to 5
         * @return these options
         * @throws IllegalArgumentException outside 0 … 5
         */
        public Options withExtend(double e) {
            if (!(e >= 0) || e > 5) {
                throw new IllegalArgumentException("extension must be between 0 and 5, got " + e);
            }
            Options o = copy();
            o.extend = e;
            return o;
        }

        /**
         * @param min first x of the curve and the axis (NaN: from the data)
         * @param max last x (NaN: from the data)
         * @return these options: the curve is drawn over [min, max] (dashed beyond the data) and the x axis
         *         covers it
         * @throws IllegalArgumentException when both are given and max ≤ min
         */
        public Options withRange(double min, double max) {
            if (Double.isFinite(min) && Double.isFinite(max) && !(max > min)) {
                throw new IllegalArgumentException("plot range must have max > min, got " + min + " … " + max);
            }
            Options o = copy();
            o.rangeMin = min;
            o.rangeMax = max;
            return o;
        }

        /**
         * @param t a title
         * @return these options with that title
         */
        public Options withTitle(String t) {
            Options o = copy();
            o.title = Objects.requireNonNull(t, "title");
            return o;
        }

        /**
         * @param p predictions to draw, each with its curve and new-point intervals (delta or bootstrap)
         * @return these options
         */
        public Options withPredictions(List<Prediction> p) {
            Options o = copy();
            o.predictions = List.copyOf(p);
            return o;
        }

        /**
         * @param t levels of y to draw, with where the curve reaches them
         * @return these options
         */
        public Options withTargets(List<Target> t) {
            Options o = copy();
            o.targets = List.copyOf(t);
            return o;
        }

        /**
         * @param b interval bars of the data, or null (sigmas given with the data are drawn as ±1σ bars
         *          when no other bars are)
         * @return these options
         */
        public Options withBars(Bars b) {
            Options o = copy();
            o.bars = b;
            return o;
        }

        /**
         * @param unit the unit of y for duration labels (null: read it from the column name)
         * @return these options
         */
        public Options withYUnit(DurationUnit unit) {
            Options o = copy();
            o.yUnit = unit;
            return o;
        }

        /**
         * @param on whether log axes of time quantities are labelled in human durations (default true)
         * @return these options
         */
        public Options withDurations(boolean on) {
            Options o = copy();
            o.durations = on;
            return o;
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
     * @throws IllegalArgumentException if the law has more than one predictor, log axes were asked for
     *                                  data that are not all positive, or the bars do not match the data
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
        boolean logX = resolveLogX(options.axes, law, x, dates);
        boolean logY = resolveLogY(options.axes, fit, y);
        AxisStyle xStyle = xStyle(dates, logX, options, data.predictorColumn(0));
        AxisStyle yStyle = yStyle(logY, options, data.responseColumn());
        Scale sx = xStyle.scale();
        Scale sy = yStyle.scale();
        double[] p = fit.values();

        // The curve's x range: the data, widened by the extension, the plot range, the predictions and the
        // targets' crossings (the dashed curve must reach every point it explains).
        double xmin = min(x);
        double xmax = max(x);
        double span = sx.transform(xmax) - sx.transform(xmin);
        double ext = options.extend * (span > 0 ? span : (logX ? 1 : Math.max(1, Math.abs(sx.transform(xmin)))));
        Extent curveX = new Extent(sx).add(sx.inverse(sx.transform(xmin) - ext)).add(sx.inverse(sx.transform(xmax) + ext));
        curveX.add(options.rangeMin).add(options.rangeMax);
        for (Prediction pr : options.predictions) {
            curveX.add(pr.x());
        }
        for (Target t : options.targets) {
            if (t.reached() != null) {
                curveX.add(t.reached().value());
            }
        }
        if (options.showBand && options.band != null && options.band.size() > 0) {
            double[] bx = options.band.x();
            curveX.add(bx[0]).add(bx[bx.length - 1]);
        }
        double curveMin = Double.isFinite(options.rangeMin) ? options.rangeMin : curveX.min();
        double curveMax = Double.isFinite(options.rangeMax) ? options.rangeMax : curveX.max();
        double[] grid = Curves.grid(sx, curveMin, curveMax, Curves.SAMPLES);
        PointwiseBand band = !options.showBand ? null : options.band != null ? options.band
                : options.bootstrap != null ? Bands.bootstrapBand(options.bootstrap, grid) : DeltaMethodBand.of(fit, grid);

        double[][] bars = FitReadOuts.bars(fit, options.bars, y);

        // Axis ranges: the curve's range and everything drawn, padded a little.
        Extent xs = new Extent(sx).add(curveMin).add(curveMax).add(x);
        for (Target t : options.targets) {
            if (t.reached() != null) {
                xs.add(t.reached().lower()).add(t.reached().upper());
            }
        }
        double[] xr = xs.padded(0.03);
        if (Double.isFinite(options.rangeMin)) {
            xr[0] = options.rangeMin;
        }
        if (Double.isFinite(options.rangeMax)) {
            xr[1] = options.rangeMax;
        }
        Extent ys = new Extent(sy).add(y);
        if (bars != null) {
            ys.add(bars[0]).add(bars[1]);
        }
        for (double g : grid) {
            ys.add(law.value(new double[] {g}, p));
        }
        double dataSpan = Math.max(sy.transform(max(y)) - sy.transform(min(y)), 1e-12);
        if (band != null) {
            // The band widens fast outside the data; include it only where it is not exploding.
            double[] lo = band.lower();
            double[] hi = band.upper();
            for (int i = 0; i < lo.length; i++) {
                if (sy.transform(hi[i]) - sy.transform(lo[i]) < 0.6 * dataSpan) {
                    ys.add(lo[i]).add(hi[i]);
                }
            }
        }
        for (Prediction pr : options.predictions) {
            ys.add(pr.value()).add(pr.confidence().lower()).add(pr.confidence().upper());
            if (sy.transform(pr.prediction().upper()) - sy.transform(pr.prediction().lower()) < 1.5 * dataSpan) {
                ys.add(pr.prediction().lower()).add(pr.prediction().upper());
            }
        }
        for (Target t : options.targets) {
            ys.add(t.level());
        }
        double[] yr = ys.padded(0.06);
        Axis xAxis = xStyle.axis(xr[0], xr[1], data.predictorColumn(0));
        Axis yAxis = yStyle.axis(yr[0], yr[1], data.responseColumn());

        LineStyle solid = LineStyle.solid(FIT, 1.8);
        MarkerStyle marker = MarkerStyle.circle(DATA, 5.5).withEdge(Color.WHITE, 0.6);
        Color bandFill = Colors.withAlpha(FIT, 0.16);
        Panel.Builder main = Panel.builder(xAxis, yAxis).theme(Theme.clean());
        if (band != null) {
            main.add(new Mark.Band(band.x(), band.lower(), band.upper(), bandFill));
        }
        List<Mark.Line> curve = Curves.solidOverData(v -> law.value(new double[] {v}, p), sx, curveMin, curveMax,
                xmin, xmax, solid);
        main.addAll(curve);
        List<Legend.Entry> entries = new ArrayList<>();
        String barsLabel = "";
        if (bars != null) {
            main.add(new Mark.ErrorBars(x, bars[0], bars[1], LineStyle.solid(Colors.withAlpha(DATA, 0.7), 1.0), 3));
            barsLabel = ", " + (options.bars != null ? options.bars.label() : "±1σ");
        }
        main.add(new Mark.Points(x, y, marker));
        entries.add(Legend.Entry.marker("data (n = " + n + ")" + barsLabel, marker));
        entries.add(Legend.Entry.line(legendFormula(fit), solid));
        if (curve.size() > 1) {
            entries.add(Legend.Entry.line("extrapolation", solid.withDash(LineStyle.Dash.DASHED)));
        }
        if (band != null) {
            entries.add(Legend.Entry.patch(bandLabel(band, options), bandFill));
        }
        List<LabelPlacer.Label> labels = new ArrayList<>();
        FitReadOuts.addTargets(main, entries, labels, options.targets, xStyle, yStyle, xAxis);
        FitReadOuts.addPredictions(main, entries, labels, options.predictions, xStyle, yStyle);

        double width = options.width;
        double height = options.height;
        String name = options.title.isEmpty() ? law.name() + " fit of " + data.responseColumn() : options.title;
        if (!options.residuals) {
            Panel probe = main.build();
            Figure.Rect area = Layout.plotArea(probe, 0, Figures.headerHeight(options.title, ""), width,
                    height - Figures.headerHeight(options.title, ""));
            Panel labelled = probe.toBuilder().addAll(LabelPlacer.place(probe, area, labels)).build();
            return Figures.single(name, options.title, "", labelled, entries, width, height);
        }
        return withResiduals(fit, options, main, entries, labels, xAxis, x, name);
    }

    /** The main panel above a residual panel sharing its x axis. */
    private static Figure withResiduals(Fit fit, Options options, Panel.Builder main, List<Legend.Entry> entries,
                                        List<LabelPlacer.Label> labels, Axis xAxis, double[] x, String name) {
        double width = options.width;
        double height = options.height;
        double top = Figures.headerHeight(options.title, "");
        Figure.Builder fig = Figure.builder(width, height).title(name);
        Figures.addHeader(fig, options.title, "");
        double[] res = fit.residuals();
        double rmax = 0;
        for (double r : res) {
            rmax = Math.max(rmax, Math.abs(r));
        }
        rmax = rmax > 0 ? rmax * 1.25 : 1;
        Axis resY = Axis.linear(-rmax, rmax, Ticks.linear(-rmax, rmax, 5))
                .withTitle(fit.space().symbol("y") + " − " + fit.space().symbol("f"));
        Panel resPanel = Panel.builder(xAxis, resY).theme(Theme.clean())
                .add(new Mark.Line(new double[] {xAxis.min(), xAxis.max()}, new double[] {0, 0},
                        LineStyle.dashed(new Color(0x777777), 1)))
                .add(new Mark.Points(x, res, MarkerStyle.circle(DATA, 4.5)))
                .build();
        Panel mainProbe = main.x(xAxis.withoutTickLabels().withTitle("")).build();
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
        Panel labelled = mainProbe.toBuilder().addAll(LabelPlacer.place(mainProbe, mainArea, labels)).build();
        Panel withLegend = Figures.withLegend(labelled, mainArea, entries);
        if (withLegend.legend().isPresent() && withLegend.legend().get().corner() == Legend.Corner.OUTSIDE_RIGHT) {
            // No room to the right of a stacked pair: keep the legend inside, in its least-covering corner.
            Legend l = withLegend.legend().get();
            Panel probe = labelled.toBuilder().legend(l).build();
            withLegend = labelled.toBuilder().legend(new Legend(l.entries(), Layout.bestLegendCorner(probe, mainArea,
                    Legend.Corner.UPPER_RIGHT, Legend.Corner.UPPER_LEFT, Legend.Corner.LOWER_LEFT,
                    Legend.Corner.LOWER_RIGHT), true, l.style())).build();
        }
        fig.panel(withLegend, mainArea);
        fig.panel(resPanel, resArea);
        return fig.build();
    }

    private static String bandLabel(PointwiseBand band, Options options) {
        String method = band.method();
        String what;
        if ("delta".equals(method)) {
            what = "delta method";
        } else if (options.band == null && options.bootstrap != null) {
            what = "bootstrap, " + options.bootstrap.succeeded() + " replicates";
        } else {
            what = method;
        }
        return TickLabels.decimal(100 * band.level()) + "% confidence band (" + what + ")";
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

    private static AxisStyle xStyle(boolean dates, boolean logX, Options options, String column) {
        return dates ? AxisStyle.dates()
                : AxisStyle.ofColumn(column, logX ? Scale.LOG : Scale.LINEAR, options.logStyle, options.durations);
    }

    private static AxisStyle yStyle(boolean logY, Options options, String column) {
        if (logY && options.yUnit != null) {
            return AxisStyle.durations(options.yUnit, DurationScale.CALENDAR);
        }
        return AxisStyle.ofColumn(column, logY ? Scale.LOG : Scale.LINEAR,
                options.logStyle == LogStyle.E_NOTATION ? LogStyle.E_NOTATION : LogStyle.SUPERSCRIPT, options.durations);
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

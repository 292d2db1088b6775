package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.compare.Candidate;
import org.scalefit.compare.Comparison;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.model.Law;
import org.scalefit.model.Space;
import org.scalefit.plot.Ticks.LogStyle;

/**
 * The picture of a model comparison: the data, and every ranked law's fitted curve over them in its rank
 * colour (the winner thickest), solid over the data and dashed where the curves run on beyond the largest
 * x — which is where the laws disagree and where the choice matters. The legend gives each law's rank,
 * Δ of the criterion and its weight; the points held out by the extrapolation backtest are shaded.
 *
 * <pre>{@code
 * Comparison c = ModelComparison.run(laws, data, ComparisonOptions.defaults());
 * Figure f = ComparePlot.of(c, data, ComparePlot.Options.defaults());
 * FigureWriter.write(f, Path.of("compare.png"));
 * }</pre>
 */
public final class ComparePlot {
    /** Colour of the data points. */
    private static final Color DATA = new Color(0x333333);
    /** Most laws drawn (the rest are in the table). */
    private static final int MAX_LAWS = 8;

    private ComparePlot() {
    }

    /**
     * Size, labels and how far the curves run on.
     *
     * @param width    figure width in points
     * @param height   figure height in points
     * @param logStyle how decades are labelled
     * @param beyond   how far the curves run beyond the largest x, as a fraction of the data's span (on the
     *                 x scale), 0 to 2
     */
    public record Options(double width, double height, LogStyle logStyle, double beyond) {
        /**
         * Checks the arguments.
         *
         * @param width    figure width in points (≥ 200)
         * @param height   figure height in points (≥ 150)
         * @param logStyle how decades are labelled
         * @param beyond   fraction of the span beyond the data, 0 to 2
         * @throws IllegalArgumentException if a component is outside its domain
         */
        public Options {
            java.util.Objects.requireNonNull(logStyle, "logStyle");
            if (!(width >= 200) || !(height >= 150) || !(beyond >= 0) || beyond > 2) {
                throw new IllegalArgumentException("compare plot needs a size of at least 200 × 150 and 0 ≤ beyond ≤ 2");
            }
        }

        /** @return 680 × 460 points, 10ⁿ labels, curves running on by a quarter of the data's span */
        public static Options defaults() {
            return new Options(680, 460, LogStyle.SUPERSCRIPT, 0.25);
        }

        /**
         * @param w width
         * @param h height
         * @return these options with that size
         */
        public Options withSize(double w, double h) {
            return new Options(w, h, logStyle, beyond);
        }

        /**
         * @param s decade labels
         * @return these options with that style
         */
        public Options withLogStyle(LogStyle s) {
            return new Options(width, height, s, beyond);
        }
    }

    /**
     * @param c       the comparison
     * @param data    the data every law was fitted to (one predictor)
     * @param options size and labels
     * @return the chart
     * @throws IllegalArgumentException if the data have more than one predictor or no law was fitted
     */
    public static Figure of(Comparison c, Observations data, Options options) {
        if (data.predictorCount() != 1) {
            throw new IllegalArgumentException("a comparison plot needs one predictor; the data have " + data.predictorCount());
        }
        if (c.ranking().isEmpty()) {
            throw new IllegalArgumentException("no law was fitted, so there is nothing to draw");
        }
        double[] x = data.xValues(0);
        double[] y = data.yValues();
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            xmin = Math.min(xmin, x[i]);
            xmax = Math.max(xmax, x[i]);
            ymin = Math.min(ymin, y[i]);
        }
        boolean logX = xmin > 0;
        boolean logY = ymin > 0 && c.space() == Space.LOG;
        AxisStyle xs = AxisStyle.ofColumn(data.predictorColumn(0), logX ? Scale.LOG : Scale.LINEAR, options.logStyle(), true);
        AxisStyle ys = AxisStyle.ofColumn(data.responseColumn(), logY ? Scale.LOG : Scale.LINEAR, options.logStyle(), true);
        Scale sx = xs.scale();
        double span = sx.transform(xmax) - sx.transform(xmin);
        double to = sx.inverse(sx.transform(xmax) + options.beyond() * (span > 0 ? span : 1));

        List<Candidate> drawn = c.ranking().subList(0, Math.min(MAX_LAWS, c.ranking().size()));
        List<List<Mark.Line>> curves = new ArrayList<>();
        Extent xe = new Extent(sx).add(xmin).add(to);
        Extent ye = new Extent(ys.scale()).add(y);
        double dataSpan = ys.scale().transform(max(y)) - ys.scale().transform(ymin);
        for (int k = 0; k < drawn.size(); k++) {
            Fit f = drawn.get(k).fit().orElseThrow();
            Law law = f.law();
            double[] p = f.values();
            LineStyle style = LineStyle.solid(Colors.series(k), preferred(c, drawn.get(k)) ? 2.6 : 1.6);
            List<Mark.Line> lines = Curves.solidOverData(v -> law.value(new double[] {v}, p), sx, xmin, to, xmin, xmax, style);
            curves.add(lines);
            for (Mark.Line l : lines) {
                for (double v : l.y()) {
                    // A curve running away beyond the data must not squash the data into a corner.
                    if (ys.scale().transform(v) > ys.scale().transform(ymin) - 0.6 * Math.max(dataSpan, 1e-9)
                            && ys.scale().transform(v) < ys.scale().transform(max(y)) + 0.6 * Math.max(dataSpan, 1e-9)) {
                        ye.add(v);
                    }
                }
            }
        }
        double[] xr = xe.padded(0.03);
        double[] yr = ye.padded(0.06);
        Axis xAxis = xs.axis(xr[0], xr[1], data.predictorColumn(0));
        Axis yAxis = ys.axis(yr[0], yr[1], data.responseColumn());
        Panel.Builder b = Panel.builder(xAxis, yAxis).theme(Theme.clean());
        List<Legend.Entry> entries = new ArrayList<>();

        int holdout = c.holdout();
        if (holdout > 0 && holdout < x.length) {
            double[] sorted = x.clone();
            java.util.Arrays.sort(sorted);
            double lo = sorted[sorted.length - holdout];
            double before = sorted[sorted.length - holdout - 1];
            double edge = sx.inverse((sx.transform(lo) + sx.transform(before)) / 2);
            Color shade = new Color(0xe9e9e9);
            b.add(new Mark.Band(new double[] {edge, xmax}, new double[] {yAxis.min(), yAxis.min()},
                    new double[] {yAxis.max(), yAxis.max()}, shade));
            entries.add(Legend.Entry.patch("backtest: the " + holdout + " largest x held out", shade));
        }
        // The runners-up first, the preferred law last: it is painted on top.
        for (int k = drawn.size() - 1; k >= 0; k--) {
            if (!preferred(c, drawn.get(k))) {
                b.addAll(curves.get(k));
            }
        }
        for (int k = 0; k < drawn.size(); k++) {
            if (preferred(c, drawn.get(k))) {
                b.addAll(curves.get(k));
            }
        }
        MarkerStyle marker = MarkerStyle.circle(DATA, 5).withEdge(Color.WHITE, 0.6);
        b.add(new Mark.Points(x, y, marker));
        entries.add(0, Legend.Entry.marker("data (n = " + x.length + ")", marker));
        String crit = c.criterion().label();
        for (int k = 0; k < drawn.size(); k++) {
            Candidate cand = drawn.get(k);
            boolean chosen = preferred(c, cand);
            entries.add(Legend.Entry.line(String.format(Locale.ROOT, "%d. %s   Δ%s %.2f, weight %.2f%s", cand.rank(), cand.law(),
                    crit, cand.delta(), cand.weight(), chosen && cand.rank() != 1 ? " (preferred)" : ""),
                    LineStyle.solid(Colors.series(k), chosen ? 2.6 : 1.6)));
        }
        entries.add(Legend.Entry.line("beyond the data", LineStyle.dashed(new Color(0x777777), 1.4)));
        // The verdict may prefer a simpler law that is not first by the criterion (a special case of every law
        // within the threshold): say so, so that the title does not contradict the ranking in the legend.
        boolean firstIsBest = !drawn.isEmpty() && preferred(c, drawn.get(0));
        String subtitle = c.best().map(w -> firstIsBest ? "best by " + crit + ": " + w
                        : "preferred: " + w + ", a special case of every law that fits about as well by " + crit)
                .orElse("best by " + crit + ": cannot tell")
                + " · all laws fitted in " + c.space() + " space";
        return Figures.single("model comparison of " + data.responseColumn(), "Which law? " + data.responseColumn()
                + " against " + data.predictorColumn(0), subtitle, b.build(), entries, options.width(), options.height());
    }

    /** @return true when the comparison's verdict names this law (thick line, painted last) */
    private static boolean preferred(Comparison c, Candidate cand) {
        return c.best().map(cand.law()::equals).orElse(false);
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}

package org.scalefit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.scalefit.data.Dates;
import org.scalefit.horizon.HorizonPoint;
import org.scalefit.horizon.Projection;
import org.scalefit.horizon.TrendComparison;
import org.scalefit.horizon.TrendCurve;
import org.scalefit.horizon.TrendFit;
import org.scalefit.horizon.TrendKind;
import org.scalefit.plot.TickLabels.DurationScale;
import org.scalefit.plot.charts.HorizonChart;
import org.scalefit.stats.Interval;

/**
 * METR's chart for any dated series: turns a {@link TrendFit} (and, for a projection, the dates its
 * milestones are reached) into {@link HorizonChart}'s picture — the models with their intervals, the
 * exponential trend with its band (solid over the fitted models, dashed beyond), the other fitted trend
 * shapes as thin lines labelled with their ΔAICc, milestone lines on the same hours scale as the axis,
 * and a note with the doubling time, its interval and R².
 *
 * <p>The default view is the data's (METR's own view): the date range of the models plus a little, the
 * y range of their values and intervals. A projection widens both to its milestones and end date.
 *
 * <pre>{@code
 * TrendFit trend = Trends.fit(points, TrendOptions.defaults().withFrontier(true));
 * Figure f = TrendPlot.of(trend, TrendPlot.Options.defaults());
 * Figure g = TrendPlot.of(trend, TrendPlot.Options.defaults().withProjection(Projection.of(trend,
 *         Milestone.parseList("8h,40h,167h"), new double[0]), Dates.toEpochDay("2032-01-01")));
 * }</pre>
 */
public final class TrendPlot {
    private static final int GRID = 300;
    /** Models labelled by name when there are at most this many; beyond it, only record-setting ones. */
    private static final int LABEL_ALL = 10;

    private TrendPlot() {
    }

    /**
     * What to draw. Immutable; every {@code with…} returns a changed copy.
     *
     * <pre>{@code
     * TrendPlot.Options o = TrendPlot.Options.defaults().withRange(from, to, 0.5 / 60, 8 * 60).withTitle("…");
     * }</pre>
     */
    public static final class Options {
        private double from = Double.NaN;
        private double to = Double.NaN;
        private double minY = Double.NaN;
        private double maxY = Double.NaN;
        private Projection projection;
        private double projectUntil = Double.NaN;
        private Map<String, String> labels;
        private String title;
        private String subtitle;
        private String source = "";
        private DurationUnit unit = DurationUnit.MINUTES;
        private String quantity = "Task length";
        private boolean alternatives = true;
        private double width = 760;
        private double height = 470;

        private Options() {
        }

        private Options copy() {
            Options o = new Options();
            o.from = from;
            o.to = to;
            o.minY = minY;
            o.maxY = maxY;
            o.projection = projection;
            o.projectUntil = projectUntil;
            o.labels = labels;
            o.title = title;
            o.subtitle = subtitle;
            o.source = source;
            o.unit = unit;
            o.quantity = quantity;
            o.alternatives = alternatives;
            o.width = width;
            o.height = height;
            return o;
        }

        /** @return the data's view of task lengths in minutes, 760 × 470 points, other shapes drawn */
        public static Options defaults() {
            return new Options();
        }

        /**
         * @param fromDay left end of the date axis (NaN: automatic)
         * @param toDay   right end (NaN: automatic)
         * @param minY    bottom of the y axis (NaN: automatic)
         * @param maxY    top (NaN: automatic)
         * @return these options
         */
        public Options withRange(double fromDay, double toDay, double minY, double maxY) {
            Options o = copy();
            o.from = fromDay;
            o.to = toDay;
            o.minY = minY;
            o.maxY = maxY;
            return o;
        }

        /**
         * @param p     the milestone dates to draw (null for none)
         * @param until the date the projection runs to (NaN: a year after the last milestone reached)
         * @return these options
         */
        public Options withProjection(Projection p, double until) {
            Options o = copy();
            o.projection = p;
            o.projectUntil = until;
            return o;
        }

        /**
         * @param byModel the label of each model by name (models not in the map are unlabelled); null to
         *                label them by name
         * @return these options
         */
        public Options withLabels(Map<String, String> byModel) {
            Options o = copy();
            o.labels = byModel == null ? null : Map.copyOf(byModel);
            return o;
        }

        /**
         * @param t the title (null: "{quantity} doubling every N months")
         * @return these options
         */
        public Options withTitle(String t) {
            Options o = copy();
            o.title = t;
            return o;
        }

        /**
         * @param s the line under the title (null: none for task lengths' default, the y column otherwise)
         * @return these options
         */
        public Options withSubtitle(String s) {
            Options o = copy();
            o.subtitle = s;
            return o;
        }

        /**
         * @param s the footer naming the data
         * @return these options
         */
        public Options withSource(String s) {
            Options o = copy();
            o.source = Objects.requireNonNull(s, "source");
            return o;
        }

        /**
         * @param u        the unit of the values for duration labels, or null for a plain log axis (a
         *                 quantity that is not a time, such as training compute)
         * @param quantity what the values are, for the title (e.g. {@code Task length}, {@code Training compute})
         * @return these options
         */
        public Options withQuantity(DurationUnit u, String quantity) {
            Options o = copy();
            o.unit = u;
            o.quantity = Objects.requireNonNull(quantity, "quantity");
            return o;
        }

        /**
         * @param show whether the piecewise and superexponential trends are drawn too (when fitted)
         * @return these options
         */
        public Options withAlternatives(boolean show) {
            Options o = copy();
            o.alternatives = show;
            return o;
        }

        /**
         * @param w width in points (≥ 300)
         * @param h height in points (≥ 220)
         * @return these options
         * @throws IllegalArgumentException for a smaller size
         */
        public Options withSize(double w, double h) {
            if (!(w >= 300) || !(h >= 220)) {
                throw new IllegalArgumentException("trend plot size must be at least 300 × 220 points, got " + w + " × " + h);
            }
            Options o = copy();
            o.width = w;
            o.height = h;
            return o;
        }
    }

    /**
     * @param fit     a fitted trend
     * @param options what to draw
     * @return the chart
     */
    public static Figure of(TrendFit fit, Options options) {
        List<HorizonPoint> used = fit.used();
        double first = used.get(0).date();
        double last = used.get(used.size() - 1).date();
        TrendCurve exp = fit.exponential();

        List<HorizonChart.Milestone> milestones = new ArrayList<>();
        double lastMilestoneDay = Double.NEGATIVE_INFINITY;
        double topMilestone = Double.NEGATIVE_INFINITY;
        if (options.projection != null) {
            for (Projection.MilestoneDate m : options.projection.milestones(TrendKind.EXPONENTIAL)) {
                Interval ci = m.interval();
                milestones.add(new HorizonChart.Milestone(milestoneName(m.milestone().label(), m.milestone().minutes(),
                        options.unit), m.milestone().minutes(), m.date(), ci.lower(), ci.upper()));
                if (Double.isFinite(m.date())) {
                    lastMilestoneDay = Math.max(lastMilestoneDay, m.date());
                }
                topMilestone = Math.max(topMilestone, m.milestone().minutes());
            }
        }

        // The date axis: the data (METR's view) or, for a projection, on to its end.
        double span = Math.max(last - first, 365);
        double from = Double.isFinite(options.from) ? options.from : first - 0.06 * span;
        double to;
        if (Double.isFinite(options.to)) {
            to = options.to;
        } else if (options.projection != null) {
            double end = Double.isFinite(lastMilestoneDay) ? lastMilestoneDay + 365 : last + span;
            to = Double.isFinite(options.projectUntil) ? Math.min(options.projectUntil, Math.max(end, last + 365)) : end;
        } else {
            to = last + 0.1 * span;
        }

        double[] days = Curves.grid(Scale.LINEAR, from, to, GRID);
        double[] values = new double[GRID];
        double[] lower = new double[GRID];
        double[] upper = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            values[i] = exp.horizonAt(days[i]);
            Interval band = fit.band(TrendKind.EXPONENTIAL, days[i]);
            lower[i] = band.lower();
            upper[i] = band.upper();
        }

        Extent ys = new Extent(Scale.LOG);
        for (HorizonPoint p : used) {
            ys.add(p.minutes());
            if (p.hasInterval()) {
                // A bar reaching far below its point (GPT-2's) runs off the axis, as in METR's chart.
                ys.add(Math.max(p.lower(), p.minutes() / 16)).add(p.upper());
            }
        }
        ys.add(exp.horizonAt(from)).add(exp.horizonAt(to));
        if (options.projection != null) {
            ys.add(topMilestone);
        }
        double[] yr = ys.padded(0.05);
        double minY = Double.isFinite(options.minY) ? options.minY : yr[0];
        double maxY = Double.isFinite(options.maxY) ? options.maxY : yr[1];

        List<HorizonChart.Alternative> alternatives = new ArrayList<>();
        if (options.alternatives) {
            for (TrendKind k : List.of(TrendKind.PIECEWISE, TrendKind.SUPEREXPONENTIAL)) {
                if (fit.curve(k).isEmpty()) {
                    continue;
                }
                TrendCurve c = fit.curve(k).get();
                double[] v = new double[GRID];
                for (int i = 0; i < GRID; i++) {
                    double h = c.horizonAt(days[i]);
                    v[i] = Double.isFinite(h) && h > 0 ? h : Double.NaN;
                }
                alternatives.add(new HorizonChart.Alternative(k.label() + deltaAicc(fit, k), days, v));
            }
        }

        List<HorizonChart.Model> models = new ArrayList<>();
        List<String> labelled = labelled(used, options.labels);
        for (HorizonPoint p : used) {
            String label = options.labels != null ? options.labels.getOrDefault(p.model(), "")
                    : labelled.contains(p.model()) ? p.model() : "";
            models.add(new HorizonChart.Model(p.model(), label, p.date(), p.minutes(),
                    p.hasInterval() ? p.lower() : Double.NaN, p.hasInterval() ? p.upper() : Double.NaN));
        }

        double dtDays = fit.doublingTimeDays();
        Interval dt = fit.doublingTimeInterval();
        String note = String.format(Locale.ROOT, "Doubling time: %.0f days%s\n%s+ data, %d %s\nR²: %.2f", dtDays,
                Double.isFinite(dt.lower()) && Double.isFinite(dt.upper())
                        ? String.format(Locale.ROOT, " (95%% CI %.0f–%.0f)", dt.lower(), dt.upper()) : "",
                Dates.format(first), used.size(), fit.options().frontier() ? "frontier models" : "models", fit.r2());
        double months = dtDays / Dates.DAYS_PER_MONTH;
        String title = options.title != null ? options.title
                : options.quantity + " is doubling every " + HorizonChart.months(months) + " months";
        String subtitle = options.subtitle != null ? options.subtitle
                : options.unit != null && options.quantity.equals("Task length") ? "Task length (at 50% success rate)" : "";
        AxisStyle yStyle = options.unit != null ? AxisStyle.durations(options.unit, DurationScale.HOURS)
                : AxisStyle.log(Ticks.LogStyle.SUPERSCRIPT);
        HorizonChart.Input input = new HorizonChart.Input(models, new HorizonChart.Trend(days, values, lower, upper,
                first, last), alternatives, milestones,
                String.format(Locale.ROOT, "exponential, doubling every %.0f days", dtDays), note, title, subtitle, options.source, yStyle, from, to, minY, maxY,
                options.width, options.height);
        return HorizonChart.draw(input);
    }

    /**
     * "1 work day (8 hrs)" for METR's named milestones, "40 hrs" for others, in the axis's hours (the horizon
     * package keeps values in minutes).
     */
    static String milestoneName(String label, double minutes, DurationUnit unit) {
        String length = unit != null ? TickLabels.duration(minutes, TickLabels.DurationStyle.LONG, DurationScale.HOURS)
                : org.scalefit.Numbers.format(minutes, 6);
        int open = label.indexOf("(work-");
        if (open >= 0 && label.endsWith(")")) {
            return "1 work " + label.substring(open + 6, label.length() - 1) + " (" + length + ")";
        }
        return length;
    }

    private static String deltaAicc(TrendFit fit, TrendKind k) {
        for (TrendComparison c : fit.comparison()) {
            if (c.kind() == k && Double.isFinite(c.deltaAicc())) {
                return String.format(Locale.ROOT, " (ΔAICc %.1f)", c.deltaAicc());
            }
        }
        return "";
    }

    /** All models when few; else the first, the last and those that set a new record, at most {@link #LABEL_ALL}. */
    private static List<String> labelled(List<HorizonPoint> used, Map<String, String> explicit) {
        List<String> out = new ArrayList<>();
        if (explicit != null) {
            return out;
        }
        if (used.size() <= LABEL_ALL) {
            used.forEach(p -> out.add(p.model()));
            return out;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (HorizonPoint p : used) {
            if (p.minutes() > best) {
                best = p.minutes();
                out.add(p.model());
            }
        }
        String lastModel = used.get(used.size() - 1).model();
        if (!out.contains(lastModel)) {
            out.add(lastModel);
        }
        while (out.size() > LABEL_ALL) {
            out.remove(out.size() / 2);
        }
        return out;
    }
}

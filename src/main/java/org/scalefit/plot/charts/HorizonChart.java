package org.scalefit.plot.charts;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.plot.Axis;
import org.scalefit.plot.AxisStyle;
import org.scalefit.plot.Colors;
import org.scalefit.plot.Curves;
import org.scalefit.plot.Figure;
import org.scalefit.plot.HAlign;
import org.scalefit.plot.LabelPlacer;
import org.scalefit.plot.Legend;
import org.scalefit.plot.Layout;
import org.scalefit.plot.LineStyle;
import org.scalefit.plot.Mark;
import org.scalefit.plot.MarkerStyle;
import org.scalefit.plot.Panel;
import org.scalefit.plot.Scale;
import org.scalefit.plot.TextMetrics;
import org.scalefit.plot.TextStyle;
import org.scalefit.plot.Theme;
import org.scalefit.plot.Ticks;
import org.scalefit.plot.VAlign;

/**
 * METR's headline chart (Kwa et al. 2025), for METR's data or any dated series: the value of each model
 * (a 50% task horizon, or any quantity that grows exponentially) against its release date on a log axis,
 * one large pink marker per model with its grey interval bar and a direct label placed clear of every
 * bar, the exponential trend solid between the first and last model and dashed beyond, its pale band,
 * other trend shapes as thin lines, the doubling time and R² in a corner note, and — for projections —
 * horizontal milestone lines with the dates the trend reaches them.
 *
 * <p>A task-length axis speaks one unit above an hour: hours ({@code 1 hr, 4 hrs, 16 hrs, 64 hrs}), the
 * unit of METR's working-time milestones (8 h work day, 40 h week, 167 h month), so a milestone line is
 * never drawn next to a calendar "1 week" tick it does not mean.
 *
 * <pre>{@code
 * Figure f = HorizonChart.draw(input);   // usually built by TrendPlot.of(trendFit, options)
 * }</pre>
 */
public final class HorizonChart {
    private static final Color TEXT = new Color(0x333333);
    private static final Color LABEL = new Color(0x6f6f6f);
    private static final Color TREND = new Color(0x8fb8a5);
    private static final Color BAND = new Color(0xe6eee9);
    private static final Color NOTE = new Color(0x2c7c58);
    private static final Color MILESTONE = new Color(0x9a9a9a);
    private static final Color[] ALTERNATIVES = {new Color(0x7b6fb0), new Color(0xc07a3c), new Color(0x4f8fbf)};
    private static final double MARKER = 12;

    private HorizonChart() {
    }

    /**
     * One model's value.
     *
     * @param name       model name
     * @param label      text drawn next to its marker (empty for none)
     * @param releaseDay release date, days since 1970-01-01
     * @param value      its value (a horizon in the y axis's unit)
     * @param low        lower end of its interval (NaN for none)
     * @param high       upper end of its interval (NaN for none)
     */
    public record Model(String name, String label, double releaseDay, double value, double low, double high) {
        /**
         * Checks the names.
         *
         * @param name       model name
         * @param label      text drawn next to its marker (empty for none)
         * @param releaseDay release date, days since 1970-01-01
         * @param value      its value
         * @param low        lower end of its interval (NaN for none)
         * @param high       upper end of its interval (NaN for none)
         * @throws NullPointerException if a required component is null
         */
        public Model {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * The fitted trend over the chart's date range.
     *
     * @param days    dates, days since 1970-01-01, increasing
     * @param values  the trend at each date
     * @param lower   lower end of its band
     * @param upper   upper end of its band
     * @param fitFrom first date of the fitted data (the trend is solid from here …)
     * @param fitTo   last date of the fitted data (… to here, dashed elsewhere)
     */
    public record Trend(double[] days, double[] values, double[] lower, double[] upper, double fitFrom, double fitTo) {
        /**
         * Copies the arrays.
         *
         * @param days    dates, days since 1970-01-01, increasing
         * @param values  the trend at each date
         * @param lower   lower end of its band
         * @param upper   upper end of its band
         * @param fitFrom first date of the fitted data
         * @param fitTo   last date of the fitted data
         */
        public Trend {
            days = days.clone();
            values = values.clone();
            lower = lower.clone();
            upper = upper.clone();
        }

        /** @return dates (a copy: the record keeps its own array) */
        @Override
        public double[] days() {
            return days.clone();
        }

        /** @return the trend at each date (a copy) */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** @return lower end of its band (a copy) */
        @Override
        public double[] lower() {
            return lower.clone();
        }

        /** @return upper end of its band (a copy) */
        @Override
        public double[] upper() {
            return upper.clone();
        }
    }

    /**
     * Another trend shape, drawn thin and labelled at its right end.
     *
     * @param label  e.g. {@code superexponential (ΔAICc 1.3)}
     * @param days   dates, increasing
     * @param values the curve (NaN where it is undefined)
     */
    public record Alternative(String label, double[] days, double[] values) {
        /**
         * Copies the arrays.
         *
         * @param label  the label
         * @param days   dates, increasing
         * @param values the curve
         * @throws NullPointerException if a required component is null
         */
        public Alternative {
            Objects.requireNonNull(label, "label");
            days = days.clone();
            values = values.clone();
        }

        /** @return dates (a copy) */
        @Override
        public double[] days() {
            return days.clone();
        }

        /** @return the curve (a copy) */
        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /**
     * A level the trend is projected to reach.
     *
     * @param name    e.g. {@code 1 work day (8 hrs)}
     * @param value   the level in the y axis's unit
     * @param day     projected date, days since 1970-01-01 (NaN: never)
     * @param dayLow  lower end of the date's interval
     * @param dayHigh upper end
     */
    public record Milestone(String name, double value, double day, double dayLow, double dayHigh) {
        /**
         * Checks the name.
         *
         * @param name    e.g. {@code 1 work day (8 hrs)}
         * @param value   the level
         * @param day     projected date (NaN: never)
         * @param dayLow  lower end of the date's interval
         * @param dayHigh upper end
         * @throws NullPointerException if a required component is null
         */
        public Milestone {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Everything on the chart.
     *
     * @param models       models to draw
     * @param trend        the fitted exponential trend
     * @param alternatives other trend shapes (may be empty)
     * @param milestones   milestone lines (may be empty)
     * @param trendLabel   the exponential trend's legend text, shown when other shapes are drawn
     * @param note         the corner note, e.g. {@code Doubling time: 212 days\n2019-02-14+ data\nR²: 0.98}
     * @param title        the title line
     * @param subtitle     the line under it (e.g. {@code Task length (at 50% success rate)})
     * @param source       footer text naming the data
     * @param yStyle       how the y axis is labelled (durations in hours for task lengths)
     * @param fromDay      left end of the date axis
     * @param toDay        right end
     * @param minY         bottom of the y axis
     * @param maxY         top of the y axis
     * @param width        figure width in points
     * @param height       figure height in points
     */
    public record Input(List<Model> models, Trend trend, List<Alternative> alternatives, List<Milestone> milestones,
                        String trendLabel, String note, String title, String subtitle, String source, AxisStyle yStyle, double fromDay,
                        double toDay, double minY, double maxY, double width, double height) {
        /**
         * Copies the lists.
         *
         * @param models       models to draw
         * @param trend        the fitted exponential trend
         * @param alternatives other trend shapes
         * @param milestones   milestone lines
         * @param trendLabel   the exponential trend's legend text
         * @param note         the corner note
         * @param title        the title line
         * @param subtitle     the line under it
         * @param source       footer text
         * @param yStyle       how the y axis is labelled
         * @param fromDay      left end of the date axis
         * @param toDay        right end
         * @param minY         bottom of the y axis
         * @param maxY         top of the y axis
         * @param width        figure width in points
         * @param height       figure height in points
         * @throws NullPointerException if a required component is null
         */
        public Input {
            models = List.copyOf(models);
            alternatives = List.copyOf(alternatives);
            milestones = List.copyOf(milestones);
            Objects.requireNonNull(trend, "trend");
            Objects.requireNonNull(trendLabel, "trendLabel");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(subtitle, "subtitle");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(yStyle, "yStyle");
        }
    }

    /**
     * @param in the models, trend and milestones
     * @return the chart
     */
    public static Figure draw(Input in) {
        Ticks yt = in.yStyle().ticks(in.minY(), in.maxY(), 11);
        Axis y = new Axis(in.yStyle().scale(), in.minY(), in.maxY(), yt, "", true);
        Axis x = new Axis(Scale.LINEAR, in.fromDay(), in.toDay(), Ticks.dates(in.fromDay(), in.toDay(), 9),
                "Model release date", true);
        Theme theme = Theme.metr().withTickLabels(TextStyle.sans(11.5, TEXT)).withAxisTitle(TextStyle.sans(15, TEXT));
        Panel.Builder p = Panel.builder(x, y).theme(theme);

        Trend t = in.trend();
        p.add(new Mark.Band(t.days(), t.lower(), t.upper(), BAND));
        LineStyle solid = LineStyle.solid(TREND, 2.4);
        LineStyle dashed = solid.withDash(LineStyle.Dash.DASHED);
        for (double[] range : new double[][] {{in.fromDay(), t.fitFrom()}, {t.fitTo(), in.toDay()}}) {
            double[][] part = Curves.part(t.days(), t.values(), range[0], range[1], true, Scale.LINEAR);
            p.add(new Mark.Line(part[0], part[1], dashed));
        }
        double[][] inside = Curves.part(t.days(), t.values(), t.fitFrom(), t.fitTo(), true, Scale.LINEAR);
        p.add(new Mark.Line(inside[0], inside[1], solid));

        // Other trend shapes get a small legend (METR's chart has one shape and no legend).
        List<Legend.Entry> legend = new ArrayList<>();
        if (!in.alternatives().isEmpty()) {
            legend.add(Legend.Entry.line(in.trendLabel(), solid));
            legend.add(Legend.Entry.patch("its 95% band", BAND));
        }
        for (int i = 0; i < in.alternatives().size(); i++) {
            Alternative a = in.alternatives().get(i);
            LineStyle style = LineStyle.dashed(ALTERNATIVES[i % ALTERNATIVES.length], 1.3);
            p.add(new Mark.Line(a.days(), a.values(), style));
            legend.add(Legend.Entry.line(a.label(), style));
        }

        // Each milestone line carries its name at the left edge, where a rising trend leaves the upper left
        // empty; the date it is reached sits by the crossing, below the trend.
        TextStyle milestoneText = TextStyle.sans(10.5, new Color(0x555555));
        TextStyle dateText = TextStyle.sans(10.5, TREND.darker().darker());
        List<LabelPlacer.Label> milestoneLabels = new ArrayList<>();
        for (Milestone m : in.milestones()) {
            if (m.value() > in.maxY() || m.value() < in.minY()) {
                continue;
            }
            p.add(new Mark.Line(new double[] {in.fromDay(), in.toDay()}, new double[] {m.value(), m.value()},
                    LineStyle.dashed(MILESTONE, 0.9)));
            boolean shown = Double.isFinite(m.day()) && m.day() <= in.toDay() && m.day() >= in.fromDay();
            String interval = Double.isFinite(m.dayLow()) && Double.isFinite(m.dayHigh())
                    ? " (95% CI " + month(m.dayLow()) + " – " + month(m.dayHigh()) + ")" : "";
            String name = m.name() + (shown ? "" : Double.isFinite(m.day())
                    ? ": reached " + month(m.day()) + interval : ": not reached");
            p.add(new Mark.Text(in.fromDay(), m.value(), name, milestoneText, HAlign.LEFT, VAlign.BOTTOM, 8, 2.5));
            if (Double.isFinite(m.dayLow()) && Double.isFinite(m.dayHigh())) {
                p.add(new Mark.Line(new double[] {m.dayLow(), m.dayHigh()}, new double[] {m.value(), m.value()},
                        LineStyle.solid(Colors.withAlpha(TREND.darker(), 0.45), 4)));
            }
            if (shown) {
                p.add(new Mark.Points(new double[] {m.day()}, new double[] {m.value()},
                        MarkerStyle.circle(Color.WHITE, 7).withEdge(TREND.darker(), 1.4)));
                milestoneLabels.add(new LabelPlacer.Label(m.day(), m.value(), month(m.day()) + interval, dateText, 6,
                        List.of(LabelPlacer.Direction.RIGHT_BELOW, LabelPlacer.Direction.LEFT_ABOVE,
                                LabelPlacer.Direction.BELOW, LabelPlacer.Direction.RIGHT_ABOVE), true));
            }
        }

        int n = in.models().size();
        double[] md = new double[n];
        double[] mv = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            Model m = in.models().get(i);
            md[i] = m.releaseDay();
            mv[i] = m.value();
            lo[i] = m.low();
            hi[i] = m.high();
        }
        p.add(new Mark.ErrorBars(md, lo, hi, LineStyle.solid(new Color(0x808080), 1.6), 4.5));
        p.add(new Mark.Points(md, mv, MarkerStyle.circle(Colors.METR_PINK, MARKER).withEdge(Color.BLACK, 0.5)));
        // The note sits at the lower right, where a rising trend leaves room; a legend of other trend shapes
        // goes below it, in the corner.
        TextStyle legendStyle = TextStyle.sans(10.5, TEXT);
        Legend shapes = legend.isEmpty() ? null : new Legend(legend, Legend.Corner.LOWER_RIGHT, true, legendStyle);
        double above = shapes == null ? 10 : Layout.legendSize(shapes)[1] + 0.6 * legendStyle.size() + 8;
        p.add(new Mark.Text(in.toDay(), in.minY(), in.note(), TextStyle.sans(13, NOTE), HAlign.RIGHT, VAlign.BOTTOM,
                -10, above));

        double width = in.width();
        double height = in.height();
        TextStyle titleStyle = TextStyle.sans(21, Color.BLACK);
        TextStyle subtitleStyle = TextStyle.sans(14, TEXT);
        double top = 14 + TextMetrics.height(in.title(), titleStyle) + 10
                + (in.subtitle().isEmpty() ? 0 : TextMetrics.height(in.subtitle(), subtitleStyle) + 8);
        Panel unlabelled = p.legend(shapes).build();
        Figure.Rect area = Layout.plotArea(unlabelled, 6, top, width - 14, height - top - 22);
        TextStyle labelStyle = TextStyle.sans(12.5, LABEL);
        List<LabelPlacer.Label> labels = new ArrayList<>();
        for (Model m : in.models()) {
            if (!m.label().isEmpty()) {
                labels.add(new LabelPlacer.Label(m.releaseDay(), m.value(), m.label(), labelStyle, MARKER / 2 + 3));
            }
        }
        labels.addAll(milestoneLabels);
        Panel panel = unlabelled.toBuilder().addAll(LabelPlacer.place(unlabelled, area, labels)).build();
        Figure.Builder f = Figure.builder(width, height).title(in.title()).panel(panel, area)
                .text(Figure.Text.left(in.title(), 14, 14, titleStyle))
                .text(new Figure.Text(in.source(), 14, height - 6, footerStyle(in.source(), width - 28), HAlign.LEFT,
                        VAlign.BOTTOM, 0));
        if (!in.subtitle().isEmpty()) {
            f.text(Figure.Text.left(in.subtitle(), 16, 14 + TextMetrics.height(in.title(), titleStyle) + 10,
                    subtitleStyle));
        }
        return f.build();
    }

    /**
     * @param months a doubling time in months
     * @return it as the title says it: one decimal below ten months, whole months above
     */
    public static String months(double months) {
        return months >= 9.95 ? String.format(Locale.ROOT, "%.0f", months) : String.format(Locale.ROOT, "%.1f", months);
    }

    private static String month(double day) {
        LocalDate d = LocalDate.ofEpochDay((long) Math.floor(day));
        return d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT) + " " + d.getYear();
    }

    /** The footer at 10 pt, smaller (down to 7 pt) when a long source line would otherwise run off the figure. */
    private static TextStyle footerStyle(String source, double available) {
        double size = 10;
        while (size > 7 && TextMetrics.width(source, TextStyle.sans(size, TREND.darker())) > available) {
            size -= 0.5;
        }
        return TextStyle.sans(size, TREND.darker());
    }
}

package org.scalefit.plot.charts;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.plot.Axis;
import org.scalefit.plot.Colors;
import org.scalefit.plot.Figure;
import org.scalefit.plot.HAlign;
import org.scalefit.plot.LineStyle;
import org.scalefit.plot.Mark;
import org.scalefit.plot.MarkerStyle;
import org.scalefit.plot.Panel;
import org.scalefit.plot.Scale;
import org.scalefit.plot.TextStyle;
import org.scalefit.plot.Theme;
import org.scalefit.plot.TickLabels;
import org.scalefit.plot.TickLabels.DurationStyle;
import org.scalefit.plot.Ticks;
import org.scalefit.plot.VAlign;

/**
 * METR's headline chart (Kwa et al. 2025): the length of tasks frontier models complete with 50%
 * success against their release date. A log time axis labelled in human durations, a date axis,
 * one large pink marker per frontier model with its grey 95% interval bar, the exponential trend
 * solid between the first and last model and dashed beyond, its pale confidence band, the doubling
 * time and R² in the title and a corner note, and horizontal milestone lines (a work day, week and
 * month) with the dates at which the trend reaches them.
 *
 * <pre>{@code
 * Figure f = HorizonChart.draw(input);
 * }</pre>
 */
public final class HorizonChart {
    private static final double WIDTH = 760;
    private static final double HEIGHT = 470;
    private static final Color TEXT = new Color(0x333333);
    private static final Color LABEL = new Color(0x8a8a8a);
    private static final Color TREND = new Color(0x8fb8a5);
    private static final Color BAND = new Color(0xe6eee9);
    private static final Color NOTE = new Color(0x2c7c58);

    private HorizonChart() {
    }

    /**
     * One model's horizon.
     *
     * @param name        model name
     * @param label       text drawn next to its marker (empty for none)
     * @param releaseDay  release date, days since 1970-01-01
     * @param p50Minutes  50%-success horizon in minutes
     * @param lowMinutes  lower end of its interval
     * @param highMinutes upper end of its interval
     * @param labelLeft   place the label left of the marker (METR does so for GPT-4)
     */
    public record Model(String name, String label, double releaseDay, double p50Minutes, double lowMinutes,
                        double highMinutes, boolean labelLeft) {
        /**
         * Checks the names.
         *
         * @param name        model name
         * @param label       text drawn next to its marker (empty for none)
         * @param releaseDay  release date, days since 1970-01-01
         * @param p50Minutes  50%-success horizon in minutes
         * @param lowMinutes  lower end of its interval
         * @param highMinutes upper end of its interval
         * @param labelLeft   place the label left of the marker (METR does so for GPT-4)
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
     * @param days      dates, days since 1970-01-01, increasing
     * @param minutes   the trend at each date
     * @param lower     lower end of its band
     * @param upper     upper end of its band
     * @param fitFrom   first date of the fitted data (the trend is solid from here …)
     * @param fitTo     last date of the fitted data (… to here, dashed elsewhere)
     */
    public record Trend(double[] days, double[] minutes, double[] lower, double[] upper, double fitFrom, double fitTo) {
        /**
         * Copies the arrays.
         *
         * @param days    dates, days since 1970-01-01, increasing
         * @param minutes the trend at each date
         * @param lower   lower end of its band
         * @param upper   upper end of its band
         * @param fitFrom first date of the fitted data (the trend is solid from here …)
         * @param fitTo   last date of the fitted data (… to here, dashed elsewhere)
         */
        public Trend {
            days = days.clone();
            minutes = minutes.clone();
            lower = lower.clone();
            upper = upper.clone();
        }

        /** @return dates, days since 1970-01-01, increasing (a copy: the record keeps its own array) */
        @Override
        public double[] days() {
            return days.clone();
        }

        /** @return the trend at each date (a copy: the record keeps its own array) */
        @Override
        public double[] minutes() {
            return minutes.clone();
        }

        /** @return lower end of its band (a copy: the record keeps its own array) */
        @Override
        public double[] lower() {
            return lower.clone();
        }

        /** @return upper end of its band (a copy: the record keeps its own array) */
        @Override
        public double[] upper() {
            return upper.clone();
        }
    }

    /**
     * A task length the trend is projected to reach.
     *
     * @param name    e.g. {@code work day}
     * @param minutes its length in minutes
     * @param day     projected date, days since 1970-01-01
     * @param dayLow  lower end of the date's interval
     * @param dayHigh upper end
     */
    public record Milestone(String name, double minutes, double day, double dayLow, double dayHigh) {
        /**
         * Checks the name.
         *
         * @param name    e.g. {@code work day}
         * @param minutes its length in minutes
         * @param day     projected date, days since 1970-01-01
         * @param dayLow  lower end of the date's interval
         * @param dayHigh upper end
         * @throws NullPointerException if a required component is null
         */
        public Milestone {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * @param models        frontier models to draw
     * @param trend         the fitted trend
     * @param milestones    milestone lines
     * @param doublingDays  fitted doubling time in days
     * @param r2            R² of the trend (in log space)
     * @param fitNote       second line of the corner note, e.g. {@code 2019-02-14+ data, 11 frontier models}
     * @param source        footer text naming the data
     * @param fromDay       left end of the date axis
     * @param toDay         right end
     * @param minMinutes    bottom of the time axis
     * @param maxMinutes    top of the time axis
     */
    public record Input(List<Model> models, Trend trend, List<Milestone> milestones, double doublingDays, double r2,
                        String fitNote, String source, double fromDay, double toDay, double minMinutes,
                        double maxMinutes) {
        /**
         * Copies the lists.
         *
         * @param models       frontier models to draw
         * @param trend        the fitted trend
         * @param milestones   milestone lines
         * @param doublingDays fitted doubling time in days
         * @param r2           R² of the trend (in log space)
         * @param fitNote      second line of the corner note, e.g. {@code 2019-02-14+ data, 11 frontier models}
         * @param source       footer text naming the data
         * @param fromDay      left end of the date axis
         * @param toDay        right end
         * @param minMinutes   bottom of the time axis
         * @param maxMinutes   top of the time axis
         * @throws NullPointerException if a required component is null
         */
        public Input {
            models = List.copyOf(models);
            milestones = List.copyOf(milestones);
            Objects.requireNonNull(trend, "trend");
            Objects.requireNonNull(fitNote, "fitNote");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * @param in the models, trend and milestones
     * @return the chart
     */
    public static Figure draw(Input in) {
        Ticks yt = Ticks.durations(in.minMinutes(), in.maxMinutes(), 11, DurationStyle.LONG);
        Axis y = new Axis(Scale.LOG, in.minMinutes(), in.maxMinutes(), yt, "", true);
        Axis x = new Axis(Scale.LINEAR, in.fromDay(), in.toDay(), Ticks.dates(in.fromDay(), in.toDay(), 7),
                "Model release date", true);
        Theme theme = Theme.metr().withTickLabels(TextStyle.sans(11.5, TEXT)).withAxisTitle(TextStyle.sans(15, TEXT));
        Panel.Builder p = Panel.builder(x, y).theme(theme);

        Trend t = in.trend();
        p.add(new Mark.Band(t.days(), t.lower(), t.upper(), BAND));
        double[][] before = part(t, in.fromDay(), t.fitFrom());
        double[][] inside = part(t, t.fitFrom(), t.fitTo());
        double[][] after = part(t, t.fitTo(), in.toDay());
        LineStyle solid = LineStyle.solid(TREND, 2.4);
        p.add(new Mark.Line(before[0], before[1], solid.withDash(LineStyle.Dash.DASHED)));
        p.add(new Mark.Line(after[0], after[1], solid.withDash(LineStyle.Dash.DASHED)));
        p.add(new Mark.Line(inside[0], inside[1], solid));

        TextStyle milestoneText = TextStyle.sans(10.5, new Color(0x555555));
        for (Milestone m : in.milestones()) {
            if (m.minutes() > in.maxMinutes() || m.minutes() < in.minMinutes()) {
                continue;
            }
            p.add(new Mark.Line(new double[] {in.fromDay(), in.toDay()}, new double[] {m.minutes(), m.minutes()},
                    LineStyle.dashed(new Color(0x9a9a9a), 0.9)));
            String when = Double.isFinite(m.day()) ? "trend reaches it " + month(m.day())
                    + (Double.isFinite(m.dayLow()) ? " (95% CI " + month(m.dayLow()) + " – " + month(m.dayHigh()) + ")" : "")
                    : "not reached";
            String hours = m.minutes() < 24 * 60 ? TickLabels.duration(m.minutes(), DurationStyle.LONG)
                    : Math.round(m.minutes() / 60) + " hrs";
            p.add(new Mark.Text(in.fromDay(), m.minutes(), "1 " + m.name() + " (" + hours + "): " + when, milestoneText,
                    HAlign.LEFT, VAlign.BOTTOM, 8, 2.5));
            if (Double.isFinite(m.day()) && m.day() <= in.toDay()) {
                p.add(new Mark.Points(new double[] {m.day()}, new double[] {m.minutes()},
                        MarkerStyle.circle(Color.WHITE, 7).withEdge(TREND.darker(), 1.4)));
            }
        }

        int n = in.models().size();
        double[] md = new double[n];
        double[] mp = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            Model m = in.models().get(i);
            md[i] = m.releaseDay();
            mp[i] = m.p50Minutes();
            lo[i] = m.lowMinutes();
            hi[i] = m.highMinutes();
        }
        p.add(new Mark.ErrorBars(md, lo, hi, LineStyle.solid(new Color(0x808080), 1.6), 4.5));
        p.add(new Mark.Points(md, mp, MarkerStyle.circle(Colors.METR_PINK, 12).withEdge(Color.BLACK, 0.5)));
        TextStyle labelStyle = TextStyle.sans(12.5, LABEL);
        for (Model m : in.models()) {
            if (m.label().isEmpty()) {
                continue;
            }
            p.add(m.labelLeft()
                    ? new Mark.Text(m.releaseDay(), m.p50Minutes(), m.label(), labelStyle, HAlign.RIGHT, VAlign.TOP, -9, -2)
                    : new Mark.Text(m.releaseDay(), m.p50Minutes(), m.label(), labelStyle, HAlign.LEFT, VAlign.TOP, 8, -4));
        }
        String note = String.format(Locale.ROOT, "Doubling time: %.0f days\n%s\nR²: %.2f", in.doublingDays(),
                in.fitNote(), in.r2());
        p.add(new Mark.Text(in.toDay(), in.minMinutes(), note, TextStyle.sans(13, NOTE), HAlign.RIGHT, VAlign.BOTTOM,
                -10, 10));
        Panel panel = p.build();

        double top = 74;
        Figure.Rect area = org.scalefit.plot.Layout.plotArea(panel, 6, top, WIDTH - 14, HEIGHT - top - 22);
        double months = in.doublingDays() / (365.2425 / 12);
        String title = String.format(Locale.ROOT, "The length of tasks AI can do is doubling every %s months",
                months >= 9.95 ? String.format(Locale.ROOT, "%.0f", months) : String.format(Locale.ROOT, "%.1f", months));
        return Figure.builder(WIDTH, HEIGHT).title("METR task horizons (reproduced)")
                .panel(panel, area)
                .text(Figure.Text.left(title, 14, 14, TextStyle.sans(21, Color.BLACK)))
                .text(Figure.Text.left("Task length (at 50% success rate)", 16, 46, TextStyle.sans(14, TEXT)))
                .text(new Figure.Text(in.source(), 14, HEIGHT - 6, TextStyle.sans(10, TREND.darker()), HAlign.LEFT,
                        VAlign.BOTTOM, 0))
                .build();
    }

    private static double[][] part(Trend t, double from, double to) {
        double[] d = t.days();
        double[] m = t.minutes();
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {from, interpolate(d, m, from)});
        for (int i = 0; i < d.length; i++) {
            if (d[i] > from && d[i] < to) {
                pts.add(new double[] {d[i], m[i]});
            }
        }
        pts.add(new double[] {to, interpolate(d, m, to)});
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    /** Log-linear interpolation: the trend is a straight line in (date, ln minutes). */
    private static double interpolate(double[] d, double[] m, double at) {
        for (int i = 1; i < d.length; i++) {
            if (d[i] >= at) {
                double f = (at - d[i - 1]) / (d[i] - d[i - 1]);
                return Math.exp(Math.log(m[i - 1]) + f * (Math.log(m[i]) - Math.log(m[i - 1])));
            }
        }
        return m[m.length - 1];
    }

    private static String month(double day) {
        LocalDate d = LocalDate.ofEpochDay((long) Math.floor(day));
        return d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT) + " " + d.getYear();
    }
}

package org.scalefit.plot;

import java.util.Objects;
import org.scalefit.plot.TickLabels.DurationScale;
import org.scalefit.plot.TickLabels.DurationStyle;
import org.scalefit.plot.Ticks.LogStyle;

/**
 * What an axis holds and how it is labelled: plain numbers on a linear or log scale, calendar dates
 * (days since 1970-01-01), or durations on a log scale in human units. Every chart asks its axis style
 * for the ticks of a range and for the text of single values (a target level, a read-off), so that a
 * line drawn at 167 hours is labelled in the same unit as the ticks around it.
 *
 * <pre>{@code
 * AxisStyle y = AxisStyle.durations(DurationUnit.MINUTES, DurationScale.CALENDAR);
 * Axis axis = y.axis(0.5, 300, "p50_minutes");       // ticks: 1 sec … 4 hrs
 * String level = y.format(480);                       // "8 hrs"
 * }</pre>
 */
public sealed interface AxisStyle permits AxisStyle.Numbers, AxisStyle.Dates, AxisStyle.Durations {
    /** @return linear or log */
    Scale scale();

    /**
     * @param min       axis minimum
     * @param max       axis maximum
     * @param maxLabels most labels wanted
     * @return the ticks of that range
     */
    Ticks ticks(double min, double max, int maxLabels);

    /**
     * @param v a value in data units
     * @return its text as a reader of this axis expects it (a date, a duration, a number)
     */
    String format(double v);

    /**
     * @param min   axis minimum
     * @param max   axis maximum
     * @param title axis title
     * @return the axis with at most 8 labels
     */
    default Axis axis(double min, double max, String title) {
        return new Axis(scale(), min, max, ticks(min, max, 8), title, true);
    }

    /** @return numbers on a linear axis */
    static AxisStyle linear() {
        return new Numbers(Scale.LINEAR, LogStyle.SUPERSCRIPT);
    }

    /**
     * @param style how decades are written
     * @return numbers on a log axis
     */
    static AxisStyle log(LogStyle style) {
        return new Numbers(Scale.LOG, style);
    }

    /** @return dates (days since 1970-01-01) on a linear axis */
    static AxisStyle dates() {
        return new Dates();
    }

    /**
     * @param unit  the unit of the data
     * @param scale calendar units, or hours for working-time charts
     * @return durations on a log axis
     */
    static AxisStyle durations(DurationUnit unit, DurationScale scale) {
        return new Durations(unit, scale, DurationStyle.LONG);
    }

    /**
     * The style of an axis showing a data column: on a log scale, human durations when the column's name
     * says it holds a time ({@code p50_minutes}, {@code train_hours}) and {@code durations} is on, else
     * numbers with {@code style}'s decades; on a linear scale, plain numbers.
     *
     * @param column    the column's name
     * @param scale     linear or log
     * @param style     how decades are written
     * @param durations whether time columns get duration labels
     * @return the style
     */
    static AxisStyle ofColumn(String column, Scale scale, LogStyle style, boolean durations) {
        if (scale == Scale.LINEAR) {
            return linear();
        }
        var unit = durations ? DurationUnit.fromColumnName(column) : java.util.Optional.<DurationUnit>empty();
        return unit.isPresent() ? durations(unit.get(), DurationScale.CALENDAR) : log(style);
    }

    /**
     * Plain numbers.
     *
     * @param scale    linear or log
     * @param logStyle how decades are written on a log axis
     */
    record Numbers(Scale scale, LogStyle logStyle) implements AxisStyle {
        /**
         * Checks the arguments.
         *
         * @param scale    linear or log
         * @param logStyle how decades are written on a log axis
         * @throws NullPointerException if a required component is null
         */
        public Numbers {
            Objects.requireNonNull(scale, "scale");
            Objects.requireNonNull(logStyle, "logStyle");
        }

        @Override
        public Ticks ticks(double min, double max, int maxLabels) {
            return scale == Scale.LOG ? Ticks.log(min, max, logStyle, maxLabels) : Ticks.linear(min, max, maxLabels);
        }

        @Override
        public String format(double v) {
            if (logStyle == LogStyle.SUFFIX && Math.abs(v) >= 1000) {
                return TickLabels.withSuffix(v);
            }
            double a = Math.abs(v);
            if (a != 0 && (a >= 1e5 || a < 1e-3)) {
                return logStyle == LogStyle.E_NOTATION ? TickLabels.scientific(v) : superscriptScientific(v);
            }
            return org.scalefit.Numbers.format(v, 4).replace('-', TickLabels.MINUS);
        }

        private static String superscriptScientific(double v) {
            int e = (int) Math.floor(Math.log10(Math.abs(v)));
            double m = v / Math.pow(10, e);
            String ms = org.scalefit.Numbers.format(m, 3);
            if (ms.equals("10") || ms.equals("-10")) {
                e++;
                ms = m < 0 ? "-1" : "1";
            }
            String p = TickLabels.powerOfTen(e);
            return ms.equals("1") ? p : (ms + "·" + p).replace('-', TickLabels.MINUS);
        }
    }

    /** Calendar dates in days since 1970-01-01, on a linear axis labelled in years, months or days. */
    record Dates() implements AxisStyle {
        @Override
        public Scale scale() {
            return Scale.LINEAR;
        }

        @Override
        public Ticks ticks(double min, double max, int maxLabels) {
            return Ticks.dates(min, max, maxLabels);
        }

        @Override
        public String format(double v) {
            return TickLabels.date(v);
        }
    }

    /**
     * Durations on a log axis: values in {@code unit}, ticks and labels in human units.
     *
     * @param unit          the unit of the data
     * @param durationScale calendar units, or hours for working-time charts
     * @param style         {@code 4 hrs} or {@code 4h}
     */
    record Durations(DurationUnit unit, DurationScale durationScale, DurationStyle style) implements AxisStyle {
        /**
         * Checks the arguments.
         *
         * @param unit          the unit of the data
         * @param durationScale calendar units, or hours for working-time charts
         * @param style         {@code 4 hrs} or {@code 4h}
         * @throws NullPointerException if a required component is null
         */
        public Durations {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(durationScale, "durationScale");
            Objects.requireNonNull(style, "style");
        }

        @Override
        public Scale scale() {
            return Scale.LOG;
        }

        @Override
        public Ticks ticks(double min, double max, int maxLabels) {
            double k = unit.minutes();
            // A duration axis is read label by label (1 sec, 15 sec, 1 min …): up to 11 fit a plot's height.
            Ticks t = Ticks.durations(min * k, max * k, Math.max(maxLabels, 11), style, durationScale);
            java.util.List<Tick> major = new java.util.ArrayList<>();
            for (Tick tick : t.major()) {
                major.add(new Tick(tick.value() / k, tick.label()));
            }
            java.util.List<Double> minor = new java.util.ArrayList<>();
            for (double v : t.minor()) {
                minor.add(v / k);
            }
            return new Ticks(major, minor);
        }

        @Override
        public String format(double v) {
            return TickLabels.duration(v * unit.minutes(), style, durationScale);
        }
    }
}

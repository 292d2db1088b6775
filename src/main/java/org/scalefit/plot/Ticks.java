package org.scalefit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import org.scalefit.plot.TickLabels.DurationScale;
import org.scalefit.plot.TickLabels.DurationStyle;

/**
 * The ticks of one axis: labelled major ticks and unlabelled minor ticks, with generators for the
 * axes scaling-law charts use — nice linear steps, decades on log axes (every k decades when they are
 * many), the 2–3–5 labels of log axes that span less than a decade (loss axes), human durations on
 * log time axes (METR), and years or months on date axes.
 *
 * <p>All generators are pure: the same range gives the same ticks, and the labels are plain strings
 * (superscripts are Unicode characters), so tests can check them exactly.
 *
 * <pre>{@code
 * Ticks.log(1e-9, 10, LogStyle.SUPERSCRIPT).labels();    // [10⁻⁹, 10⁻⁷, 10⁻⁵, 10⁻³, 10⁻¹, 10¹]
 * Ticks.log(1.8, 6.5, LogStyle.DECIMAL).labels();         // [2, 3, 5]
 * Ticks.durations(0.01, 480, 10, DurationStyle.LONG).labels(); // [1 sec, 4 sec, 15 sec, 1 min, …, 4 hrs]
 * Ticks.linear(-2200, 0, 6).labels();                     // [−2000, −1500, −1000, −500, 0]
 * }</pre>
 *
 * @param major labelled ticks in increasing order
 * @param minor positions of unlabelled ticks in increasing order
 *
 *
 * <p>Why one class of about 430 lines: the public entry point for every kind of axis (linear, log,
 * durations, dates), each documented; the placement of log ticks lives in LogTicks, of time ticks in
 * TimeTicks.
 */
public record Ticks(List<Tick> major, List<Double> minor) {
    static final double[] LINEAR_STEPS = {1, 2, 2.5, 5};
    static final double[] SUBDECADE_STEPS = {1, 2, 3, 5};
    static final double SEC = 1.0 / 60;
    static final double HOUR = 60;
    static final double DAY = 24 * 60;
    static final double WEEK = 7 * DAY;
    static final double MONTH = 365.2425 / 12 * DAY;
    static final double YEAR = 365.2425 * DAY;
    /** Every doubling, at the durations people say (15 sec, not 16 sec). */
    static final double[] DOUBLING_LADDER = {
        0.25 * SEC, 0.5 * SEC, SEC, 2 * SEC, 4 * SEC, 8 * SEC, 15 * SEC, 30 * SEC,
        1, 2, 4, 8, 15, 30,
        HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR,
        DAY, 2 * DAY, 4 * DAY, WEEK, 2 * WEEK, MONTH, 2 * MONTH, 4 * MONTH, 6 * MONTH,
        YEAR, 2 * YEAR, 4 * YEAR, 8 * YEAR, 16 * YEAR};
    /** Roughly every factor of four, as in METR's March 2025 headline chart. */
    static final double[] QUADRUPLING_LADDER = {
        0.25 * SEC, SEC, 4 * SEC, 15 * SEC, 1, 4, 15, HOUR, 4 * HOUR, DAY, WEEK, MONTH, 6 * MONTH, YEAR,
        4 * YEAR, 16 * YEAR};

    /** Every doubling in {@link TickLabels.DurationScale#HOURS}: seconds and minutes as above, then 1, 2, 4 … 2¹⁶ hours. */
    static final double[] HOURS_DOUBLING_LADDER = hoursLadder(DOUBLING_LADDER, 1);
    /** Roughly every factor of four in hours, rounded where powers of four stop being round: … 64, 250, 1000, 4000 hrs. */
    static final double[] HOURS_QUADRUPLING_LADDER = {
        0.25 * SEC, SEC, 4 * SEC, 15 * SEC, 1, 4, 15, HOUR, 4 * HOUR, 16 * HOUR, 64 * HOUR, 250 * HOUR, 1000 * HOUR,
        4000 * HOUR, 16000 * HOUR, 64000 * HOUR};

    /**
     * The sparse labels of a long hours axis: roughly every decade (1 sec, 10 sec, 1 min, 10 min, 1 hr, 10 hrs,
     * 100 hrs, 1000 hrs …), round numbers where factor-4 or factor-16 steps would reach 1024 or 16384 hrs.
     */
    static final double[] HOURS_DECADE_LADDER = {
        SEC, 10 * SEC, 1, 10, HOUR, 10 * HOUR, 100 * HOUR, 1000 * HOUR, 10000 * HOUR, 100000 * HOUR};

    /** How labels on a log axis are written. */
    public enum LogStyle {
        /** {@code 10⁹} (decades), plain decimals between them. */
        SUPERSCRIPT,
        /** {@code 1e9}, as Jones (2021) labels FLOPs (plain numbers from 0.001 to 100). */
        E_NOTATION,
        /** {@code 1B}, {@code 300M}: counts of parameters or tokens. */
        SUFFIX,
        /** {@code 1000}, {@code 0.01}, {@code 2.5}: plain decimals. */
        DECIMAL
    }

    /**
     * Copies the lists and checks that they are sorted.
     *
     * @param major labelled ticks in increasing order
     * @param minor positions of unlabelled ticks in increasing order
     * @throws IllegalArgumentException if a component is outside its domain
     * @throws NullPointerException if a required component is null
     */
    public Ticks {
        major = List.copyOf(Objects.requireNonNull(major, "major"));
        minor = List.copyOf(Objects.requireNonNull(minor, "minor"));
        for (int i = 1; i < major.size(); i++) {
            if (major.get(i).value() < major.get(i - 1).value()) {
                throw new IllegalArgumentException("major ticks must be in increasing order");
            }
        }
    }

    /**
     * Ticks given explicitly.
     *
     * @param major labelled ticks (sorted by value on construction)
     * @param minor unlabelled tick positions
     * @return the ticks
     */
    public static Ticks of(List<Tick> major, List<Double> minor) {
        List<Tick> m = new ArrayList<>(major);
        m.sort((a, b) -> Double.compare(a.value(), b.value()));
        List<Double> n = new ArrayList<>(minor);
        n.sort(null);
        return new Ticks(m, n);
    }

    /** @return no ticks at all */
    public static Ticks none() {
        return new Ticks(List.of(), List.of());
    }

    /** @return the labels of the major ticks, in order */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Tick t : major) {
            out.add(t.label());
        }
        return out;
    }

    /** @return the values of the major ticks, in order */
    public List<Double> values() {
        List<Double> out = new ArrayList<>();
        for (Tick t : major) {
            out.add(t.value());
        }
        return out;
    }

    /**
     * @param format new label text for each major tick value
     * @return the same positions with relabelled major ticks
     */
    public Ticks relabel(DoubleFunction<String> format) {
        List<Tick> out = new ArrayList<>();
        for (Tick t : major) {
            out.add(new Tick(t.value(), format.apply(t.value())));
        }
        return new Ticks(out, minor);
    }

    // ---------------------------------------------------------------- linear

    /**
     * Nice linear ticks (steps of 1, 2, 2.5 or 5 × 10ᵏ), at most {@code maxLabels}, with decimals
     * matching the step and a true minus sign, and minor ticks at half steps.
     *
     * @param min       axis minimum
     * @param max       axis maximum (&gt; min)
     * @param maxLabels most labels wanted, at least 2
     * @return the ticks
     */
    public static Ticks linear(double min, double max, int maxLabels) {
        return linear(min, max, maxLabels, null);
    }

    /**
     * Nice linear ticks with labels from {@code format}.
     *
     * @param min       axis minimum
     * @param max       axis maximum (&gt; min)
     * @param maxLabels most labels wanted, at least 2
     * @param format    label text per value, or null for decimals matching the step
     * @return the ticks
     */
    public static Ticks linear(double min, double max, int maxLabels, DoubleFunction<String> format) {
        checkRange(min, max);
        Step step = niceStep(min, max, Math.max(2, maxLabels), LINEAR_STEPS);
        DoubleFunction<String> f = format != null ? format : v -> TickLabels.decimal(v, step.decimals());
        List<Tick> major = new ArrayList<>();
        for (double v : step.values(min, max)) {
            major.add(new Tick(v, f.apply(v)));
        }
        Step half = step.half();
        List<Double> minor = new ArrayList<>();
        for (double v : half.values(min, max)) {
            if (!containsValue(major, v)) {
                minor.add(v);
            }
        }
        return new Ticks(major, minor);
    }

    // ---------------------------------------------------------------- log

    /**
     * Ticks for a log axis with at most 8 labels: decades when the range holds two or more,
     * otherwise the 2–3–5 labels of {@link #logSubDecade}.
     *
     * @param min   axis minimum (&gt; 0)
     * @param max   axis maximum (&gt; min)
     * @param style how labels are written
     * @return the ticks
     */
    public static Ticks log(double min, double max, LogStyle style) {
        return log(min, max, style, 8);
    }

    /**
     * Ticks for a log axis: labelled decades (every k decades, k chosen so that at most
     * {@code maxLabels} are labelled) with minor ticks at 2…9 × 10ⁿ, or, when fewer than two decades
     * fall in the range, the 2–3–5 labels of {@link #logSubDecade}.
     *
     * @param min       axis minimum (&gt; 0)
     * @param max       axis maximum (&gt; min)
     * @param style     how labels are written
     * @param maxLabels most labels wanted, at least 2
     * @return the ticks
     */
    public static Ticks log(double min, double max, LogStyle style, int maxLabels) {
        return LogTicks.log(min, max, style, maxLabels);
    }

    /**
     * Decade ticks on a log axis, labelled every {@code every} decades (0 = choose so that at most
     * {@code maxLabels} are labelled). The labelled decades are aligned so that as many as possible
     * fall in the range, preferring to label the highest decade. Unlabelled decades, and 2…9 × 10ⁿ
     * when the axis spans at most 12 decades, become minor ticks.
     *
     * @param min       axis minimum (&gt; 0)
     * @param max       axis maximum (&gt; min)
     * @param every     label every k-th decade, or 0 for automatic
     * @param style     how labels are written
     * @param maxLabels most labels wanted when {@code every} is 0
     * @return the ticks
     */
    public static Ticks logDecades(double min, double max, int every, LogStyle style, int maxLabels) {
        return LogTicks.logDecades(min, max, every, style, maxLabels);
    }

    /**
     * Ticks for a log axis that spans less than about a decade, such as a loss axis from 1.8 to 6:
     * labels at 1, 2, 3 and 5 × 10ⁿ (the "2–3–5" labels), or at every 1…9 × 10ⁿ when that gives too
     * few, or at nice linear steps (1, 2, 3, 5 × 10ᵏ) for very narrow ranges such as 2.7…4.2.
     * Unlabelled 1…9 × 10ⁿ positions become minor ticks.
     *
     * @param min       axis minimum (&gt; 0)
     * @param max       axis maximum (&gt; min)
     * @param minLabels fewest labels wanted (the sparsest rule giving at least this many wins), ≥ 2
     * @param style     how labels are written
     * @return the ticks
     */
    public static Ticks logSubDecade(double min, double max, int minLabels, LogStyle style) {
        return LogTicks.logSubDecade(min, max, minLabels, style);
    }

    /**
     * Log ticks labelled at chosen mantissas of every decade, e.g. {@code {1, 3}} for Hoffmann et al.'s
     * {@code 100M, 300M, 1B, 3B, 10B, 30B}; other 1…9 × 10ⁿ positions become minor ticks.
     *
     * @param min       axis minimum (&gt; 0)
     * @param max       axis maximum (&gt; min)
     * @param mantissas the labelled mantissas, each in 1…9
     * @param style     how labels are written
     * @return the ticks
     */
    public static Ticks logMantissas(double min, double max, int[] mantissas, LogStyle style) {
        return LogTicks.logMantissas(min, max, mantissas, style);
    }

    /** The label of 10ᵉ in the given style. */
    static String decadeLabel(int e, LogStyle style) {
        return switch (style) {
            case SUPERSCRIPT -> TickLabels.powerOfTen(e);
            // 1e15 style is for magnitudes; 0.01 … 100 read better as plain numbers (never "5e0").
            case E_NOTATION -> Math.abs(e) >= 3 ? "1e" + e : TickLabels.decimal(pow10(e));
            case SUFFIX -> TickLabels.withSuffix(pow10(e));
            case DECIMAL -> TickLabels.decimal(pow10(e));
        };
    }

    /** The label of any positive value in the given style (decades as {@link #decadeLabel}). */
    static String valueLabel(double v, LogStyle style) {
        double e = Math.log10(v);
        if (Math.abs(e - Math.rint(e)) < 1e-9) {
            return decadeLabel((int) Math.rint(e), style);
        }
        return switch (style) {
            case E_NOTATION -> v >= 1e-3 && v < 1e4 ? TickLabels.decimal(v) : TickLabels.scientific(v);
            case SUFFIX -> TickLabels.withSuffix(v);
            case SUPERSCRIPT, DECIMAL -> v >= 1e-4 && v < 1e6 ? TickLabels.decimal(v) : TickLabels.scientific(v);
        };
    }

    // ---------------------------------------------------------------- durations

    /**
     * Ticks for a log axis of human time, in minutes (METR's task-length axis): labels at every
     * doubling ({@code 1 sec, 2 sec, 4 sec, 8 sec, 15 sec, 30 sec, 1 min, …}) when at most
     * {@code maxLabels} fit, otherwise roughly every factor of four ({@code 1 sec, 4 sec, 15 sec,
     * 1 min, 4 min, 15 min, 1 hr, 4 hrs, 1 day, 1 week, 1 month, …}); the remaining doublings become
     * minor ticks.
     *
     * @param minMinutes axis minimum in minutes (&gt; 0)
     * @param maxMinutes axis maximum in minutes
     * @param maxLabels  most labels wanted
     * @param style      {@code 4 hrs} or {@code 4h}
     * @return the ticks
     */
    public static Ticks durations(double minMinutes, double maxMinutes, int maxLabels, DurationStyle style) {
        return TimeTicks.durations(minMinutes, maxMinutes, maxLabels, style, DurationScale.CALENDAR);
    }

    /**
     * Duration ticks as {@link #durations(double, double, int, DurationStyle)}, in the given scale: with
     * {@link DurationScale#HOURS} the ladder above an hour is 1, 2, 4, 8, 16, 32, 64 … hours (labelled every
     * factor of four when crowded), so that working-time milestones (8 h, 40 h, 167 h) and the tick labels
     * speak one unit.
     *
     * <pre>{@code
     * Ticks.durations(1, 60 * 200, 12, DurationStyle.LONG, DurationScale.HOURS).labels();
     * // [1 min, 2 min, 4 min, 8 min, 15 min, 30 min, 1 hr, 2 hrs, 4 hrs, 8 hrs, 16 hrs, 32 hrs, 64 hrs, 128 hrs] → every 4th
     * }</pre>
     *
     * @param minMinutes axis minimum in minutes (&gt; 0)
     * @param maxMinutes axis maximum in minutes
     * @param maxLabels  most labels wanted
     * @param style      {@code 4 hrs} or {@code 4h}
     * @param scale      calendar units or hours
     * @return the ticks
     */
    public static Ticks durations(double minMinutes, double maxMinutes, int maxLabels, DurationStyle style,
                                  DurationScale scale) {
        return TimeTicks.durations(minMinutes, maxMinutes, maxLabels, style, scale);
    }

    // ---------------------------------------------------------------- dates

    /**
     * Ticks for a date axis in days since 1970-01-01: years (every 1, 2, 5, 10… years, on years
     * divisible by the step) when the range spans two years or more, otherwise months
     * ({@code Mar 2024}) or ISO dates.
     *
     * @param minDay    axis minimum, days since 1970-01-01
     * @param maxDay    axis maximum
     * @param maxLabels most labels wanted
     * @return the ticks
     */
    public static Ticks dates(double minDay, double maxDay, int maxLabels) {
        return TimeTicks.dates(minDay, maxDay, maxLabels);
    }

    // ---------------------------------------------------------------- helpers

    /** The ladder below an hour, then an hour times every {@code step}-th power of two up to 2¹⁶ hours. */
    static double[] hoursLadder(double[] calendar, int step) {
        List<Double> out = new ArrayList<>();
        for (double v : calendar) {
            if (v < HOUR * (1 - 1e-9)) {
                out.add(v);
            }
        }
        for (int k = 0; k <= 16; k += step) {
            out.add(HOUR * (1 << k));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static int ceilTo(int v, int step) {
        return Math.floorDiv(v + step - 1, step) * step;
    }

    static List<Double> inRange(double[] ladder, double min, double max) {
        List<Double> out = new ArrayList<>();
        for (double v : ladder) {
            if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                out.add(v);
            }
        }
        return out;
    }

    static List<Double> mantissaValues(double min, double max, int[] mantissas) {
        List<Double> out = new ArrayList<>();
        int lo = (int) Math.floor(Math.log10(min)) - 1;
        int hi = (int) Math.ceil(Math.log10(max));
        for (int e = lo; e <= hi; e++) {
            for (int m : mantissas) {
                double v = m * pow10(e);
                if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                    out.add(v);
                }
            }
        }
        out.sort(null);
        return out;
    }

    static List<Double> unlabelledMantissas(double min, double max, List<Tick> major) {
        List<Double> out = new ArrayList<>();
        if (Math.log10(max / min) > 12) {
            return out;
        }
        for (double v : mantissaValues(min, max, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9})) {
            if (!containsValue(major, v)) {
                out.add(v);
            }
        }
        return out;
    }

    static boolean containsValue(List<Tick> ticks, double v) {
        for (Tick t : ticks) {
            if (Math.abs(t.value() - v) <= 1e-9 * Math.max(Math.abs(v), 1e-300)) {
                return true;
            }
        }
        return false;
    }

    /** 10ᵉ computed exactly for the decades a double can hold (Math.pow(10, -1) is not 0.1). */
    static double pow10(int e) {
        return e >= 0 ? Double.parseDouble("1e" + e) : Double.parseDouble("1e-" + (-e));
    }

    static void checkRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("axis range must be finite with max > min, got " + min + " … " + max);
        }
    }

    static void checkLogRange(double min, double max) {
        checkRange(min, max);
        if (!(min > 0)) {
            throw new IllegalArgumentException("log axis needs min > 0, got " + min);
        }
    }

    /** The smallest nice step m·10ᵏ (m from {@code mantissas}) with at most {@code maxLabels} ticks. */
    static Step niceStep(double min, double max, int maxLabels, double[] mantissas) {
        double range = max - min;
        int k = (int) Math.floor(Math.log10(range / maxLabels)) - 1;
        for (int guard = 0; guard < 40; guard++, k++) {
            for (double m : mantissas) {
                Step s = new Step(m, k);
                if (s.count(min, max) <= maxLabels) {
                    return s;
                }
            }
        }
        return new Step(1, (int) Math.ceil(Math.log10(range)));
    }

    /** A step m·10ᵏ with exact multiples. */
    record Step(double mantissa, int exponent) {
        double size() {
            return exponent >= 0 ? mantissa * pow10(exponent) : mantissa / pow10(-exponent);
        }

        double at(long i) {
            // i·m·10ᵏ computed as (i·m)/10^-k to keep 0.3 as 0.3 rather than 0.30000000000000004.
            return exponent >= 0 ? i * mantissa * pow10(exponent) : i * mantissa / pow10(-exponent);
        }

        int count(double min, double max) {
            double s = size();
            long a = (long) Math.ceil(min / s - 1e-9);
            long b = (long) Math.floor(max / s + 1e-9);
            return (int) Math.max(0, b - a + 1);
        }

        List<Double> values(double min, double max) {
            double s = size();
            long a = (long) Math.ceil(min / s - 1e-9);
            long b = (long) Math.floor(max / s + 1e-9);
            List<Double> out = new ArrayList<>();
            for (long i = a; i <= b; i++) {
                double v = at(i);
                out.add(v == 0 ? 0.0 : v);
            }
            return out;
        }

        int decimals() {
            int d = Math.max(0, -exponent);
            return mantissa == 2.5 ? d + 1 : d;
        }

        Step half() {
            return mantissa == 1 ? new Step(5, exponent - 1) : new Step(mantissa / 2, exponent);
        }
    }
}

package org.scalefit.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The text of tick labels, the way scaling-law papers write them: powers of ten with superscripts
 * ({@code 10⁻⁹}) or in {@code 1e15} style, parameter and token counts with suffixes ({@code 100M},
 * {@code 1B}, {@code 1.4T}), human durations ({@code 15 sec}, {@code 4 hrs}, {@code 1 week}), years,
 * and decimals with a true minus sign ({@code −500}).
 *
 * <p>Pure functions of their arguments; no locale dependence (a dot is always the decimal separator).
 *
 * <pre>{@code
 * TickLabels.powerOfTen(-9);                          // "10⁻⁹"
 * TickLabels.scientific(1e15);                        // "1e15"
 * TickLabels.withSuffix(3e8);                         // "300M"
 * TickLabels.duration(240, DurationStyle.LONG);       // "4 hrs"
 * TickLabels.decimal(-500, 0);                        // "−500"
 * }</pre>
 */
public final class TickLabels {
    /** The minus sign typeset in labels (U+2212), wider than a hyphen. */
    public static final char MINUS = '\u2212';

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final double SECOND = 1.0 / 60;
    private static final double DAY_MINUTES = 24 * 60;
    private static final double WEEK_MINUTES = 7 * DAY_MINUTES;
    private static final double MONTH_MINUTES = 365.2425 / 12 * DAY_MINUTES;
    private static final double YEAR_MINUTES = 365.2425 * DAY_MINUTES;

    private TickLabels() {
    }

    /** How durations are written. */
    public enum DurationStyle {
        /** {@code 1 sec, 15 sec, 1 min, 1 hr, 4 hrs, 1 day, 1 week, 1 month} (METR's headline chart). */
        LONG,
        /** {@code 1s, 15s, 1m, 1h, 32h} (METR's Time Horizon 1.1 chart). */
        SHORT
    }

    /**
     * Which units durations of an hour and more are written in.
     *
     * <pre>{@code
     * TickLabels.duration(10080, DurationStyle.LONG, DurationScale.CALENDAR);   // "1 week"
     * TickLabels.duration(10020, DurationStyle.LONG, DurationScale.HOURS);      // "167 hrs"
     * }</pre>
     */
    public enum DurationScale {
        /** Calendar units: hours under a day, then days, weeks, months (30.44 days) and years of 24-hour days. */
        CALENDAR,
        /**
         * Hours from one hour up ({@code 8 hrs}, {@code 40 hrs}, {@code 167 hrs}): the scale of working-time
         * milestones (METR's 8 h work day, 40 h week, 167 h month), on which a calendar "1 week" (168 h)
         * would sit on top of the 167 h work month and a "1 day" (24 h) would read as a work day.
         */
        HOURS
    }

    /**
     * Rewrites digits, minus and plus signs as Unicode superscripts; other characters are kept.
     *
     * @param text e.g. {@code "-9"}
     * @return e.g. {@code "⁻⁹"}
     */
    public static String superscript(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '0' && c <= '9') {
                s.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
            } else if (c == '-' || c == MINUS) {
                s.append('⁻');
            } else if (c == '+') {
                s.append('⁺');
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * @param exponent n
     * @return {@code 10ⁿ} with a superscript exponent, e.g. {@code "10⁻⁹"}, {@code "10⁰"}
     */
    public static String powerOfTen(int exponent) {
        return "10" + superscript(Integer.toString(exponent));
    }

    /**
     * Scientific notation without a plus sign or leading zeros, the matplotlib/plotnine {@code 1eN}
     * style used by Jones (2021): {@code 1e11}, {@code 6e18}, {@code 2.5e-3}.
     *
     * @param v the value
     * @return the text; {@code "0"} for zero
     */
    public static String scientific(double v) {
        return scientific(v, false);
    }

    /**
     * Scientific notation with an explicit exponent sign, {@code 6e+18}, as in the legends of
     * Hoffmann et al. (2022), Figure 4.
     *
     * @param v the value
     * @return the text
     */
    public static String scientificWithSign(double v) {
        return scientific(v, true);
    }

    private static String scientific(double v, boolean plus) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)));
        double m = v / Math.pow(10, e);
        // Rounding can carry into the next decade: 9.9999 → 10.
        String mant = trim(BigDecimal.valueOf(m).setScale(3, RoundingMode.HALF_EVEN));
        if (mant.equals("10") || mant.equals("-10")) {
            e += 1;
            mant = m < 0 ? "-1" : "1";
        }
        String exp = e < 0 ? "-" + (-e) : (plus ? "+" : "") + e;
        return mant.replace('-', MINUS) + "e" + exp;
    }

    /**
     * Counts with a magnitude suffix: K (10³), M (10⁶), B (10⁹), T (10¹²), as in Hoffmann et al.
     * (2022): {@code 100M}, {@code 300M}, {@code 1B}, {@code 6B}, {@code 63B}, {@code 1.4T}. Values
     * below 1000 are printed plainly; at most two significant decimals are kept.
     *
     * @param v the count
     * @return the text
     */
    public static String withSuffix(double v) {
        double a = Math.abs(v);
        String[] suffix = {"", "K", "M", "B", "T", "Q"};
        int k = 0;
        while (k < suffix.length - 1 && a >= 999.5 * Math.pow(1000, k)) {
            k++;
        }
        double m = v / Math.pow(1000, k);
        String num = trim(new BigDecimal(m).round(new java.math.MathContext(m >= 100 || m <= -100 ? 3 : 2,
                RoundingMode.HALF_EVEN)));
        return num.replace('-', MINUS) + suffix[k];
    }

    /**
     * A decimal with a fixed number of decimals and a true minus sign.
     *
     * @param v        the value
     * @param decimals digits after the point, at least 0
     * @return e.g. {@code "−1000"}, {@code "2.70"}
     */
    public static String decimal(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal bd = new BigDecimal(v).setScale(Math.max(0, decimals), RoundingMode.HALF_EVEN);
        if (bd.signum() == 0) {
            bd = bd.abs();
        }
        return bd.toPlainString().replace('-', MINUS);
    }

    /**
     * A decimal with as few decimals as needed (up to 6 significant digits), a true minus sign and
     * no trailing zeros: {@code 3}, {@code 2.5}, {@code 0.001}.
     *
     * @param v the value
     * @return the text
     */
    public static String decimal(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        String s = trim(new BigDecimal(v).round(new java.math.MathContext(6, RoundingMode.HALF_EVEN)));
        return s.replace('-', MINUS);
    }

    /**
     * A human duration: seconds under a minute, minutes under an hour, hours under a day, then
     * days, weeks, months (of 30.44 days) and years. Whole numbers are printed without decimals;
     * others with one ({@code 1.5 hrs}).
     *
     * @param minutes the duration in minutes
     * @param style   long ({@code 4 hrs}) or short ({@code 4h})
     * @return the text
     */
    public static String duration(double minutes, DurationStyle style) {
        return duration(minutes, style, DurationScale.CALENDAR);
    }

    /**
     * A human duration in the given scale: as {@link #duration(double, DurationStyle)} for
     * {@link DurationScale#CALENDAR}; with {@link DurationScale#HOURS} everything from an hour up is
     * written in hours ({@code 40 hrs}, {@code 2000 hrs}; short {@code 40h}).
     *
     * @param minutes the duration in minutes
     * @param style   long ({@code 4 hrs}) or short ({@code 4h})
     * @param scale   calendar units or hours
     * @return the text
     */
    public static String duration(double minutes, DurationStyle style, DurationScale scale) {
        if (!(minutes > 0) || !Double.isFinite(minutes)) {
            return style == DurationStyle.SHORT ? "0s" : "0 sec";
        }
        // A tiny tolerance keeps 59.99999 s (from floating-point ladders) as "1 min".
        double m = minutes * (1 + 1e-9);
        if (style == DurationStyle.SHORT) {
            if (m < 1) {
                return number(minutes / SECOND) + "s";
            }
            if (m < 60) {
                return number(minutes) + "m";
            }
            if (m < 100 * 60 || scale == DurationScale.HOURS) {
                return number(minutes / 60) + "h";
            }
            return number(minutes / DAY_MINUTES) + "d";
        }
        if (m < 1) {
            return number(minutes / SECOND) + " sec";
        }
        if (m < 60) {
            return number(minutes) + " min";
        }
        if (m < DAY_MINUTES || scale == DurationScale.HOURS) {
            return plural(minutes / 60, "hr", "hrs");
        }
        if (m < WEEK_MINUTES) {
            return plural(minutes / DAY_MINUTES, "day", "days");
        }
        if (m < MONTH_MINUTES) {
            return plural(minutes / WEEK_MINUTES, "week", "weeks");
        }
        if (m < YEAR_MINUTES) {
            return plural(minutes / MONTH_MINUTES, "month", "months");
        }
        return plural(minutes / YEAR_MINUTES, "year", "years");
    }

    /**
     * @param epochDay days since 1970-01-01
     * @return the calendar year, e.g. {@code "2024"}
     */
    public static String year(double epochDay) {
        return Integer.toString(LocalDate.ofEpochDay((long) Math.floor(epochDay + 1e-6)).getYear());
    }

    /**
     * @param epochDay days since 1970-01-01
     * @return month and year, e.g. {@code "Mar 2024"}
     */
    public static String monthYear(double epochDay) {
        LocalDate d = LocalDate.ofEpochDay((long) Math.floor(epochDay + 1e-6));
        return d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + d.getYear();
    }

    /**
     * @param epochDay days since 1970-01-01
     * @return the ISO date, e.g. {@code "2024-03-15"}
     */
    public static String date(double epochDay) {
        return LocalDate.ofEpochDay((long) Math.floor(epochDay + 1e-6)).toString();
    }

    private static String plural(double n, String one, String many) {
        String s = number(n);
        return s + " " + (s.equals("1") ? one : many);
    }

    /**
     * A whole number when within 0.01 of one, else one decimal; below 1, two significant digits (a quarter
     * second is 0.25, four milliseconds 0.004).
     */
    private static String number(double n) {
        double r = Math.rint(n);
        if (Math.abs(n) >= 1 && Math.abs(n - r) < 0.01 * Math.abs(n)) {
            return Long.toString((long) r);
        }
        if (Math.abs(n) < 1) {
            return trim(new BigDecimal(n).round(new java.math.MathContext(2, RoundingMode.HALF_EVEN)));
        }
        return trim(BigDecimal.valueOf(n).setScale(1, RoundingMode.HALF_EVEN));
    }

    private static String trim(BigDecimal bd) {
        String s = bd.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}

package org.scalefit.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalefit.InvalidDataException;

/**
 * Dates for time columns, as <b>days since 1970-01-01 (UTC) in a double</b>; a time of day adds a
 * fraction of a day, so {@code 2024-05-13T12:00:00Z} is {@code 19856.5}.
 *
 * <p>Accepted forms (ISO 8601):
 * <ul>
 *   <li>{@code 2024-05-13} — a date, at midnight UTC;</li>
 *   <li>{@code 2024-05-13T12:30}, {@code 2024-05-13 12:30}, {@code 2024-05-13T12:30:00},
 *       {@code 2024-05-13T12:30:00.250} — a date and time, read as UTC;</li>
 *   <li>{@code 2024-05-13T12:30:00Z}, {@code 2024-05-13T12:30:00+02:00} (also {@code +0200},
 *       {@code +02}) — a date and time with an offset, converted to UTC;</li>
 *   <li>{@code 2024-05} — the first day of that month;</li>
 *   <li>{@code 2024} or {@code 2024.37} — a (decimal) year, converted by
 *       {@link #fromDecimalYear(double)}: the start of the year plus the fraction times the number of
 *       days in that year (365 or 366), so {@code 2024.5} is 183 days after 2024-01-01.</li>
 * </ul>
 * Anything else, such as {@code 13/05/2024}, and impossible dates such as {@code 2024-02-30} are
 * rejected with a message that says why.
 *
 * <pre>{@code
 * double t = Dates.toEpochDay("2024-05-13");        // 19856.0
 * String s = Dates.format(t + 30);                   // "2024-06-12"
 * double year = Dates.toDecimalYear(t);              // 2024.3634...
 * double doublingDays = 7 * Dates.DAYS_PER_MONTH;    // a 7-month doubling time in days
 * }</pre>
 */
public final class Dates {
    /** Mean length of a Gregorian year in days: 365.2425. Use it to express durations in years. */
    public static final double DAYS_PER_YEAR = 365.2425;

    /** Mean length of a Gregorian month in days: {@code DAYS_PER_YEAR / 12} = 30.436875. */
    public static final double DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

    private static final double SECONDS_PER_DAY = 86_400.0;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})(?:-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?)?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:\\.\\d+)?");

    private Dates() {
    }

    /**
     * Parses an ISO date, date-time, year-month or decimal year (see the class description).
     *
     * <pre>{@code
     * Dates.toEpochDay("1970-01-02");                  // 1.0
     * Dates.toEpochDay("2024-05-13T12:30:00+02:00");   // 19856.4375 (10:30 UTC)
     * Dates.toEpochDay("13/05/2024");                  // throws InvalidDataException
     * }</pre>
     *
     * @param text the date; surrounding spaces are ignored
     * @return days since 1970-01-01 UTC, with the time of day as a fraction
     * @throws InvalidDataException if the text is not one of the accepted forms or not a real date,
     *                              e.g. {@code "13/05/2024" is not an ISO date (use YYYY-MM-DD)}
     */
    public static double toEpochDay(String text) {
        try {
            return parse(text);
        } catch (ValueException e) {
            throw new InvalidDataException(e.reason());
        }
    }

    /**
     * @param text any text
     * @return true when {@link #toEpochDay(String)} accepts it
     */
    public static boolean isDate(String text) {
        try {
            parse(text);
            return true;
        } catch (ValueException e) {
            return false;
        }
    }

    /**
     * The calendar day (UTC) containing the given instant.
     *
     * <pre>{@code
     * Dates.toDate(19856.75);   // 2024-05-13
     * }</pre>
     *
     * @param epochDay days since 1970-01-01 UTC
     * @return the date, the time of day dropped
     * @throws InvalidDataException if the value is not finite or beyond the years ±999,999,999
     */
    public static LocalDate toDate(double epochDay) {
        if (!Double.isFinite(epochDay) || Math.abs(epochDay) > 3.6e11) {
            throw new InvalidDataException("day " + epochDay + " is not a representable date");
        }
        try {
            return LocalDate.ofEpochDay((long) Math.floor(epochDay));
        } catch (DateTimeException e) {
            throw new InvalidDataException("day " + epochDay + " is not a representable date", e);
        }
    }

    /**
     * Formats the calendar day (UTC) as {@code YYYY-MM-DD}.
     *
     * <pre>{@code
     * Dates.format(0.0);   // "1970-01-01"
     * }</pre>
     *
     * @param epochDay days since 1970-01-01 UTC
     * @return the ISO date of that day
     * @throws InvalidDataException if the value is not finite or not a representable date
     */
    public static String format(double epochDay) {
        return toDate(epochDay).toString();
    }

    /**
     * Converts to a decimal year: the calendar year plus the elapsed fraction of it, measured in
     * days of that year (365 or 366). The inverse of {@link #fromDecimalYear(double)}.
     *
     * <pre>{@code
     * Dates.toDecimalYear(Dates.toEpochDay("2024-01-01"));   // 2024.0
     * Dates.toDecimalYear(Dates.toEpochDay("2023-07-02"));   // 2023.4959 (182 of 365 days)
     * }</pre>
     *
     * @param epochDay days since 1970-01-01 UTC
     * @return the decimal year
     * @throws InvalidDataException if the value is not finite or not a representable date
     */
    public static double toDecimalYear(double epochDay) {
        LocalDate day = toDate(epochDay);
        int year = day.getYear();
        double start = LocalDate.of(year, 1, 1).toEpochDay();
        return year + (epochDay - start) / Year.of(year).length();
    }

    /**
     * Converts a decimal year to days since 1970-01-01: the start of year {@code floor(year)} plus
     * the fraction times the number of days in that year (365 or 366). {@code 2024.0} is exactly
     * 2024-01-01; {@code 2024.5} is 2024-07-02 (183 of 366 days).
     *
     * <pre>{@code
     * Dates.format(Dates.fromDecimalYear(2024.5));   // "2024-07-02"
     * }</pre>
     *
     * @param year a decimal year, e.g. {@code 2024.37}
     * @return days since 1970-01-01 UTC
     * @throws InvalidDataException if the year is not finite or beyond ±999,999,999
     */
    public static double fromDecimalYear(double year) {
        if (!Double.isFinite(year) || Math.abs(year) >= 999_999_999) {
            throw new InvalidDataException("year " + year + " is not a representable date");
        }
        int y = (int) Math.floor(year);
        double start = LocalDate.of(y, 1, 1).toEpochDay();
        return start + (year - y) * Year.of(y).length();
    }

    /**
     * Parses a date, reporting a problem without the place.
     *
     * @param text the date text
     * @return days since 1970-01-01 UTC
     * @throws ValueException with a reason such as {@code "2024-02-30" is not a valid date: ...}
     */
    static double parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new ValueException("an empty value is not a date");
        }
        Matcher y = YEAR.matcher(t);
        if (y.matches()) {
            return fromDecimalYear(Double.parseDouble(t));
        }
        Matcher m = ISO.matcher(t);
        if (!m.matches()) {
            throw new ValueException(Cells.quote(t) + " is not an ISO date (use YYYY-MM-DD)");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            throw new ValueException(Cells.quote(t) + " is not a valid date: there is no month " + m.group(2));
        }
        int length = Month.of(month).length(Year.isLeap(year));
        if (day < 1) {
            throw new ValueException(Cells.quote(t) + " is not a valid date: there is no day " + m.group(3));
        }
        if (day > length) {
            throw new ValueException(Cells.quote(t) + " is not a valid date: "
                    + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has " + length + " days");
        }
        double days = LocalDate.of(year, month, day).toEpochDay();
        if (m.group(4) == null) {
            return days;
        }
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (hour > 23 || minute > 59 || second > 59) {
            throw new ValueException(Cells.quote(t) + " is not a valid time of day (hours 00-23, minutes and seconds 00-59)");
        }
        double seconds = hour * 3600.0 + minute * 60.0 + second;
        if (m.group(7) != null) {
            seconds += Double.parseDouble("0." + m.group(7));
        }
        String zone = m.group(8);
        if (zone != null && !zone.equalsIgnoreCase("z")) {
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            String digits = zone.substring(1).replace(":", "");
            int oh = Integer.parseInt(digits.substring(0, 2));
            int om = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
            if (oh > 18 || om > 59) {
                throw new ValueException(Cells.quote(t) + " has an impossible UTC offset " + zone);
            }
            seconds -= sign * (oh * 3600.0 + om * 60.0);
        }
        return days + seconds / SECONDS_PER_DAY;
    }
}

package org.scalefit.data;

import com.fasterxml.jackson.core.io.NumberInput;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.scalefit.InvalidDataException;

/**
 * Converts table cells to numbers, dates and labels, with one-line errors that name the file, row,
 * column and value.
 *
 * <p>Numbers: an optional sign, digits with an optional decimal point, and an optional exponent
 * ({@code 12}, {@code -3.5}, {@code .5}, {@code 1e+25}, {@code 1.5E3}). Surrounding spaces and one
 * pair of surrounding quotes are ignored. Everything else is rejected with the reason:
 * <pre>
 * row 5 of runs.csv, column "loss" is empty
 * row 5 of runs.csv, column "loss": "NA" marks a missing value, not a number
 * row 5 of runs.csv, column "loss": "inf" is not a finite number
 * row 5 of runs.csv, column "loss": "abc" is not a number
 * row 5 of runs.csv, column "loss": "1,000" looks like a number with thousands separators; remove them
 * row 5 of runs.csv, column "loss": "3,5" has a decimal comma, as is usual in ;-separated files; write 3.5
 * </pre>
 * Missing-value markers are {@code NA}, {@code N/A}, {@code #N/A}, {@code null}, {@code None},
 * {@code nil}, {@code missing}, {@code -} and {@code ?} (any case); non-finite values are
 * {@code nan}, {@code inf}, {@code infinity} with any sign and case, and numbers too large for a
 * double.
 *
 * <pre>{@code
 * Table t = TableReader.read(Path.of("runs.csv"));
 * int loss = t.columnIndex("loss");
 * double first = Cells.number(t, 0, loss);
 * }</pre>
 */
public final class Cells {
    private static final Set<String> MISSING = Set.of("na", "n/a", "#n/a", "null", "none", "nil", "missing", "-", "?");
    private static final Set<String> NON_FINITE = Set.of("nan", "inf", "infinity", "1.#inf", "1.#qnan");
    private static final Pattern SPREADSHEET_ERROR = Pattern.compile("#[A-Z0-9/]+[!?]");
    private static final Pattern THOUSANDS =
            Pattern.compile("[+-]?\\d{1,3}([, '_\u00A0\u2009\u202F])\\d{3}(?:\\1\\d{3})*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+(?:[eE][+-]?\\d+)?");
    private static final Pattern DECIMAL_COMMA_GROUPED = Pattern.compile("[+-]?\\d{1,3}(?:\\.\\d{3})+,\\d+");
    private static final Pattern SUFFIXED = Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*([kKMBT])");
    private static final int MAX_QUOTED = 60;

    private Cells() {
    }

    /**
     * The number in a cell.
     *
     * <pre>{@code
     * double loss = Cells.number(table, 3, table.columnIndex("loss"));
     * }</pre>
     *
     * @param table the table
     * @param row   data row index (0-based)
     * @param col   column index
     * @return the finite number
     * @throws InvalidDataException naming file, row, column and value, e.g.
     *                              {@code row 5 of runs.csv, column "loss": "abc" is not a number}
     */
    public static double number(Table table, int row, int col) {
        double quick = table.plainNumber(row, col);
        if (!Double.isNaN(quick)) {
            return quick;
        }
        try {
            return parse(table.cell(row, col), table.delimiter());
        } catch (ValueException e) {
            throw new InvalidDataException(at(table.where(row, col), e), table.place(row, col));
        }
    }

    /**
     * The date in a cell, as days since 1970-01-01 UTC (see {@link Dates}).
     *
     * <pre>{@code
     * double t = Cells.epochDay(table, 0, table.columnIndex("release_date"));
     * }</pre>
     *
     * @param table the table
     * @param row   data row index (0-based)
     * @param col   column index
     * @return days since 1970-01-01 UTC
     * @throws InvalidDataException naming file, row, column and value, e.g.
     *                              {@code row 3 of runs.csv, column "date": "13/05/2024" is not an ISO date (use YYYY-MM-DD)}
     */
    public static double epochDay(Table table, int row, int col) {
        try {
            String text = table.cell(row, col);
            if (text.isBlank()) {
                throw new ValueException(null);
            }
            return Dates.parse(text);
        } catch (ValueException e) {
            throw new InvalidDataException(at(table.where(row, col), e), table.place(row, col));
        }
    }

    /**
     * The text of a cell without surrounding spaces, which must not be empty (e.g. a group label).
     *
     * <pre>{@code
     * String model = Cells.label(table, 0, table.columnIndex("model"));
     * }</pre>
     *
     * @param table the table
     * @param row   data row index (0-based)
     * @param col   column index
     * @return the stripped text
     * @throws InvalidDataException {@code row 5 of runs.csv, column "model" is empty}
     */
    public static String label(Table table, int row, int col) {
        String text = table.cell(row, col).strip();
        if (text.isEmpty()) {
            throw new InvalidDataException(table.where(row, col) + " is empty", table.place(row, col));
        }
        return text;
    }

    /**
     * Parses a number by the rules of this class, without a place in the message.
     *
     * <pre>{@code
     * Cells.parseNumber(" 1.5E3 ");   // 1500.0
     * Cells.parseNumber("1,000");     // throws: "1,000" looks like a number with thousands separators; remove them
     * }</pre>
     *
     * @param text the text
     * @return the finite number
     * @throws InvalidDataException saying why the text is not a number
     */
    public static double parseNumber(String text) {
        try {
            return parse(text, Optional.empty());
        } catch (ValueException e) {
            throw new InvalidDataException(e.reason() == null ? "the value is empty" : e.reason());
        }
    }

    /**
     * @param text any text
     * @return true when {@link #parseNumber(String)} accepts it
     */
    public static boolean isNumber(String text) {
        try {
            parse(text, Optional.empty());
            return true;
        } catch (ValueException e) {
            return false;
        }
    }

    /**
     * Joins a place and a problem: {@code <where> is empty} or {@code <where>: <reason>}.
     *
     * @param where e.g. {@code row 5 of runs.csv, column "loss"}
     * @param e     the problem; a null reason means the cell is empty
     * @return the one-line message
     */
    static String at(String where, ValueException e) {
        return e.reason() == null ? where + " is empty" : where + ": " + e.reason();
    }

    /**
     * Parses a number; a {@link ValueException} with a null reason means the cell is empty.
     *
     * @param text      the cell text
     * @param delimiter the file's field delimiter, if any (decides how {@code 3,5} is explained)
     * @return the finite number
     */
    static double parse(String text, Optional<Character> delimiter) {
        String t = unquote(text.strip());
        if (t.isEmpty()) {
            throw new ValueException(null);
        }
        if (isPlainNumber(t)) {
            double v = NumberInput.parseDouble(t, true);
            if (!Double.isFinite(v)) {
                throw new ValueException(quote(t) + " is not a finite number (too large for a double)");
            }
            return v;
        }
        throw new ValueException(explain(t, delimiter.orElse('\0') == ';'));
    }

    private static String explain(String t, boolean semicolonFile) {
        String lower = t.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (NON_FINITE.contains(unsigned)) {
            return quote(t) + " is not a finite number";
        }
        if (MISSING.contains(lower)) {
            return quote(t) + " marks a missing value, not a number";
        }
        if (SPREADSHEET_ERROR.matcher(t).matches()) {
            return quote(t) + " is a spreadsheet error, not a number";
        }
        if (semicolonFile && (DECIMAL_COMMA.matcher(t).matches() || DECIMAL_COMMA_GROUPED.matcher(t).matches())) {
            return quote(t) + " has a decimal comma, as is usual in ;-separated files; write "
                    + t.replace(".", "").replace(',', '.');
        }
        if (THOUSANDS.matcher(t).matches()) {
            return quote(t) + " looks like a number with thousands separators; remove them";
        }
        if (DECIMAL_COMMA.matcher(t).matches()) {
            return quote(t) + " has a decimal comma; write " + t.replace(',', '.');
        }
        if (t.indexOf('\u2212') >= 0 && isPlainNumber(t.replace('\u2212', '-'))) {
            return quote(t) + " has a Unicode minus sign; write " + t.replace('\u2212', '-');
        }
        var suffixed = SUFFIXED.matcher(t);
        if (suffixed.matches()) {
            String exponent = switch (suffixed.group(2)) {
                case "k", "K" -> "e3";
                case "M" -> "e6";
                case "B" -> "e9";
                default -> "e12";
            };
            return quote(t) + " is not a number; write " + suffixed.group(1) + exponent;
        }
        if (ISO_DATE.matcher(t).matches()) {
            // The usual slip: a release-date column given to a law of numbers (a break search, a power law).
            return quote(t) + " is a date, not a number: only a law that reads dates (doubling) takes a date column";
        }
        return quote(t) + " is not a number";
    }

    /**
     * The number written by the characters {@code from} to {@code to} when they are exactly a plain number (as
     * {@link #isPlainNumber}: nothing around it) whose value is finite; NaN otherwise, for the caller to take
     * the slow path with its messages. The value is the correctly rounded double, as {@link Double#parseDouble}
     * gives (Jackson's bundled FastDoubleParser: an equality test on random numbers holds them equal).
     *
     * @param chars the characters
     * @param from  the first
     * @param to    one past the last
     * @return the number, or NaN
     */
    static double plainNumber(char[] chars, int from, int to) {
        if (!plainSyntax(chars, from, to)) {
            return Double.NaN;
        }
        double v = NumberInput.parseDouble(chars, from, to - from, true);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** A calendar date as METR's and Epoch's tables write it: 2024-05-13 (a time of day may follow). */
    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T].*)?");

    /** Sign, digits with an optional point, optional exponent; at least one mantissa digit. */
    static boolean isPlainNumber(String t) {
        return plainSyntax(t.toCharArray(), 0, t.length());
    }

    private static boolean plainSyntax(char[] t, int from, int to) {
        int i = from;
        if (i < to && (t[i] == '+' || t[i] == '-')) {
            i++;
        }
        int digits = 0;
        while (i < to && isDigit(t[i])) {
            i++;
            digits++;
        }
        if (i < to && t[i] == '.') {
            i++;
            while (i < to && isDigit(t[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (t[i] == 'e' || t[i] == 'E')) {
            i++;
            if (i < to && (t[i] == '+' || t[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < to && isDigit(t[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == to;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String unquote(String t) {
        if (t.length() >= 2) {
            char first = t.charAt(0);
            if ((first == '"' || first == '\'') && t.charAt(t.length() - 1) == first) {
                return t.substring(1, t.length() - 1).strip();
            }
        }
        return t;
    }

    /**
     * Quotes a value for a one-line message: control characters and quotes escaped, long values
     * shortened.
     *
     * @param value the value
     * @return e.g. {@code "abc"}
     */
    static String quote(String value) {
        return '"' + escape(value, true) + '"';
    }

    /**
     * Makes a name or value safe for a one-line message without quoting it: control characters
     * escaped, long values shortened.
     *
     * @param value the text
     * @return the text as it can be shown
     */
    static String escape(String value) {
        return escape(value, false);
    }

    private static String escape(String value, boolean quotes) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 8);
        int limit = value.length() > MAX_QUOTED ? MAX_QUOTED - 3 : value.length();
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (quotes && (c == '"' || c == '\\')) {
                        sb.append('\\').append(c);
                    } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (limit < value.length()) {
            sb.append("...");
        }
        return sb.toString();
    }
}

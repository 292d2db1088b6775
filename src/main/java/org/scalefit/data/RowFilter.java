package org.scalefit.data;

import java.util.List;
import java.util.function.IntPredicate;
import org.scalefit.InvalidDataException;

/**
 * A condition on one column that a row must meet to be used, as given to {@code --where}:
 * {@code loss<5}, {@code model==gpt4}, {@code date>=2023-01-01}, with the operators
 * {@code < <= > >= == !=}.
 *
 * <p>The comparison depends on the value on the right: when it is a number (by the rules of
 * {@link Cells}) cells are compared as numbers; otherwise, when it is an ISO date (see
 * {@link Dates}), as dates; otherwise as text (only {@code ==} and {@code !=}, after stripping
 * surrounding spaces from the cell). A value that is both a number and a (decimal) year, such as
 * {@code 2023}, is compared as a number with number cells and as a date with date cells, so
 * {@code date<2023} keeps dates before 2023-01-01. With {@code ==} and {@code !=} a cell that is not a number
 * (or date) is compared as text; with an ordering operator it is an error naming the cell:
 * <pre>
 * filter loss&lt;5: row 7 of runs.csv, column "loss": "abc" is not a number
 * </pre>
 * Several filters are combined with AND ({@link #all(List, Table)}).
 *
 * <pre>{@code
 * RowFilter f = RowFilter.parse("date>=2023-01-01");
 * IntPredicate keep = f.bind(table);              // throws on an unknown column
 * if (keep.test(0)) { ... }
 * }</pre>
 *
 * @param column   the column name
 * @param operator the comparison
 * @param value    the value on the right, without surrounding quotes
 */
public record RowFilter(String column, Operator operator, String value) {
    /** The comparison operators of a filter. */
    public enum Operator {
        /** {@code <} */
        LT("<"),
        /** {@code <=} */
        LE("<="),
        /** {@code >} */
        GT(">"),
        /** {@code >=} */
        GE(">="),
        /** {@code ==} */
        EQ("=="),
        /** {@code !=} */
        NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** @return the operator as written, e.g. {@code <=} */
        public String symbol() {
            return symbol;
        }

        /** @return true for {@code < <= > >=}, which need numbers or dates */
        public boolean isOrdering() {
            return this != EQ && this != NE;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
            };
        }
    }

    /**
     * @param column   the column name
     * @param operator the comparison
     * @param value    the value on the right
     * @throws InvalidDataException if the column is blank, or an ordering operator has a value
     *                              that is neither a number nor a date
     */
    public RowFilter {
        if (column == null || column.isBlank()) {
            throw new InvalidDataException("filter names no column; write e.g. loss<5");
        }
        if (operator == null || value == null) {
            throw new InvalidDataException("filter on " + Cells.quote(column) + " needs an operator and a value");
        }
        if (operator.isOrdering() && !Cells.isNumber(value) && !Dates.isDate(value)) {
            throw new InvalidDataException("filter " + Cells.escape(column + operator.symbol() + value) + ": "
                    + operator.symbol() + " needs a number or an ISO date (YYYY-MM-DD), not " + Cells.quote(value));
        }
    }

    /**
     * Parses {@code COLUMN OP VALUE}, spaces allowed around the operator; the value may be quoted
     * ({@code model=="gpt 4"}) and may be empty for {@code ==} and {@code !=} ({@code tag!=}: the
     * cell is not empty).
     *
     * <pre>{@code
     * RowFilter.parse("loss < 5");       // RowFilter[column=loss, operator=LT, value=5]
     * RowFilter.parse("model=gpt4");     // throws: filter "model=gpt4": write == to test equality
     * }</pre>
     *
     * @param text the filter
     * @return the filter
     * @throws InvalidDataException if the text has no operator, no column or a bad value
     */
    public static RowFilter parse(String text) {
        String t = text.strip();
        int i = 0;
        while (i < t.length() && "<>=!".indexOf(t.charAt(i)) < 0) {
            i++;
        }
        if (i == t.length()) {
            throw new InvalidDataException("filter " + Cells.quote(t) + " has no comparison; use one of < <= > >= == !=, e.g. loss<5");
        }
        String column = t.substring(0, i).strip();
        if (column.isEmpty()) {
            throw new InvalidDataException("filter " + Cells.quote(t) + " names no column; write e.g. loss<5");
        }
        char c = t.charAt(i);
        char next = i + 1 < t.length() ? t.charAt(i + 1) : '\0';
        Operator op;
        int width = 2;
        if (next == '=') {
            op = switch (c) {
                case '<' -> Operator.LE;
                case '>' -> Operator.GE;
                case '=' -> Operator.EQ;
                default -> Operator.NE;
            };
        } else if (c == '<' || c == '>') {
            op = c == '<' ? Operator.LT : Operator.GT;
            width = 1;
        } else if (c == '=' && (next == '<' || next == '>')) {
            throw new InvalidDataException("filter " + Cells.quote(t) + ": write " + next + "= instead of =" + next);
        } else if (c == '=') {
            throw new InvalidDataException("filter " + Cells.quote(t) + ": write == to test equality");
        } else {
            throw new InvalidDataException("filter " + Cells.quote(t) + ": write != for \"not equal\"");
        }
        String value = t.substring(i + width).strip();
        if (value.length() >= 2) {
            char q = value.charAt(0);
            if ((q == '"' || q == '\'') && value.charAt(value.length() - 1) == q) {
                value = value.substring(1, value.length() - 1);
            }
        }
        return new RowFilter(column, op, value);
    }

    /**
     * The filter as a test of row indices of one table.
     *
     * <pre>{@code
     * IntPredicate recent = RowFilter.parse("date>=2023-01-01").bind(table);
     * }</pre>
     *
     * @param table the table
     * @return a predicate on data row indices; it throws {@link InvalidDataException} naming the
     *         cell when an ordering comparison meets a cell that is not a number (or date)
     * @throws InvalidDataException if the table has no such column (the "unknown column" message)
     */
    public IntPredicate bind(Table table) {
        int col = table.columnIndex(column);
        if (Cells.isNumber(value)) {
            double v = Cells.parseNumber(value);
            double asDate = Dates.isDate(value) ? Dates.parse(value) : Double.NaN;
            return row -> {
                String cell = table.cell(row, col);
                double x;
                try {
                    x = Cells.parse(cell, table.delimiter());
                } catch (ValueException e) {
                    if (!Double.isNaN(asDate) && Dates.isDate(cell)) {
                        return operator.holds(Double.compare(Dates.parse(cell), asDate));
                    }
                    return compareText(table, row, col, cell, e);
                }
                return operator.holds(x == v ? 0 : x < v ? -1 : 1);
            };
        }
        if (Dates.isDate(value)) {
            double v = Dates.parse(value);
            return row -> {
                String cell = table.cell(row, col);
                double x;
                try {
                    if (cell.isBlank()) {
                        throw new ValueException(null);
                    }
                    x = Dates.parse(cell);
                } catch (ValueException e) {
                    return compareText(table, row, col, cell, e);
                }
                return operator.holds(Double.compare(x, v));
            };
        }
        return row -> operator.holds(table.cell(row, col).strip().equals(value) ? 0 : 1);
    }

    private boolean compareText(Table table, int row, int col, String cell, ValueException e) {
        if (operator.isOrdering()) {
            throw new InvalidDataException("filter " + Cells.escape(toString()) + ": " + Cells.at(table.where(row, col), e));
        }
        return operator.holds(cell.strip().equals(value) ? 0 : 1);
    }

    /**
     * Several filters combined with AND; no filters keep every row.
     *
     * <pre>{@code
     * IntPredicate keep = RowFilter.all(List.of(RowFilter.parse("loss<5"), RowFilter.parse("model!=tiny")), table);
     * }</pre>
     *
     * @param filters the filters
     * @param table   the table
     * @return a predicate on data row indices
     * @throws InvalidDataException if a filter names an unknown column
     */
    public static IntPredicate all(List<RowFilter> filters, Table table) {
        IntPredicate combined = row -> true;
        for (RowFilter f : filters) {
            combined = combined.and(f.bind(table));
        }
        return combined;
    }

    /** @return the filter as written, e.g. {@code loss<5} */
    @Override
    public String toString() {
        return column + operator.symbol() + value;
    }
}

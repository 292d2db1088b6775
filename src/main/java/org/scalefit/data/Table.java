package org.scalefit.data;

import org.scalefit.Place;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.InvalidDataException;

/**
 * An immutable, column-oriented table of text cells as read from a file, with the file's row
 * numbers so that every message can point at the right line.
 *
 * <p>Rows follow the spreadsheet convention: for CSV and TSV the header is row 1 and the first data
 * row is row 2 (blank lines count, as a spreadsheet shows them); for JSON Lines the row is the line
 * number. Cells hold the text as written, without CSV quotes; an empty cell is {@code ""}.
 *
 * <pre>{@code
 * Table t = TableReader.read(Path.of("runs.csv"));
 * int loss = t.columnIndex("loss");            // throws, naming the columns there are, on a typo
 * for (int r = 0; r < t.rowCount(); r++) {
 *     double y = Cells.number(t, r, loss);     // "row 5 of runs.csv, column "loss" is empty"
 * }
 * }</pre>
 */
public final class Table {
    private static final int MAX_LISTED = 30;

    private final String source;
    private final List<String> columns;
    private final TextColumn[] cells;
    private final int[] sourceRows;
    private final Character delimiter;

    private Table(String source, List<String> columns, TextColumn[] cells, int[] sourceRows, Character delimiter) {
        this.source = source;
        this.columns = columns;
        this.cells = cells;
        this.sourceRows = sourceRows;
        this.delimiter = delimiter;
    }

    /**
     * A table from in-memory rows; data row i gets source row i + 2 (the header being row 1).
     *
     * <pre>{@code
     * Table t = Table.of("runs.csv", List.of("compute", "loss"),
     *         List.of(List.of("1e18", "3.1"), List.of("1e19", "2.7")));
     * }</pre>
     *
     * @param source  the name used in messages, e.g. a file name
     * @param columns the column names, unique (empty names are allowed and cannot be selected)
     * @param rows    the rows, each with one cell per column
     * @return the table
     * @throws InvalidDataException if a name repeats or a row has the wrong number of cells
     */
    public static Table of(String source, List<String> columns, List<? extends List<String>> rows) {
        Objects.requireNonNull(source, "source");
        List<String> names = List.copyOf(columns);
        checkUnique(source, names);
        String[][] cells = new String[names.size()][rows.size()];
        int[] sourceRows = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != names.size()) {
                throw new InvalidDataException("row " + (r + 2) + " of " + source + " has " + row.size()
                        + " fields but the header has " + names.size());
            }
            for (int c = 0; c < names.size(); c++) {
                cells[c][r] = Objects.requireNonNull(row.get(c), "cell");
            }
            sourceRows[r] = r + 2;
        }
        return ofColumns(source, names, cells, sourceRows, null);
    }

    /** Builds a table from column arrays that the reader owns; no copies are made. */
    static Table ofColumns(String source, List<String> columns, String[][] cells, int[] sourceRows, Character delimiter) {
        TextColumn[] text = new TextColumn[cells.length];
        for (int c = 0; c < cells.length; c++) {
            text[c] = new TextColumn.Strings(cells[c]);
        }
        return new Table(source, List.copyOf(columns), text, sourceRows, delimiter);
    }

    /** Builds a table from columns that the reader owns; no copies are made. */
    static Table ofColumns(String source, List<String> columns, TextColumn[] cells, int[] sourceRows, Character delimiter) {
        return new Table(source, List.copyOf(columns), cells, sourceRows, delimiter);
    }

    /** @return the name used in messages, normally the file name, e.g. {@code runs.csv} */
    public String source() {
        return source;
    }

    /** @return the column names, in file order */
    public List<String> columns() {
        return columns;
    }

    /** @return the number of columns */
    public int columnCount() {
        return columns.size();
    }

    /** @return the number of data rows (the header and blank lines are not counted) */
    public int rowCount() {
        return sourceRows.length;
    }

    /**
     * @param row data row index, 0-based
     * @param col column index, 0-based
     * @return the cell text as written (without CSV quotes); {@code ""} when empty or missing
     */
    public String cell(int row, int col) {
        Objects.checkIndex(row, sourceRows.length);
        return cells[col].text(row);
    }

    /**
     * The quick path of {@link Cells#number}: the cell's number when its text is exactly a plain finite decimal,
     * parsed without making a string of it; NaN for any other text (which the slow path then explains).
     */
    double plainNumber(int row, int col) {
        Objects.checkIndex(row, sourceRows.length);
        return cells[col].plainNumber(row);
    }

    /**
     * @param row    data row index, 0-based
     * @param column a column name
     * @return the cell text
     * @throws InvalidDataException if there is no such column
     */
    public String cell(int row, String column) {
        return cell(row, columnIndex(column));
    }

    /**
     * The row of the file this data row came from: for CSV and TSV the header is row 1 and the
     * first data row is row 2; for JSON Lines it is the line number.
     *
     * @param row data row index, 0-based
     * @return the 1-based row in the file
     */
    public int sourceRow(int row) {
        return sourceRows[row];
    }

    /**
     * @return the field delimiter of a CSV or TSV file, empty for JSON Lines and in-memory tables
     */
    public Optional<Character> delimiter() {
        return Optional.ofNullable(delimiter);
    }

    /**
     * The hash of a cell's label (its text without surrounding white space), as {@link TextColumn#hash}, without
     * making a string of it.
     *
     * @throws InvalidDataException as {@link Cells#label} when the label is empty
     */
    long labelHash(int row, int col) {
        Objects.checkIndex(row, sourceRows.length);
        long h = cells[col].labelHash(row);
        if (h == 0) {
            Cells.label(this, row, col);
        }
        return h;
    }

    /** @return whether a cell's label (its text without surrounding white space) is {@code label} */
    boolean labelEquals(int row, int col, String label) {
        Objects.checkIndex(row, sourceRows.length);
        return cells[col].labelEquals(row, label);
    }

    /**
     * @param name a column name
     * @return true when the table has a column of exactly that name
     */
    public boolean hasColumn(String name) {
        return !name.isEmpty() && columns.contains(name);
    }

    /**
     * The index of a column, by exact name.
     *
     * <pre>{@code
     * t.columnIndex("comptue");
     * // InvalidDataException: unknown column "comptue" in runs.csv; columns are: compute, loss, params (did you mean "compute"?)
     * }</pre>
     *
     * @param name the column name
     * @return its index
     * @throws InvalidDataException naming the columns there are and, for a near miss, the closest
     */
    public int columnIndex(String name) {
        int i = name.isEmpty() ? -1 : columns.indexOf(name);
        if (i < 0) {
            throw unknownColumn(name, source, columns);
        }
        return i;
    }

    /**
     * Names a cell for a message: {@code row 5 of runs.csv, column "loss"}.
     *
     * @param row data row index, 0-based
     * @param col column index
     * @return the description
     */
    public String where(int row, int col) {
        return "row " + sourceRows[row] + " of " + source + ", column " + Cells.quote(columns.get(col));
    }

    /**
     * The place of a cell as an exception carries it: source, source row, column name and the cell's text.
     *
     * @param row data row index, 0-based
     * @param col column index
     * @return the place
     */
    public Place place(int row, int col) {
        return new Place(source, sourceRows[row], columns.get(col), cell(row, col));
    }

    /**
     * The rows at the given indices, in that order, keeping their source rows.
     *
     * @param rows data row indices
     * @return a new table
     */
    public Table select(int[] rows) {
        TextColumn[] picked = new TextColumn[cells.length];
        int[] src = new int[rows.length];
        for (int j = 0; j < rows.length; j++) {
            Objects.checkIndex(rows[j], sourceRows.length);
            src[j] = sourceRows[rows[j]];
        }
        for (int c = 0; c < cells.length; c++) {
            picked[c] = cells[c].select(rows);
        }
        return new Table(source, columns, picked, src, delimiter);
    }

    @Override
    public String toString() {
        return "Table[" + source + ", " + rowCount() + " rows, columns " + columns + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && source.equals(t.source) && columns.equals(t.columns)
                && Arrays.equals(sourceRows, t.sourceRows) && Objects.equals(delimiter, t.delimiter) && sameCells(t);
    }

    private boolean sameCells(Table t) {
        for (int c = 0; c < cells.length; c++) {
            for (int r = 0; r < sourceRows.length; r++) {
                if (!cells[c].text(r).equals(t.cells[c].text(r))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, columns, Arrays.hashCode(sourceRows));
    }

    /** Throws if a non-empty column name repeats, naming both 1-based positions. */
    static void checkUnique(String source, List<String> names) {
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name.isEmpty()) {
                continue;
            }
            int i = names.indexOf(name);
            if (i < j) {
                throw new InvalidDataException("duplicate column name " + Cells.quote(name) + " in " + source
                        + ": columns " + (i + 1) + " and " + (j + 1));
            }
        }
    }

    /**
     * The error for a column that does not exist, listing the ones that do and suggesting the
     * closest name when it is a near miss.
     */
    static InvalidDataException unknownColumn(String name, String source, Collection<String> available) {
        List<String> named = new ArrayList<>();
        for (String c : available) {
            if (!c.isEmpty()) {
                named.add(c);
            }
        }
        StringBuilder sb = new StringBuilder();
        if (name.isEmpty()) {
            sb.append("empty column name");
        } else {
            sb.append("unknown column ").append(Cells.quote(name)).append(" in ").append(source);
        }
        if (named.isEmpty()) {
            sb.append("; it has no named columns");
        } else {
            sb.append("; columns are: ");
            for (int i = 0; i < Math.min(named.size(), MAX_LISTED); i++) {
                sb.append(i == 0 ? "" : ", ").append(Cells.escape(named.get(i)));
            }
            if (named.size() > MAX_LISTED) {
                sb.append(", ... and ").append(named.size() - MAX_LISTED).append(" more");
            }
        }
        String close = closest(name, named);
        if (close != null) {
            sb.append(" (did you mean ").append(Cells.quote(close)).append("?)");
        } else if (!named.isEmpty() && named.stream().allMatch(Cells::isNumber)) {
            sb.append(" (the first line looks like data: the file needs a header row naming the columns)");
        }
        return new InvalidDataException(sb.toString());
    }

    /** The unique name within a small edit distance (case-insensitive, transpositions count 1). */
    private static String closest(String name, List<String> candidates) {
        if (name.isEmpty()) {
            return null;
        }
        String target = name.toLowerCase(Locale.ROOT);
        int limit = Math.min(2, Math.max(1, target.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(target, c.toLowerCase(Locale.ROOT), limit);
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal-string-alignment distance, cut off above {@code limit}. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}

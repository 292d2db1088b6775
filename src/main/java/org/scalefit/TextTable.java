package org.scalefit;

import java.util.List;

/**
 * Aligns rows of text cells into columns: the first column left-aligned, the others right-aligned, three
 * spaces apart — the tables of {@link org.scalefit.fit.Fit#summary()} and of the command line.
 *
 * <pre>{@code
 * String text = TextTable.align(List.of(new String[] {"parameter", "value"}, new String[] {"alpha", "0.34"}), "  ");
 * }</pre>
 */
public final class TextTable {
    private TextTable() {
    }

    /**
     * @param rows   the rows, each an array of cells (rows may have fewer cells than others)
     * @param indent text put before every line
     * @return the lines, each ending with a newline, trailing blanks removed
     */
    public static String align(List<String[]> rows, String indent) {
        return layout(rows, indent, false);
    }

    /**
     * @param rows   the rows, each an array of cells
     * @param indent text put before every line
     * @return the lines with every column left-aligned, three spaces apart
     */
    public static String left(List<String[]> rows, String indent) {
        return layout(rows, indent, true);
    }

    private static String layout(List<String[]> rows, String indent, boolean allLeft) {
        int cols = 0;
        for (String[] r : rows) {
            cols = Math.max(cols, r.length);
        }
        int[] width = new int[cols];
        for (String[] r : rows) {
            widen(width, r);
        }
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            s.append(line(r, width, allLeft ? cols : 1, indent));
        }
        return s.toString();
    }

    /**
     * Widens the column widths to fit a row's cells (a width counts code points).
     *
     * @param width the widths so far, at least as many as the row's cells
     * @param row   the row
     */
    public static void widen(int[] width, String[] row) {
        for (int c = 0; c < row.length; c++) {
            width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
        }
    }

    /**
     * One line of an aligned table: the first {@code leftColumns} cells left-aligned, the others right-aligned,
     * three spaces apart, trailing blanks removed — what {@link #align} and {@link #left} print for each row,
     * for a table printed a row at a time.
     *
     * <pre>{@code
     * int[] width = {5, 6};
     * String line = TextTable.line(new String[] {"alpha", "0.34"}, width, 1, "");   // "alpha     0.34\n"
     * }</pre>
     *
     * @param row         the cells
     * @param width       the column widths (at least the cells' widths)
     * @param leftColumns how many leading columns are left-aligned
     * @param indent      text put before the line
     * @return the line, ending with a newline
     */
    public static String line(String[] row, int[] width, int leftColumns, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < row.length; c++) {
            String cell = row[c];
            int pad = width[c] - cell.codePointCount(0, cell.length());
            if (c < leftColumns) {
                line.append(c == 0 ? "" : "   ").append(cell).append(" ".repeat(pad));
            } else {
                line.append("   ").append(" ".repeat(pad)).append(cell);
            }
        }
        int end = line.length();
        while (end > 0 && " \t\n\u000B\f\r".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        line.setLength(end);
        return line.append('\n').toString();
    }
}

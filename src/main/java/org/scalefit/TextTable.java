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
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].codePointCount(0, r[c].length()));
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < r.length; c++) {
                String cell = r[c];
                int pad = width[c] - cell.codePointCount(0, cell.length());
                if (allLeft) {
                    line.append(c == 0 ? "" : "   ").append(cell).append(" ".repeat(pad));
                } else if (c == 0) {
                    line.append(cell).append(" ".repeat(pad));
                } else {
                    line.append("   ").append(" ".repeat(pad)).append(cell);
                }
            }
            s.append(line.toString().replaceAll("\\s+$", "")).append('\n');
        }
        return s.toString();
    }
}

package org.scalefit.cli;

import java.util.List;

/** Aligns rows of text cells into columns: the first column left-aligned, the others right-aligned. */
final class Tables {
    private Tables() {
    }

    static String align(List<String[]> rows, String indent) {
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
                if (c == 0) {
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

package org.scalefit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.TextTable;

/**
 * An aligned text table printed as its rows arrive: the first {@value #SAMPLE} rows are held to measure the
 * columns (a table that short is printed exactly as {@link TextTable#align} prints it), then every row is
 * printed at once with those widths, a column widening only when a later cell is longer. So a sweep of a
 * million groups prints its first lines before the last group is fitted and never holds the table.
 *
 * <pre>{@code
 * StreamedTable t = new StreamedTable(out, new String[] {"run", "n", "alpha"}, 1);
 * t.add(new String[] {"r0", "12", "0.10"});
 * t.finish();
 * }</pre>
 */
final class StreamedTable {
    /** Rows held to measure the columns before the first line is printed. */
    static final int SAMPLE = 200;

    private final PrintWriter out;
    private final int leftColumns;
    private final List<String[]> held = new ArrayList<>();
    private int[] width;

    /**
     * @param out         where the lines go
     * @param header      the header row
     * @param leftColumns how many leading columns are left-aligned (the others are right-aligned)
     */
    StreamedTable(PrintWriter out, String[] header, int leftColumns) {
        this.out = out;
        this.leftColumns = leftColumns;
        held.add(header);
    }

    /** Adds a row: held while the columns are measured, printed at once after that. */
    void add(String[] row) {
        if (width == null) {
            held.add(row);
            if (held.size() > SAMPLE) {
                release();
            }
            return;
        }
        grow(row);
        out.print(TextTable.line(row, width, leftColumns, ""));
    }

    /** Prints what is still held. */
    void finish() {
        if (width == null) {
            release();
        }
        out.flush();
    }

    private void release() {
        width = new int[0];
        for (String[] r : held) {
            grow(r);
        }
        for (String[] r : held) {
            out.print(TextTable.line(r, width, leftColumns, ""));
        }
        held.clear();
    }

    private void grow(String[] row) {
        if (row.length > width.length) {
            width = java.util.Arrays.copyOf(width, row.length);
        }
        TextTable.widen(width, row);
    }
}

package org.scalefit.data;

import java.util.Arrays;

/**
 * The cells of one column of a {@link Table}: text as read, either held as strings or, for columns streamed
 * from a CSV file, as one character array with the cells' end offsets, so that a number can be parsed straight
 * from the characters without a string per cell.
 */
abstract class TextColumn {
    /** @return the number of cells */
    abstract int size();

    /**
     * @param row the cell
     * @return its text as read
     */
    abstract String text(int row);

    /**
     * The cell's number when its text is exactly a plain finite decimal number (sign, digits, point, exponent:
     * nothing around it), else NaN: the quick path of {@link Cells#number}, which takes every other text
     * (spaces, quotes, words, overflow) the slow way with its messages.
     *
     * @param row the cell
     * @return the number, or NaN
     */
    abstract double plainNumber(int row);

    /**
     * @param rows cell indices
     * @return those cells, in that order
     */
    abstract TextColumn select(int[] rows);

    /** Cells held as strings. */
    static final class Strings extends TextColumn {
        private final String[] cells;

        Strings(String[] cells) {
            this.cells = cells;
        }

        @Override
        int size() {
            return cells.length;
        }

        @Override
        String text(int row) {
            return cells[row];
        }

        @Override
        double plainNumber(int row) {
            return Double.NaN;
        }

        @Override
        TextColumn select(int[] rows) {
            String[] out = new String[rows.length];
            for (int j = 0; j < rows.length; j++) {
                out[j] = cells[rows[j]];
            }
            return new Strings(out);
        }
    }

    /** Cells held as one character array; {@code ends[i]} is where cell i ends (cell i starts at ends[i − 1]). */
    static final class Chars extends TextColumn {
        private char[] chars;
        private int length;
        private int[] ends;
        private int size;

        Chars(int capacity) {
            chars = new char[Math.max(16, capacity * 8)];
            ends = new int[Math.max(4, capacity)];
        }

        /** Appends a cell. */
        void add(char[] from, int start, int end) {
            int len = end - start;
            if (length + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + len));
            }
            System.arraycopy(from, start, chars, length, len);
            length += len;
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size++] = length;
        }

        /** @return this column with its arrays cut to size, as a table keeps it */
        Chars trimmed() {
            Chars c = new Chars(0);
            c.chars = Arrays.copyOf(chars, length);
            c.length = length;
            c.ends = Arrays.copyOf(ends, size);
            c.size = size;
            return c;
        }

        @Override
        int size() {
            return size;
        }

        private int start(int row) {
            return row == 0 ? 0 : ends[row - 1];
        }

        @Override
        String text(int row) {
            int s = start(row);
            return new String(chars, s, ends[row] - s);
        }

        @Override
        double plainNumber(int row) {
            return Cells.plainNumber(chars, start(row), ends[row]);
        }

        @Override
        TextColumn select(int[] rows) {
            Chars out = new Chars(rows.length);
            for (int r : rows) {
                out.add(chars, start(r), ends[r]);
            }
            return out.trimmed();
        }
    }
}

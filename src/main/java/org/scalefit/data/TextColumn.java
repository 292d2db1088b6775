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

    /**
     * The cell as a label (a group key): its text without surrounding white space, as {@link Cells#label}.
     *
     * @param row the cell
     * @return the label's hash, {@link #hash}; 0 when the label is empty
     */
    long labelHash(int row) {
        String t = text(row).strip();
        return t.isEmpty() ? 0 : hash(t.toCharArray(), 0, t.length());
    }

    /**
     * @param row   the cell
     * @param label a label
     * @return whether the cell's label is {@code label}
     */
    boolean labelEquals(int row, String label) {
        return text(row).strip().equals(label);
    }

    /**
     * A 64-bit hash of a label's characters (FNV-1a over UTF-16 units, then a finalising mix), never 0: what the
     * first pass of a grouped read counts rows by. Two labels with the same hash are merely counted together:
     * correctness never rests on it.
     */
    static long hash(char[] chars, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= chars[i];
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

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

        /** Empties the column, keeping its arrays (a chunked read refills it for the next chunk). */
        void clear() {
            length = 0;
            size = 0;
        }

        /** @return this column with its arrays cut to size, as a table keeps it (a copy: this column may be refilled) */
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
        long labelHash(int row) {
            long span = label(row);
            int s = (int) (span >>> 32);
            int e = (int) span;
            return s == e ? 0 : hash(chars, s, e);
        }

        @Override
        boolean labelEquals(int row, String label) {
            long span = label(row);
            int s = (int) (span >>> 32);
            int e = (int) span;
            if (e - s != label.length()) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                if (chars[s + i] != label.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Where the cell's label (its text without surrounding white space) starts and ends: start in the high half. */
        private long label(int row) {
            int s = start(row);
            int e = ends[row];
            while (s < e && Character.isWhitespace(chars[s])) {
                s++;
            }
            while (e > s && Character.isWhitespace(chars[e - 1])) {
                e--;
            }
            return (long) s << 32 | e;
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

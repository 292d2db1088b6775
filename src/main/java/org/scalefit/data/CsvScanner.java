package org.scalefit.data;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * The records of a CSV or TSV text, one at a time, with each field's characters left in place in a reusable
 * buffer: nothing is allocated per field unless its text is asked for. The grammar is RFC 4180 as Commons
 * CSV's {@code RFC4180} format reads it with empty lines kept, so that files read the same as they always
 * have (a test holds the two equal on random texts):
 * <ul>
 * <li>a record ends at LF, CR LF or a lone CR, or at the end of the text; a text that ends with a line end
 *     has no empty record after it; an empty line is a record of one empty field;</li>
 * <li>a field that starts with {@code "} is quoted: it runs to the next lone {@code "}, {@code ""} inside it
 *     stands for one {@code "}, and delimiters and line ends inside it are text; after the closing quote only
 *     white space may come before the delimiter or the line end;</li>
 * <li>any other field runs to the next delimiter or line end, quotes included, spaces kept.</li>
 * </ul>
 * Errors are {@link IOException}s whose messages say what Commons CSV says ({@code EOF reached before
 * encapsulated token finished}, {@code Invalid char between encapsulated token and delimiter}), which
 * {@link TableReader} turns into one-line messages with the row number.
 *
 * <pre>{@code
 * CsvScanner s = new CsvScanner(reader, ',');
 * while (s.next()) {
 *     String first = s.text(0);          // allocates only here
 * }
 * }</pre>
 */
final class CsvScanner {
    /** What Commons CSV says when a quoted field is never closed (matched by {@link TableReader}). */
    static final String UNCLOSED = "EOF reached before encapsulated token finished";
    /** What Commons CSV says when text follows a closing quote (matched by {@link TableReader}). */
    static final String AFTER_QUOTE = "Invalid char between encapsulated token and delimiter";
    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private char[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    /** Where the current record starts in {@link #buf}; kept across refills. */
    private int recordStart;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int size;

    /**
     * @param in        the text
     * @param delimiter the field delimiter
     */
    CsvScanner(Reader in, char delimiter) {
        this(in, delimiter, 1 << 16);
    }

    /** With a first buffer of {@code capacity} characters (tests use tiny ones to cross every refill). */
    CsvScanner(Reader in, char delimiter, int capacity) {
        this.in = in;
        this.delimiter = delimiter;
        this.buf = new char[capacity];
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the text
     * @throws IOException for a quoted field never closed, text after a closing quote, or a read error
     */
    boolean next() throws IOException {
        size = 0;
        recordStart = pos;
        int c = read();
        if (c == EOF) {
            return false;
        }
        while (true) {
            if (c == delimiter) {
                add(pos - 1, pos - 1);
                c = read();
                if (c == EOF) {
                    // A record ending in a delimiter at the end of the text has a last, empty field.
                    add(pos, pos);
                    return true;
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                add(pos - 1, pos - 1);
                endOfLine(c);
                return true;
            }
            if (c == '"') {
                c = quoted();
            } else {
                c = simple();
            }
            if (c == delimiter) {
                c = read();
                if (c == EOF) {
                    add(pos, pos);
                    return true;
                }
                continue;
            }
            if (c == EOF) {
                return true;
            }
            endOfLine(c);
            return true;
        }
    }

    /** An unquoted field that started with the character just read; returns the character that ended it. */
    private int simple() throws IOException {
        int start = pos - 1;
        while (true) {
            // Locals, not fields, in the loop over every character: the client compiler the launcher uses keeps
            // them in registers but reloads a field on each pass.
            char[] b = buf;
            char d = delimiter;
            int p = pos;
            int end = limit;
            while (p < end) {
                char c = b[p];
                if (c == d || c == '\n' || c == '\r') {
                    add(start, p);
                    pos = p + 1;
                    return c;
                }
                p++;
            }
            pos = p;
            int shift = fill();
            start -= shift;
            if (pos == limit) {
                add(start, pos);
                return EOF;
            }
        }
    }

    /**
     * A quoted field whose opening quote was just read: its text is unescaped in place (the write position never
     * passes the read position); returns the character after the closing quote and any white space.
     */
    private int quoted() throws IOException {
        int start = pos;
        int write = pos;
        while (true) {
            if (pos == limit) {
                int shift = fill();
                start -= shift;
                write -= shift;
                if (pos == limit) {
                    throw new IOException(UNCLOSED);
                }
            }
            char c = buf[pos++];
            if (c != '"') {
                buf[write++] = c;
                continue;
            }
            if (pos == limit) {
                int shift = fill();
                start -= shift;
                write -= shift;
            }
            if (pos < limit && buf[pos] == '"') {
                buf[write++] = '"';
                pos++;
                continue;
            }
            add(start, write);
            while (true) {
                int d = read();
                if (d == delimiter || d == EOF || d == '\n' || d == '\r') {
                    return d;
                }
                if (!Character.isWhitespace((char) d)) {
                    throw new IOException(AFTER_QUOTE);
                }
            }
        }
    }

    /** After CR, a following LF belongs to the same line end. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r') {
            if (pos == limit) {
                fill();
            }
            if (pos < limit && buf[pos] == '\n') {
                pos++;
            }
        }
    }

    private int read() throws IOException {
        if (pos == limit) {
            fill();
            if (pos == limit) {
                return EOF;
            }
        }
        return buf[pos++];
    }

    /**
     * Reads more text, first moving the current record to the front of the buffer (growing it when the record
     * fills it); returns how far the record's positions moved back.
     */
    private int fill() throws IOException {
        if (eof) {
            return 0;
        }
        int shift = recordStart;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            for (int i = 0; i < size; i++) {
                starts[i] -= shift;
                ends[i] -= shift;
            }
            pos -= shift;
            limit -= shift;
            recordStart = 0;
        } else if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return shift;
    }

    private void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** @return the number of fields of the current record */
    int size() {
        return size;
    }

    /**
     * @param field the field index
     * @return its text, without quotes
     */
    String text(int field) {
        return new String(buf, starts[field], ends[field] - starts[field]);
    }

    /** @return the buffer holding the current record's fields (valid until the next call of {@link #next()}) */
    char[] buffer() {
        return buf;
    }

    /**
     * @param field the field index
     * @return where its text starts in {@link #buffer()}
     */
    int start(int field) {
        return starts[field];
    }

    /**
     * @param field the field index
     * @return where its text ends in {@link #buffer()}
     */
    int end(int field) {
        return ends[field];
    }

    /** @return true when every field of the current record is empty or white space */
    boolean blank() {
        for (int f = 0; f < size; f++) {
            for (int i = starts[f]; i < ends[f]; i++) {
                if (!Character.isWhitespace(buf[i])) {
                    return false;
                }
            }
        }
        return true;
    }
}

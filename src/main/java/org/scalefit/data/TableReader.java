package org.scalefit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.scalefit.InvalidDataException;

/**
 * Reads experiment tables — CSV, TSV and JSON Lines — into a {@link Table}, streaming the file and
 * keeping only the columns asked for, with a one-line message for everything that can be wrong with
 * a file a logging pipeline wrote.
 *
 * <p>The format follows the extension: {@code .csv} (delimiter detected from the header line:
 * comma, semicolon or tab), {@code .tsv} and {@code .tab} (tab), {@code .jsonl} and
 * {@code .ndjson} (one JSON object per line); a trailing {@code .gz} is decompressed. Any other
 * extension is sniffed: a first character <code>&#123;</code> means JSON Lines, anything else CSV.
 *
 * <p>CSV and TSV: the first non-blank line is the header (names are stripped of surrounding
 * spaces); fields may be quoted with {@code "} (RFC 4180, {@code ""} for a quote inside); line
 * ends may be LF or CRLF; a UTF-8 byte-order mark is dropped; blank lines and lines whose cells
 * are all empty are skipped but still counted, so that row numbers match a spreadsheet.
 *
 * <p>JSON Lines: columns are the union of the keys, in order of first appearance; strings,
 * numbers (as written, {@code NaN} and {@code Infinity} included) and booleans become cell text;
 * {@code null} and missing keys become empty cells; nested arrays and objects become their JSON
 * text; blank lines are skipped; a row's number is its line number.
 *
 * <p>Files must be UTF-8. Error messages, exactly:
 * <pre>
 * file not found: data/runs.csv
 * data is a directory, not a file
 * cannot read data/runs.csv: permission denied
 * runs.csv is empty
 * runs.csv has a header but no data rows
 * duplicate column name "loss" in runs.csv: columns 2 and 4
 * row 5 of runs.csv has 2 fields but the header has 3
 * runs.csv must be UTF-8 but is not: invalid byte 0xE9 on line 3 (byte offset 57); save it as UTF-8
 * cannot tell the delimiter of runs.csv: its header line has 2 commas and 2 semicolons; quote the names that contain them
 * line 4 of runs.jsonl is not a JSON object (found an array)
 * unknown column "comptue" in runs.csv; columns are: compute, loss, params (did you mean "compute"?)
 * </pre>
 *
 * <pre>{@code
 * Table t = TableReader.read(Path.of("runs.csv"));
 * Table small = TableReader.read(Path.of("big.jsonl"), Set.of("compute", "loss"));
 * Table test = TableReader.parse("compute,loss\n1e18,3.1\n", "runs.csv");
 * }</pre>
 *
 */
public final class TableReader {
    private static final int PEEK = 1 << 16;
    private static final int BUFFER = 1 << 13;

    private enum Format { CSV, TSV, JSONL, SNIFF }

    private TableReader() {
    }

    /**
     * Reads a whole table.
     *
     * <pre>{@code
     * Table t = TableReader.read(Path.of("runs.csv"));
     * }</pre>
     *
     * @param path the file; its name (without directories) is the table's {@link Table#source()}
     * @return the table
     * @throws InvalidDataException if the file is missing, unreadable, not UTF-8 or malformed
     */
    public static Table read(Path path) {
        return read(path, null);
    }

    /**
     * Reads only the named columns, streaming the file, so that a large file with many columns
     * stays small in memory. Every row is still checked for its number of fields.
     *
     * <pre>{@code
     * Table t = TableReader.read(Path.of("sweep.csv"), Set.of("params", "tokens", "loss"));
     * }</pre>
     *
     * @param path        the file
     * @param onlyColumns the columns to keep (kept in file order), or null for all
     * @return the table
     * @throws InvalidDataException as {@link #read(Path)}, and with the usual "unknown column"
     *                              message (listing every column of the file) for a name not there
     */
    public static Table read(Path path, Set<String> onlyColumns) {
        return read(path, onlyColumns, 0, null);
    }

    /**
     * Streams the named columns of a file in chunks of at most {@code chunkRows} rows, so that memory
     * holds one chunk of text at a time, however large the file: each chunk is a {@link Table} with the
     * file's source name and row numbers. CSV and TSV files are streamed; a JSON Lines file (whose
     * columns are only known at its end) is read whole and handed over as one chunk. The same checks
     * and messages as {@link #read(Path, Set)} apply; a problem late in the file is reported after the
     * chunks before it were handed over.
     *
     * <pre>{@code
     * TableReader.readChunks(Path.of("huge.csv"), Set.of("compute", "loss"), 65_536,
     *         chunk -> total[0] += chunk.rowCount());
     * }</pre>
     *
     * @param path        the file
     * @param onlyColumns the columns to keep (kept in file order), or null for all
     * @param chunkRows   the most rows per chunk, at least 1
     * @param sink        receives the chunks in file order
     * @throws InvalidDataException as {@link #read(Path, Set)}
     */
    public static void readChunks(Path path, Set<String> onlyColumns, int chunkRows, Consumer<Table> sink) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be ≥ 1, got " + chunkRows);
        }
        read(path, onlyColumns, chunkRows, Objects.requireNonNull(sink, "sink"));
    }

    private static Table read(Path path, Set<String> onlyColumns, int chunkRows, Consumer<Table> sink) {
        Path name = path.getFileName();
        String source = name == null ? path.toString() : name.toString();
        if (!Files.exists(path)) {
            throw new InvalidDataException("file not found: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new InvalidDataException(path + " is a directory, not a file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (AccessDeniedException e) {
            throw new InvalidDataException("cannot read " + path + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException("file not found: " + path, e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try (in) {
            return read(in, source, onlyColumns, chunkRows, sink);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a table from a stream of UTF-8 bytes, e.g. standard input. The stream is not closed.
     *
     * <pre>{@code
     * Table t = TableReader.read(System.in, "stdin.csv");
     * }</pre>
     *
     * @param in         the bytes
     * @param sourceName the name for messages; its extension chooses the format
     * @return the table
     * @throws InvalidDataException as {@link #read(Path)}
     */
    public static Table read(InputStream in, String sourceName) {
        return read(in, sourceName, null);
    }

    /**
     * Reads the named columns of a table from a stream of UTF-8 bytes. The stream is not closed.
     *
     * <pre>{@code
     * Table t = TableReader.read(System.in, "stdin.jsonl", Set.of("date", "horizon"));
     * }</pre>
     *
     * @param in          the bytes
     * @param sourceName  the name for messages; its extension chooses the format
     * @param onlyColumns the columns to keep, or null for all
     * @return the table
     * @throws InvalidDataException as {@link #read(Path, Set)}
     */
    public static Table read(InputStream in, String sourceName, Set<String> onlyColumns) {
        return read(in, sourceName, onlyColumns, 0, null);
    }

    private static Table read(InputStream in, String sourceName, Set<String> onlyColumns, int chunkRows, Consumer<Table> sink) {
        InputStream bytes = in;
        String name = sourceName;
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            try {
                bytes = new GZIPInputStream(in, BUFFER);
            } catch (IOException e) {
                throw new InvalidDataException(sourceName + " is not a valid gzip file: " + e.getMessage(), e);
            }
            name = name.substring(0, name.length() - 3);
        }
        Utf8Reader utf8 = new Utf8Reader(bytes);
        return read(utf8, utf8, sourceName, formatOf(name), onlyColumns, chunkRows, sink);
    }

    /**
     * Parses a table held in a string, mainly for tests and small inline data.
     *
     * <pre>{@code
     * Table t = TableReader.parse("compute;loss\n1e18;3,1\n", "runs.csv");   // ';' detected
     * }</pre>
     *
     * @param text       the whole file
     * @param sourceName the name for messages; its extension chooses the format
     * @return the table
     * @throws InvalidDataException as {@link #read(Path)}
     */
    public static Table parse(String text, String sourceName) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return read(new StringReader(body), null, sourceName, formatOf(sourceName), null, 0, null);
    }

    private static Format formatOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Format.CSV;
        }
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return Format.TSV;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        return Format.SNIFF;
    }

    /** Reads the whole table, or with a sink hands it over in chunks and returns null. */
    private static Table read(Reader reader, Utf8Reader utf8, String source, Format format, Set<String> only,
                              int chunkRows, Consumer<Table> sink) {
        Set<String> keep = only == null ? null : Set.copyOf(only);
        try {
            char[] headChars = peek(reader);
            String head = new String(headChars);
            Reader all = new HeadReader(headChars, reader);
            String start = head.stripLeading();
            if (start.isEmpty()) {
                throw new InvalidDataException(source + " is empty");
            }
            Format f = format;
            if (f == Format.SNIFF) {
                if (start.startsWith("[")) {
                    throw new InvalidDataException(source + " holds a JSON array; scalefit reads JSON Lines,"
                            + " one object per line (convert it with: jq -c '.[]')");
                }
                f = start.startsWith("{") ? Format.JSONL : Format.CSV;
            }
            if (f == Format.JSONL) {
                Table t = JsonLinesTables.read(new BufferedReader(all, BUFFER), utf8, source, keep);
                if (sink == null) {
                    return t;
                }
                sink.accept(t);
                return null;
            }
            char delimiter = f == Format.TSV ? '\t' : CsvTables.detectDelimiter(head, source);
            return CsvTables.read(all, utf8, source, delimiter, keep, chunkRows, sink);
        } catch (IOException | UncheckedIOException e) {
            throw ioError(e, utf8, source, null);
        }
    }

    /** The first characters of the text (up to {@code PEEK}), for sniffing the format and delimiter. */
    private static char[] peek(Reader reader) throws IOException {
        char[] buf = new char[256];
        int n = 0;
        while (n < PEEK) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(PEEK, buf.length * 4));
            }
            int r = reader.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }

    /** Gives back the peeked characters, then the rest of the text. */
    private static final class HeadReader extends Reader {
        private final char[] head;
        private final Reader rest;
        private int pos;

        HeadReader(char[] head, Reader rest) {
            this.head = head;
            this.rest = rest;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (pos < head.length) {
                int n = Math.min(len, head.length - pos);
                System.arraycopy(head, pos, buf, off, n);
                pos += n;
                return n;
            }
            return rest.read(buf, off, len);
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }

    static InvalidDataException ioError(Exception e, Utf8Reader utf8, String source, Integer row) {
        String encoding = utf8 == null ? null : utf8.error(source);
        if (encoding != null) {
            return new InvalidDataException(encoding, e);
        }
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String text = String.valueOf(cause.getMessage());
        if (row != null) {
            if (text.contains("EOF reached before encapsulated token finished")) {
                return new InvalidDataException("row " + row + " of " + source
                        + " opens a quoted field that is never closed (a \" is missing)", e);
            }
            if (text.contains("between encapsulated token and delimiter")) {
                return new InvalidDataException("row " + row + " of " + source
                        + " has text after a closing quote; inside a quoted field write \" as \"\"", e);
            }
            return new InvalidDataException("cannot read row " + row + " of " + source + ": " + oneLine(text), e);
        }
        return new InvalidDataException("cannot read " + source + ": " + oneLine(text), e);
    }

    static String oneLine(String text) {
        int i = text.indexOf('\n');
        return (i < 0 ? text : text.substring(0, i)).strip();
    }

    static String[][] toArrays(List<List<String>> columns) {
        String[][] cells = new String[columns.size()][];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = columns.get(c).toArray(new String[0]);
        }
        return cells;
    }

    /** A growable list of ints without boxing. */
    static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }

        /** Empties the list, keeping its array (a chunked read refills it for the next chunk). */
        void clear() {
            size = 0;
        }
    }
}

package org.scalefit.horizon;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Cells;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;

/**
 * Reads run files — METR's JSON Lines as they are, or CSV/TSV — into {@link Runs}.
 *
 * <p>JSON Lines ({@code .jsonl}, {@code .ndjson}, optionally {@code .gz}) are streamed with
 * Jackson's token parser: only the five fields named by {@link RunColumns} are decoded, names are
 * interned without creating strings, and each run costs 16 bytes while reading, so a
 * million-run file fits in a small heap. CSV and TSV go through {@link TableReader} reading just the
 * needed columns.
 *
 * <p>Values: the task length must be a finite number &gt; 0 (minutes); the score a number in
 * [0, 1] (booleans count as 1/0); model and task must be present. A task must have the same
 * length and family on every row. Messages name the line and field, e.g.
 * <pre>
 * line 7 of runs.jsonl, field "human_minutes" is 0: task lengths must be &gt; 0 minutes
 * line 1 of runs.jsonl has no field "alias" (it has: agent, task_id, ...); name the model field with --model
 * line 9 of runs.jsonl: task "fam/t1" has human minutes 15.0 here but 12.0 on line 3
 * </pre>
 * With {@code skipInvalid}, rows with a missing or invalid value are left out and listed in
 * {@link Runs#skipped()} instead.
 *
 * <pre>{@code
 * Runs runs = RunReader.read(Path.of("all_runs.jsonl"));
 * Runs mine = RunReader.read(Path.of("evals.csv"),
 *         RunColumns.metr().withModel("agent").withScore("passed"), false);
 * }</pre>
 */
public final class RunReader {
    private static final int BUFFER = 1 << 16;

    private RunReader() {
    }

    /**
     * Reads a run file in METR's format.
     *
     * @param path the file
     * @return the runs
     * @throws InvalidDataException if the file is missing, malformed or holds an invalid value
     */
    public static Runs read(Path path) {
        return read(path, RunColumns.metr(), false);
    }

    /**
     * Reads a run file with the given field names.
     *
     * @param path        the file ({@code .jsonl}/{@code .ndjson}, {@code .csv}, {@code .tsv}; {@code .gz} allowed)
     * @param columns     which fields hold what
     * @param skipInvalid true to leave out rows with a missing or invalid value instead of stopping
     * @return the runs
     * @throws InvalidDataException as {@link #read(Path)}
     */
    public static Runs read(Path path, RunColumns columns, boolean skipInvalid) {
        Path name = path.getFileName();
        String source = name == null ? path.toString() : name.toString();
        if (!Files.exists(path)) {
            throw new InvalidDataException("file not found: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new InvalidDataException(path + " is a directory, not a file");
        }
        String lower = source.toLowerCase(Locale.ROOT);
        String plain = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
        boolean jsonl = plain.endsWith(".jsonl") || plain.endsWith(".ndjson") || plain.endsWith(".json")
                || (!plain.endsWith(".csv") && !plain.endsWith(".tsv") && !plain.endsWith(".tab") && startsWithBrace(path));
        if (!jsonl) {
            return readTable(path, source, columns, skipInvalid);
        }
        try (InputStream raw = open(path)) {
            InputStream in = lower.endsWith(".gz") ? new GZIPInputStream(raw, BUFFER) : new BufferedInputStream(raw, BUFFER);
            return readJsonLines(in, source, columns, skipInvalid);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads JSON Lines from a stream (not closed), e.g. standard input.
     *
     * @param in          UTF-8 bytes, one JSON object per line
     * @param source      the name used in messages
     * @param columns     which fields hold what
     * @param skipInvalid true to leave out invalid rows
     * @return the runs
     * @throws InvalidDataException as {@link #read(Path)}
     */
    public static Runs readJsonLines(InputStream in, String source, RunColumns columns, boolean skipInvalid) {
        return new RunJsonLines(source, columns, skipInvalid).read(in);
    }

    private static InputStream open(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (AccessDeniedException e) {
            throw new InvalidDataException("cannot read " + path + ": permission denied", e);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException("file not found: " + path, e);
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWithBrace(Path path) {
        try (InputStream in = open(path)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{';
        } catch (IOException e) {
            return false;
        }
    }

    /** CSV/TSV: read only the needed columns through the table reader, then convert row by row. */
    private static Runs readTable(Path path, String source, RunColumns columns, boolean skipInvalid) {
        List<String> header = header(path);
        Set<String> want = new LinkedHashSet<>(List.of(columns.model(), columns.task(), columns.minutes()));
        String scoreField = columns.score();
        if (scoreField == null) {
            scoreField = header.contains(RunColumns.SCORE_BINARIZED) || !header.contains(RunColumns.SCORE_CONTINUOUS)
                    ? RunColumns.SCORE_BINARIZED : RunColumns.SCORE_CONTINUOUS;
        }
        want.add(scoreField);
        boolean hasFamily = header.contains(columns.family());
        if (hasFamily) {
            want.add(columns.family());
        }
        Table table = TableReader.read(path, want);
        int cm = table.columnIndex(columns.model());
        int ct = table.columnIndex(columns.task());
        int cx = table.columnIndex(columns.minutes());
        int cs = table.columnIndex(scoreField);
        int cf = hasFamily ? table.columnIndex(columns.family()) : -1;
        Runs.Builder b = Runs.builder(source);
        b.scoreField(scoreField);
        for (int r = 0; r < table.rowCount(); r++) {
            String field = columns.model();
            try {
                String m = Cells.label(table, r, cm);
                if (m.equals(columns.humanAlias())) {
                    b.countHuman();
                    continue;
                }
                field = columns.task();
                String t = Cells.label(table, r, ct);
                field = columns.minutes();
                double x = Cells.number(table, r, cx);
                if (!(x > 0)) {
                    throw new InvalidDataException(table.where(r, cx) + " is " + RunJsonLines.quote(table.cell(r, cx))
                            + ": task lengths must be > 0 minutes");
                }
                field = scoreField;
                String cell = table.cell(r, cs).strip();
                double s = cell.equalsIgnoreCase("true") ? 1.0 : cell.equalsIgnoreCase("false") ? 0.0 : Cells.number(table, r, cs);
                if (!(s >= 0 && s <= 1)) {
                    throw new InvalidDataException(table.where(r, cs) + " is " + RunJsonLines.quote(cell) + ": scores must lie in [0, 1]");
                }
                String f = cf < 0 || table.cell(r, cf).isBlank() ? null : table.cell(r, cf).strip();
                field = columns.task();
                int ti = b.internTask(t, f, x, table.sourceRow(r), "row " + table.sourceRow(r) + " of " + source);
                b.append(b.internModel(m), ti, s);
            } catch (InvalidDataException e) {
                if (!skipInvalid) {
                    throw e;
                }
                b.skip(new Runs.SkippedRun(table.sourceRow(r), field, e.getMessage()));
            }
        }
        if (!hasFamily) {
            b.note(source + " has no \"" + columns.family() + "\" column; each task is its own family");
        }
        return b.build();
    }

    /** The column names of a CSV/TSV file, from its first two non-blank lines. */
    private static List<String> header(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try (InputStream raw = open(path);
             InputStream in = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder head = new StringBuilder();
            int lines = 0;
            for (String l = r.readLine(); l != null && lines < 2; l = r.readLine()) {
                if (!l.isBlank()) {
                    head.append(l).append('\n');
                    lines++;
                }
            }
            if (lines < 2) {
                return List.of();
            }
            String plain = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
            return TableReader.parse(head.toString(), plain).columns();
        } catch (IOException | InvalidDataException e) {
            return List.of();
        }
    }

    /** A reusable, growable character buffer that is its own CharSequence. */
    static final class Text implements CharSequence {
        private char[] buf = new char[64];
        private int start;
        private int len;

        void set(char[] src, int offset, int length) {
            if (length > buf.length) {
                buf = new char[Math.max(length, buf.length * 2)];
            }
            System.arraycopy(src, offset, buf, 0, length);
            start = 0;
            len = length;
        }

        void strip() {
            while (len > 0 && Character.isWhitespace(buf[start])) {
                start++;
                len--;
            }
            while (len > 0 && Character.isWhitespace(buf[start + len - 1])) {
                len--;
            }
        }

        boolean contentEquals(String s) {
            if (s.length() != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (buf[start + i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return buf[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(buf, start + from, to - from);
        }

        @Override
        public String toString() {
            return new String(buf, start, len);
        }
    }
}

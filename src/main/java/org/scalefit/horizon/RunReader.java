package org.scalefit.horizon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.scalefit.InvalidDataException;
import org.scalefit.OptionKey;
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
 *
 * <p>Why one class of about 590 lines: not split yet — it reads runs from JSON Lines and from tables; the
 * two readers should become two classes over the shared field resolution.
 */
public final class RunReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
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
        return new JsonLines(source, columns, skipInvalid).read(in);
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

    /** The streaming JSON Lines reader: one instance per file. */
    private static final class JsonLines {
        private final String source;
        private final RunColumns columns;
        private final boolean skipInvalid;
        private final Runs.Builder builder;
        private final Text model = new Text();
        private final Text task = new Text();
        private final Text family = new Text();
        private final List<String> rowKeys = new ArrayList<>();
        private boolean hasModel;
        private boolean hasTask;
        private boolean hasFamily;
        private double minutes;
        private String minutesProblem;
        private double score;
        private String scoreProblem;
        private boolean hasMinutes;
        private boolean hasScore;
        private double scoreAlt;
        private String scoreAltProblem;
        private boolean hasScoreAlt;
        private String scoreField;
        private int familyMissing;

        JsonLines(String source, RunColumns columns, boolean skipInvalid) {
            this.source = source;
            this.columns = columns;
            this.skipInvalid = skipInvalid;
            this.builder = Runs.builder(source);
            this.scoreField = columns.score();
        }

        Runs read(InputStream in) {
            int line = 0;
            int lastEndLine = -1;
            boolean inObject = false;
            try (JsonParser p = JSON.createParser(in)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    line = p.currentTokenLocation().getLineNr();
                    if (t != JsonToken.START_OBJECT) {
                        throw new InvalidDataException("line " + line + " of " + source + " is not a JSON object (found "
                                + describe(t) + ")");
                    }
                    if (line == lastEndLine) {
                        throw new InvalidDataException("line " + line + " of " + source
                                + " holds more than one JSON value; put one object per line");
                    }
                    inObject = true;
                    readObject(p, line);
                    inObject = false;
                    lastEndLine = p.currentLocation().getLineNr();
                    finishRow(line);
                }
            } catch (JsonProcessingException e) {
                // Inside an object, name the line it starts on (an unterminated object fails only at the end).
                int at = inObject || e.getLocation() == null ? line : e.getLocation().getLineNr();
                throw new InvalidDataException("line " + at + " of " + source + " is not valid JSON: " + problem(e), e);
            } catch (IOException e) {
                throw new InvalidDataException("cannot read " + source + ": " + e.getMessage(), e);
            }
            if (familyMissing > 0) {
                builder.note(familyMissing + " run" + (familyMissing == 1 ? " has" : "s have") + " no \"" + columns.family()
                        + "\" field; each such task is its own family");
            }
            if (scoreField != null) {
                builder.scoreField(scoreField);
            }
            return builder.build();
        }

        private void readObject(JsonParser p, int line) throws IOException {
            hasModel = false;
            hasTask = false;
            hasFamily = false;
            hasMinutes = false;
            hasScore = false;
            hasScoreAlt = false;
            minutesProblem = null;
            scoreProblem = null;
            scoreAltProblem = null;
            rowKeys.clear();
            String scoreName = scoreField != null ? scoreField : RunColumns.SCORE_BINARIZED;
            boolean auto = scoreField == null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (rowKeys.size() < 500) {
                    rowKeys.add(key);
                }
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    if (key.equals(columns.model()) || key.equals(columns.task()) || key.equals(columns.minutes())
                            || key.equals(scoreName)) {
                        throw new InvalidDataException("line " + line + " of " + source + ", field \"" + key
                                + "\" holds " + describe(v) + ", not a value");
                    }
                    continue;
                }
                if (key.equals(columns.model())) {
                    hasModel = text(p, v, model);
                } else if (key.equals(columns.task())) {
                    hasTask = text(p, v, task);
                } else if (key.equals(columns.family())) {
                    hasFamily = text(p, v, family);
                } else if (key.equals(columns.minutes())) {
                    hasMinutes = v != JsonToken.VALUE_NULL;
                    minutesProblem = null;
                    minutes = number(p, v);
                    if (Double.isNaN(minutes) && hasMinutes) {
                        minutesProblem = lastProblem;
                    }
                } else if (key.equals(scoreName)) {
                    hasScore = v != JsonToken.VALUE_NULL;
                    score = number(p, v);
                    scoreProblem = Double.isNaN(score) && hasScore ? lastProblem : null;
                } else if (auto && key.equals(RunColumns.SCORE_CONTINUOUS)) {
                    hasScoreAlt = v != JsonToken.VALUE_NULL;
                    scoreAlt = number(p, v);
                    scoreAltProblem = Double.isNaN(scoreAlt) && hasScoreAlt ? lastProblem : null;
                }
            }
            if (auto) {
                if (rowKeys.contains(RunColumns.SCORE_BINARIZED)) {
                    scoreFieldSeen = RunColumns.SCORE_BINARIZED;
                } else if (rowKeys.contains(RunColumns.SCORE_CONTINUOUS)) {
                    scoreFieldSeen = RunColumns.SCORE_CONTINUOUS;
                } else {
                    scoreFieldSeen = null;
                }
            }
        }

        private String scoreFieldSeen;
        private String lastProblem;

        private void finishRow(int line) {
            if (!hasModel) {
                if (!rowKeys.contains(columns.model())) {
                    fail(line, columns.model(), "line " + line + " of " + source + " has no field \"" + columns.model()
                            + "\" (it has: " + String.join(", ", rowKeys) + "); name the model field with " + OptionKey.MODEL.label());
                } else {
                    fail(line, columns.model(), where(line, columns.model()) + " is empty");
                }
                return;
            }
            if (columns.humanAlias() != null && model.contentEquals(columns.humanAlias())) {
                builder.countHuman();
                return;
            }
            if (scoreField == null) {
                if (scoreFieldSeen == null) {
                    throw new InvalidDataException("line " + line + " of " + source + " has no score field \""
                            + RunColumns.SCORE_BINARIZED + "\" or \"" + RunColumns.SCORE_CONTINUOUS + "\" (it has: "
                            + String.join(", ", rowKeys) + "); name it with " + OptionKey.SCORE.label());
                }
                scoreField = scoreFieldSeen;
                if (scoreField.equals(RunColumns.SCORE_CONTINUOUS)) {
                    hasScore = hasScoreAlt;
                    score = scoreAlt;
                    scoreProblem = scoreAltProblem;
                }
            }
            if (!hasTask) {
                missing(line, columns.task(), OptionKey.TASK);
                return;
            }
            if (!hasMinutes) {
                missing(line, columns.minutes(), OptionKey.MINUTES);
                return;
            }
            if (minutesProblem != null) {
                fail(line, columns.minutes(), where(line, columns.minutes()) + ": " + minutesProblem);
                return;
            }
            if (!(minutes > 0) || !Double.isFinite(minutes)) {
                fail(line, columns.minutes(), where(line, columns.minutes()) + " is " + quote(format(minutes))
                        + ": task lengths must be > 0 minutes");
                return;
            }
            if (!hasScore) {
                missing(line, scoreField, OptionKey.SCORE);
                return;
            }
            if (scoreProblem != null) {
                fail(line, scoreField, where(line, scoreField) + ": " + scoreProblem);
                return;
            }
            if (!(score >= 0 && score <= 1)) {
                fail(line, scoreField, where(line, scoreField) + " is " + quote(format(score))
                        + ": scores must lie in [0, 1]");
                return;
            }
            if (!hasFamily) {
                familyMissing++;
            }
            int t;
            try {
                t = builder.internTask(task, hasFamily ? family : null, minutes, line, "line " + line + " of " + source);
            } catch (InvalidDataException e) {
                fail(line, columns.task(), e.getMessage());
                return;
            }
            builder.append(builder.internModel(model), t, score);
        }

        private void missing(int line, String field, OptionKey option) {
            if (!rowKeys.contains(field)) {
                fail(line, field, "line " + line + " of " + source + " has no field \"" + field + "\" (it has: "
                        + String.join(", ", rowKeys) + "); name it with " + option.label());
            } else {
                fail(line, field, where(line, field) + " is empty");
            }
        }

        private void fail(int line, String field, String message) {
            if (!skipInvalid) {
                throw new InvalidDataException(message);
            }
            builder.skip(new Runs.SkippedRun(line, field, message));
        }

        private String where(int line, String field) {
            return "line " + line + " of " + source + ", field \"" + field + "\"";
        }

        /** Copies a scalar's text into {@code into}; false for null or an empty string. */
        private static boolean text(JsonParser p, JsonToken v, Text into) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return false;
            }
            into.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            into.strip();
            return into.length() > 0;
        }

        /** A number from a JSON number, numeric string or boolean; NaN with {@link #lastProblem} set otherwise. */
        private double number(JsonParser p, JsonToken v) throws IOException {
            lastProblem = null;
            switch (v) {
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    double d = p.getDoubleValue();
                    if (!Double.isFinite(d)) {
                        lastProblem = quote(p.getText()) + " is not a finite number";
                        return Double.NaN;
                    }
                    return d;
                case VALUE_TRUE:
                    return 1.0;
                case VALUE_FALSE:
                    return 0.0;
                case VALUE_NULL:
                    return Double.NaN;
                default:
                    String s = p.getText();
                    try {
                        return Cells.parseNumber(s);
                    } catch (InvalidDataException e) {
                        lastProblem = e.getMessage();
                        return Double.NaN;
                    }
            }
        }
    }

    private static String quote(String v) {
        return "\"" + v + "\"";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String problem(JsonProcessingException e) {
        String text = String.valueOf(e.getOriginalMessage());
        int nl = text.indexOf('\n');
        text = (nl < 0 ? text : text.substring(0, nl)).strip();
        for (String cut : new String[] {" (start marker", " at [Source", ": was expecting", " (for Object starting"}) {
            int i = text.indexOf(cut);
            if (i > 0) {
                text = text.substring(0, i);
            }
        }
        return text;
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
                    throw new InvalidDataException(table.where(r, cx) + " is " + quote(table.cell(r, cx))
                            + ": task lengths must be > 0 minutes");
                }
                field = scoreField;
                String cell = table.cell(r, cs).strip();
                double s = cell.equalsIgnoreCase("true") ? 1.0 : cell.equalsIgnoreCase("false") ? 0.0 : Cells.number(table, r, cs);
                if (!(s >= 0 && s <= 1)) {
                    throw new InvalidDataException(table.where(r, cs) + " is " + quote(cell) + ": scores must lie in [0, 1]");
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

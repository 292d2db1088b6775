package org.scalefit.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.OutputFiles;
import org.scalefit.fit.GroupRow;

/**
 * The compact table of {@code scalefit fit --by COLUMN --output FILE}: one row per group, the columns of
 * {@link GroupRow} after the key columns, written as the groups complete to a file that appears only when it is
 * whole ({@link OutputFiles#open}). The format follows the extension: {@code .csv} (comma), {@code .tsv}
 * (tab; both RFC 4180 quoting, so scalefit and spreadsheets read them back), {@code .jsonl} (one JSON object per
 * group). Numbers are written in full (the shortest text that reads back as the same double); a number that is
 * not finite or was not computed is an empty cell (JSON {@code null}).
 *
 * <pre>{@code
 * try (GroupTableFile t = GroupTableFile.open(Path.of("fits.csv"), List.of("run"), List.of("a", "alpha"), inputs)) {
 *     t.write(row);
 *     t.commit();
 * }
 * }</pre>
 */
final class GroupTableFile implements AutoCloseable {
    private enum Format { CSV, TSV, JSONL }

    private final OutputFiles.AtomicFile file;
    private final Path target;
    private final Writer out;
    private final Format format;
    private final String[] names;
    private final List<GroupRow.Column> columns;
    private final StringBuilder line = new StringBuilder(256);
    private int rows;

    private GroupTableFile(OutputFiles.AtomicFile file, Path target, Format format, String[] names,
                           List<GroupRow.Column> columns) {
        this.file = file;
        this.target = target;
        this.out = file.writer();
        this.format = format;
        this.names = names;
        this.columns = columns;
    }

    /**
     * Checks the name, the columns and the target, and opens the file (nothing is read before this fails).
     *
     * @param target     the file: {@code .csv}, {@code .tsv} or {@code .jsonl}
     * @param keys       the key columns
     * @param parameters the law's parameter names
     * @param inputs     the input files (never overwritten)
     * @return the open table
     * @throws InvalidDataException for another extension, a key column named like a result column, or a target
     *                              that cannot be written
     */
    static GroupTableFile open(Path target, List<String> keys, List<String> parameters, Collection<Path> inputs) {
        Format format = formatOf(target);
        List<GroupRow.Column> columns = GroupRow.columns(parameters);
        List<String> names = new ArrayList<>(keys);
        for (GroupRow.Column c : columns) {
            if (keys.contains(c.name())) {
                throw new InvalidDataException("--by column \"" + c.name() + "\" has the name of a column of the --output "
                        + "table; rename the column in the file");
            }
            names.add(c.name());
        }
        GroupTableFile t = new GroupTableFile(OutputFiles.open(target, "table", inputs), target, format,
                names.toArray(new String[0]), columns);
        if (format != Format.JSONL) {
            for (int c = 0; c < t.names.length; c++) {
                t.text(c, t.names[c]);
            }
            t.endLine();
        }
        return t;
    }

    private static Format formatOf(Path target) {
        String name = String.valueOf(target.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return Format.TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        throw new InvalidDataException("--output " + target + ": the table is written as .csv, .tsv or .jsonl; "
                + "end the file name with one of them");
    }

    /** Writes a group's row. */
    void write(GroupRow row) {
        List<String> keys = row.keys();
        for (int k = 0; k < keys.size(); k++) {
            text(k, keys.get(k));
        }
        Object[] cells = row.cells(Flags::of);
        for (int j = 0; j < cells.length; j++) {
            int c = keys.size() + j;
            Object v = cells[j];
            if (v == null) {
                empty(c);
            } else if (v instanceof Double d) {
                raw(c, Numbers.exact(d));
            } else if (v instanceof String s) {
                text(c, s);
            } else {
                raw(c, v.toString());
            }
        }
        endLine();
        rows++;
    }

    /** @return the rows written (groups) */
    int rows() {
        return rows;
    }

    /** Moves the whole file into place. */
    void commit() {
        file.commit();
    }

    /** Deletes the file unless it was committed. */
    @Override
    public void close() {
        file.close();
    }

    private void separator(int c) {
        if (format == Format.JSONL) {
            line.append(c == 0 ? "{" : ",");
            line.append('"');
            JsonStringEncoder.getInstance().quoteAsString(names[c], line);
            line.append("\":");
        } else if (c > 0) {
            line.append(format == Format.CSV ? ',' : '\t');
        }
    }

    private void raw(int c, String text) {
        separator(c);
        line.append(text);
    }

    private void empty(int c) {
        separator(c);
        if (format == Format.JSONL) {
            line.append("null");
        }
    }

    private void text(int c, String text) {
        separator(c);
        if (format == Format.JSONL) {
            line.append('"');
            JsonStringEncoder.getInstance().quoteAsString(text, line);
            line.append('"');
            return;
        }
        char delimiter = format == Format.CSV ? ',' : '\t';
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char ch = text.charAt(i);
            quote = ch == delimiter || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private void endLine() {
        if (format == Format.JSONL) {
            line.append('}');
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new InvalidDataException("cannot write table " + target + ": " + e.getMessage(), e);
        }
        line.setLength(0);
    }
}

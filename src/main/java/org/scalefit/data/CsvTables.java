package org.scalefit.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.scalefit.InvalidDataException;

/**
 * The CSV and TSV path of {@link TableReader}: the delimiter sniffed among comma, semicolon and tab,
 * records read by {@link CsvScanner}, only the kept columns stored (as characters), blank lines skipped, and the table handed
 * over whole or in chunks of rows.
 */
final class CsvTables {
    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final String[] CANDIDATE_NAMES = {"comma", "semicolon", "tab"};

    private CsvTables() {
    }

    /** The delimiter among comma, semicolon and tab, from the header line and the line after it. */
    static char detectDelimiter(String head, String source) {
        int[][] counts = new int[2][CANDIDATES.length];
        boolean[] nonBlank = new boolean[2];
        int line = 0;
        boolean quoted = false;
        for (int i = 0; i < head.length() && line < 2; i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                nonBlank[line] = true;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (nonBlank[line]) {
                    line++;
                } else {
                    Arrays.fill(counts[line], 0);
                }
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[line][k]++;
                    }
                }
                if (!Character.isWhitespace(c)) {
                    nonBlank[line] = true;
                }
            }
        }
        boolean hasSecond = nonBlank[1];
        List<Integer> found = new ArrayList<>();
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (counts[0][k] > 0) {
                found.add(k);
            }
        }
        if (found.isEmpty()) {
            return ',';
        }
        if (found.size() == 1) {
            return CANDIDATES[found.get(0)];
        }
        List<Integer> consistent = new ArrayList<>();
        for (int k : found) {
            if (hasSecond && counts[1][k] == counts[0][k]) {
                consistent.add(k);
            }
        }
        if (consistent.size() == 1) {
            return CANDIDATES[consistent.get(0)];
        }
        StringBuilder sb = new StringBuilder("cannot tell the delimiter of ").append(source).append(": its header line has ");
        for (int j = 0; j < found.size(); j++) {
            int k = found.get(j);
            sb.append(j == 0 ? "" : j == found.size() - 1 ? " and " : ", ")
                    .append(counts[0][k]).append(' ').append(CANDIDATE_NAMES[k]).append(counts[0][k] == 1 ? "" : "s");
        }
        return fail(sb.append("; quote the names that contain them").toString());
    }

    private static char fail(String message) {
        throw new InvalidDataException(message);
    }

    static Table read(Reader reader, Utf8Reader utf8, String source, char delimiter, Set<String> keep,
                                 int chunkRows, Consumer<Table> sink) throws IOException {
        CsvScanner records = new CsvScanner(reader, delimiter);
        int row = 0;
        List<String> header = null;
        while (header == null) {
            if (!next(records, utf8, source, row + 1)) {
                throw new InvalidDataException(source + " is empty");
            }
            row++;
            if (!records.blank()) {
                header = new ArrayList<>(records.size());
                for (int f = 0; f < records.size(); f++) {
                    header.add(records.text(f).strip());
                }
            }
        }
        Table.checkUnique(source, header);
        int[] kept = keptIndices(header, keep, source);
        List<String> names = new ArrayList<>(kept.length);
        for (int k : kept) {
            names.add(header.get(k));
        }
        int capacity = sink == null ? 1024 : Math.min(chunkRows, 1 << 15);
        TextColumn.Chars[] columns = newColumns(kept.length, capacity);
        TableReader.IntList rows = new TableReader.IntList();
        int handedOver = 0;
        while (next(records, utf8, source, row + 1)) {
            row++;
            if (records.blank()) {
                continue;
            }
            if (records.size() != header.size()) {
                String hint = records.size() > header.size() && delimiter != '\t'
                        ? " (quote values that contain \"" + delimiter + "\")" : "";
                throw new InvalidDataException("row " + row + " of " + source + " has " + records.size()
                        + " fields but the header has " + header.size() + hint);
            }
            char[] text = records.buffer();
            for (int i = 0; i < kept.length; i++) {
                columns[i].add(text, records.start(kept[i]), records.end(kept[i]));
            }
            rows.add(row);
            if (sink != null && rows.size() == chunkRows) {
                sink.accept(table(source, names, columns, rows, delimiter));
                handedOver += rows.size();
                // The table holds trimmed copies: the buffers, grown to a chunk's size, are refilled as they are.
                for (TextColumn.Chars c : columns) {
                    c.clear();
                }
                rows.clear();
            }
        }
        if (rows.size() + handedOver == 0) {
            throw new InvalidDataException(source + " has a header but no data rows");
        }
        Table last = table(source, names, columns, rows, delimiter);
        if (sink == null) {
            return last;
        }
        if (rows.size() > 0) {
            sink.accept(last);
        }
        return null;
    }

    private static TextColumn.Chars[] newColumns(int count, int capacity) {
        TextColumn.Chars[] columns = new TextColumn.Chars[count];
        for (int i = 0; i < count; i++) {
            columns[i] = new TextColumn.Chars(capacity);
        }
        return columns;
    }

    private static Table table(String source, List<String> names, TextColumn.Chars[] columns, TableReader.IntList rows,
                               char delimiter) {
        TextColumn[] cells = new TextColumn[columns.length];
        for (int i = 0; i < columns.length; i++) {
            cells[i] = columns[i].trimmed();
        }
        return Table.ofColumns(source, names, cells, rows.toArray(), delimiter);
    }

    private static int[] keptIndices(List<String> header, Set<String> keep, String source) {
        if (keep == null) {
            int[] all = new int[header.size()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        for (String name : keep) {
            if (name.isEmpty() || !header.contains(name)) {
                throw Table.unknownColumn(name, source, header);
            }
        }
        return java.util.stream.IntStream.range(0, header.size())
                .filter(i -> keep.contains(header.get(i)))
                .toArray();
    }

    private static boolean next(CsvScanner records, Utf8Reader utf8, String source, int row) {
        try {
            return records.next();
        } catch (IOException e) {
            throw TableReader.ioError(e, utf8, source, row);
        }
    }
}

package org.scalefit.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.scalefit.InvalidDataException;

/**
 * The CSV and TSV path of {@link TableReader}: the delimiter sniffed among comma, semicolon and tab,
 * records parsed by Commons CSV, only the kept columns stored, blank lines skipped, and the table handed
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
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        CSVParser parser = format.parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        int row = 0;
        List<String> header = null;
        while (header == null) {
            CSVRecord record = next(records, utf8, source, row + 1);
            if (record == null) {
                throw new InvalidDataException(source + " is empty");
            }
            row++;
            if (!isBlank(record)) {
                header = new ArrayList<>(record.size());
                for (String name : record) {
                    header.add(name.strip());
                }
            }
        }
        Table.checkUnique(source, header);
        int[] kept = keptIndices(header, keep, source);
        List<List<String>> columns = new ArrayList<>(kept.length);
        for (int i = 0; i < kept.length; i++) {
            columns.add(new ArrayList<>());
        }
        List<String> names = new ArrayList<>(kept.length);
        for (int k : kept) {
            names.add(header.get(k));
        }
        TableReader.IntList rows = new TableReader.IntList();
        int handedOver = 0;
        for (CSVRecord record = next(records, utf8, source, row + 1); record != null;
                record = next(records, utf8, source, row + 1)) {
            row++;
            if (isBlank(record)) {
                continue;
            }
            if (record.size() != header.size()) {
                String hint = record.size() > header.size() && delimiter != '\t'
                        ? " (quote values that contain \"" + delimiter + "\")" : "";
                throw new InvalidDataException("row " + row + " of " + source + " has " + record.size()
                        + " fields but the header has " + header.size() + hint);
            }
            for (int i = 0; i < kept.length; i++) {
                columns.get(i).add(record.get(kept[i]));
            }
            rows.add(row);
            if (sink != null && rows.size() == chunkRows) {
                sink.accept(Table.ofColumns(source, names, TableReader.toArrays(columns), rows.toArray(), delimiter));
                handedOver += rows.size();
                columns.forEach(List::clear);
                rows = new TableReader.IntList();
            }
        }
        if (rows.size() + handedOver == 0) {
            throw new InvalidDataException(source + " has a header but no data rows");
        }
        Table last = Table.ofColumns(source, names, TableReader.toArrays(columns), rows.toArray(), delimiter);
        if (sink == null) {
            return last;
        }
        if (rows.size() > 0) {
            sink.accept(last);
        }
        return null;
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

    private static CSVRecord next(Iterator<CSVRecord> records, Utf8Reader utf8, String source, int row) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw TableReader.ioError(e, utf8, source, row);
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}

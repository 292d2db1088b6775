package org.scalefit.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scalefit.InvalidDataException;

/**
 * The JSON Lines path of {@link TableReader}: one object per line, each key a column, values kept as the
 * text of their cell; a line that is not an object, or a value that is an array or an object, is refused
 * with its line number.
 */
final class JsonLinesTables {
    private JsonLinesTables() {
    }

    /** Jackson's mapper, built on first JSON Lines read only (holder idiom): a CSV run never pays its start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build());
    }

    static Table read(BufferedReader br, Utf8Reader utf8, String source, Set<String> keep)
            throws IOException {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        Set<String> allKeys = new LinkedHashSet<>();
        List<List<String>> columns = new ArrayList<>();
        TableReader.IntList rows = new TableReader.IntList();
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>();
        int lineNumber = 0;
        for (String line = br.readLine(); line != null; line = br.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            seen.clear();
            pending.clear();
            try (JsonParser p = Json.MAPPER.createParser(line)) {
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    throw new InvalidDataException("line " + lineNumber + " of " + source
                            + " is not a JSON object (found " + describe(first) + ")");
                }
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String key = p.currentName();
                    JsonToken value = p.nextToken();
                    String text = switch (value) {
                        case VALUE_NULL -> "";
                        case START_OBJECT, START_ARRAY -> p.readValueAsTree().toString();
                        default -> p.getText();
                    };
                    if (!seen.add(key)) {
                        throw new InvalidDataException("line " + lineNumber + " of " + source
                                + ": key " + Cells.quote(key) + " appears twice");
                    }
                    allKeys.add(key);
                    if (keep != null && !keep.contains(key)) {
                        continue;
                    }
                    Integer c = index.get(key);
                    if (c == null) {
                        c = names.size();
                        index.put(key, c);
                        names.add(key);
                        List<String> column = new ArrayList<>(Math.max(16, rows.size() * 2));
                        for (int r = 0; r < rows.size(); r++) {
                            column.add("");
                        }
                        columns.add(column);
                    }
                    while (pending.size() <= c) {
                        pending.add(null);
                    }
                    pending.set(c, text);
                }
                if (p.nextToken() != null) {
                    throw new InvalidDataException("line " + lineNumber + " of " + source
                            + " holds more than one JSON value; put one object per line");
                }
            } catch (JsonProcessingException e) {
                throw new InvalidDataException("line " + lineNumber + " of " + source + " is not valid JSON: "
                        + jsonProblem(e), e);
            }
            for (int c = 0; c < columns.size(); c++) {
                String v = c < pending.size() ? pending.get(c) : null;
                columns.get(c).add(v == null ? "" : v);
            }
            rows.add(lineNumber);
        }
        if (rows.size() == 0) {
            throw new InvalidDataException(source + " is empty");
        }
        if (keep != null) {
            for (String name : keep) {
                if (!index.containsKey(name)) {
                    throw Table.unknownColumn(name, source, allKeys);
                }
            }
        }
        return Table.ofColumns(source, names, TableReader.toArrays(columns), rows.toArray(), null);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String jsonProblem(JsonProcessingException e) {
        String text = TableReader.oneLine(String.valueOf(e.getOriginalMessage()));
        for (String cut : new String[] {" (start marker", " at [Source", ": was expecting", " (for Object starting"}) {
            int i = text.indexOf(cut);
            if (i > 0) {
                text = text.substring(0, i);
            }
        }
        if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) {
            text += " at column " + e.getLocation().getColumnNr();
        }
        return text;
    }
}

package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvScanner} against Commons CSV's RFC 4180 parser (the reader it replaced, kept as a test dependency
 * to be the peer): on random texts over an alphabet of quotes, delimiters, line ends, spaces and letters, both
 * give the same records, or both fail with the same kind of error after the same records — with first buffers
 * from 1 to 7 characters, so every refill and compaction path is crossed.
 */
class CsvScannerTest {
    private static final char[] ALPHABET = {'a', 'b', '1', '.', ' ', '"', '"', ',', ',', ';', '\t', '\r', '\n', '\n', 'é'};

    @Test
    void randomTextsReadAsCommonsCsvReadsThem() throws IOException {
        SplittableRandom rng = new SplittableRandom(20251207L);
        int errors = 0;
        for (int c = 0; c < 20_000; c++) {
            StringBuilder sb = new StringBuilder();
            int len = rng.nextInt(40);
            for (int i = 0; i < len; i++) {
                sb.append(ALPHABET[rng.nextInt(ALPHABET.length)]);
            }
            String text = sb.toString();
            char delimiter = new char[] {',', ';', '\t'}[rng.nextInt(3)];
            Outcome peer = commons(text, delimiter);
            Outcome ours = scanner(text, delimiter, 1 + rng.nextInt(7));
            assertEquals(peer, ours, () -> "text " + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                    + " delimiter " + (int) delimiter);
            errors += peer.error.isEmpty() ? 0 : 1;
        }
        // The alphabet is meant to produce both clean texts and both kinds of error often.
        assertTrue(errors > 1000 && errors < 19_000, "errors " + errors);
    }

    @Test
    void recordsLongerThanTheBufferAndQuotedLineEnds() throws IOException {
        String longField = "x".repeat(200_000);
        String text = "a,b\n\"" + longField + "\",\"line\r\nend \"\"quoted\"\"\"\n1,2";
        Outcome ours = scanner(text, ',', 1 << 16);
        assertEquals(commons(text, ','), ours);
        assertEquals(List.of(List.of("a", "b"), List.of(longField, "line\r\nend \"quoted\""), List.of("1", "2")), ours.records);
    }

    @Test
    void errorsCarryCommonsCsvsWordsForTheReader() {
        IOException unclosed = assertThrows(IOException.class, () -> drain("a\n\"open,1\n", ','));
        assertTrue(unclosed.getMessage().contains("EOF reached before encapsulated token finished"));
        IOException after = assertThrows(IOException.class, () -> drain("\"a\"b,1\n", ','));
        assertTrue(after.getMessage().contains("between encapsulated token and delimiter"));
    }

    private static void drain(String text, char delimiter) throws IOException {
        CsvScanner s = new CsvScanner(new StringReader(text), delimiter);
        while (s.next()) {
            s.size();
        }
    }

    /** The records read before the end or the first error, and the kind of error ("" for none). */
    private record Outcome(List<List<String>> records, String error) {
    }

    private static Outcome commons(String text, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                records.add(new ArrayList<>(r.toList()));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            return new Outcome(records, kind(e));
        }
        return new Outcome(records, "");
    }

    private static Outcome scanner(String text, char delimiter, int capacity) {
        List<List<String>> records = new ArrayList<>();
        CsvScanner s = new CsvScanner(new StringReader(text), delimiter, capacity);
        try {
            while (s.next()) {
                List<String> fields = new ArrayList<>();
                for (int f = 0; f < s.size(); f++) {
                    fields.add(s.text(f));
                }
                records.add(fields);
            }
        } catch (IOException e) {
            return new Outcome(records, kind(e));
        }
        return new Outcome(records, "");
    }

    private static String kind(Exception e) {
        String text = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
        if (text.contains("EOF reached before encapsulated token finished")) {
            return "unclosed";
        }
        if (text.contains("between encapsulated token and delimiter")) {
            return "after quote";
        }
        return "other: " + text;
    }
}

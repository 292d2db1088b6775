package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;

class TableReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) {
        Path p = dir.resolve(name);
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static String error(Runnable r) {
        return assertThrows(InvalidDataException.class, r::run).getMessage();
    }

    private static List<String> row(Table t, int r) {
        return java.util.stream.IntStream.range(0, t.columnCount()).mapToObj(c -> t.cell(r, c)).toList();
    }

    @Test
    void readsPlainCsv() throws IOException {
        Table t = TableReader.read(write("runs.csv", "compute,loss,params\n1e18,3.1,1e8\n1e19,2.7,3e8\n"));
        assertEquals("runs.csv", t.source());
        assertEquals(List.of("compute", "loss", "params"), t.columns());
        assertEquals(2, t.rowCount());
        assertEquals("2.7", t.cell(1, 1));
        assertEquals("2.7", t.cell(1, "loss"));
        assertEquals(2, t.sourceRow(0));
        assertEquals(3, t.sourceRow(1));
        assertEquals(Optional.of(','), t.delimiter());
        assertEquals("row 3 of runs.csv, column \"loss\"", t.where(1, 1));
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("runs.csv is empty", error(() -> TableReader.read(write("runs.csv", ""))));
    }

    @Test
    void whitespaceOnlyFileIsEmpty() throws IOException {
        assertEquals("runs.csv is empty", error(() -> TableReader.read(write("runs.csv", "\n \r\n\n"))));
    }

    @Test
    void bomOnlyFileIsEmpty() throws IOException {
        assertEquals("runs.csv is empty", error(() -> TableReader.read(write("runs.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))));
    }

    @Test
    void headerOnly() throws IOException {
        assertEquals("runs.csv has a header but no data rows",
                error(() -> TableReader.read(write("runs.csv", "compute,loss,params\n"))));
    }

    @Test
    void headerFollowedByBlankLinesOnly() throws IOException {
        assertEquals("runs.csv has a header but no data rows",
                error(() -> TableReader.read(write("runs.csv", "compute,loss\n\n\r\n,\n"))));
    }

    @Test
    void byteOrderMarkIsStripped() throws IOException {
        byte[] body = "compute,loss\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Table t = TableReader.read(write("runs.csv", bytes));
        assertEquals(List.of("compute", "loss"), t.columns());
        assertEquals(0, t.columnIndex("compute"));
    }

    @Test
    void byteOrderMarkInStringIsStripped() {
        assertEquals(List.of("a", "b"), TableReader.parse("\uFEFFa,b\n1,2\n", "runs.csv").columns());
    }

    @Test
    void crlfLineEnds() throws IOException {
        Table t = TableReader.read(write("runs.csv", "a,b\r\n1,2\r\n3,4\r\n"));
        assertEquals(List.of("a", "b"), t.columns());
        assertEquals(List.of("3", "4"), row(t, 1));
        assertEquals(3, t.sourceRow(1));
    }

    @Test
    void semicolonSeparated() throws IOException {
        Table t = TableReader.read(write("runs.csv", "compute;loss\n1e18;3,1\n"));
        assertEquals(List.of("compute", "loss"), t.columns());
        assertEquals(Optional.of(';'), t.delimiter());
        assertEquals("3,1", t.cell(0, 1));
    }

    @Test
    void tabSeparatedCsvIsDetected() throws IOException {
        Table t = TableReader.read(write("runs.csv", "compute\tloss\n1e18\t3.1\n"));
        assertEquals(Optional.of('\t'), t.delimiter());
        assertEquals(List.of("1e18", "3.1"), row(t, 0));
    }

    @Test
    void tsvFileUsesTabs() throws IOException {
        Table t = TableReader.read(write("runs.tsv", "name\tloss\nmodel, large\t3.1\n"));
        assertEquals(List.of("model, large", "3.1"), row(t, 0));
        Table tab = TableReader.read(write("runs.tab", "name\tloss\nx;y\t3.1\n"));
        assertEquals(List.of("x;y", "3.1"), row(tab, 0));
    }

    @Test
    void ambiguousDelimiterIsReported() throws IOException {
        assertEquals("cannot tell the delimiter of runs.csv: its header line has 2 commas and 2 semicolons;"
                        + " quote the names that contain them",
                error(() -> TableReader.read(write("runs.csv", "a,b;c,d;e\n1,2;3,4;5\n"))));
    }

    @Test
    void secondLineSettlesTheDelimiter() throws IOException {
        Table t = TableReader.read(write("runs.csv", "compute;loss (nats, mean)\n1e18;3.1\n"));
        assertEquals(List.of("compute", "loss (nats, mean)"), t.columns());
    }

    @Test
    void quotedDelimiterInHeaderDoesNotCount() throws IOException {
        Table t = TableReader.read(write("runs.csv", "compute;\"loss, mean\"\n1e18;3.1\n"));
        assertEquals(List.of("compute", "loss, mean"), t.columns());
    }

    @Test
    void singleColumn() throws IOException {
        Table t = TableReader.read(write("runs.csv", "loss\n3.1\n2.9\n"));
        assertEquals(List.of("loss"), t.columns());
        assertEquals(2, t.rowCount());
    }

    @Test
    void quotedFields() throws IOException {
        Table t = TableReader.read(write("runs.csv", "name,loss\n\"gpt, 4\",\"3.1\"\n\"say \"\"hi\"\"\",2\n"));
        assertEquals(List.of("gpt, 4", "3.1"), row(t, 0));
        assertEquals("say \"hi\"", t.cell(1, 0));
        assertEquals(3.1, Cells.number(t, 0, 1));
    }

    @Test
    void headerNamesAreStripped() {
        Table t = TableReader.parse("compute, loss , params\n1,2,3\n", "runs.csv");
        assertEquals(List.of("compute", "loss", "params"), t.columns());
    }

    @Test
    void multiLineQuotedFieldIsOneRow() {
        Table t = TableReader.parse("note,loss\n\"two\nlines\",1\nplain,2\n", "runs.csv");
        assertEquals("two\nlines", t.cell(0, 0));
        assertEquals(2, t.sourceRow(0));
        assertEquals(3, t.sourceRow(1));
    }

    @Test
    void blankLinesAreSkippedButCounted() {
        Table t = TableReader.parse("a,b\n1,2\n\n  \n3,4\n,\n\n", "runs.csv");
        assertEquals(2, t.rowCount());
        assertEquals(2, t.sourceRow(0));
        assertEquals(5, t.sourceRow(1));
    }

    @Test
    void duplicateColumnNames() throws IOException {
        assertEquals("duplicate column name \"loss\" in runs.csv: columns 2 and 4",
                error(() -> TableReader.read(write("runs.csv", "compute,loss,params,loss\n1,2,3,4\n"))));
    }

    @Test
    void unnamedColumnsAreAllowed() {
        Table t = TableReader.parse(",loss,\n0,3.1,\n", "runs.csv");
        assertEquals(List.of("", "loss", ""), t.columns());
        assertEquals("empty column name; columns are: loss", error(() -> t.columnIndex("")));
    }

    @Test
    void tooFewFields() throws IOException {
        assertEquals("row 3 of runs.csv has 2 fields but the header has 3",
                error(() -> TableReader.read(write("runs.csv", "a,b,c\n1,2,3\n1,2\n"))));
    }

    @Test
    void tooManyFields() throws IOException {
        assertEquals("row 2 of runs.csv has 4 fields but the header has 3 (quote values that contain \",\")",
                error(() -> TableReader.read(write("runs.csv", "a,b,c\n1,2,3,4\n"))));
    }

    @Test
    void unclosedQuote() {
        assertEquals("row 3 of runs.csv opens a quoted field that is never closed (a \" is missing)",
                error(() -> TableReader.parse("a,b\n1,2\n\"3,4\n5,6\n", "runs.csv")));
    }

    @Test
    void textAfterClosingQuote() {
        assertEquals("row 2 of runs.csv has text after a closing quote; inside a quoted field write \" as \"\"",
                error(() -> TableReader.parse("a,b\n\"x\"y,2\n", "runs.csv")));
    }

    @Test
    void nonUtf8Bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("a,b\n1,2\ncaf".getBytes(StandardCharsets.US_ASCII));
        out.write(0xE9);
        out.writeBytes(",3\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("runs.csv must be UTF-8 but is not: invalid byte 0xE9 on line 3 (byte offset 11); save it as UTF-8",
                error(() -> TableReader.read(write("runs.csv", out.toByteArray()))));
    }

    @Test
    void nonUtf8ByteFarIntoTheFileIsLocated() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("x,y\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 20_000; i++) {
            out.writeBytes("12345,67890\n".getBytes(StandardCharsets.US_ASCII));
        }
        int offset = out.size() + 2;
        out.writeBytes("12".getBytes(StandardCharsets.US_ASCII));
        out.write(0xFF);
        out.writeBytes(",1\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("runs.csv must be UTF-8 but is not: invalid byte 0xFF on line 20002 (byte offset " + offset
                        + "); save it as UTF-8",
                error(() -> TableReader.read(write("runs.csv", out.toByteArray()))));
    }

    @Test
    void truncatedUtf8SequenceAtEndOfFile() throws IOException {
        byte[] bytes = {'a', ',', 'b', '\n', '1', ',', (byte) 0xC3};
        assertEquals("runs.csv must be UTF-8 but is not: invalid byte 0xC3 on line 2 (byte offset 6); save it as UTF-8",
                error(() -> TableReader.read(write("runs.csv", bytes))));
    }

    @Test
    void multiByteUtf8IsRead() throws IOException {
        Table t = TableReader.read(write("runs.csv", "modèle,loss\nλ-7B,3.1\n"));
        assertEquals(List.of("modèle", "loss"), t.columns());
        assertEquals("λ-7B", t.cell(0, 0));
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("runs.csv");
        assertEquals("file not found: " + p, error(() -> TableReader.read(p)));
    }

    @Test
    void missingFileNamedRelatively() {
        assertEquals("file not found: runs.csv", error(() -> TableReader.read(Path.of("runs.csv"))));
    }

    @Test
    void directory() {
        assertEquals(dir + " is a directory, not a file", error(() -> TableReader.read(dir)));
    }

    @Test
    void unreadableFile() throws IOException {
        Path p = write("runs.csv", "a,b\n1,2\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(p), "running as a user who can read anything");
        assertEquals("cannot read " + p + ": permission denied", error(() -> TableReader.read(p)));
    }

    @Test
    void unknownColumnSuggestsTheClosest() {
        Table t = TableReader.parse("compute,loss,params\n1,2,3\n", "runs.csv");
        assertEquals("unknown column \"comptue\" in runs.csv; columns are: compute, loss, params (did you mean \"compute\"?)",
                error(() -> t.columnIndex("comptue")));
        assertEquals("unknown column \"Loss\" in runs.csv; columns are: compute, loss, params (did you mean \"loss\"?)",
                error(() -> t.columnIndex("Loss")));
    }

    @Test
    void unknownColumnWithoutNearMiss() {
        Table t = TableReader.parse("compute,loss,params\n1,2,3\n", "runs.csv");
        assertEquals("unknown column \"tokens\" in runs.csv; columns are: compute, loss, params",
                error(() -> t.columnIndex("tokens")));
    }

    @Test
    void unknownColumnWhenTheHeaderIsMissing() {
        Table t = TableReader.parse("1e18,3.1\n1e19,2.7\n", "runs.csv");
        assertEquals("unknown column \"compute\" in runs.csv; columns are: 1e18, 3.1"
                        + " (the first line looks like data: the file needs a header row naming the columns)",
                error(() -> t.columnIndex("compute")));
    }

    @Test
    void onlyColumnsKeepsFileOrder() throws IOException {
        Path p = write("runs.csv", "a,loss,b,compute,c\n1,2,3,4,5\n6,7,8,9,10\n");
        Table t = TableReader.read(p, Set.of("compute", "loss"));
        assertEquals(List.of("loss", "compute"), t.columns());
        assertEquals(List.of("7", "9"), row(t, 1));
    }

    @Test
    void onlyColumnsNamesEveryColumnOfTheFileWhenOneIsMissing() throws IOException {
        Path p = write("runs.csv", "a,loss,b,compute,c\n1,2,3,4,5\n");
        assertEquals("unknown column \"compte\" in runs.csv; columns are: a, loss, b, compute, c (did you mean \"compute\"?)",
                error(() -> TableReader.read(p, Set.of("compte", "loss"))));
    }

    @Test
    void onlyColumnsStillChecksFieldCounts() throws IOException {
        Path p = write("runs.csv", "a,b,c\n1,2,3\n4,5\n");
        assertEquals("row 3 of runs.csv has 2 fields but the header has 3", error(() -> TableReader.read(p, Set.of("a"))));
    }

    @Test
    void largeFileWithFewColumnsKept() throws IOException {
        StringBuilder sb = new StringBuilder("id");
        for (int c = 0; c < 30; c++) {
            sb.append(",c").append(c);
        }
        sb.append('\n');
        for (int r = 0; r < 20_000; r++) {
            sb.append(r);
            for (int c = 0; c < 30; c++) {
                sb.append(',').append(r * 31 + c);
            }
            sb.append('\n');
        }
        Table t = TableReader.read(write("big.csv", sb.toString()), Set.of("id", "c29"));
        assertEquals(20_000, t.rowCount());
        assertEquals(List.of("19999", String.valueOf(19999 * 31 + 29)), row(t, 19_999));
        assertEquals(20_001, t.sourceRow(19_999));
    }

    @Test
    void jsonLines() throws IOException {
        Path p = write("runs.jsonl", String.join("\n",
                "{\"compute\": 1e18, \"loss\": 3.1, \"model\": \"a\"}",
                "",
                "{\"loss\": null, \"compute\": 2E19, \"ok\": true}",
                "{\"model\": \"b\", \"extra\": [1, 2], \"cfg\": {\"lr\": 0.1}}",
                ""));
        Table t = TableReader.read(p);
        assertEquals(List.of("compute", "loss", "model", "ok", "extra", "cfg"), t.columns());
        assertEquals(3, t.rowCount());
        assertEquals(List.of("1e18", "3.1", "a", "", "", ""), row(t, 0));
        assertEquals(List.of("2E19", "", "", "true", "", ""), row(t, 1));
        assertEquals(List.of("", "", "b", "", "[1,2]", "{\"lr\":0.1}"), row(t, 2));
        assertEquals(1, t.sourceRow(0));
        assertEquals(3, t.sourceRow(1));
        assertEquals(4, t.sourceRow(2));
        assertEquals(Optional.empty(), t.delimiter());
    }

    @Test
    void jsonLinesNullAndMissingAreEmptyCells() {
        Table t = TableReader.parse("{\"x\": 1, \"y\": null}\n{\"x\": 2}\n", "runs.jsonl");
        assertEquals("row 1 of runs.jsonl, column \"y\" is empty",
                error(() -> Cells.number(t, 0, t.columnIndex("y"))));
        assertEquals("row 2 of runs.jsonl, column \"y\" is empty",
                error(() -> Cells.number(t, 1, t.columnIndex("y"))));
    }

    @Test
    void jsonLinesNonFiniteNumbersAreCellsThatConversionRejects() {
        Table t = TableReader.parse("{\"loss\": NaN}\n{\"loss\": -Infinity}\n", "runs.ndjson");
        assertEquals("row 1 of runs.ndjson, column \"loss\": \"NaN\" is not a finite number",
                error(() -> Cells.number(t, 0, 0)));
        assertEquals("row 2 of runs.ndjson, column \"loss\": \"-Infinity\" is not a finite number",
                error(() -> Cells.number(t, 1, 0)));
    }

    @Test
    void jsonLineThatIsNotAnObject() {
        assertEquals("line 3 of runs.jsonl is not a JSON object (found an array)",
                error(() -> TableReader.parse("{\"x\": 1}\n\n[1, 2]\n", "runs.jsonl")));
        assertEquals("line 1 of runs.jsonl is not a JSON object (found a number)",
                error(() -> TableReader.parse("42\n", "runs.jsonl")));
    }

    @Test
    void jsonLineThatIsNotJson() {
        assertEquals("line 2 of runs.jsonl is not valid JSON: Unexpected end-of-input: expected close marker for Object at column 8",
                error(() -> TableReader.parse("{\"x\": 1}\n{\"x\": 2\n", "runs.jsonl")));
        assertEquals("line 1 of runs.jsonl is not valid JSON: Unrecognized token 'abc' at column 7",
                error(() -> TableReader.parse("{\"x\": abc}\n", "runs.jsonl")));
    }

    @Test
    void jsonLineWithTwoObjects() {
        assertEquals("line 1 of runs.jsonl holds more than one JSON value; put one object per line",
                error(() -> TableReader.parse("{\"x\": 1} {\"x\": 2}\n", "runs.jsonl")));
    }

    @Test
    void jsonLineWithDuplicateKey() {
        assertEquals("line 1 of runs.jsonl: key \"x\" appears twice",
                error(() -> TableReader.parse("{\"x\": 1, \"x\": 2}\n", "runs.jsonl")));
    }

    @Test
    void jsonLinesOnlyBlankLinesIsEmpty() {
        assertEquals("runs.jsonl is empty", error(() -> TableReader.parse("\n\n", "runs.jsonl")));
    }

    @Test
    void jsonLinesOnlyColumns() throws IOException {
        Path p = write("runs.jsonl", "{\"a\": 1, \"loss\": 2, \"b\": 3}\n{\"compute\": 4}\n");
        Table t = TableReader.read(p, Set.of("compute", "loss"));
        assertEquals(List.of("loss", "compute"), t.columns());
        assertEquals(List.of("", "4"), row(t, 1));
        assertEquals("unknown column \"los\" in runs.jsonl; columns are: a, loss, b, compute (did you mean \"loss\"?)",
                error(() -> TableReader.read(p, Set.of("los"))));
    }

    @Test
    void unknownExtensionIsSniffed() {
        assertEquals(Optional.empty(), TableReader.parse("{\"x\": 1}\n", "runs.txt").delimiter());
        assertEquals(Optional.of(';'), TableReader.parse("x;y\n1;2\n", "runs.txt").delimiter());
        assertEquals("runs.json holds a JSON array; scalefit reads JSON Lines, one object per line (convert it with: jq -c '.[]')",
                error(() -> TableReader.parse("[{\"x\": 1}]", "runs.json")));
    }

    @Test
    void gzipIsDecompressed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
        }
        Table t = TableReader.read(write("runs.csv.gz", out.toByteArray()));
        assertEquals("runs.csv.gz", t.source());
        assertEquals(List.of("1", "2"), row(t, 0));
    }

    @Test
    void readsFromAStream() {
        Table t = TableReader.read(new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), "stdin.csv");
        assertEquals("stdin.csv", t.source());
        assertEquals(1, t.rowCount());
    }

    @Test
    void tableOfChecksShapes() {
        Table t = Table.of("mem", List.of("x", "y"), List.of(List.of("1", "2"), List.of("3", "4")));
        assertEquals(3, t.sourceRow(1));
        assertEquals("row 3 of mem has 1 fields but the header has 2",
                error(() -> Table.of("mem", List.of("x", "y"), List.of(List.of("1", "2"), List.of("3")))));
        assertEquals("duplicate column name \"x\" in mem: columns 1 and 2",
                error(() -> Table.of("mem", List.of("x", "x"), List.of())));
        Table picked = t.select(new int[] {1});
        assertEquals(List.of("3", "4"), row(picked, 0));
        assertEquals(3, picked.sourceRow(0));
    }
}

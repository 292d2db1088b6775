package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;

/**
 * Files are loaded in chunks (so a file of hundreds of megabytes costs the memory of the numbers kept,
 * not of its text); the result is exactly that of reading the whole table at once, across chunk
 * boundaries, with filters and skipped rows. The memory claim itself is measured in bench/bigfile.sh.
 */
class StreamingLoadTest {
    @TempDir
    static Path dir;
    private static Path big;

    @org.junit.jupiter.api.BeforeAll
    static void writeBigFile() throws IOException {
        big = bigFile();
    }

    private static Path bigFile() throws IOException {
        StringBuilder s = new StringBuilder("run,step,compute,loss,notes\n");
        for (int i = 0; i < 3 * DataSpec.CHUNK_ROWS + 123; i++) {
            if (i % 9_999 == 5) {
                s.append('\n');
            }
            String loss = i % 10_007 == 3 ? "NA" : Double.toString(2 + 1.0 / (1 + i % 977));
            s.append("r").append(i % 50).append(',').append(i % 7).append(',').append(1e17 * (1 + i % 1000)).append(',')
                    .append(loss).append(",\"a, b\"\n");
        }
        Path p = dir.resolve("big.csv");
        Files.writeString(p, s.toString());
        return p;
    }

    @Test
    void chunkedLoadEqualsWholeTableLoad() throws IOException {
        Path p = big;
        for (DataSpec spec : List.of(
                DataSpec.builder().predictor("compute").response("loss").skipInvalid(true).build(),
                DataSpec.builder().predictor("compute").response("loss").where("step==3").group("run").skipInvalid(true).build())) {
            LoadResult streamed = spec.load(p);
            LoadResult whole = spec.load(TableReader.read(p, spec.columns()));
            assertEquals(whole.observations(), streamed.observations());
            assertEquals(whole.skipped(), streamed.skipped());
            assertEquals(whole.excluded(), streamed.excluded());
            assertEquals(whole.summary(), streamed.summary());
        }
        LoadResult all = DataSpec.builder().predictor("compute").response("loss").skipInvalid(true).build().load(p);
        assertEquals(3 * DataSpec.CHUNK_ROWS + 123 - all.skipped().size(), all.observations().size());
    }

    @Test
    void strictModeStopsAtTheFirstBadCellInAnyChunk() throws IOException {
        Path p = big;
        DataSpec spec = DataSpec.builder().predictor("compute").response("loss").build();
        String message = assertThrows(InvalidDataException.class, () -> spec.load(p)).getMessage();
        assertEquals("row 5 of big.csv, column \"loss\": \"NA\" marks a missing value, not a number; fix the cell, or leave out rows that cannot be used with skip-invalid", message);
    }

    @Test
    void chunksCarryTheFileRowsAndOnlyTheNamedColumns() throws IOException {
        Path p = big;
        List<Table> chunks = new ArrayList<>();
        TableReader.readChunks(p, Set.of("loss", "compute"), 1000, chunks::add);
        int rows = chunks.stream().mapToInt(Table::rowCount).sum();
        assertEquals(3 * DataSpec.CHUNK_ROWS + 123, rows);
        assertEquals(List.of("compute", "loss"), chunks.get(7).columns());
        assertEquals(1000, chunks.get(0).rowCount());
        Table whole = TableReader.read(p, Set.of("loss", "compute"));
        assertEquals(whole.sourceRow(7000), chunks.get(7).sourceRow(0));
        assertEquals(whole.cell(7000, 1), chunks.get(7).cell(0, 1));
    }

    @Test
    void everyChunkKeepsItsCellsWhileTheReaderRefillsItsBuffersForTheNext() throws IOException {
        List<Table> chunks = new ArrayList<>();
        TableReader.readChunks(big, Set.of("loss", "compute"), 1000, chunks::add);
        Table whole = TableReader.read(big, Set.of("loss", "compute"));
        int r = 0;
        for (Table chunk : chunks) {
            for (int i = 0; i < chunk.rowCount(); i++, r++) {
                assertEquals(whole.sourceRow(r), chunk.sourceRow(i));
                for (int c = 0; c < 2; c++) {
                    assertEquals(whole.cell(r, c), chunk.cell(i, c), "row " + r + ", column " + c);
                }
            }
        }
        assertEquals(whole.rowCount(), r);
    }

    @Test
    void aFileThatBreaksLateFailsWithItsRow() throws IOException {
        StringBuilder s = new StringBuilder("compute,loss\n");
        for (int i = 0; i < DataSpec.CHUNK_ROWS + 10; i++) {
            s.append(1e17 * (i + 1)).append(",2.5\n");
        }
        s.append("1e30,2.5,extra\n");
        Path p = Files.createTempFile(dir, "late", ".csv");
        Files.writeString(p, s.toString());
        assertEquals("row " + (DataSpec.CHUNK_ROWS + 12) + " of " + p.getFileName() + " has 3 fields but the header has 2 (quote values that"
                        + " contain \",\")",
                assertThrows(InvalidDataException.class, () -> DataSpec.builder().predictor("compute").response("loss")
                        .build().load(p)).getMessage());
    }
}

package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;

/**
 * Runs read from tables (CSV, TSV, gzipped, or sniffed by their first character), on small files written
 * here: every count and score is the one the file holds, every refusal names its row and field.
 */
class RunTableTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static final String HEADER = "alias,task_id,task_family,human_minutes,score_binarized,score_cont\n";

    @Test
    void aMetrCsvWithFamiliesAndHumanBaselines() throws IOException {
        Runs runs = RunReader.read(write("runs.csv", HEADER
                + "A,f1/t1,f1,2,1,0.9\nA,f1/t2,f1,8,0,0.2\nhuman,f1/t1,f1,2,1,1\nB,f2/t3,f2,30,true,1\nB,f1/t1,f1,2,FALSE,0\n"));
        assertEquals(List.of("A", "B"), runs.models());
        assertEquals(4, runs.runCount());
        assertEquals(1, runs.humanRunCount());
        assertEquals(3, runs.taskCount());
        assertEquals(2, runs.familyCount());
        assertEquals("score_binarized", runs.scoreField(), "binarized when both are there");
        assertEquals(1.0, runs.scoreSum(0), 0.0);
        assertEquals(1.0, runs.scoreSum(1), 0.0, "true and FALSE read as 1 and 0");
        assertEquals(2, runs.familyCount(1));
        assertEquals(List.of(), runs.notes());
    }

    @Test
    void continuousScoresWhenThatIsAllThereIs() throws IOException {
        Runs runs = RunReader.read(write("runs.tsv", "alias\ttask_id\thuman_minutes\tscore_cont\nA\tt1\t2\t0.25\nA\tt2\t8\t0.5\n"));
        assertEquals("score_cont", runs.scoreField());
        assertEquals(0.75, runs.scoreSum(0), 0.0);
        assertEquals(List.of("runs.tsv has no \"task_family\" column; each task is its own family"), runs.notes());
        assertEquals(2, runs.familyCount());
    }

    @Test
    void aGzippedCsv() throws IOException {
        Path p = dir.resolve("runs.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write((HEADER + "A,t1,f,2,1,1\nA,t2,f,4,0,0\n").getBytes(StandardCharsets.UTF_8));
        }
        Runs runs = RunReader.read(p);
        assertEquals(2, runs.runCount());
        assertEquals(1, runs.familyCount());
    }

    @Test
    void aFileWithoutAKnownExtensionIsSniffed() throws IOException {
        String json = "{\"alias\":\"A\",\"task_id\":\"t1\",\"task_family\":\"f\",\"human_minutes\":2,\"score_binarized\":1}\n";
        Runs fromJson = RunReader.read(write("runs.txt", "\uFEFF \n\t" + json));
        assertEquals(List.of("A"), fromJson.models(), "a byte-order mark and white space before the first brace");
        Runs fromCsv = RunReader.read(write("runs.data", HEADER + "A,t1,f,2,1,1\n"));
        assertEquals(1, fromCsv.runCount());
    }

    @Test
    void badRowsNameTheirRowAndField() throws IOException {
        Path zero = write("z.csv", HEADER + "A,t1,f,2,1,1\nA,t2,f,0,1,1\n");
        assertEquals("row 3 of z.csv, column \"human_minutes\" is \"0\": task lengths must be > 0 minutes",
                assertThrows(InvalidDataException.class, () -> RunReader.read(zero)).getMessage());
        Path high = write("s.csv", HEADER + "A,t1,f,2,1.5,1\n");
        assertEquals("row 2 of s.csv, column \"score_binarized\" is \"1.5\": scores must lie in [0, 1]",
                assertThrows(InvalidDataException.class, () -> RunReader.read(high)).getMessage());
        Path negative = write("n.csv", HEADER + "A,t1,f,2,-0.5,1\n");
        assertThrows(InvalidDataException.class, () -> RunReader.read(negative));
        Runs kept = RunReader.read(zero, RunColumns.metr(), true);
        assertEquals(1, kept.runCount());
        assertEquals(1, kept.skipped().size());
        assertEquals(3, kept.skipped().get(0).line());
        assertEquals("human_minutes", kept.skipped().get(0).field());
    }

    @Test
    void aScoreOfExactlyZeroOrOneIsValid() throws IOException {
        Runs runs = RunReader.read(write("e.csv", HEADER + "A,t1,f,2,0,0\nA,t2,f,4,1,1\n"));
        assertEquals(1.0, runs.scoreSum(0), 0.0);
    }

    @Test
    void directoriesAndMissingFilesAreRefused() {
        assertEquals(dir + " is a directory, not a file",
                assertThrows(InvalidDataException.class, () -> RunReader.read(dir)).getMessage());
        assertEquals("file not found: " + dir.resolve("none.csv"),
                assertThrows(InvalidDataException.class, () -> RunReader.read(dir.resolve("none.csv"))).getMessage());
    }
}

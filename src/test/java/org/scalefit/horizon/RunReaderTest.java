package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Run files in METR's format and others: what is read, what is left out, and the one-line errors. */
class RunReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static String row(String alias, String task, String family, double minutes, int score) {
        return "{\"run_id\":\"r\",\"task_id\":\"" + task + "\",\"task_family\":\"" + family + "\",\"alias\":\"" + alias
                + "\",\"human_minutes\":" + minutes + ",\"score_binarized\":" + score + ",\"invsqrt_task_weight\":0.1,"
                + "\"extra\":{\"nested\":[1,2]}}\n";
    }

    @Test
    void readsMetrFieldsAndLeavesOutHumanBaselines() throws IOException {
        Path p = write("runs.jsonl", row("A", "f1/t1", "f1", 2, 1) + row("A", "f1/t1", "f1", 2, 0)
                + row("human", "f1/t1", "f1", 2, 1) + "\n" + row("B", "f2/t2", "f2", 30, 0) + row("A", "f2/t2", "f2", 30, 1));
        Runs runs = RunReader.read(p);
        assertEquals(List.of("A", "B"), runs.models());
        assertEquals(4, runs.runCount());
        assertEquals(1, runs.humanRunCount());
        assertEquals(2, runs.taskCount());
        assertEquals(2, runs.familyCount());
        assertEquals(3, runs.runCount(0));
        assertEquals(2, runs.taskCount(0));
        assertEquals(2.0, runs.scoreSum(0));
        assertEquals("score_binarized", runs.scoreField());
        assertEquals(30.0, runs.minutes(1));
    }

    @Test
    void fallsBackToContinuousScoresAndSplitsThemIntoWeightedRows() throws IOException {
        Path p = write("runs.jsonl", "{\"alias\":\"A\",\"task_id\":\"t1\",\"task_family\":\"f\",\"human_minutes\":1,\"score_cont\":0.25}\n"
                + "{\"alias\":\"A\",\"task_id\":\"t2\",\"task_family\":\"f\",\"human_minutes\":8,\"score_cont\":1}\n"
                + "{\"alias\":\"A\",\"task_id\":\"t3\",\"task_family\":\"f\",\"human_minutes\":64,\"score_cont\":0}\n");
        Runs runs = RunReader.read(p);
        assertEquals("score_cont", runs.scoreField());
        assertEquals(1.25, runs.scoreSum(0), 1e-15);
    }

    @Test
    void otherFieldNamesByFlagsAndCsvFiles() throws IOException {
        Path p = write("evals.csv", "agent,task,minutes,passed\nx,t1,4,1\nx,t2,16,0\ny,t1,4,true\n");
        Runs runs = RunReader.read(p, RunColumns.metr().withModel("agent").withTask("task").withMinutes("minutes")
                .withScore("passed"), false);
        assertEquals(List.of("x", "y"), runs.models());
        assertEquals(2, runs.familyCount(), "without a family column each task is its own family");
        assertEquals(1, runs.notes().size());
        assertEquals(1.0, runs.scoreSum(1));
    }

    @Test
    void gzippedJsonLines() throws IOException {
        Path p = dir.resolve("runs.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write((row("A", "t", "f", 3, 1) + row("A", "u", "f", 9, 0)).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, RunReader.read(p).runCount());
    }

    private String error(Path p) {
        return org.scalefit.TestFlags.message(assertThrows(InvalidDataException.class, () -> RunReader.read(p)));
    }

    @Test
    void nonPositiveTaskLengthIsRejectedWithItsLine() throws IOException {
        Path p = write("runs.jsonl", row("A", "t", "f", 3, 1) + row("A", "u", "f", 0, 1));
        assertEquals("line 2 of runs.jsonl, field \"human_minutes\" is \"0\": task lengths must be > 0 minutes", error(p));
        Path q = write("neg.jsonl", row("A", "t", "f", -2.5, 1));
        assertEquals("line 1 of neg.jsonl, field \"human_minutes\" is \"-2.5\": task lengths must be > 0 minutes", error(q));
    }

    @Test
    void unparsableAndMissingValuesNameTheField() throws IOException {
        Path p = write("runs.jsonl", "{\"alias\":\"A\",\"task_id\":\"t\",\"human_minutes\":\"abc\",\"score_binarized\":1}\n");
        assertEquals("line 1 of runs.jsonl, field \"human_minutes\": \"abc\" is not a number", error(p));
        Path q = write("noalias.jsonl", "{\"agent\":\"A\",\"task_id\":\"t\",\"human_minutes\":3,\"score_binarized\":1}\n");
        assertEquals("line 1 of noalias.jsonl has no field \"alias\" (it has: agent, task_id, human_minutes, score_binarized);"
                + " name the model field with --model", error(q));
        Path r = write("noscore.jsonl", "{\"alias\":\"A\",\"task_id\":\"t\",\"human_minutes\":3}\n");
        assertEquals("line 1 of noscore.jsonl has no score field \"score_binarized\" or \"score_cont\" (it has: alias, task_id,"
                + " human_minutes); name it with --score", error(r));
        Path s = write("null.jsonl", row("A", "t", "f", 3, 1) + "{\"alias\":\"A\",\"task_id\":\"t\",\"human_minutes\":3,\"score_binarized\":null}\n");
        assertEquals("line 2 of null.jsonl, field \"score_binarized\" is empty", error(s));
    }

    @Test
    void scoresOutsideTheUnitIntervalAreRejected() throws IOException {
        Path p = write("runs.jsonl", row("A", "t", "f", 3, 2));
        assertEquals("line 1 of runs.jsonl, field \"score_binarized\" is \"2\": scores must lie in [0, 1]", error(p));
    }

    @Test
    void aTaskMustKeepItsLengthAndFamily() throws IOException {
        Path p = write("runs.jsonl", row("A", "t", "f", 3, 1) + row("B", "t", "f", 4, 1));
        assertEquals("line 2 of runs.jsonl: task \"t\" has human minutes 4.0 here but 3.0 on line 1", error(p));
        Path q = write("fam.jsonl", row("A", "t", "f", 3, 1) + row("B", "t", "g", 3, 1));
        assertEquals("line 2 of fam.jsonl: task \"t\" is in family \"g\" here but in \"f\" on line 1", error(q));
    }

    @Test
    void malformedLinesAreReportedByLine() throws IOException {
        assertEquals("line 2 of a.jsonl is not a JSON object (found an array)", error(write("a.jsonl", row("A", "t", "f", 3, 1) + "[1,2]\n")));
        assertTrue(error(write("b.jsonl", row("A", "t", "f", 3, 1) + "{\"alias\": \n")).startsWith("line 2 of b.jsonl is not valid JSON"));
        assertEquals("line 1 of c.jsonl holds more than one JSON value; put one object per line",
                error(write("c.jsonl", row("A", "t", "f", 3, 1).strip() + " " + row("A", "t", "f", 3, 1))));
        assertEquals("d.jsonl has no model runs (only 1 human baseline rows)", error(write("d.jsonl", row("human", "t", "f", 3, 1))));
        assertEquals("file not found: " + dir.resolve("none.jsonl"), error(dir.resolve("none.jsonl")));
    }

    @Test
    void skipInvalidLeavesOutBadRowsAndListsThem() throws IOException {
        Path p = write("runs.jsonl", row("A", "t", "f", 3, 1) + row("A", "u", "f", 0, 1) + row("A", "v", "f", 5, 0));
        Runs runs = RunReader.read(p, RunColumns.metr(), true);
        assertEquals(2, runs.runCount());
        assertEquals(1, runs.skipped().size());
        assertEquals(2, runs.skipped().get(0).line());
        assertEquals("human_minutes", runs.skipped().get(0).field());
    }

    @Test
    void builderChecksValues() {
        Runs.Builder b = Runs.builder("mem");
        assertEquals("run 1 of mem: human minutes is 0.0; task lengths must be finite and > 0",
                assertThrows(InvalidDataException.class, () -> b.add("m", "t", "f", 0, 1)).getMessage());
        assertEquals("run 1 of mem: score is 1.5; scores must lie in [0, 1]",
                assertThrows(InvalidDataException.class, () -> b.add("m", "t", "f", 1, 1.5)).getMessage());
    }
}

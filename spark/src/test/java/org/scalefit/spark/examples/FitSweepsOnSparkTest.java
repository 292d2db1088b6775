package org.scalefit.spark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.cli.Main;

/**
 * The example program on the repository's real data (Kaplan et al. 2020's learning curves, 36 models): it
 * runs on {@code local[2]} and writes the per-model table, whose E, A and alpha equal
 * {@code scalefit fit datasets/kaplan2020-learning-curves.csv --x step --y loss --law offset-power-law --by model}
 * value for value (README's table shows m00: n 58, E 6.7882, A 355.66, alpha 0.7697).
 */
class FitSweepsOnSparkTest {
    @TempDir
    Path dir;

    @Test
    void fitsKaplansLearningCurvesAsTheCommandLineDoes() throws Exception {
        Path csv = Path.of("..", "datasets", "kaplan2020-learning-curves.csv");
        assertTrue(Files.isRegularFile(csv), "the repository's data set " + csv.toAbsolutePath());
        SparkSession spark = org.scalefit.spark.SparkTestSessionAccess.get();
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            FitSweepsOnSpark.main(new String[] {csv.toString(), dir.toString()});
        } finally {
            System.setOut(stdout);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("36 curves fitted, 0 failed"), out);
        assertTrue(out.contains("m00: alpha = 0.7697"), out);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"fit", csv.toString(), "--x", "step", "--y", "loss", "--law", "offset-power-law",
            "--by", "model", "--json"}, new PrintStream(json, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        Map<String, Row> spark36 = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("fits.parquet").toString()).collectAsList()) {
            spark36.put(r.getString(r.fieldIndex("model")), r);
        }
        int compared = 0;
        for (JsonNode g : new ObjectMapper().readTree(json.toString(StandardCharsets.UTF_8)).get("groups")) {
            Row r = spark36.get(g.get("group").asText());
            assertEquals(g.get("n").asInt(), r.getInt(r.fieldIndex("n")));
            for (String p : new String[] {"E", "A", "alpha"}) {
                assertEquals(g.get("parameters").get(p).get("value").asDouble(), r.getDouble(r.fieldIndex(p)), 0.0, p);
            }
            compared++;
        }
        assertEquals(36, compared);
        Row m00 = spark36.get("m00");
        assertEquals(58, m00.getInt(m00.fieldIndex("n")));
        assertEquals(6.7882, m00.getDouble(m00.fieldIndex("E")), 5e-5);
        assertEquals(355.66, m00.getDouble(m00.fieldIndex("A")), 5e-3);
        assertEquals(0.7697, m00.getDouble(m00.fieldIndex("alpha")), 5e-5);
    }
}

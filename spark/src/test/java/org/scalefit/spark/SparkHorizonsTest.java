package org.scalefit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.stats.Interval;
import org.scalefit.horizon.ModelHorizon;

/**
 * Horizons from a run table in Spark against {@code scalefit horizon FILE --json} in-process on the same runs
 * (the JSON Lines file listed in the canonical order): the per-model logistic fits, horizons and hierarchical
 * bootstrap intervals equal value for value; the same on any partitioning; samples aggregated into runs.
 */
class SparkHorizonsTest {
    private static final StructType SAMPLES = DataTypes.createStructType(List.of(
            DataTypes.createStructField("alias", DataTypes.StringType, true),
            DataTypes.createStructField("task_id", DataTypes.StringType, true),
            DataTypes.createStructField("task_family", DataTypes.StringType, true),
            DataTypes.createStructField("human_minutes", DataTypes.DoubleType, true),
            DataTypes.createStructField("run_id", DataTypes.IntegerType, false),
            DataTypes.createStructField("score_binarized", DataTypes.DoubleType, true)));

    @TempDir
    Path dir;

    @Test
    void runsGiveTheCommandLinesHorizonsAndIntervals() throws Exception {
        List<Row> runs = samples(1, 21L);
        JsonNode cli = commandLine(runs, "score_binarized", "--bootstrap", "200", "--seed", "5");
        HorizonOptions options = HorizonOptions.defaults().withBootstrap(200).withSeed(5).withThreads(2);
        Dataset<Row> input = parquet(runs);
        HorizonResult spark = SparkHorizons.of(options).fit(input);
        assertEqualsCommandLine(cli, spark);
        assertEquals(cli.get("human_runs").asInt(), spark.humanRuns());
        HorizonResult reshuffled = SparkHorizons.of(options).fit(input.repartition(7));
        for (ModelHorizon h : spark.models()) {
            assertEquals(h, reshuffled.model(h.model()));
            assertEquals(spark.interval(h.model(), 0.5), reshuffled.interval(h.model(), 0.5));
        }
    }

    @Test
    void samplesAreAveragedIntoRuns() throws Exception {
        List<Row> samples = samples(3, 8L);
        // The command line reads one row per run with its mean score as a continuous score.
        List<Row> perRun = new ArrayList<>();
        for (int i = 0; i < samples.size(); ) {
            Row r = samples.get(i);
            double sum = 0;
            int k = 0;
            for (; i + k < samples.size() && samples.get(i + k).getInt(4) == r.getInt(4); k++) {
                sum += samples.get(i + k).getDouble(5);
            }
            perRun.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), sum / k));
            i += k;
        }
        perRun.sort(SparkHorizonsTest::canonical);
        JsonNode cli = commandLine(perRun, "score_cont", "--bootstrap", "100", "--seed", "2");
        HorizonResult spark = SparkHorizons.of(HorizonOptions.defaults().withBootstrap(100).withSeed(2).withThreads(2))
                .perRun("run_id").fit(parquet(samples));
        assertEqualsCommandLine(cli, spark);
    }

    @Test
    void anUnusableRowIsNamedOrSkipped() {
        List<Row> runs = new ArrayList<>(samples(1, 4L));
        runs.add(RowFactory.create("model-b", "f1/t3", "f1", 8.0, 99_999, 1.5));
        Dataset<Row> input = SparkTestSession.get().createDataFrame(runs, SAMPLES);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> SparkHorizons.of(HorizonOptions.defaults().withBootstrap(0)).fit(input));
        assertTrue(e.getMessage().contains("model \"model-b\" on task \"f1/t3\": score is 1.5"), e.getMessage());
        HorizonResult skipped = SparkHorizons.of(HorizonOptions.defaults().withBootstrap(0)).skipInvalid(true).fit(input);
        assertTrue(skipped.source().contains("1 invalid runs left out"), skipped.source());
    }

    private static void assertEqualsCommandLine(JsonNode cli, HorizonResult spark) {
        assertEquals(cli.get("runs").asInt(), spark.runs());
        assertEquals(cli.get("tasks").asInt(), spark.tasks());
        assertEquals(cli.get("families").asInt(), spark.families());
        assertEquals(cli.get("models").size(), spark.models().size());
        for (JsonNode m : cli.get("models")) {
            ModelHorizon h = spark.model(m.get("model").asText());
            String name = h.model();
            assertEquals(m.get("status").asText(), h.status().code(), name);
            assertEquals(m.get("runs").asInt(), h.runs(), name);
            assertEquals(m.get("tasks").asInt(), h.tasks(), name);
            assertEquals(m.get("families").asInt(), h.families(), name);
            assertEquals(m.get("average_score").asDouble(), h.averageScore(), 0.0, name);
            assertEquals(m.get("intercept").asDouble(), h.intercept(), 0.0, name);
            assertEquals(m.get("slope").asDouble(), h.slope(), 0.0, name);
            assertEquals(m.get("p50_minutes").asDouble(), h.p50(), 0.0, name);
            assertEquals(m.get("p80_minutes").asDouble(), h.p80(), 0.0, name);
            for (String p : new String[] {"p50_minutes", "p80_minutes"}) {
                Interval ci = spark.interval(name, p.startsWith("p50") ? 0.5 : 0.8);
                JsonNode expected = m.get("ci95").get(p);
                assertEquals(expected.get(0).asDouble(), ci.lower(), 0.0, name + " " + p);
                assertEquals(expected.get(1).asDouble(), ci.upper(), 0.0, name + " " + p);
            }
            assertEquals(m.get("bootstrap").get("missing").asInt(), spark.bootstrap().get().missing(name), name);
        }
    }

    /**
     * Runs of four models on 30 tasks in 8 families (a logistic in log2 minutes, each model twice the horizon
     * of the last), 1–3 runs per model and task, `samples` samples per run; plus human baseline rows. In the
     * canonical order (model, task, score).
     */
    private static List<Row> samples(int samples, long seed) {
        Random rng = new Random(seed);
        List<Row> rows = new ArrayList<>();
        String[] models = {"model-a", "model-b", "model-c", "model-d"};
        int runId = 0;
        for (int m = 0; m < models.length; m++) {
            for (int t = 0; t < 30; t++) {
                double minutes = Math.round(Math.pow(2, t / 3.0) * 100) / 100.0;
                String family = "f" + (t % 8);
                int runs = 1 + rng.nextInt(3);
                for (int r = 0; r < runs; r++) {
                    runId++;
                    double p = 1 / (1 + Math.exp(0.8 * (Math.log(minutes) / Math.log(2) - 2 - m)));
                    for (int s = 0; s < samples; s++) {
                        rows.add(RowFactory.create(models[m], family + "/t" + t, family, minutes, runId,
                                rng.nextDouble() < p ? 1.0 : 0.0));
                    }
                }
            }
        }
        for (int t = 0; t < 5; t++) {
            rows.add(RowFactory.create("human", "f0/t" + t, "f0", Math.round(Math.pow(2, t / 3.0) * 100) / 100.0, -1 - t, 1.0));
        }
        if (samples == 1) {
            rows.sort(SparkHorizonsTest::canonical);
        }
        return rows;
    }

    private static int canonical(Row a, Row b) {
        int c = a.getString(0).compareTo(b.getString(0));
        c = c != 0 ? c : a.getString(1).compareTo(b.getString(1));
        return c != 0 ? c : Double.compare(a.getDouble(5), b.getDouble(5));
    }

    private JsonNode commandLine(List<Row> runs, String scoreField, String... options) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (Row r : runs) {
            jsonl.append("{\"alias\":\"").append(r.getString(0)).append("\",\"task_id\":\"").append(r.getString(1))
                    .append("\",\"task_family\":\"").append(r.getString(2)).append("\",\"human_minutes\":")
                    .append(r.getDouble(3)).append(",\"").append(scoreField).append("\":").append(r.getDouble(5)).append("}\n");
        }
        Path file = dir.resolve("runs.jsonl");
        Files.writeString(file, jsonl);
        List<String> args = new ArrayList<>(List.of("horizon", file.toString(), "--json", "--quiet", "--threads", "2"));
        Collections.addAll(args, options);
        return CommandLine.json(List.of(0), args);
    }

    private Dataset<Row> parquet(List<Row> rows) {
        SparkSession spark = SparkTestSession.get();
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(3));
        String path = dir.resolve("runs.parquet").toString();
        spark.createDataFrame(shuffled, SAMPLES).repartition(3).write().mode("overwrite").parquet(path);
        return spark.read().parquet(path);
    }
}

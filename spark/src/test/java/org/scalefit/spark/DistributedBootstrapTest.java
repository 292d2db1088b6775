package org.scalefit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.scalefit.fit.Estimate;
import org.scalefit.uncertainty.IntervalMethod;

/**
 * The distributed bootstrap against {@code scalefit fit FILE --bootstrap N --seed S --json} in-process on the
 * same rows (the CSV written in the canonical order): the same replicates, so the same bootstrap standard
 * errors and percentile and BCa intervals, value for value; the same on 1 or 3 partitions.
 */
class DistributedBootstrapTest {
    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("model", DataTypes.StringType, false),
            DataTypes.createStructField("compute", DataTypes.DoubleType, false),
            DataTypes.createStructField("loss", DataTypes.DoubleType, false)));

    @TempDir
    Path dir;

    @Test
    void rowsBootstrapEqualsTheCommandLine() throws Exception {
        List<Row> rows = data(48, 1, 17L);
        JsonNode cli = commandLine(rows, "--bootstrap", "300", "--seed", "11");
        DistributedBootstrap boot = DistributedBootstrap.of(FitSpec.law("offset-power-law").withSeed(11))
                .x("compute").y("loss").replicates(300);
        Dataset<Row> input = parquet(rows);
        BootstrapSummary one = boot.partitions(1).run(input);
        BootstrapSummary three = boot.partitions(3).run(input.repartition(4));
        assertEqualsCommandLine(cli, one);
        assertEquals(one.succeeded(), three.succeeded());
        for (int i = 0; i < one.succeeded(); i++) {
            assertArrayEquals(one.replicates()[i], three.replicates()[i], 0.0, "replicate " + i);
        }
        assertEquals("rows", one.method());
    }

    @Test
    void groupsBootstrapEqualsTheCommandLine() throws Exception {
        List<Row> rows = data(60, 6, 5L);
        JsonNode cli = commandLine(rows, "--group", "model", "--bootstrap", "200", "--seed", "3");
        BootstrapSummary boot = DistributedBootstrap.of(FitSpec.law("offset-power-law").withSeed(3))
                .x("compute").y("loss").group("model").replicates(200).partitions(2).run(parquet(rows));
        assertEquals("groups", boot.method());
        assertEqualsCommandLine(cli, boot);
    }

    private static void assertEqualsCommandLine(JsonNode cli, BootstrapSummary boot) {
        JsonNode b = cli.get("bootstrap");
        assertEquals(b.get("replicates").asInt(), boot.requested());
        assertEquals(b.get("succeeded").asInt(), boot.succeeded());
        assertEquals(b.get("failed").asInt(), boot.failed());
        assertEquals(b.get("resample").asText(), boot.method());
        assertEquals(b.get("jackknife_units").asInt(), boot.jackknifeUnits());
        int compared = 0;
        for (String name : boot.fit().parameterNames()) {
            JsonNode p = b.get("parameters").get(name);
            Estimate pct = boot.parameter(name, IntervalMethod.PERCENTILE);
            Estimate bca = boot.parameter(name, IntervalMethod.BCA);
            assertEquals(p.get("value").asDouble(), bca.value(), 0.0, name);
            assertEquals(p.get("stderr").asDouble(), bca.stderr(), 0.0, name);
            assertEquals(p.get("ci95_percentile").get(0).asDouble(), pct.lower(), 0.0, name);
            assertEquals(p.get("ci95_percentile").get(1).asDouble(), pct.upper(), 0.0, name);
            assertEquals(p.get("ci95_bca").get(0).asDouble(), bca.lower(), 0.0, name);
            assertEquals(p.get("ci95_bca").get(1).asDouble(), bca.upper(), 0.0, name);
            compared++;
        }
        assertEquals(3, compared);
    }

    /** Offset power-law points in `models` groups; returned in the canonical order (model, compute, loss). */
    private static List<Row> data(int n, int models, long seed) {
        Random rng = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double compute = Math.pow(10, 17 + 6 * rng.nextDouble());
            double loss = (1.7 + 2000 * Math.pow(compute, -0.17)) * Math.exp(0.02 * rng.nextGaussian());
            rows.add(RowFactory.create("m" + (i % models), compute, loss));
        }
        rows.sort((a, b) -> {
            int c = a.getString(0).compareTo(b.getString(0));
            c = c != 0 ? c : Double.compare(a.getDouble(1), b.getDouble(1));
            return c != 0 ? c : Double.compare(a.getDouble(2), b.getDouble(2));
        });
        return rows;
    }

    private JsonNode commandLine(List<Row> rows, String... options) throws Exception {
        StringBuilder csv = new StringBuilder("model,compute,loss\n");
        for (Row r : rows) {
            csv.append(r.getString(0)).append(',').append(r.getDouble(1)).append(',').append(r.getDouble(2)).append('\n');
        }
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, csv);
        List<String> args = new ArrayList<>(List.of("fit", file.toString(), "--x", "compute", "--y", "loss", "--law",
                "offset-power-law", "--json", "--quiet", "--threads", "2"));
        Collections.addAll(args, options);
        return CommandLine.json(List.of(0), args);
    }

    private Dataset<Row> parquet(List<Row> rows) {
        SparkSession spark = SparkTestSession.get();
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(1));
        String path = dir.resolve("runs.parquet").toString();
        spark.createDataFrame(shuffled, SCHEMA).repartition(3).write().mode("overwrite").parquet(path);
        Dataset<Row> input = spark.read().parquet(path);
        assertTrue(input.count() == rows.size());
        return input;
    }
}

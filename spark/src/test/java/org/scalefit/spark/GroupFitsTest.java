package org.scalefit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.InvalidDataException;

/**
 * Per-group fits on {@code local[2]} against {@code scalefit fit FILE --by g --json} run in-process on the
 * same rows: every column of the compact table equal value for value (doubles compared exactly; the JSON
 * carries each double in round-trip form), the same whatever the partitioning, and bad groups reported in
 * their own rows.
 */
class GroupFitsTest {
    @TempDir
    Path dir;

    @Test
    void offsetPowerLawGroupsEqualTheCommandLine() throws Exception {
        SweepData sweep = SweepData.generate(60, true, 20251207L);
        assertEqualsCommandLine(sweep, FitSpec.law("offset-power-law"), List.of());
    }

    @Test
    void linearSpacePowerLawGroupsEqualTheCommandLine() throws Exception {
        SweepData sweep = SweepData.generate(60, false, 7L);
        assertEqualsCommandLine(sweep, FitSpec.law("power-law").withSpace("linear").withStarts("grid"),
                List.of("--space", "linear", "--starts", "grid"));
    }

    @Test
    void resultsDoNotDependOnPartitioning() {
        SweepData sweep = SweepData.generate(40, true, 99L);
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> input = sweep.parquet(spark, dir, 3);
        GroupFits fits = GroupFits.of(FitSpec.law("offset-power-law")).by("g").x("x").y("y").rowNumbers("row");
        List<Row> reference = sorted(fits.partitions(1).fit(input.coalesce(1)));
        assertEquals(40, reference.size());
        for (int partitions : new int[] {1, 2, 7}) {
            Dataset<Row> shuffled = input.orderBy(functions.rand(partitions)).repartition(partitions);
            assertEquals(reference, sorted(fits.partitions(partitions).fit(shuffled)), partitions + " partitions");
        }
    }

    @Test
    void badRowsAreReportedInTheirGroupsRow() {
        SparkSession spark = SparkTestSession.get();
        List<Row> rows = new ArrayList<>();
        double[] xs = {1e3, 1e4, 1e5, 1e6, 1e7};
        for (int i = 0; i < xs.length; i++) {
            double y = 8 * Math.pow(xs[i], -0.1) * (1 + 0.01 * ((i % 2) * 2 - 1));
            rows.add(RowFactory.create("good", xs[i], y, i + 2));
            rows.add(RowFactory.create("nan", xs[i], i == 2 ? Double.NaN : y, i + 20));
            rows.add(RowFactory.create("empty", xs[i], i == 3 ? null : y, i + 30));
            rows.add(RowFactory.create("negative", i == 1 ? -xs[i] : xs[i], y, i + 40));
        }
        rows.add(RowFactory.create("single", 1e3, 2.0, 50));
        Dataset<Row> input = spark.createDataFrame(rows, SweepData.SCHEMA);
        Map<String, Row> out = byKey(GroupFits.of(FitSpec.law("power-law")).by("g").x("x").y("y").rowNumbers("row")
                .source("runs.parquet").fit(input));
        assertEquals(5, out.size());
        assertTrue(out.get("good").getBoolean(out.get("good").fieldIndex("converged")));
        assertEquals("value is not a finite number: row 22 of runs.parquet, column \"y\" is NaN", warning(out.get("nan")));
        assertEquals("value is not a finite number: row 33 of runs.parquet, column \"y\" is NaN", warning(out.get("empty")));
        assertTrue(warning(out.get("negative")).contains("row 41"), warning(out.get("negative")));
        assertTrue(warning(out.get("negative")).contains("x > 0"), warning(out.get("negative")));
        assertTrue(warning(out.get("single")).contains("point"), warning(out.get("single")));
        for (String bad : List.of("nan", "empty", "negative", "single")) {
            Row r = out.get(bad);
            assertFalse(r.getBoolean(r.fieldIndex("converged")), bad);
            assertNull(r.get(r.fieldIndex("alpha")), bad);
            assertEquals(1, r.getInt(r.fieldIndex("warnings")), bad);
        }
        assertEquals(5, out.get("nan").getInt(out.get("nan").fieldIndex("n")));
    }

    @Test
    void severalGroupColumnsAndMistakesInTheCall() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> input = SweepData.generate(10, false, 3L).parquet(spark, dir, 2)
                .withColumn("family", functions.substring(functions.col("g"), 1, 3));
        Dataset<Row> two = GroupFits.of(FitSpec.law("power-law")).by("family", "g").x("x").y("y").fit(input);
        Dataset<Row> one = GroupFits.of(FitSpec.law("power-law")).by("g").x("x").y("y").fit(input);
        assertEquals(List.of("family", "g", "a", "a_stderr", "a_ci95_low", "a_ci95_high", "alpha", "alpha_stderr",
                "alpha_ci95_low", "alpha_ci95_high", "rss", "r2", "aic", "n", "converged", "warnings", "first_warning"),
                List.of(two.columns()));
        assertEquals(sorted(one), sorted(two.drop("family")));
        InvalidDataException missing = assertThrows(InvalidDataException.class,
                () -> GroupFits.of(FitSpec.law("power-law")).by("g").x("compute").y("y").fit(input));
        assertTrue(missing.getMessage().contains("no predictor column \"compute\""), missing.getMessage());
        assertThrows(InvalidDataException.class,
                () -> GroupFits.of(FitSpec.law("no-such-law")).by("g").x("x").y("y").fit(input));
        assertThrows(InvalidDataException.class,
                () -> GroupFits.of(FitSpec.law("power-law").withLoss("huber")).by("g").x("x").y("y").fit(input));
        assertThrows(InvalidDataException.class, () -> GroupFits.of(FitSpec.law("power-law")).by("alpha")
                .x("x").y("y").fit(input.withColumnRenamed("g", "alpha")));
    }

    private void assertEqualsCommandLine(SweepData sweep, FitSpec spec, List<String> options) throws Exception {
        Path csv = sweep.writeCsv(dir);
        List<String> args = new ArrayList<>(List.of("fit", csv.toString(), "--x", "x", "--y", "y", "--law", spec.law(),
                "--by", "g", "--json", "--threads", "2"));
        args.addAll(options);
        Dataset<Row> input = sweep.parquet(SparkTestSession.get(), dir, 5);
        assertEqualsCommandLine(CommandLine.json(List.of(0, 1), args),
                GroupFits.of(spec).by("g").x("x").y("y").rowNumbers("row").fit(input), 50);
    }

    @Test
    void jointLawWithSigmasEqualsTheCommandLine() throws Exception {
        // Chinchilla's L(N, D) per group with per-point sigmas, by variable projection: two named predictors
        // given in the other order, --sigma, and a solver option.
        java.util.Random rng = new java.util.Random(12);
        StringBuilder csv = new StringBuilder("family,params,tokens,loss,sd\n");
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < 24 * 12; k++) {
            String family = "f" + (k % 12);
            double n = Math.pow(10, 7 + 4 * rng.nextDouble());
            double d = Math.pow(10, 9 + 3 * rng.nextDouble());
            double sd = 0.005 + 0.01 * rng.nextDouble();
            double loss = (1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28)) * Math.exp(sd * rng.nextGaussian());
            csv.append(family).append(',').append(n).append(',').append(d).append(',').append(loss).append(',').append(sd).append('\n');
            rows.add(RowFactory.create(family, n, d, loss, sd, k + 2));
        }
        Path file = dir.resolve("joint.csv");
        java.nio.file.Files.writeString(file, csv);
        JsonNode cli = CommandLine.json(List.of(0, 1), List.of("fit", file.toString(), "--x", "N=params", "--x", "D=tokens",
                "--y", "loss", "--sigma", "sd", "--law", "chinchilla", "--solver", "varpro", "--by", "family", "--json"));
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("family", "string").add("params", "double").add("tokens", "double").add("loss", "double")
                .add("sd", "double").add("row", "int");
        Dataset<Row> input = SparkTestSession.get().createDataFrame(rows, schema).repartition(3);
        assertEqualsCommandLine(cli, GroupFits.of(FitSpec.law("chinchilla").withSolver("varpro")).by("family")
                .x("D=tokens").x("N=params").y("loss").sigma("sd").rowNumbers("row").fit(input), 12);
    }

    /**
     * The command line words a warning's options by their flags ("consider --loss huber:DELTA"); a Spark user
     * gets the library's words ("consider loss huber:DELTA"), so the CLI's text is compared without the dashes.
     */
    private static String libraryWords(String cliText) {
        return cliText.replaceAll("--([a-z][a-z-]*)", "$1");
    }

    private static void assertEqualsCommandLine(JsonNode cli, Dataset<Row> table, int minimum) {
        Map<String, Row> spark = byKey(table);
        assertEquals(cli.get("n_groups").asInt(), spark.size());
        int compared = 0;
        for (JsonNode group : cli.get("groups")) {
            Row row = spark.get(group.get("group").asText());
            if (group.has("error")) {
                assertEquals(group.get("error").asText(), warning(row));
                continue;
            }
            for (Map.Entry<String, JsonNode> p : iterable(group.get("parameters"))) {
                String name = p.getKey();
                assertSame(p.getValue().get("value"), row, name);
                assertSame(p.getValue().get("stderr"), row, name + "_stderr");
                assertSame(p.getValue().get("ci95").get(0), row, name + "_ci95_low");
                assertSame(p.getValue().get("ci95").get(1), row, name + "_ci95_high");
            }
            for (String column : List.of("rss", "r2", "aic")) {
                assertSame(group.get(column), row, column);
            }
            assertEquals(group.get("n").asInt(), row.getInt(row.fieldIndex("n")));
            assertEquals(group.get("converged").asBoolean(), row.getBoolean(row.fieldIndex("converged")));
            assertEquals(group.get("warnings").size(), row.getInt(row.fieldIndex("warnings")));
            assertEquals(group.get("warnings").size() == 0 ? null : libraryWords(group.get("warnings").get(0).asText()),
                    warning(row));
            compared++;
        }
        assertTrue(compared >= minimum, "groups compared: " + compared);
    }

    private static void assertSame(JsonNode expected, Row row, String column) {
        Object actual = row.get(row.fieldIndex(column));
        if (expected == null || expected.isNull()) {
            assertNull(actual, column);
        } else {
            assertEquals(expected.asDouble(), (Double) actual, 0.0, column + " of group " + row.getString(0));
        }
    }

    private static String warning(Row r) {
        return r.getString(r.fieldIndex("first_warning"));
    }

    private static Map<String, Row> byKey(Dataset<Row> table) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : table.collectAsList()) {
            out.put(r.getString(0), r);
        }
        return out;
    }

    static List<Row> sorted(Dataset<Row> table) {
        List<Row> rows = new ArrayList<>(table.collectAsList());
        rows.sort((a, b) -> a.getString(0).compareTo(b.getString(0)));
        return rows;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}

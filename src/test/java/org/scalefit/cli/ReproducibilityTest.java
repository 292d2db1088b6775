package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same input, options and seed give byte-identical JSON across runs and thread counts, for every
 * command with randomness (random starts, bootstraps, simulations, replicate draws); every JSON records
 * the scalefit version, the options (seed included, thread count excluded) and the inputs; and the row
 * order of the input file does not change a fit.
 */
class ReproducibilityTest {
    @TempDir
    static Path dir;
    private static Path xy;
    private static Path improved;
    private static Path runs;
    private static Path joint;
    private static Path fitJson;
    private static final Path HORIZONS = Path.of("datasets/metr-horizons.csv");

    @BeforeAll
    static void files() throws IOException {
        xy = dir.resolve("runs.csv");
        improved = dir.resolve("improved.csv");
        StringBuilder a = new StringBuilder("compute,loss\n");
        StringBuilder b = new StringBuilder("compute,loss\n");
        for (int i = 0; i < 24; i++) {
            double c = Math.pow(10, 17 + 0.25 * i);
            a.append(String.format(Locale.ROOT, "%.6e,%.6f%n", c, (1.8 + 1000 * Math.pow(c, -0.15)) * (1 + 0.01 * Math.sin(3 * i))));
            b.append(String.format(Locale.ROOT, "%.6e,%.6f%n", c, 30 * Math.pow(c, -0.06) * (1 + 0.01 * Math.cos(5 * i))));
        }
        Files.writeString(xy, a.toString());
        Files.writeString(improved, b.toString());
        runs = dir.resolve("runs.jsonl");
        StringBuilder r = new StringBuilder();
        for (String model : List.of("a", "b", "c")) {
            for (int k = 0; k < 24; k++) {
                for (int rep = 0; rep < 2; rep++) {
                    boolean success = (k < 6 + 4 * (model.charAt(0) - 'a')) ^ ((k + rep) % 5 == 2);
                    r.append(String.format(Locale.ROOT, "{\"alias\": \"%s\", \"task_id\": \"t%d\", \"task_family\": \"f%d\","
                            + " \"human_minutes\": %.3f, \"score_binarized\": %d}%n", model, k, k % 6, Math.pow(2, 0.5 * k),
                            success ? 1 : 0));
                }
            }
        }
        Files.writeString(runs, r.toString());
        joint = dir.resolve("joint.csv");
        Files.write(joint, BadInputMatrixTest.bytes(BadInputMatrixTest.good(BadInputMatrixTest.Shape.JOINT)));
        Cli.Result fit = Cli.run("fit", joint.toString(), "--x", "N=N", "--x", "D=D", "--y", "loss", "--law", "chinchilla",
                "--json");
        assertEquals(0, fit.code(), fit.err());
        fitJson = dir.resolve("fit.json");
        Files.writeString(fitJson, fit.out());
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("fit with random starts and a bootstrap", List.of("fit", xy.toString(), "--x", "compute", "--y", "loss",
                        "--law", "offset-power-law", "--starts", "grid+random:8", "--bootstrap", "120", "--predict", "1e24")),
                Arguments.of("fit of a joint law with a bootstrap", List.of("fit", joint.toString(), "--x", "N=N", "--x", "D=D",
                        "--y", "loss", "--law", "chinchilla", "--loss", "huber:1e-3", "--bootstrap", "24")),
                Arguments.of("compare", List.of("compare", xy.toString(), "--x", "compute", "--y", "loss", "--starts", "random:4")),
                Arguments.of("breaks", List.of("breaks", xy.toString(), "--x", "compute", "--y", "loss", "--simulations", "199")),
                Arguments.of("slopes with a bootstrap", List.of("slopes", xy.toString(), improved.toString(), "--x", "compute",
                        "--y", "loss", "--bootstrap", "60")),
                Arguments.of("optimal --bootstrap", List.of("optimal", fitJson.toString(), "--compute", "1e21,1e23",
                        "--bootstrap", "16")),
                Arguments.of("horizon --bootstrap", List.of("horizon", runs.toString(), "--bootstrap", "80")),
                Arguments.of("trend", List.of("trend", HORIZONS.toString(), "--frontier", "--replicates", "120")),
                Arguments.of("project", List.of("project", HORIZONS.toString(), "--frontier", "--replicates", "120",
                        "--until", "2030-01-01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void sameSeedGivesByteIdenticalJsonOnAnyThreadCount(String name, List<String> base) throws IOException {
        Cli.Result one = run(base, "--seed", "7", "--threads", "1");
        Cli.Result again = run(base, "--seed", "7", "--threads", "1");
        Cli.Result two = run(base, "--seed", "7", "--threads", "2");
        Cli.Result three = run(base, "--seed", "7", "--threads", "3");
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), again.out(), name + ": two runs differ");
        assertEquals(one.out(), two.out(), name + ": 1 and 2 threads differ");
        assertEquals(one.out(), three.out(), name + ": 1 and 3 threads differ");
        JsonNode j = Json.mapper().readTree(one.out());
        assertTrue(j.get("scalefit_version").isTextual(), name);
        assertEquals(7, j.get("options").get("seed").asLong(), name + ": " + j.get("options"));
        assertTrue(!j.get("options").has("threads"), name + ": the thread count must not be recorded");
        assertTrue(j.get("inputs").isArray() && j.get("inputs").size() >= 1, name);
        Cli.Result other = run(base, "--seed", "8", "--threads", "2");
        assertNotEquals(one.out(), other.out(), name + ": the seed must matter (or the command has no randomness)");
    }

    private static Cli.Result run(List<String> base, String... extra) {
        List<String> args = new ArrayList<>(base);
        args.add("--json");
        args.addAll(Arrays.asList(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    /** The rows of a file in another order give the same parameters, to the last bit. */
    @Test
    void rowOrderDoesNotChangeAFit() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(xy));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(rows, new java.util.Random(3));
        Path shuffledDir = Files.createDirectories(dir.resolve("shuffled"));
        Path shuffled = shuffledDir.resolve("runs.csv");
        rows.add(0, lines.get(0));
        Files.write(shuffled, rows);
        for (String law : List.of("power-law", "offset-power-law", "quadratic", "broken-power-law")) {
            JsonNode a = Json.mapper().readTree(Cli.run("fit", xy.toString(), "--x", "compute", "--y", "loss", "--law", law,
                    "--json").out());
            JsonNode b = Json.mapper().readTree(Cli.run("fit", shuffled.toString(), "--x", "compute", "--y", "loss", "--law", law,
                    "--json").out());
            assertEquals(a.get("parameters"), b.get("parameters"), law);
            assertEquals(a.get("rss"), b.get("rss"), law);
            assertEquals(a.get("covariance"), b.get("covariance"), law);
        }
    }

    /** The record is complete enough to rerun: the fit JSON names the file, columns, law and options. */
    @Test
    void fitJsonRecordsEverythingNeededToRerun() throws IOException {
        JsonNode j = Json.mapper().readTree(Cli.run("fit", xy.toString(), "--x", "compute", "--y", "loss", "--law",
                "offset-power-law", "--loss", "huber:0.01", "--starts", "random:5", "--seed", "11", "--json").out());
        JsonNode o = j.get("options");
        assertEquals("huber:0.01", o.get("loss").asText());
        assertEquals("random:5", o.get("starts").asText());
        assertEquals(11, o.get("seed").asLong());
        assertEquals("offset-power-law", o.get("law").asText());
        assertEquals("[\"compute\"]", o.get("x").toString());
        assertEquals("loss", o.get("y").asText());
        assertEquals(xy.toString(), j.get("inputs").get(0).asText());
        assertEquals(xy.toString(), j.get("data").get("spec").get("file").asText());
    }
}

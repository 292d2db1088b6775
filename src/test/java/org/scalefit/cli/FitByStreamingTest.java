package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;

/**
 * {@code scalefit fit --by … --output FILE} streamed: the compact table equals the JSON groups value for value
 * (every number read back as the same double), the lean path (table without {@code --json}) writes the same bytes
 * as the full fits, the output and its order do not depend on the thread count, several key columns, an unsorted
 * file, and failed groups reported in their rows while the others fit.
 */
class FitByStreamingTest {
    @TempDir
    Path dir;
    private Path sweep;
    private final List<String> header = List.of("run", "x", "y", "w");

    /**
     * 40 runs of y = a·x^(−alpha) (seeded a, alpha and 5% noise, 5 to 14 points, with weights), run "one" with a
     * single point, and run "word" whose third y is the word "oops".
     */
    @BeforeEach
    void writeSweep() throws IOException {
        sweep = dir.resolve("sweep.csv");
        Files.write(sweep, lines(rows(new SplittableRandom(11))));
    }

    private List<String[]> rows(SplittableRandom rng) {
        List<String[]> rows = new ArrayList<>();
        for (int g = 0; g < 40; g++) {
            double a = Math.pow(10, 3 * rng.nextDouble());
            double alpha = 0.1 + 1.4 * rng.nextDouble();
            int n = 5 + rng.nextInt(10);
            for (int i = 0; i < n; i++) {
                double x = Math.pow(10, 6 * rng.nextDouble());
                double y = a * Math.pow(x, -alpha) * Math.exp(0.05 * rng.nextGaussian());
                rows.add(new String[] {"r" + g, Double.toString(x), Double.toString(y), Double.toString(0.5 + rng.nextDouble())});
            }
            if (g == 7) {
                rows.add(new String[] {"one", "10", "2.5", "1"});
            }
            if (g == 20) {
                for (int i = 0; i < 5; i++) {
                    rows.add(new String[] {"word", Double.toString(10.0 * (i + 1)), i == 2 ? "oops" : Double.toString(3.0 - 0.1 * i), "1"});
                }
            }
        }
        return rows;
    }

    private List<String> lines(List<String[]> rows) {
        List<String> out = new ArrayList<>();
        out.add(String.join(",", header));
        for (String[] r : rows) {
            out.add(String.join(",", r));
        }
        return out;
    }

    private Cli.Result fit(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("fit", file.toString(), "--x", "x", "--y", "y", "--weight", "w",
                "--law", "power-law", "--space", "linear"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void theTableEqualsTheJsonGroupsValueForValue() throws IOException {
        Path csv = dir.resolve("fits.csv");
        Cli.Result r = fit(sweep, "--by", "run", "--json", "--output", csv.toString());
        assertEquals(1, r.code(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals("run", json.get("by").asText());
        assertEquals(42, json.get("n_groups").asInt());
        assertEquals(2, json.get("failed").asInt());
        Table t = TableReader.read(csv);
        assertEquals(List.of("run", "a", "a_stderr", "a_ci95_low", "a_ci95_high", "alpha", "alpha_stderr", "alpha_ci95_low",
                "alpha_ci95_high", "rss", "r2", "aic", "n", "converged", "warnings", "first_warning"), t.columns());
        assertEquals(42, t.rowCount());
        int failed = 0;
        for (int g = 0; g < t.rowCount(); g++) {
            JsonNode j = json.get("groups").get(g);
            assertEquals(j.get("group").asText(), t.cell(g, "run"));
            if (j.has("error")) {
                failed++;
                for (String c : List.of("a", "alpha_ci95_high", "rss", "r2", "aic")) {
                    assertEquals("", t.cell(g, c));
                }
                assertEquals("false", t.cell(g, "converged"));
                assertEquals("1", t.cell(g, "warnings"));
                assertEquals(j.get("error").asText(), t.cell(g, "first_warning"));
                continue;
            }
            for (String p : List.of("a", "alpha")) {
                JsonNode pj = j.get("parameters").get(p);
                assertEquals(pj.get("value").asDouble(), number(t, g, p), p);
                assertEquals(pj.get("stderr").asDouble(), number(t, g, p + "_stderr"), p);
                assertEquals(pj.get("ci95").get(0).asDouble(), number(t, g, p + "_ci95_low"), p);
                assertEquals(pj.get("ci95").get(1).asDouble(), number(t, g, p + "_ci95_high"), p);
            }
            assertEquals(j.get("rss").asDouble(), number(t, g, "rss"));
            assertEquals(j.get("r2").asDouble(), number(t, g, "r2"));
            assertEquals(j.get("aic").asDouble(), number(t, g, "aic"));
            assertEquals(j.get("n").asText(), t.cell(g, "n"));
            assertEquals(j.get("converged").asText(), t.cell(g, "converged"));
            assertEquals(Integer.toString(j.get("warnings").size()), t.cell(g, "warnings"));
            assertEquals(j.get("warnings").size() == 0 ? "" : j.get("warnings").get(0).asText(), t.cell(g, "first_warning"));
        }
        assertEquals(2, failed);
        // The failed groups: too few points (the fit's check), and a cell that is not a number (the reader's).
        Map<String, JsonNode> byKey = byGroup(json);
        assertTrue(byKey.get("one").get("error").asText().contains("only 1 point"), byKey.get("one").toString());
        assertEquals("row " + (rowOf("word", 3)) + " of sweep.csv, column \"y\": \"oops\" is not a number; fix the cell, or leave out rows"
                + " that cannot be used with --skip-invalid", byKey.get("word").get("error").asText());
        assertEquals(2, byKey.get("word").get("exit_code").asInt());

        // The lean path (no --json: rows without Fit objects) writes the same bytes; so do .tsv and .jsonl.
        Path lean = dir.resolve("lean.csv");
        assertEquals(1, fit(sweep, "--by", "run", "--output", lean.toString(), "--quiet").code());
        assertEquals(Files.readString(csv), Files.readString(lean));
        Path tsv = dir.resolve("fits.tsv");
        assertEquals(1, fit(sweep, "--by", "run", "--output", tsv.toString(), "--quiet").code());
        assertEquals(cells(TableReader.read(csv)), cells(TableReader.read(tsv)));
        Path jsonl = dir.resolve("fits.jsonl");
        assertEquals(1, fit(sweep, "--by", "run", "--output", jsonl.toString(), "--quiet").code());
        List<String> jl = Files.readAllLines(jsonl);
        assertEquals(42, jl.size());
        for (int g = 0; g < jl.size(); g++) {
            JsonNode row = Json.mapper().readTree(jl.get(g));
            for (int c = 0; c < t.columnCount(); c++) {
                String name = t.columns().get(c);
                String cell = t.cell(g, c);
                JsonNode v = row.get(name);
                if (cell.isEmpty()) {
                    assertTrue(v.isNull(), name);
                } else if (v.isNumber() && !name.equals("n") && !name.equals("warnings")) {
                    assertEquals(Double.parseDouble(cell), v.asDouble(), name);
                } else {
                    assertEquals(cell, v.asText(), name);
                }
            }
        }
    }

    private static List<List<String>> cells(Table t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(t.columns());
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                row.add(t.cell(r, c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static double number(Table t, int row, String column) {
        return Double.parseDouble(t.cell(row, column));
    }

    private int rowOf(String run, int k) throws IOException {
        List<String> l = Files.readAllLines(sweep);
        int seen = 0;
        for (int i = 1; i < l.size(); i++) {
            if (l.get(i).startsWith(run + ",") && ++seen == k) {
                return i + 1;
            }
        }
        throw new AssertionError(run);
    }

    private static Map<String, JsonNode> byGroup(JsonNode json) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        json.get("groups").forEach(g -> out.put(g.get("group").asText(), g));
        return out;
    }

    /**
     * The groups' objects are rendered on the workers and put into the streamed document as text: the document is
     * exactly what the shared mapper prints for the same tree in one go (the pretty printer's indentation at every
     * depth, failed groups included, one and several key columns).
     */
    @Test
    void theStreamedJsonIsThePrettyPrintOfItsOwnTree() throws IOException {
        for (String by : List.of("run", "run,w")) {
            for (String threads : List.of("1", "3")) {
                Cli.Result r = fit(sweep, "--by", by, "--json", "--threads", threads);
                assertEquals(1, r.code(), r.err());
                JsonNode tree = Json.mapper().readTree(r.out());
                assertTrue(tree.get("failed").asInt() >= 2, by);   // "one" and "word" at least (with w, every row is a group)
                assertEquals(Json.mapper().writeValueAsString(tree), r.out().stripTrailing(), by + ", " + threads + " threads");
            }
        }
    }

    @Test
    void outputAndOrderDoNotDependOnTheThreadCount() throws IOException {
        String text = null;
        String json = null;
        String table = null;
        for (String threads : List.of("1", "2", "7")) {
            Path csv = dir.resolve("t" + threads + ".csv");
            Cli.Result t = fit(sweep, "--by", "run", "--threads", threads);
            Cli.Result j = fit(sweep, "--by", "run", "--threads", threads, "--json");
            assertEquals(1, fit(sweep, "--by", "run", "--threads", threads, "--output", csv.toString(), "--quiet").code());
            String tb = Files.readString(csv);
            if (text == null) {
                text = t.out();
                json = j.out();
                table = tb;
                continue;
            }
            assertEquals(text, t.out(), threads + " threads");
            assertEquals(json, j.out(), threads + " threads");
            assertEquals(table, tb, threads + " threads");
        }
        // In order of first appearance: r0 … r7, one, r8 …
        List<String> keys = text.lines().skip(1).map(l -> l.split("\\s+")[0]).toList();
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "one", "r8"), keys.subList(0, 10));
        assertTrue(text.lines().filter(l -> l.startsWith("word")).findFirst().orElseThrow().contains("failed: row "));
    }

    @Test
    void severalKeyColumns() throws IOException {
        // family × model, with model names repeated across families: --by model alone would merge them.
        SplittableRandom rng = new SplittableRandom(5);
        List<String> l = new ArrayList<>(List.of("family,model,x,y"));
        for (String family : List.of("f1", "f2", "f3")) {
            for (String model : List.of("m1", "m2")) {
                double alpha = 0.2 + rng.nextDouble();
                for (int i = 0; i < 8; i++) {
                    double x = Math.pow(10, 1 + 0.5 * i);
                    l.add(String.format(Locale.ROOT, "%s,%s,%s,%s", family, model, x, 7 * Math.pow(x, -alpha)
                            * Math.exp(0.03 * rng.nextGaussian())));
                }
            }
        }
        Path file = dir.resolve("fm.csv");
        Files.write(file, l);
        Path csv = dir.resolve("fm-fits.csv");
        Cli.Result r = Cli.run("fit", file.toString(), "--x", "x", "--y", "y", "--law", "power-law", "--by", "family,model",
                "--json", "--output", csv.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(List.of("family", "model"), List.of(json.get("by").get(0).asText(), json.get("by").get(1).asText()));
        assertEquals(6, json.get("n_groups").asInt());
        JsonNode second = json.get("groups").get(1);
        assertEquals("f1", second.get("group").get(0).asText());
        assertEquals("m2", second.get("group").get(1).asText());
        Table t = TableReader.read(csv);
        assertEquals(List.of("family", "model", "a"), t.columns().subList(0, 3));
        assertEquals("f3", t.cell(5, "family"));
        assertEquals("m2", t.cell(5, "model"));
        // Each group equals the fit of its rows alone, bit for bit.
        Cli.Result alone = Cli.run("fit", file.toString(), "--x", "x", "--y", "y", "--law", "power-law",
                "--where", "family == f3", "--where", "model == m2", "--json");
        JsonNode one = Json.mapper().readTree(alone.out());
        assertEquals(one.get("parameters").get("alpha").get("value").asDouble(), number(t, 5, "alpha"));
        assertEquals(one.get("parameters").get("alpha").get("stderr").asDouble(), number(t, 5, "alpha_stderr"));
        assertEquals(8, one.get("n").asInt());
        Cli.Result text = Cli.run("fit", file.toString(), "--x", "x", "--y", "y", "--law", "power-law", "--by", "family,model");
        assertTrue(text.out().startsWith("family   model   n"), text.out());
        assertEquals(2, Cli.run("fit", file.toString(), "--x", "x", "--y", "y", "--law", "power-law", "--by", "family,,model").code());
    }

    @Test
    void anUnsortedFileGivesEveryGroupItsRowsInOrderOfFirstAppearance() throws IOException {
        List<String[]> rows = rows(new SplittableRandom(11));
        List<String[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new java.util.Random(3));
        Path mixed = dir.resolve("mixed.csv");
        Files.write(mixed, lines(shuffled));
        Path sorted = dir.resolve("sorted.csv");
        Path unsorted = dir.resolve("unsorted.csv");
        assertEquals(1, fit(sweep, "--by", "run", "--output", sorted.toString(), "--quiet").code());
        Cli.Result r = fit(mixed, "--by", "run", "--output", unsorted.toString(), "--threads", "3");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("mixed.csv is not sorted by run"), r.err());
        Table a = TableReader.read(sorted);
        Table b = TableReader.read(unsorted);
        assertEquals(a.rowCount(), b.rowCount());
        List<String> firstAppearance = new ArrayList<>();
        for (String[] row : shuffled) {
            if (!firstAppearance.contains(row[0])) {
                firstAppearance.add(row[0]);
            }
        }
        Map<String, Integer> inA = new LinkedHashMap<>();
        for (int g = 0; g < a.rowCount(); g++) {
            inA.put(a.cell(g, "run"), g);
            assertEquals(firstAppearance.get(g), b.cell(g, "run"));
        }
        for (int g = 0; g < b.rowCount(); g++) {
            int k = inA.get(b.cell(g, "run"));
            for (int c = 1; c < a.columnCount(); c++) {
                // Warnings name the file and rows, which differ in the shuffled file; the numbers are bit for bit equal.
                assertEquals(anonymous(a.cell(k, c)), anonymous(b.cell(g, c)).replace("mixed.csv", "sweep.csv"),
                        b.cell(g, "run") + " " + a.columns().get(c));
            }
        }
    }

    private static String anonymous(String cell) {
        return cell.replaceAll("row \\d+", "row #");
    }

    @Test
    void failedGroupsAreReportedInTheirRowsAndTheOthersFit() throws IOException {
        Cli.Result r = fit(sweep, "--by", "run");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("2 of 42 groups failed; the first: run one: power-law has 2 free parameters but"),
                r.err());
        String one = r.out().lines().filter(l -> l.startsWith("one ")).findFirst().orElseThrow();
        assertTrue(one.endsWith("need at least 2"), one);
        assertEquals(40, r.out().lines().filter(l -> l.endsWith(" ok") || l.contains("ok, ")).count());
        // With --skip-invalid the bad row is left out and listed; "word" then fits its four points.
        Path csv = dir.resolve("skip.csv");
        Cli.Result s = fit(sweep, "--by", "run", "--skip-invalid", "--output", csv.toString());
        assertEquals(1, s.code());
        assertTrue(s.err().contains("skipped 1 invalid row"), s.err());
        Table t = TableReader.read(csv);
        int word = -1;
        for (int g = 0; g < t.rowCount(); g++) {
            word = t.cell(g, "run").equals("word") ? g : word;
        }
        assertEquals("4", t.cell(word, "n"));
        assertEquals("true", t.cell(word, "converged"));
        assertFalse(s.out().contains("word"), "with --output and no --json, stdout stays empty");
    }

    @Test
    void mistakesInTheCallAreRefusedBeforeAnythingIsRead() throws IOException {
        Cli.Result ext = fit(sweep, "--by", "run", "--output", dir.resolve("fits.txt").toString());
        assertEquals(2, ext.code());
        assertTrue(ext.err().contains("the table is written as .csv, .tsv or .jsonl"), ext.err());
        Path alpha = dir.resolve("alpha.csv");
        Files.write(alpha, List.of("alpha,x,y", "a,1,2", "a,2,1.5", "a,3,1.2"));
        Cli.Result clash = Cli.run("fit", alpha.toString(), "--x", "x", "--y", "y", "--law", "power-law", "--by", "alpha",
                "--output", dir.resolve("f.csv").toString());
        assertEquals(2, clash.code());
        assertEquals("scalefit fit: error: --by column \"alpha\" has the name of a column of the --output table; rename "
                + "the column in the file", clash.err().strip());
        assertFalse(Files.exists(dir.resolve("f.csv")));
        Cli.Result named = Cli.run("fit", sweep.toString(), "--x", "x", "--y", "y", "--law", "power-law", "--by", "run",
                "--output", sweep.toString());
        assertEquals(2, named.code());
        assertTrue(named.err().contains("refusing to write the table over the input file"), named.err());
        Cli.Result single = fit(sweep, "--output", dir.resolve("f.csv").toString());
        assertEquals(2, single.code());
        assertTrue(single.err().contains("--output writes the table of a sweep and needs --by COLUMN"), single.err());
    }
}

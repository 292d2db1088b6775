package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scalefit.SharedData;
import org.scalefit.horizon.RunReader;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonBootstrap;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: {@code horizon}, {@code trend} and {@code project} through {@link Main#run}: exit codes, JSON fields, error lines. */
class HorizonCommandsTest {
    private static final Path DATA = Path.of("datasets/metr-horizons.csv");
    private static final String METR = "reference-data/metr/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Two models on 12 tasks in 4 families: "good" succeeds on short tasks; "none" never succeeds. */
    private Path smallRuns() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int t = 0; t < 12; t++) {
            double minutes = Math.pow(2, t);
            for (int r = 0; r < 3; r++) {
                int good = (t < 5 || (t < 8 && r < 2 - (t - 5) / 2)) ? 1 : 0;
                s.append(String.format("{\"alias\":\"good\",\"task_id\":\"f%d/t%d\",\"task_family\":\"f%d\",\"human_minutes\":%s,"
                        + "\"score_binarized\":%d}%n", t % 4, t, t % 4, minutes, good));
                s.append(String.format("{\"alias\":\"none\",\"task_id\":\"f%d/t%d\",\"task_family\":\"f%d\",\"human_minutes\":%s,"
                        + "\"score_binarized\":0}%n", t % 4, t, t % 4, minutes));
            }
            s.append(String.format("{\"alias\":\"human\",\"task_id\":\"f%d/t%d\",\"task_family\":\"f%d\",\"human_minutes\":%s,"
                    + "\"score_binarized\":1}%n", t % 4, t, t % 4, minutes));
        }
        Path p = dir.resolve("runs.jsonl");
        Files.writeString(p, s.toString());
        return p;
    }

    /** Every command reads --threads the same way: below 1 is one line and exit 2, before any reading or fitting. */
    @Test
    void threadsBelowOneIsRefusedByEveryCommandThatTakesIt() throws IOException {
        String runs = smallRuns().toString();
        String[][] commands = {
            {"horizon", runs, "--threads", "0"},
            {"trend", DATA.toString(), "--threads", "0"},
            {"project", DATA.toString(), "--threads", "0"},
            {"compare", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss", "--threads", "0"},
            {"breaks", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss", "--threads", "-1"},
            {"fit", "datasets/synthetic-loss-vs-compute.csv", "--x", "compute", "--y", "loss", "--law", "power-law",
                "--threads", "0"},
        };
        for (String[] c : commands) {
            Result r = run(c);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertEquals("scalefit " + c[0] + ": error: --threads must be ≥ 1, got " + c[c.length - 1] + "\n", r.err());
        }
    }

    @Test
    void horizonJsonHasOneObjectPerModelWithP50P80AndTheirIntervals() throws IOException {
        Result r = run("horizon", smallRuns().toString(), "--bootstrap", "200", "--seed", "3", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("horizon", j.get("command").asText());
        assertEquals(72, j.get("runs").asInt());
        assertEquals(12, j.get("human_runs").asInt());
        assertEquals(200, j.get("options").get("bootstrap").asInt());
        JsonNode good = j.get("models").get(0);
        assertEquals("good", good.get("model").asText());
        assertEquals("fitted", good.get("status").asText());
        double p50 = good.get("p50_minutes").asDouble();
        assertTrue(p50 > 16 && p50 < 128, "p50 " + p50);
        assertTrue(good.get("p80_minutes").asDouble() < p50);
        JsonNode ci = good.get("ci95").get("p50_minutes");
        assertTrue(ci.get(0).asDouble() < p50 && p50 < ci.get(1).asDouble());
        assertEquals(2, good.get("ci95").get("p80_minutes").size());
        JsonNode none = j.get("models").get(1);
        assertEquals("no_successes", none.get("status").asText());
        assertTrue(none.get("p50_minutes").isNull());
        assertEquals("none: all 36 runs failed; the horizon is below the shortest task (1 min) and is not estimated",
                none.get("warnings").get(0).asText());
        assertTrue(r.err().contains("scalefit horizon: warning: none: all 36 runs failed"));
        // The same seed gives the same numbers on one thread.
        Result again = run("horizon", dir.resolve("runs.jsonl").toString(), "--bootstrap", "200", "--seed", "3", "--threads", "1", "--json");
        assertEquals(j.get("models").get(0).get("ci95"), again.json().get("models").get(0).get("ci95"));
    }

    @Test
    void horizonTableAndBuckets() throws IOException {
        Result r = run("horizon", smallRuns().toString(), "--bootstrap", "0", "--buckets", "--p", "0.5,0.8,0.9");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("p90 (min)"), r.out());
        assertTrue(r.out().contains("none: all 36 runs failed; the horizon is below the shortest task (1 min)"), r.out());
        assertTrue(r.out().matches("(?s).*none +36 +12 +0 +– +< 1 +– +< 1 +– +< 1 +–\\n.*"), r.out());
        assertTrue(r.out().contains("weighted success rate by task length"), r.out());
        assertTrue(r.out().contains("intervals: none (--bootstrap 0)"), r.out());
    }

    @Test
    void horizonOnMetrsSnapshot() throws IOException {
        Path file = SharedData.require(METR + "all_runs_2025-02-27_prepaper.jsonl");
        Result r = run("horizon", file.toString(), "--bootstrap", "100", "--json", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = r.json();
        assertEquals(10, j.get("models").size());
        assertEquals(211, j.get("human_runs").asInt());
        JsonNode m = null;
        for (JsonNode e : j.get("models")) {
            if (e.get("model").asText().equals("Claude 3.5 Sonnet (New)")) {
                m = e;
            }
        }
        assertNotNull(m, "Claude 3.5 Sonnet (New) is in the snapshot");
        // SciPy's independent fit of the same runs (bench/metr_crosscheck.py → horizon/metr_prepaper_scipy.csv):
        // p50 60.52343802, p80 3.505699915; the two agree to about 1e-8, so 1e-6 relative.
        assertEquals(60.52343802, m.get("p50_minutes").asDouble(), 1e-6 * 60.52343802);
        assertEquals(3.505699915, m.get("p80_minutes").asDouble(), 1e-6 * 3.505699915);
        // The printed intervals are the percentiles of the bootstrap replicates' own p50 and p80 horizons,
        // 2^((logit p − b0)/b1), recomputed here from the library's replicates (same seed and options).
        HorizonResult api = Horizons.fit(RunReader.read(file), HorizonOptions.defaults().withBootstrap(100));
        HorizonBootstrap boot = api.bootstrap().orElseThrow();
        double[] b0 = boot.intercepts("Claude 3.5 Sonnet (New)");
        double[] b1 = boot.slopes("Claude 3.5 Sonnet (New)");
        for (double p : new double[] {0.5, 0.8}) {
            double[] h = new double[b0.length];
            for (int b = 0; b < h.length; b++) {
                h[b] = Math.pow(2, (Math.log(p / (1 - p)) - b0[b]) / b1[b]);
            }
            java.util.Arrays.sort(h);
            assertTrue(Double.isFinite(h[h.length - 1]), "every replicate fitted");
            double[] expected = {h[2] + 0.475 * (h[3] - h[2]), h[96] + 0.525 * (h[97] - h[96])}; // type-7 at 2.5%, 97.5% of 100
            JsonNode ci = m.get("ci95").get(p == 0.5 ? "p50_minutes" : "p80_minutes");
            assertEquals(expected[0], ci.get(0).asDouble(), 1e-9 * expected[0], "p" + Math.round(100 * p) + " lower");
            assertEquals(expected[1], ci.get(1).asDouble(), 1e-9 * expected[1], "p" + Math.round(100 * p) + " upper");
        }
    }

    @Test
    void horizonBadInputIsOneLineWithExitTwo() throws IOException {
        Result missing = run("horizon", dir.resolve("nope.jsonl").toString());
        assertEquals(2, missing.code());
        assertEquals("scalefit horizon: error: file not found: " + dir.resolve("nope.jsonl") + "\n", missing.err());
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"alias\":\"a\",\"task_id\":\"t\",\"human_minutes\":-1,\"score_binarized\":1}\n");
        Result neg = run("horizon", bad.toString());
        assertEquals(2, neg.code());
        assertEquals("scalefit horizon: error: line 1 of bad.jsonl, field \"human_minutes\" is \"-1\": task lengths must be > 0 minutes\n",
                neg.err());
        Result p = run("horizon", smallRuns().toString(), "--p", "1.5");
        assertEquals(2, p.code());
        assertEquals("scalefit horizon: error: --p values must lie in (0, 1), got 1.5\n", p.err());
        Result w = run("horizon", smallRuns().toString(), "--weighting", "sqrt");
        assertEquals("scalefit horizon: error: unknown weighting \"sqrt\": use invsqrt, equal or none\n", w.err());
    }

    @Test
    void trendOnMetrsTh10FrontierGivesAboutSevenMonths() throws IOException {
        Result r = run("trend", DATA.toString(), "--date", "release_date", "--y", "p50_minutes", "--frontier",
                "--since", "2019-01-01", "--until", "2025-03-01", "--json", "--threads", "2", "--replicates", "400");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("trend", j.get("command").asText());
        assertEquals("TH1.0", j.get("benchmark_version").asText());
        assertEquals(212.2, j.get("doubling_time_days").asDouble(), 0.1);
        assertEquals(6.97, j.get("doubling_time_months").asDouble(), 0.01);
        assertEquals(2, j.get("ci95").size());
        assertTrue(j.get("ci95").get(0).asDouble() < 212 && j.get("ci95").get(1).asDouble() > 212);
        assertEquals("published-intervals", j.get("ci_method").asText());
        assertEquals(0.980, j.get("r2").asDouble(), 0.001);
        assertEquals(11, j.get("models").size());
        assertEquals("GPT-2", j.get("models").get(0).get("model").asText());
        assertEquals("Claude 3.7 Sonnet", j.get("models").get(10).get("model").asText());
        assertEquals(3, j.get("comparison").size());
        assertEquals(3, j.get("trends").size());
        assertTrue(j.has("best_by_aicc") && j.has("best_by_bic"));
        assertTrue(j.get("trends").get(1).has("break_date"));
        assertTrue(j.get("trends").get(2).has("ratio"));
    }

    @Test
    void trendTableAndVersionNote() {
        Result r = run("trend", DATA.toString(), "--frontier", "--trends", "exponential", "--replicates", "200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("doubling time"), r.out());
        assertTrue(r.out().contains("metr-horizons.csv holds TH1.0 and TH1.1 results; using TH1.0"), r.out());
        Result v = run("trend", DATA.toString(), "--frontier", "--benchmark-version", "TH1.1", "--since", "2023-01-01",
                "--trends", "exponential", "--json");
        assertEquals(0, v.code(), v.err());
    }

    @Test
    void trendFromRunsUsesTheirBootstrap() throws IOException {
        Path file = SharedData.require(METR + "all_runs_2025-02-27_prepaper.jsonl");
        Path dates = SharedData.require(METR + "release_dates_paper_2025-03-18.yaml");
        Result r = run("trend", file.toString(), "--release-dates", dates.toString(), "--frontier", "--replicates", "100",
                "--trends", "exponential", "--json", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("run-bootstrap", j.get("ci_method").asText());
        assertEquals(100, j.get("replicates").asInt());
        assertEquals("left out davinci-002: no release date", j.get("notes").get(0).asText());
    }

    @Test
    void trendBadInput() throws IOException {
        Result few = run("trend", DATA.toString(), "--frontier", "--since", "2026-01-01");
        assertEquals(2, few.code());
        assertEquals("scalefit trend: error: a trend needs at least 2 frontier models, found 0 (of 33 models)\n", few.err());
        Result date = run("trend", DATA.toString(), "--since", "01/02/2023");
        assertEquals(2, date.code());
        assertEquals("scalefit trend: error: --since \"01/02/2023\" is not an ISO date (use YYYY-MM-DD)\n", date.err());
        Result order = run("trend", DATA.toString(), "--since", "2025-01-01", "--until", "2024-01-01");
        assertEquals("scalefit trend: error: the date range is empty: --until is before --since\n", order.err());
        Path bad = dir.resolve("h.csv");
        Files.writeString(bad, "model,release_date,p50_minutes\na,2023-01-01,1\nb,2024-02-30,2\n");
        Result file = run("trend", bad.toString());
        assertEquals(2, file.code());
        assertEquals("scalefit trend: error: row 3 of h.csv, column \"release_date\": \"2024-02-30\" is not a valid date: "
                + "February 2024 has 29 days\n", file.err());
        Files.writeString(bad, "model,release_date,p50_minutes\na,2023-01-01,1\nb,2024-02-01,-2\n");
        assertEquals("scalefit trend: error: row 3 of h.csv, column \"p50_minutes\" is -2: horizons must be ≥ 0 minutes\n",
                run("trend", bad.toString()).err());
    }

    @Test
    void projectGivesMilestoneDatesWithIntervalsForEveryTrend() throws IOException {
        Result r = run("project", DATA.toString(), "--frontier", "--milestones", "8h,40h,167h,2000h", "--until", "2032-01-01",
                "--replicates", "300", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("project", j.get("command").asText());
        assertEquals(3, j.get("projections").size());
        JsonNode exp = j.get("projections").get(0);
        assertEquals("exponential", exp.get("trend").asText());
        assertEquals(4, exp.get("milestones").size());
        JsonNode day = exp.get("milestones").get(0);
        assertEquals("8 h (work-day)", day.get("milestone").asText());
        assertEquals(480, day.get("minutes").asDouble());
        assertTrue(day.get("date").asText().matches("20\\d\\d-\\d\\d-\\d\\d"));
        assertTrue(day.get("ci95").get(0).asText().compareTo(day.get("date").asText()) < 0);
        assertTrue(day.get("ci95").get(1).asText().compareTo(day.get("date").asText()) > 0);
        assertEquals(7, exp.get("horizons").size(), "1 January 2026 … 2032");
        assertEquals("2026-01-01", exp.get("horizons").get(0).get("date").asText());
        Result table = run("project", DATA.toString(), "--frontier", "--trends", "exponential", "--replicates", "100");
        assertTrue(table.out().contains("40 h (work-week)"), table.out());
    }

    @Test
    void projectBadInput() {
        Result early = run("project", DATA.toString(), "--frontier", "--until", "2024-01-01");
        assertEquals(2, early.code());
        assertEquals("scalefit project: error: --until 2024-01-01 is not after the last model (Claude Opus 4.5, "
                + "released 2025-11-24)\n", early.err());
        Result ms = run("project", DATA.toString(), "--milestones", "1d");
        assertEquals(2, ms.code());
        assertEquals("scalefit project: error: \"1d\" is ambiguous (a work-day is 8 h, a calendar day 24 h): write hours, "
                + "e.g. 8h or 40h\n", ms.err());
    }

    @Test
    void helpHasExamples() {
        for (String c : new String[] {"horizon", "trend", "project"}) {
            Result r = run(c, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Examples:"), c);
        }
    }
}

package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code scalefit fit}: the table, the JSON contract, and every bad-input case. */
class FitCommandTest {
    @TempDir
    Path dir;
    private Path runs;

    /** 30 points of loss = 1.8 + 1000·C^(−0.15), C from 1e17 to 1e23, with 1% deterministic wiggle. */
    @BeforeEach
    void writeRuns() throws IOException {
        StringBuilder s = new StringBuilder("compute,loss,params\n");
        for (int i = 0; i < 30; i++) {
            double c = Math.pow(10, 17 + 6.0 * i / 29);
            double loss = (1.8 + 1000 * Math.pow(c, -0.15)) * (1 + 0.01 * Math.sin(7.3 * i));
            s.append(String.format(Locale.ROOT, "%.6e,%.6f,%d%n", c, loss, 1000 + i));
        }
        runs = write("runs.csv", s.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Cli.Result fit(String... extra) {
        String[] base = {"fit", runs.toString(), "--x", "compute", "--y", "loss"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void tableShowsFormulaParametersAndCriteria() {
        Cli.Result r = fit("--law", "offset-power-law");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("offset-power-law fit of loss on compute (runs.csv, 30 points, log space, squares)"), r.out());
        assertTrue(r.out().contains("loss = E + A·compute^(−alpha)"), r.out());
        for (String name : new String[] {"E", "A", "alpha", "R²", "AIC", "AICc", "BIC", "Durbin-Watson", "converged"}) {
            assertTrue(r.out().contains(name), name + " missing from\n" + r.out());
        }
        assertEquals("", r.err());
    }

    @Test
    void jsonFollowsTheContract() throws IOException {
        Cli.Result r = fit("--law", "offset-power-law", "--json", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("offset-power-law", j.get("law").asText());
        assertEquals("loss = E + A·compute^(−alpha)", j.get("formula").asText());
        for (String p : new String[] {"E", "A", "alpha"}) {
            JsonNode node = j.get("parameters").get(p);
            assertTrue(node.get("value").isNumber() && node.get("stderr").isNumber(), p);
            assertEquals(2, node.get("ci95").size());
            assertTrue(node.get("ci95").get(0).asDouble() < node.get("value").asDouble());
            assertTrue(node.get("ci95").get(1).asDouble() > node.get("value").asDouble());
        }
        assertEquals(0.15, j.get("parameters").get("alpha").get("value").asDouble(), 0.01);
        assertEquals(1.8, j.get("parameters").get("E").get("value").asDouble(), 0.1);
        for (String f : new String[] {"rss", "r2", "aic", "bic"}) {
            assertTrue(j.get(f).isNumber(), f);
        }
        assertEquals(30, j.get("n").asInt());
        assertEquals(27, j.get("dof").asInt());
        assertTrue(j.get("converged").asBoolean());
        assertTrue(j.get("iterations").asInt() > 0);
        assertTrue(j.get("warnings").isArray());
        assertEquals(7, j.get("options").get("seed").asLong());
        assertEquals("log", j.get("options").get("space").asText());
        assertEquals("squares", j.get("options").get("loss").asText());
        assertTrue(j.get("r2").asDouble() > 0.99);
    }

    @Test
    void jsonIsIdenticalAcrossRunsAndThreadCounts() {
        Cli.Result a = fit("--law", "offset-power-law", "--json", "--starts", "grid+random:20", "--threads", "1");
        Cli.Result b = fit("--law", "offset-power-law", "--json", "--starts", "grid+random:20", "--threads", "2");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
    }

    @Test
    void boundsStartsAndFixedParametersAreHonoured() throws IOException {
        Cli.Result r = fit("--law", "offset-power-law", "--fix", "E=1.8", "--bound", "alpha=0:0.1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(1.8, j.get("parameters").get("E").get("value").asDouble(), 0.0);
        assertTrue(j.get("parameters").get("E").get("fixed").asBoolean());
        assertEquals(0.1, j.get("parameters").get("alpha").get("value").asDouble(), 1e-6);
        assertTrue(j.get("warnings").toString().contains("alpha is at its upper bound 0.1"), j.get("warnings").toString());
    }

    @Test
    void formulaLawFitsInLinearSpace() throws IOException {
        Cli.Result r = fit("--law", "E + A*compute^(-alpha)", "--start", "E=2,A=500,alpha=0.1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals("linear", j.get("options").get("space").asText());
        assertEquals(0.15, j.get("parameters").get("alpha").get("value").asDouble(), 0.02);
    }

    @Test
    void doublingLawReadsDatesAndReportsTargets() throws IOException {
        StringBuilder s = new StringBuilder("model,release_date,p50_minutes\n");
        String[] dates = {"2019-02-14", "2020-05-28", "2022-03-15", "2023-03-14", "2024-05-13", "2025-02-24"};
        for (int i = 0; i < dates.length; i++) {
            long day = java.time.LocalDate.parse(dates[i]).toEpochDay();
            double minutes = 0.04 * Math.pow(2, (day - 17941) / 212.0) * (1 + 0.05 * Math.cos(i));
            s.append("m").append(i).append(',').append(dates[i]).append(',').append(String.format(Locale.ROOT, "%.6f", minutes)).append('\n');
        }
        Path h = write("h.csv", s.toString());
        Cli.Result r = Cli.run("fit", h.toString(), "--x", "release_date", "--y", "p50_minutes", "--law", "doubling",
                "--target", "480", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(212, j.get("parameters").get("doubling_time_days").get("value").asDouble(), 5);
        assertEquals(212 / 30.436875, j.get("derived").get("doubling_time_months").get("value").asDouble(), 0.2);
        assertTrue(j.get("targets").get(0).get("date").asText().startsWith("202"), j.get("targets").toString());
        Cli.Result table = Cli.run("fit", h.toString(), "--x", "release_date", "--y", "p50_minutes", "--law", "doubling");
        assertTrue(table.out().contains("p50_minutes = y0·2^((release_date − 2019-02-14) / T)"), table.out());
    }

    private static void assertBadInput(Cli.Result r, String expectedErr) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(expectedErr, r.err().strip());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void missingFile() {
        Path nope = dir.resolve("nope.csv");
        assertBadInput(Cli.run("fit", nope.toString(), "--x", "c", "--y", "l", "--law", "power-law"),
                "scalefit fit: error: file not found: " + nope);
    }

    @Test
    void unknownColumnListsTheColumns() {
        assertBadInput(Cli.run("fit", runs.toString(), "--x", "comptue", "--y", "loss", "--law", "power-law"),
                "scalefit fit: error: unknown column \"comptue\" in runs.csv; columns are: compute, loss, params (did you mean \"compute\"?)");
    }

    @Test
    void emptyNanAndInfiniteCells() throws IOException {
        Path p = write("bad.csv", "compute,loss\n1e18,3.0\n1e19,\n");
        assertBadInput(Cli.run("fit", p.toString(), "--x", "compute", "--y", "loss", "--law", "power-law"),
                "scalefit fit: error: row 3 of bad.csv, column \"loss\" is empty; fix the cell, or leave out rows that cannot be "
                        + "used with --skip-invalid");
        Path q = write("nan.csv", "compute,loss\n1e18,3.0\n1e19,nan\n");
        assertBadInput(Cli.run("fit", q.toString(), "--x", "compute", "--y", "loss", "--law", "power-law"),
                "scalefit fit: error: row 3 of nan.csv, column \"loss\": \"nan\" is not a finite number; fix the cell, or leave out "
                        + "rows that cannot be used with --skip-invalid");
        Path i = write("inf.csv", "compute,loss\ninf,3.0\n1e19,2\n");
        assertBadInput(Cli.run("fit", i.toString(), "--x", "compute", "--y", "loss", "--law", "power-law"),
                "scalefit fit: error: row 2 of inf.csv, column \"compute\": \"inf\" is not a finite number; fix the cell, or leave "
                        + "out rows that cannot be used with --skip-invalid");
    }

    @Test
    void nonPositiveXForAPowerLaw() throws IOException {
        Path p = write("neg.csv", "compute,loss\n1e18,3.0\n1e19,2.9\n-2.0,2.8\n");
        assertBadInput(Cli.run("fit", p.toString(), "--x", "compute", "--y", "loss", "--law", "power-law"),
                "scalefit fit: error: power-law fit needs x > 0: row 4 of neg.csv, column \"compute\" is -2.0");
    }

    @Test
    void nonPositiveYInLogSpace() throws IOException {
        Path p = write("zero.csv", "compute,loss\n1e18,3.0\n1e19,0\n1e20,2.5\n");
        assertBadInput(Cli.run("fit", p.toString(), "--x", "compute", "--y", "loss", "--law", "exponential"),
                "scalefit fit: error: fitting in log space needs loss > 0: row 3 of zero.csv, column \"loss\" is 0.0 "
                        + "(use --space linear to fit in linear space)");
    }

    @Test
    void fewerPointsThanParameters() throws IOException {
        Path p = write("two.csv", "compute,loss\n1e18,3.0\n1e19,2.9\n");
        assertBadInput(Cli.run("fit", p.toString(), "--x", "compute", "--y", "loss", "--law", "offset-power-law"),
                "scalefit fit: error: offset-power-law has 3 free parameters but two.csv has only 2 points: need at least 3");
    }

    @Test
    void allEqualY() throws IOException {
        Path p = write("flat.csv", "compute,loss\n1e18,3.0\n1e19,3.0\n1e20,3.0\n");
        assertBadInput(Cli.run("fit", p.toString(), "--x", "compute", "--y", "loss", "--law", "power-law"),
                "scalefit fit: error: all 3 values of \"loss\" in flat.csv are equal (3.0): there is no trend to fit");
    }

    @Test
    void unparsableFormulaShowsThePosition() {
        Cli.Result r = fit("--law", "b1*(1-exp(-b2*compute)");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("scalefit fit: error: cannot parse formula \"b1*(1-exp(-b2*compute)\""), r.err());
        assertTrue(r.err().contains("position"), r.err());
        assertEquals(1, r.err().strip().lines().count());
    }

    @Test
    void unknownParameterInStartAndBound() {
        assertBadInput(fit("--law", "power-law", "--start", "alph=0.1"),
                "scalefit fit: error: unknown parameter \"alph\" in --start; power-law has parameters a, alpha");
        assertBadInput(fit("--law", "power-law", "--bound", "beta=0:1"),
                "scalefit fit: error: unknown parameter \"beta\" in --bound; power-law has parameters a, alpha");
    }

    @Test
    void unknownLawAndUsageErrors() {
        Cli.Result r = fit("--law", "powerlaw");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("scalefit fit: error: unknown law \"powerlaw\"; built-in laws are "), r.err());
        Cli.Result missing = Cli.run("fit", runs.toString(), "--y", "loss", "--law", "power-law");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--x=[NAME=]COLUMN'"), missing.err());
    }

    @Test
    void fitThatDoesNotConvergeExitsOne() throws IOException {
        Cli.Result r = fit("--law", "offset-power-law", "--max-iterations", "1", "--json");
        assertEquals(1, r.code(), r.out() + r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertFalse(j.get("converged").asBoolean());
        assertTrue(r.err().startsWith("scalefit fit: the fit did not converge"), r.err());
    }

    @Test
    void noStackTraceWithoutDebug() {
        Cli.Result r = fit("--law", "power-law", "--loss", "huber:-1");
        assertEquals(2, r.code());
        assertEquals("scalefit fit: error: huber delta must be a positive number, got -1.0", r.err().strip());
    }
}

package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small comforts of the command line: {@code --predict-csv}, {@code --quiet}, the same fit from
 * CSV, TSV and JSON Lines, bash completion, {@code --help} with examples on every command, and no
 * progress bar unless standard error is a terminal.
 */
class ComfortsCliTest {
    private static final String DATA = "datasets/synthetic-loss-vs-compute.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<String[]> rows(Path csv) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    @Test
    void predictCsvWritesTheCurveAndDeltaBandsOnAGrid() throws IOException {
        Path csv = dir.resolve("curve.csv");
        Cli.Result r = Cli.run("fit", DATA, "--x", "compute", "--y", "loss", "--law", "offset-power-law",
                "--predict", "1e25", "--predict-csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("scalefit fit: wrote " + csv + " (200 rows, delta-method bands)\n", r.err());
        List<String[]> rows = rows(csv);
        assertEquals("x,fit,conf_low,conf_high,pred_low,pred_high", String.join(",", rows.get(0)));
        assertEquals(201, rows.size(), "200 grid points from the smallest x to the --predict value (its end)");
        assertEquals(1e17, Double.parseDouble(rows.get(1)[0]), 0, "the grid starts at the smallest x of the data");
        assertEquals(1e25, Double.parseDouble(rows.get(200)[0]), 0, "and is widened to the --predict value");
        double previous = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            double x = Double.parseDouble(row[0]);
            double fit = Double.parseDouble(row[1]);
            double cl = Double.parseDouble(row[2]);
            double ch = Double.parseDouble(row[3]);
            double pl = Double.parseDouble(row[4]);
            double ph = Double.parseDouble(row[5]);
            assertTrue(x > previous, "x increases");
            assertTrue(pl < cl && cl < fit && fit < ch && ch < ph, "prediction band ⊃ confidence band ∋ curve at " + x);
            previous = x;
        }
        // The curve at 1e25 is the fit's own prediction: SciPy 1.17 curve_fit of the same law on the same data
        // gives 2.0013256223 (bench/oracles/fit_intervals.py, oracles/fit_intervals.json "bands"); the two
        // optimisers agree to about 1e-8 here, so 1e-6 is the tolerance the source supports.
        assertEquals(2.0013256223, Double.parseDouble(rows.get(200)[1]), 1e-6);
        // Evenly spaced in ln x: the middle point is the geometric mean of its neighbours (to 6 digits).
        double a = Double.parseDouble(rows.get(99)[0]);
        double b = Double.parseDouble(rows.get(100)[0]);
        double c = Double.parseDouble(rows.get(101)[0]);
        assertEquals(Math.log(b), (Math.log(a) + Math.log(c)) / 2, 1e-5);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("curve.csv"), files.map(p -> p.getFileName().toString()).toList(),
                    "written atomically: no temporary file is left behind");
        }
    }

    @Test
    void predictCsvUsesBootstrapBandsWithBootstrapAndReportsItInJson() throws IOException {
        Path delta = dir.resolve("delta.csv");
        Path boot = dir.resolve("boot.csv");
        assertEquals(0, Cli.run("fit", DATA, "--x", "compute", "--y", "loss", "--law", "offset-power-law",
                "--predict-csv", delta.toString(), "-q").code());
        Cli.Result r = Cli.run("fit", DATA, "--x", "compute", "--y", "loss", "--law", "offset-power-law",
                "--bootstrap", "200", "--predict-csv", boot.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode p = JSON.readTree(r.out()).get("predict_csv");
        assertEquals(boot.toString(), p.get("file").asText());
        assertEquals(200, p.get("rows").asInt());
        assertEquals("bootstrap-percentile", p.get("bands").asText());
        assertEquals(0.95, p.get("level").asDouble(), 0);
        List<String[]> d = rows(delta);
        List<String[]> b = rows(boot);
        assertEquals(d.size(), b.size());
        for (int i = 1; i < d.size(); i++) {
            assertEquals(d.get(i)[0], b.get(i)[0], "same grid");
            assertEquals(d.get(i)[1], b.get(i)[1], "same curve");
        }
        assertFalse(d.get(100)[2].equals(b.get(100)[2]), "different bands: delta method against bootstrap percentiles");
    }

    @Test
    void predictCsvWritesDatesForTheDoublingLaw() throws IOException {
        Path csv = dir.resolve("trend.csv");
        Cli.Result r = Cli.run("fit", "datasets/metr-horizons.csv", "--x", "release_date", "--y", "p50_minutes",
                "--law", "doubling", "--where", "benchmark_version==TH1.0", "--predict", "2027-01-01",
                "--predict-csv", csv.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "--quiet: no note");
        List<String[]> rows = rows(csv);
        assertEquals("2019-02-14", rows.get(1)[0]);
        assertEquals("2027-01-01", rows.get(rows.size() - 1)[0]);
    }

    @Test
    void predictCsvProblemsAreOneLineAndExitTwo() {
        Cli.Result missing = Cli.run("fit", DATA, "--x", "compute", "--y", "loss", "--law", "power-law",
                "--predict-csv", dir.resolve("no/such/dir/curve.csv").toString());
        assertEquals(2, missing.code());
        assertEquals("scalefit fit: error: cannot write --predict-csv " + dir.resolve("no/such/dir/curve.csv")
                + ": directory " + dir.resolve("no/such/dir") + " does not exist\n", missing.err());
        Cli.Result input = Cli.run("fit", DATA, "--x", "compute", "--y", "loss", "--law", "power-law",
                "--predict-csv", DATA);
        assertEquals(2, input.code());
        assertEquals("scalefit fit: error: refusing to write --predict-csv over the input file " + DATA + "\n", input.err());
        Cli.Result joint = Cli.run("fit", "datasets/hoffmann2022-isoflop-synthetic.csv", "--x", "N=params", "--x", "D=tokens",
                "--y", "loss", "--law", "chinchilla", "--predict-csv", dir.resolve("c.csv").toString());
        assertEquals(2, joint.code());
        assertEquals("scalefit fit: error: --predict-csv draws the curve along one predictor; chinchilla takes 2\n", joint.err());
    }

    @Test
    void quietLeavesOnlyTheResultButStillShowsErrors() {
        Path png = dir.resolve("fit.png");
        Cli.Result loud = Cli.run("fit", DATA, "--x", "compute", "--y", "loss", "--law", "power-law", "--plot", png.toString());
        assertEquals("scalefit fit: wrote " + png + "\n", loud.err());
        Cli.Result quiet = Cli.run("fit", DATA, "--x", "compute", "--y", "loss", "--law", "power-law", "--plot", png.toString(),
                "--quiet");
        assertEquals(0, quiet.code());
        assertEquals("", quiet.err());
        assertEquals(loud.out(), quiet.out(), "the result is the same");
        Cli.Result error = Cli.run("fit", DATA, "--x", "compute", "--y", "los", "--law", "power-law", "--quiet");
        assertEquals(2, error.code());
        assertTrue(error.err().startsWith("scalefit fit: error: unknown column \"los\""), error.err());
    }

    @Test
    void csvTsvJsonLinesAndGzipGiveTheSameFit() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(DATA));
        Path tsv = dir.resolve("runs.tsv");
        Files.write(tsv, lines.stream().map(l -> l.replace(',', '\t')).toList());
        Path jsonl = dir.resolve("runs.jsonl");
        List<String> objects = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            objects.add("{\"run\": \"" + c[0] + "\", \"compute\": " + c[1] + ", \"loss\": " + c[2] + "}");
        }
        Files.write(jsonl, objects);
        Path gz = dir.resolve("runs.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(Path.of(DATA)));
        }
        JsonNode reference = null;
        for (Path f : List.of(Path.of(DATA), tsv, jsonl, gz)) {
            Cli.Result r = Cli.run("fit", f.toString(), "--x", "compute", "--y", "loss", "--law", "offset-power-law", "--json");
            assertEquals(0, r.code(), f + ": " + r.err());
            JsonNode p = JSON.readTree(r.out()).get("parameters");
            assertEquals(1.8466, p.get("E").get("value").asDouble(), 1e-4, f.toString());
            if (reference == null) {
                reference = p;
            } else {
                assertEquals(reference, p, f + " fits exactly as the CSV does");
            }
        }
    }

    @Test
    void completionScriptCompletesCommandsOptionsAndValues() throws Exception {
        Cli.Result r = Cli.run("completion");
        assertEquals(0, r.code(), r.err());
        String script = r.out();
        for (String command : List.of("fit", "compare", "breaks", "slopes", "optimal", "horizon", "trend", "project",
                "reproduce", "completion")) {
            assertTrue(script.contains(command), command);
        }
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        Path file = dir.resolve("scalefit.bash");
        Files.writeString(file, script);
        assertEquals("fit", complete(file, "scalefit", "fi"));
        assertEquals("--predict --predict-csv", complete(file, "scalefit", "fit", "--predict"));
        assertEquals("linear log", complete(file, "scalefit", "fit", "--space", ""));
        assertTrue(complete(file, "scalefit", "fit", "--law", "").contains("offset-power-law"));
    }

    /** Asks bash for the completions of the last word, as the shell does on TAB; sorted, space-separated. */
    private static String complete(Path script, String... words) throws Exception {
        StringBuilder w = new StringBuilder();
        for (String s : words) {
            w.append(" '").append(s).append('\'');
        }
        String prog = "source '" + script + "' 2>/dev/null\n"
                + "COMP_WORDS=(" + w + ")\nCOMP_CWORD=" + (words.length - 1) + "\nCOMP_LINE=\"${COMP_WORDS[*]}\"\n"
                + "COMP_POINT=${#COMP_LINE}\nCOMPREPLY=()\n"
                + "_complete_scalefit scalefit \"${COMP_WORDS[-1]}\" \"${COMP_WORDS[-2]}\" 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '\n";
        Process p = new ProcessBuilder("/bin/bash", "-c", prog).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void everyCommandsHelpHasExamplesAndFitsEightyColumns() {
        for (String command : List.of("", "fit", "compare", "breaks", "slopes", "optimal", "horizon", "trend", "project",
                "reproduce", "completion", "help")) {
            Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("\nExamples"), command + " --help has examples");
            for (String line : r.out().split("\n")) {
                assertTrue(line.length() <= 80, command + " --help: a line of " + line.length() + " columns: " + line);
            }
        }
    }

    @Test
    void noProgressBarUnlessStandardErrorIsATerminal() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"fit", DATA, "--x", "compute", "--y", "loss", "--law", "offset-power-law", "--bootstrap", "500"};
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertEquals(0, Main.run(args, o, e));
        }
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("\r"), "no carriage returns in a log");
    }
}

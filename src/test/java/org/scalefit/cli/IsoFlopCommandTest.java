package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end tests of {@code scalefit isoflop}: Epoch AI's digitized Chinchilla runs against the NumPy peer
 * ({@code bench/peers/chinchilla_isoflop.py} → {@code peers/chinchilla-isoflop.json}), a sweep at exact budgets generated
 * from a known law, exit codes and one-line errors.
 */
class IsoFlopCommandTest {
    private static final String RUNS = "datasets/epoch2024-chinchilla-runs.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode peer() throws IOException {
        try (InputStream in = IsoFlopCommandTest.class.getResourceAsStream("/peers/chinchilla-isoflop.json")) {
            return JSON.readTree(in).get("approach2");
        }
    }

    @Test
    void epochRunsGiveThePeersApproach2() throws IOException {
        Cli.Result r = Cli.run("isoflop", RUNS, "--x", "N=params", "--compute", "flops", "--y", "loss", "--budgets", "hoffmann",
                "--at", "5.76e23,1e25", "--bootstrap", "2000", "--seed", "2022", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        JsonNode p = peer();
        // Same arithmetic as the peer: equal to rounding.
        assertEquals(p.get("a").asDouble(), j.get("a").get("value").asDouble(), 1e-9);
        assertEquals(p.get("b").asDouble(), j.get("b").get("value").asDouble(), 1e-9);
        JsonNode gopher = j.get("predictions").get(0);
        assertEquals(5.76e23, gopher.get("compute").asDouble(), 0);
        assertEquals(p.get("n_opt_gopher").asDouble(), gopher.get("n_opt").asDouble(), 1e-8 * 6.6e10);
        assertEquals(p.get("d_opt_gopher").asDouble(), gopher.get("d_opt").asDouble(), 1e-8 * 1.45e12);
        // Issue 13's done-when: a in [0.46, 0.54], N_opt(5.76e23) in [50, 80] B (the paper: 0.49 and 63 B).
        double a = j.get("a").get("value").asDouble();
        assertTrue(a >= 0.46 && a <= 0.54, "a = " + a);
        assertTrue(gopher.get("n_opt").asDouble() >= 50e9 && gopher.get("n_opt").asDouble() <= 80e9);
        for (int k = 0; k < 9; k++) {
            JsonNode ours = j.get("budgets").get(k);
            JsonNode theirs = p.get("budgets").get(k);
            assertEquals(theirs.get("compute").asDouble(), ours.get("compute").asDouble(), 0);
            assertEquals(theirs.get("points").asInt(), ours.get("points").asInt());
            assertEquals(theirs.get("n_opt").asDouble(), ours.get("n_opt").asDouble(), 1e-9 * theirs.get("n_opt").asDouble());
            assertEquals(theirs.get("loss_min").asDouble(), ours.get("loss_min").asDouble(), 1e-11);
        }
        assertEquals(182, j.get("grouping").get("assigned").asInt());
        assertEquals(63, j.get("grouping").get("excluded").asInt());
        assertEquals(63, j.get("excluded").size());
        // Excluded runs are named by file row (header = row 1): Epoch's run 44 is row 46.
        assertEquals(p.get("runs_outside").get(0).get("run").asInt() + 2, j.get("excluded").get(0).get("row").asInt());
        assertEquals(-0.1019, j.get("excluded").get(0).get("decades").asDouble(), 5e-5);
        // Bootstrap: other resamples than NumPy's, so within Monte Carlo error of the peer's [0.428, 0.524].
        JsonNode ci = p.get("bootstrap").get("ci95");
        assertEquals(ci.get("a").get(0).asDouble(), j.get("a").get("ci95").get(0).asDouble(), 0.015);
        assertEquals(ci.get("a").get(1).asDouble(), j.get("a").get("ci95").get(1).asDouble(), 0.006);
        assertEquals(ci.get("n_opt_gopher").get(0).asDouble() / 1e9, gopher.get("n_opt_ci95").get(0).asDouble() / 1e9, 6);
        assertEquals(ci.get("n_opt_gopher").get(1).asDouble() / 1e9, gopher.get("n_opt_ci95").get(1).asDouble() / 1e9, 4);
        assertEquals(2000, j.get("bootstrap").get("replicates").asInt());
        assertEquals(2000 - j.get("bootstrap").get("without_minimum").asInt(), j.get("bootstrap").get("used").asInt());
        assertEquals(18, j.get("bootstrap").get("without_minimum").asInt(), 13);
        assertEquals(Math.log10(1e25 / 3e21), j.get("predictions").get(1).get("extrapolation_decades").asDouble(), 0.005);
    }

    @Test
    void jsonIsTheSameOnAnyThreadCount() {
        Cli.Result one = Cli.run("isoflop", RUNS, "--x", "N=params", "--compute", "flops", "--y", "loss", "--budgets", "hoffmann",
                "--at", "5.76e23", "--bootstrap", "300", "--json", "--threads", "1");
        Cli.Result four = Cli.run("isoflop", RUNS, "--x", "N=params", "--compute", "flops", "--y", "loss", "--budgets", "hoffmann",
                "--at", "5.76e23", "--bootstrap", "300", "--json", "--threads", "4");
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), four.out());
    }

    @Test
    void tableNamesTheRunsLeftOutAndTheExtrapolation() {
        Cli.Result r = Cli.run("isoflop", RUNS, "--x", "N=params", "--x", "D=tokens", "--y", "loss", "--budgets", "hoffmann",
                "--at", "5.76e23", "--bootstrap", "200");
        assertEquals(0, r.code(), r.err());
        // D given instead of C: C = 6·N·D, which is how Epoch derived D, so the same budgets and the same a.
        assertTrue(r.out().contains("a in N_opt ∝ C^a   0.50005"), r.out());
        assertTrue(r.out().contains("182 assigned, 63 left out"), r.out());
        assertTrue(r.out().contains("left out: 63 runs further than 0.1 decade from every budget (JSON excluded gives their "
                + "compute and distance):\n    rows 46, 49,"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 130), "row list wrapped");
        assertTrue(r.out().contains("5.76e+23 is 2.3 decades above the largest budget"), r.out());
    }

    /** A sweep at exact budgets from L = E + A/N^α + B/D^β with Epoch's parameters: a = β/(α+β) is the truth. */
    private Path sweep(double sigma) throws IOException {
        double[] p = {1.8172, 482.01, 2085.43, 0.3478, 0.3658};
        double aTrue = p[4] / (p[3] + p[4]);
        SplittableRandom rng = new SplittableRandom(13);
        List<String> rows = new ArrayList<>(List.of("params,tokens,loss"));
        for (int k = 0; k < 6; k++) {
            double c = Math.pow(10, 19 + 0.5 * k);
            double centre = Math.log(0.3 * Math.pow(c, aTrue));
            for (int j = 0; j < 11; j++) {
                double n = Math.exp(centre + Math.log(8) * (j - 5) / 5.0);
                double d = c / (6 * n);
                double loss = (p[0] + p[1] / Math.pow(n, p[3]) + p[2] / Math.pow(d, p[4])) * Math.exp(sigma * rng.nextGaussian());
                rows.add(String.format(Locale.ROOT, "%.10g,%.10g,%.10g", n, d, loss));
            }
        }
        Path f = dir.resolve("sweep.csv");
        Files.write(f, rows);
        return f;
    }

    @Test
    void exactBudgetsRecoverTheGeneratingLawsExponent() throws IOException {
        Cli.Result r = Cli.run("isoflop", sweep(0).toString(), "--x", "N=params", "--x", "D=tokens", "--y", "loss",
                "--bootstrap", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("exact-compute", j.get("grouping").get("kind").asText());
        assertEquals(6, j.get("budgets").size());
        // β/(α+β) = 0.5126; the loss profile is not exactly a parabola in ln N, which moves the vertex by well under 1%.
        assertEquals(0.3658 / (0.3478 + 0.3658), j.get("a").get("value").asDouble(), 3e-3);
        assertEquals(1.0, j.get("a").get("value").asDouble() + j.get("b").get("value").asDouble(), 1e-12);
        assertTrue(j.get("a").get("ci95").get(0).isNull(), "no bootstrap, no interval");
    }

    @Test
    void plotIsWritten() throws IOException {
        Path png = dir.resolve("iso.png");
        Cli.Result r = Cli.run("isoflop", RUNS, "--x", "N=params", "--compute", "flops", "--y", "loss", "--budgets", "hoffmann",
                "--at", "5.76e23", "--bootstrap", "0", "--plot", png.toString(), "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        assertEquals(1000, ImageIO.read(png.toFile()).getWidth());
        assertTrue(r.err().contains("wrote " + png), r.err());
    }

    private static void badInput(String expected, String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("scalefit isoflop: error: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        badInput("isoflop needs the compute: --compute COLUMN (FLOP) or --x D=COLUMN",
                "isoflop", RUNS, "--x", "N=params", "--y", "loss");
        badInput("give either --compute flops or --x D=tokens, not both",
                "isoflop", RUNS, "--x", "N=params", "--x", "D=tokens", "--compute", "flops", "--y", "loss");
        badInput("isoflop takes --x N=COLUMN (parameters) and --x D=COLUMN (tokens), got --x params",
                "isoflop", RUNS, "--x", "params", "--compute", "flops", "--y", "loss");
        badInput("--tolerance applies to --budgets", "isoflop", RUNS, "--x", "N=params", "--compute", "flops", "--y", "loss",
                "--tolerance", "0.2");
        badInput("--budgets: \"1e19x\" is not a number of FLOP", "isoflop", RUNS, "--x", "N=params", "--compute", "flops",
                "--y", "loss", "--budgets", "1e19x,1e20");
        badInput("--at: -5 must be a finite number of FLOP > 0", "isoflop", RUNS, "--x", "N=params", "--compute", "flops",
                "--y", "loss", "--budgets", "hoffmann", "--at", "-5");
        badInput("--tolerance must be a number of decades > 0", "isoflop", RUNS, "--x", "N=params", "--compute", "flops",
                "--y", "loss", "--budgets", "hoffmann", "--tolerance", "-1");
        // Digitized compute scatters about its budget: without --budgets the command says what to give.
        badInput("takes 245 different values, 245 of them held by fewer than 3 runs: name the IsoFLOP budgets with --budgets",
                "isoflop", RUNS, "--x", "N=params", "--compute", "flops", "--y", "loss");
        badInput("unknown column \"FLOPs\" in epoch2024-chinchilla-runs.csv", "isoflop", RUNS, "--x", "N=params", "--compute", "FLOPs", "--y", "loss");
        Path bad = dir.resolve("bad.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(RUNS)));
        lines.set(4, lines.get(4).replaceFirst("^(\\d+),[^,]+,", "$1,-3,"));
        Files.write(bad, lines);
        badInput("isoflop needs model sizes N > 0: row 5 of bad.csv, column \"params\" is -3.0",
                "isoflop", bad.toString(), "--x", "N=params", "--compute", "flops", "--y", "loss", "--budgets", "hoffmann");
        badInput("found 0 of 2", "isoflop", RUNS, "--x", "N=params", "--compute", "flops", "--y", "loss", "--budgets", "1e10,1e11");
    }

    @Test
    void budgetsWithoutAMinimumAreAFailedFit() throws IOException {
        // Each budget sampled only on the small side of its optimum: the profiles fall all the way, no minimum.
        List<String> rows = new ArrayList<>(List.of("params,flops,loss"));
        for (double c : new double[] {1e19, 1e20}) {
            for (int j = 0; j < 5; j++) {
                double n = 1e6 * Math.pow(2, j);
                rows.add(String.format(Locale.ROOT, "%s,%s,%s", n, c, 5 - 0.1 * j * j));
            }
        }
        Path f = dir.resolve("nomin.csv");
        Files.write(f, rows);
        Cli.Result r = Cli.run("isoflop", f.toString(), "--x", "N=params", "--compute", "flops", "--y", "loss");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("scalefit isoflop: fit failed: "), r.err());
        assertTrue(r.err().contains("the loss profiles have no minimum"), r.err());
    }
}

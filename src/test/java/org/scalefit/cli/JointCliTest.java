package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.optimal.ComputeOptimal;

/** End-to-end tests of {@code scalefit fit --law chinchilla} and {@code scalefit optimal}. */
class JointCliTest {
    private static final double[] TRUTH = {1.8172, 482.01, 2085.43, 0.3478, 0.3658};

    @TempDir
    Path dir;

    private Path runs;

    /** The result of one command line. */
    private record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** 80 runs from Epoch's law with 1% noise: columns params, tokens, compute = 6·N·D, loss. */
    @BeforeEach
    void writeRuns() throws IOException {
        SplittableRandom rng = new SplittableRandom(9);
        StringBuilder s = new StringBuilder("params,tokens,compute,loss\n");
        for (int i = 0; i < 80; i++) {
            double n = Math.exp(rng.nextDouble(Math.log(7e7), Math.log(1.6e10)));
            double d = Math.exp(rng.nextDouble(Math.log(5e9), Math.log(5e11)));
            double l = (TRUTH[0] + TRUTH[1] / Math.pow(n, TRUTH[3]) + TRUTH[2] / Math.pow(d, TRUTH[4])) * Math.exp(0.01 * rng.nextGaussian());
            s.append(n).append(',').append(d).append(',').append(6 * n * d).append(',').append(l).append('\n');
        }
        runs = dir.resolve("runs.csv");
        Files.writeString(runs, s.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path fitJson() throws IOException {
        Run r = run("fit", runs.toString(), "--x", "N=params", "--x", "D=tokens", "--y", "loss", "--law", "chinchilla",
                "--loss", "huber:1e-3", "--starts", "hoffmann-grid", "--solver", "varpro", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        return write("fit.json", r.out());
    }

    @Test
    void fitJsonCarriesParametersCovarianceAndDataSpec() throws IOException {
        JsonNode j = Json.mapper().readTree(Files.readString(fitJson()));
        assertEquals("chinchilla", j.get("law").asText());
        for (String p : new String[] {"E", "A", "B", "alpha", "beta"}) {
            assertTrue(j.get("parameters").get(p).get("value").isNumber(), p);
            assertEquals(2, j.get("parameters").get(p).get("ci95").size());
        }
        assertEquals(0.3478, j.get("parameters").get("alpha").get("value").asDouble(), 0.05);
        assertEquals(5, j.get("covariance").get("scaled").size());
        assertEquals("N", j.get("data").get("predictors").get(0).get("name").asText());
        assertEquals("tokens", j.get("data").get("predictors").get(1).get("column").asText());
        assertEquals("N=params", j.get("data").get("spec").get("x").get(0).asText());
        assertEquals("varpro", j.get("options").get("solver").asText());
        assertEquals("hoffmann-grid", j.get("options").get("starts").asText());
        assertEquals(25, j.get("starts_tried").asInt());
        assertTrue(j.get("derived").has("n_opt_exponent"));
    }

    /** D derived from compute, and the predictors given in the other order, give the same fit. */
    @Test
    void derivedAndReorderedPredictors() throws IOException {
        String[] common = {"--y", "loss", "--law", "chinchilla", "--json"};
        Run plain = run(concat(new String[] {"fit", runs.toString(), "--x", "N=params", "--x", "D=tokens"}, common));
        Run derived = run(concat(new String[] {"fit", runs.toString(), "--x", "N=params", "--x", "D=compute/(6*params)"}, common));
        Run reordered = run(concat(new String[] {"fit", runs.toString(), "--x", "D=tokens", "--x", "N=params"}, common));
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, derived.code(), derived.err());
        assertEquals(0, reordered.code(), reordered.err());
        for (String p : new String[] {"E", "A", "B", "alpha", "beta"}) {
            double v = plain.json().get("parameters").get(p).get("value").asDouble();
            assertEquals(v, derived.json().get("parameters").get(p).get("value").asDouble(), 1e-6 * Math.abs(v), p);
            assertEquals(v, reordered.json().get("parameters").get(p).get("value").asDouble(), 0.0, p);
        }
        JsonNode d = derived.json().get("data").get("predictors").get(1);
        assertEquals("compute/(6*params)", d.get("column").asText());
        assertTrue(d.get("derived").asBoolean());
        Run table = run("fit", runs.toString(), "--x", "N=params", "--x", "D=compute/(6*params)", "--y", "loss", "--law", "chinchilla");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("chinchilla fit of loss on N = params, D = compute/(6*params) (derived) (runs.csv, 80 points"),
                table.out());
    }

    @Test
    void optimalFromASavedFit() throws IOException {
        Path fit = fitJson();
        JsonNode saved = Json.mapper().readTree(Files.readString(fit));
        double[] p = new double[5];
        String[] names = {"E", "A", "B", "alpha", "beta"};
        for (int k = 0; k < 5; k++) {
            p[k] = saved.get("parameters").get(names[k]).get("value").asDouble();
        }
        Run r = run("optimal", fit.toString(), "--compute", "1e21,1e23,1e25", "--target-loss", "2.0,1.0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("delta-log", j.get("intervals").asText());
        assertEquals(3, j.get("rows").size());
        for (JsonNode row : j.get("rows")) {
            double c = row.get("compute").asDouble();
            assertEquals(ComputeOptimal.nOpt(p, c), row.get("n_opt").get("value").asDouble(), 1e-12 * ComputeOptimal.nOpt(p, c));
            assertEquals(ComputeOptimal.dOpt(p, c), row.get("d_opt").get("value").asDouble(), 1e-12 * ComputeOptimal.dOpt(p, c));
            assertEquals(ComputeOptimal.tokensPerParameter(p, c), row.get("tokens_per_param").get("value").asDouble(), 1e-9);
            assertEquals(ComputeOptimal.loss(p, c), row.get("loss").get("value").asDouble(), 1e-12);
            for (String f : new String[] {"n_opt", "d_opt", "tokens_per_param", "loss"}) {
                JsonNode ci = row.get(f).get("ci95");
                assertTrue(ci.get(0).asDouble() < row.get(f).get("value").asDouble()
                        && row.get(f).get("value").asDouble() < ci.get(1).asDouble(), f);
            }
        }
        JsonNode t = j.get("target_loss");
        assertEquals(ComputeOptimal.computeForLoss(p, 2.0), t.get(0).get("compute").get("value").asDouble(),
                1e-9 * ComputeOptimal.computeForLoss(p, 2.0));
        assertTrue(t.get(1).get("compute").get("value").isNull());
        assertTrue(t.get(1).get("note").asText().startsWith("never reached"));

        Run table = run("optimal", fit.toString(), "--compute", "1e23");
        assertEquals(0, table.code());
        assertTrue(table.out().contains("tokens/param"), table.out());

        // How far each budget lies beyond the data: the largest run's 6·N·D, recomputed here from the file.
        double largest = 0;
        for (String line : Files.readAllLines(runs).subList(1, 81)) {
            String[] c = line.split(",");
            largest = Math.max(largest, 6 * Double.parseDouble(c[0]) * Double.parseDouble(c[1]));
        }
        assertEquals(largest, j.get("largest_run_compute").asDouble(), 1e-12 * largest);
        for (JsonNode row : j.get("rows")) {
            double expected = Math.round(100 * Math.log10(row.get("compute").asDouble() / largest)) / 100.0;
            assertEquals(expected, row.get("extrapolation_decades").asDouble(), 0.0);
        }
        double beyond = Math.round(100 * Math.log10(1e25 / largest)) / 100.0;
        Run far = run("optimal", fit.toString(), "--compute", "1e25");
        assertTrue(far.out().contains("note: 1e+25 FLOP is " + org.scalefit.Numbers.format(beyond, 3)
                + " decades above the fit's largest run"), far.out());
        // Without the data file the allocation stands, and the output says the check could not be made.
        Files.move(runs, dir.resolve("elsewhere.csv"));
        Run blind = run("optimal", fit.toString(), "--compute", "1e25", "--json");
        assertEquals(0, blind.code(), blind.err());
        assertTrue(blind.json().get("largest_run_compute").isNull());
        assertTrue(blind.json().get("rows").get(0).get("extrapolation_decades").isNull());
        assertTrue(run("optimal", fit.toString(), "--compute", "1e25").out()
                .contains("note: the fit's data file was not found, so how far these budgets extrapolate is not checked"));
    }

    @Test
    void optimalWithBootstrapRefitsTheRecordedData() throws IOException {
        Path fit = fitJson();
        Run r = run("optimal", fit.toString(), "--compute", "1e23", "--bootstrap", "100", "--seed", "7", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("bootstrap-percentile", j.get("intervals").asText());
        assertEquals(100, j.get("bootstrap").get("requested").asInt());
        assertTrue(j.get("bootstrap").get("succeeded").asInt() >= 95);
        assertTrue(j.get("bootstrap").get("parameters").get("alpha").get("stderr").asDouble() > 0);
        JsonNode n = j.get("rows").get(0).get("n_opt");
        assertTrue(n.get("ci95").get(0).asDouble() < n.get("value").asDouble());
        Run again = run("optimal", fit.toString(), "--compute", "1e23", "--bootstrap", "100", "--seed", "7", "--threads", "1", "--json");
        assertEquals(r.json().get("rows"), again.json().get("rows"), "same answer on 1 and 2 threads");
        // The data moved: --data points at it; a missing file is named.
        Files.move(runs, dir.resolve("moved.csv"));
        Run missing = run("optimal", fit.toString(), "--compute", "1e23", "--bootstrap", "10");
        assertEquals(2, missing.code());
        assertEquals("scalefit optimal: error: --bootstrap refits the data of " + fit + ", but " + runs
                + " does not exist here; give it with --data FILE\n", missing.err());
        Run moved = run("optimal", fit.toString(), "--compute", "1e23", "--bootstrap", "10", "--data",
                dir.resolve("moved.csv").toString(), "--json");
        assertEquals(0, moved.code(), moved.err());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        String header = "params,tokens,loss\n";
        String rows = "1e8,1e10,3.1\n2e8,2e10,2.9\n5e8,5e10,2.6\n1e9,1e11,2.4\n3e9,2e11,2.3\n1e10,4e11,2.2\n";
        Path negative = write("neg.csv", header + rows.replace("5e8,", "-5e8,"));
        Path zeroLoss = write("zero.csv", header + rows.replace("2.4\n", "0\n"));
        Path five = write("five.csv", header + "1e8,1e10,3.1\n2e8,2e10,2.9\n5e8,5e10,2.6\n1e9,1e11,2.4\n3e9,2e11,2.3\n");
        String[] tail = {"--y", "loss", "--law", "chinchilla"};
        assertError(run(concat(new String[] {"fit", negative.toString(), "--x", "N=params", "--x", "D=tokens"}, tail)),
                "scalefit fit: error: chinchilla fit needs N > 0: row 4 of neg.csv, column \"params\" is -5.0E8");
        assertError(run(concat(new String[] {"fit", zeroLoss.toString(), "--x", "N=params", "--x", "D=tokens"}, tail)),
                "scalefit fit: error: fitting in log space needs loss > 0: row 5 of zero.csv, column \"loss\" is 0.0 "
                        + "(use --space linear to fit in linear space)");
        assertError(run(concat(new String[] {"fit", five.toString(), "--x", "N=params", "--x", "D=tokens"}, tail)),
                "scalefit fit: error: chinchilla has 5 free parameters but five.csv has only 5 points: need at least 6");
        assertError(run(concat(new String[] {"fit", runs.toString(), "--x", "N=params", "--x", "D=toks"}, tail)),
                "scalefit fit: error: unknown column \"toks\" in runs.csv; columns are: params, tokens, compute, loss");
        assertError(run(concat(new String[] {"fit", runs.toString(), "--x", "params", "--x", "tokens"}, tail)),
                "scalefit fit: error: chinchilla takes predictors N and D: give --x N=COLUMN --x D=COLUMN "
                        + "(got --x params, --x tokens)");
        assertError(run(concat(new String[] {"fit", runs.toString(), "--x", "N=params"}, tail)),
                "scalefit fit: error: chinchilla takes predictors N and D: give --x N=COLUMN --x D=COLUMN (got --x N=params)");
        assertError(run("fit", runs.toString(), "--x", "params", "--y", "loss", "--law", "power-law", "--starts", "hoffmann-grid"),
                "scalefit fit: error: --starts hoffmann-grid is Hoffmann et al.'s grid for the chinchilla law "
                        + "(E, A, B, alpha, beta); power-law has parameters a, alpha");
        assertError(run("fit", runs.toString(), "--x", "params", "--y", "loss", "--law", "power-law", "--solver", "varpro"),
                "scalefit fit: error: --solver varpro needs a law that is linear in some of its parameters (chinchilla); "
                        + "power-law is not");
    }

    @Test
    void aGridThatNeverConvergesExitsOne() {
        Run r = run("fit", runs.toString(), "--x", "N=params", "--x", "D=tokens", "--y", "loss", "--law", "chinchilla",
                "--loss", "huber:1e-3", "--starts", "hoffmann-grid", "--max-iterations", "1", "--threads", "2", "--json");
        assertEquals(1, r.code());
        assertEquals("scalefit fit: the fit did not converge: none of the 4500 starts converged "
                + "(the best stopped: iteration limit (1) reached while Newton's method still lowered the objective)\n", r.err());
    }

    @Test
    void optimalRejectsWhatItCannotUse() throws IOException {
        Run power = run("fit", runs.toString(), "--x", "params", "--y", "loss", "--law", "power-law", "--json");
        Path powerJson = write("power.json", power.out());
        assertError(run("optimal", powerJson.toString(), "--compute", "1e23"),
                "scalefit optimal: error: optimal needs a chinchilla fit; " + powerJson + " holds a power-law fit");
        Path notJson = write("x.json", "law: chinchilla");
        Run r = run("optimal", notJson.toString(), "--compute", "1e23");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("scalefit optimal: error: " + notJson + " is not a fit JSON"), r.err());
        assertEquals(1, r.err().split("\n").length);
        assertError(run("optimal", dir.resolve("none.json").toString(), "--compute", "1e23"),
                "scalefit optimal: error: cannot read " + dir.resolve("none.json") + ": no such file");
        Path fit = fitJson();
        assertError(run("optimal", fit.toString(), "--compute", "-1e23"),
                "scalefit optimal: error: --compute -1e23: need a positive number");
        assertError(run("optimal", fit.toString(), "--compute", "lots"),
                "scalefit optimal: error: --compute lots: \"lots\" is not a number");
        Run help = run("optimal", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Examples:") && help.out().contains("--target-loss"), help.out());
    }

    private static void assertError(Run r, String line) {
        assertEquals(2, r.code(), r.err());
        assertEquals(line + "\n", r.err());
        assertEquals("", r.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

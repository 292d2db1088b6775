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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scalefit downstream} end to end: the papers' setups, JSON, plot, bootstrap, and one-line errors with exit codes. */
class DownstreamCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] GADRE = {"downstream", "datasets/gadre2024-overtraining.csv", "--x", "N=params_N", "--x",
        "M=token_multiplier_M", "--loss-column", "loss_c4_val", "--metric-column", "err_avg_17", "--loss-law", "overtraining",
        "--link", "exp-decay", "--space", "linear", "--where", "dataset==rpj", "--loss-fit-where", "in_loss_fit==1",
        "--metric-fit-where", "in_error_fit==1", "--predict-where", "is_target==1", "--id", "run_name"};
    private static final String[] OLMO = {"downstream", "datasets/olmo-ladder2024-tasks.csv", "--x", "N=N", "--x", "D=D",
        "--loss-column", "piqa_val_bpb", "--metric-column", "piqa_val_acc", "--loss-law", "chinchilla", "--loss", "huber:1e-3",
        "--link", "sigmoid", "--chance", "0.5", "--loss-fit-where", "in_loss_fit==1", "--metric-fit-where", "in_metric_fit==1",
        "--predict-where", "is_target==1", "--id", "run"};

    @TempDir
    Path dir;

    private static String[] with(String[] base, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(base));
        a.addAll(Arrays.asList(more));
        return a.toArray(new String[0]);
    }

    private static JsonNode peer(String name) throws IOException {
        try (InputStream in = DownstreamCommandTest.class.getResourceAsStream("/peers/downstream/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void gadreAsTheyDidItTableAndJson() throws IOException {
        Cli.Result table = Cli.run(GADRE);
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("rpj-open_lm_1b-32.0"), table.out());
        assertTrue(table.out().contains("2.5021 (+0.71%)"), table.out());
        assertTrue(table.out().contains("the data barely determine it"), table.out());
        Cli.Result json = Cli.run(with(GADRE, "--json"));
        assertEquals(0, json.code(), json.err());
        JsonNode o = JSON.readTree(json.out());
        JsonNode peer = peer("gadre2024.json").get("results").get(0).get("predictions");
        for (int i = 0; i < 2; i++) {
            JsonNode p = o.get("predictions").get(i);
            assertEquals(peer.get(i).get("run").asText(), p.get("id").asText());
            assertEquals(peer.get(i).get("loss").asDouble(), p.get("loss").get("value").asDouble(), 1e-6);
            assertEquals(peer.get(i).get("error").asDouble(), p.get("metric").get("value").asDouble(), 1e-6);
            assertEquals(peer.get(i).get("observed_loss").asDouble(), p.get("observed_loss").asDouble(), 0);
            assertEquals(2, p.get("metric").get("ci95").size());
            assertEquals("delta", p.get("metric").get("method").asText());
        }
        assertEquals("overtraining", o.get("loss_fit").get("law").asText());
        assertEquals("exp-decay", o.get("metric_fit").get("law").asText());
        assertEquals("varpro", o.get("loss_fit").get("options").get("solver").asText(), "separable loss laws default to varpro");
        assertEquals("error", o.get("metric_kind").asText());
        assertEquals("barely_determined", o.get("warnings").get(0).get("kind").asText());
        assertTrue(o.has("backtest") && o.has("direct_fit") && o.has("scalefit_version") && o.has("options"));
    }

    @Test
    void olmoWithBootstrapAndPlot() throws IOException {
        Path png = dir.resolve("piqa.png");
        Cli.Result r = Cli.run(with(OLMO, "--bootstrap", "40", "--threads", "2", "--json", "--plot", png.toString()));
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("bootstrap-percentile", o.get("interval_method").asText());
        assertEquals(40, o.get("bootstrap").get("replicates").asInt());
        assertEquals(40, o.get("bootstrap").get("succeeded").asInt());
        JsonNode peer = null;
        for (JsonNode t : peer("olmo2024.json").get("tasks")) {
            if (t.get("task").asText().equals("piqa_val")) {
                peer = t;
            }
        }
        for (JsonNode p : o.get("predictions")) {
            double expected = peer.get("predictions").get(p.get("id").asText()).get("accuracy").asDouble();
            assertEquals(expected, p.get("metric").get("value").asDouble(), 1e-5, "PIQA's chance bounds do not bind");
            JsonNode ci = p.get("metric").get("ci95");
            assertTrue(ci.get(0).asDouble() < expected && expected < ci.get(1).asDouble());
        }
        assertTrue(Files.size(png) > 10_000);
        assertEquals("png", o.get("plot").get("format").asText());
        assertEquals(4, o.get("backtest").get("held_out").size());
    }

    @Test
    void predictPointsAndMultiplier() throws IOException {
        String[] base = Arrays.copyOf(GADRE, GADRE.length - 4);
        Cli.Result r = Cli.run(with(base, "--id", "run_name", "--predict", "big:N=1439795200,M=640", "--predict",
                "N=6889410560,D=137788211200", "--json", "--no-direct"));
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("big", o.get("predictions").get(0).get("id").asText());
        assertEquals(2.5198265, o.get("predictions").get(0).get("loss").get("value").asDouble(), 1e-6);
        assertTrue(o.get("predictions").get(0).get("observed_loss").isNull());
        assertTrue(o.get("predictions").get(1).get("id").asText().startsWith("N=6889410560"));
        assertTrue(!o.has("direct_fit"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] cases = {
            with(GADRE, "--predict", "N=1,D=2"),
            replace(GADRE, "loss_c4_val", "no_such_column"),
            replace(GADRE, "exp-decay", "cubic"),
            replace(GADRE, "in_loss_fit==1", "in_loss_fit==7"),
            replace(GADRE, "M=token_multiplier_M", "T=token_multiplier_M"),
            with(GADRE, "--chance", "0.25"),
            replace(OLMO, "0.5", "1.5"),
            with(GADRE, "--bootstrap", "0"),
            with(GADRE, "--holdout", "-1"),
            with(GADRE, "--plot", "nowhere/x.png"),
            replace(OLMO, "in_loss_fit==1", "in_metric_fit==1"),
            replace(OLMO, "piqa_val_acc", "xC"),
        };
        String[] expect = {"either --predict-where", "no_such_column", "unknown --link", "no row of", "N and either D",
            "--chance bounds the sigmoid link", "chance level", "--bootstrap needs", "--holdout", "does not exist",
            "choose the rows of the loss fit with --loss-fit-where", "choose the rows of the link fit with --metric-fit-where"};
        for (int i = 0; i < cases.length; i++) {
            Cli.Result r = Cli.run(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + "\n" + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(expect[i]), expect[i] + " not in: " + r.err());
            assertTrue(r.err().startsWith("scalefit downstream: error: "), r.err());
        }
    }

    @Test
    void aFitThatDoesNotConvergeIsExitOne() {
        Cli.Result r = Cli.run(with(OLMO, "--max-iterations", "2", "--solver", "lbfgs", "--starts", "random:3", "--holdout", "0"));
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("the loss law did not converge"), r.err());
        assertTrue(r.out().contains("NOT CONVERGED"), r.out());
        // Every replicate of Gadre's 5-run loss fit under this seed is underdetermined: a failed fit, exit 1.
        Cli.Result boot = Cli.run(with(GADRE, "--bootstrap", "1"));
        assertEquals(1, boot.code(), boot.err());
        assertTrue(boot.err().contains("all 1 bootstrap replicates failed"), boot.err());
    }

    private static String[] replace(String[] args, String from, String to) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i].equals(from)) {
                out[i] = to;
            }
        }
        return out;
    }
}

package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "JSON output" section lists every top-level field of every command's JSON. This test runs
 * each command with {@code --json} — once plainly and once with every option that adds fields — and
 * requires the union of the fields to be exactly the set the README's table lists, so the schema
 * cannot drift from the code.
 */
class JsonSchemaDocTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOSS = "datasets/synthetic-loss-vs-compute.csv";

    @TempDir
    Path dir;

    /** The backticked names in the first column of the table under {@code #### `HEADING`}. */
    private static TreeSet<String> documented(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int i = lines.indexOf("#### `" + heading + "`");
        assertTrue(i >= 0, "README has no heading #### `" + heading + "`");
        TreeSet<String> fields = new TreeSet<>();
        boolean inTable = false;
        for (int k = i + 1; k < lines.size() && !lines.get(k).startsWith("#"); k++) {
            String l = lines.get(k);
            if (!l.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String first = l.substring(1, l.indexOf('|', 1));
            Matcher m = Pattern.compile("`([a-zA-Z0-9_]+)`").matcher(first);
            while (m.find()) {
                fields.add(m.group(1));
            }
        }
        assertTrue(!fields.isEmpty(), "no table under " + heading);
        return fields;
    }

    private static TreeSet<String> fields(String... args) throws IOException {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        TreeSet<String> out = new TreeSet<>();
        JSON.readTree(r.out()).fieldNames().forEachRemaining(out::add);
        return out;
    }

    @SafeVarargs
    private static TreeSet<String> union(TreeSet<String>... sets) {
        TreeSet<String> u = new TreeSet<>();
        for (TreeSet<String> s : sets) {
            u.addAll(s);
        }
        return u;
    }

    @Test
    void fit() throws IOException {
        Path bad = dir.resolve("runs.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(LOSS)));
        lines.add("bad,oops,3.0");
        Files.write(bad, lines);
        assertEquals(documented("fit --json"), union(
                fields("fit", LOSS, "--x", "compute", "--y", "loss", "--law", "power-law", "--json"),
                fields("fit", bad.toString(), "--x", "compute", "--y", "loss", "--law", "offset-power-law", "--json",
                        "--skip-invalid", "--target", "2.5", "--bootstrap", "50", "--predict", "1e24",
                        "--plot", dir.resolve("p.png").toString(), "--predict-csv", dir.resolve("c.csv").toString()),
                fields("fit", LOSS, "--x", "compute", "--y", "loss", "--law", "offset-power-law", "--loss",
                        "huber-likelihood:1e-3", "--test", "alpha=0.1", "--json")));
    }

    @Test
    void fitBy() throws IOException {
        Path bad = dir.resolve("groups.csv");
        Files.write(bad, List.of("model,step,loss", "a,1,5.0", "a,10,4.1", "a,100,3.6", "a,1000,3.3", "a,oops,3.1",
                "b,1,4.0", "b,10,3.4"));
        assertEquals(documented("fit --by COLUMN --json"), fields("fit", bad.toString(), "--x", "step", "--y", "loss",
                "--law", "power-law", "--by", "model", "--skip-invalid", "--json"));
    }

    @Test
    void compareBreaksAndSlopes() throws IOException {
        String png = dir.resolve("p.png").toString();
        assertEquals(documented("compare --json"), union(fields("compare", LOSS, "--x", "compute", "--y", "loss", "--json"),
                fields("compare", LOSS, "--x", "compute", "--y", "loss", "--no-loo", "--plot", png, "--json")));
        assertEquals(documented("breaks --json"), union(fields("breaks", LOSS, "--x", "compute", "--y", "loss", "--json"),
                fields("breaks", LOSS, "--x", "compute", "--y", "loss", "--simulations", "99", "--plot", png, "--json")));
        assertEquals(documented("slopes --json"), fields("slopes", "datasets/slopes-baseline.csv",
                "datasets/slopes-improved.csv", "--x", "compute", "--y", "loss", "--plot", png, "--json"));
    }

    @Test
    void optimal() throws IOException {
        Cli.Result fit = Cli.run("fit", "datasets/hoffmann2022-isoflop-synthetic.csv", "--x", "N=params", "--x", "D=tokens",
                "--y", "loss", "--law", "chinchilla", "--loss", "huber:1e-3", "--json");
        assertEquals(0, fit.code(), fit.err());
        Path json = dir.resolve("fit.json");
        Files.writeString(json, fit.out());
        assertEquals(documented("optimal --json"), union(
                fields("optimal", json.toString(), "--compute", "1e21", "--json"),
                fields("optimal", json.toString(), "--compute", "1e21", "--target-loss", "2", "--bootstrap", "20", "--json",
                        "--plot", dir.resolve("o.png").toString())));
    }

    @Test
    void downstream() throws IOException {
        String[] gadre = {"downstream", "datasets/gadre2024-overtraining.csv", "--x", "N=params_N", "--x", "D=tokens_D",
            "--loss-column", "loss_c4_val", "--metric-column", "err_avg_17", "--loss-law", "overtraining", "--link", "exp-decay",
            "--space", "linear", "--where", "dataset==rpj", "--loss-fit-where", "in_loss_fit==1", "--metric-fit-where",
            "in_error_fit==1", "--predict-where", "is_target==1", "--id", "run_name", "--json"};
        List<String> more = new ArrayList<>(List.of(gadre));
        more.addAll(List.of("--bootstrap", "20", "--plot", dir.resolve("d.png").toString()));
        assertEquals(documented("downstream --json"), union(fields(gadre), fields(more.toArray(new String[0]))));
    }

    @Test
    void isoflop() throws IOException {
        Path bad = dir.resolve("runs.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("datasets/epoch2024-chinchilla-runs.csv")));
        lines.add("999,oops,1,1e19,3.0,,0");
        Files.write(bad, lines);
        assertEquals(documented("isoflop --json"), union(
                fields("isoflop", "datasets/epoch2024-chinchilla-runs.csv", "--x", "N=params", "--compute", "flops", "--y", "loss",
                        "--budgets", "hoffmann", "--bootstrap", "0", "--json"),
                fields("isoflop", bad.toString(), "--x", "N=params", "--compute", "flops", "--y", "loss", "--budgets", "hoffmann",
                        "--bootstrap", "20", "--at", "5.76e23", "--skip-invalid", "--plot", dir.resolve("p.png").toString(),
                        "--dpi", "36", "--json", "-q")));
    }

    @Test
    void trendAndProject() throws IOException {
        TreeSet<String> trend = fields("trend", "datasets/metr-horizons.csv", "--frontier", "--json", "-q");
        TreeSet<String> project = fields("project", "datasets/metr-horizons.csv", "--frontier", "--json", "-q", "--plot",
                dir.resolve("p.png").toString());
        assertTrue(project.containsAll(trend), "project carries the trend's fields");
        assertEquals(documented("trend` and `project --json"), project);
    }

    @Test
    void horizon() throws IOException {
        // A small run file in METR's format: 3 models, 12 tasks in 4 families, 3 runs each; one bad row.
        SplittableRandom rng = new SplittableRandom(5);
        List<String> rows = new ArrayList<>();
        double[] skill = {4, 30, 200};
        for (int m = 0; m < 3; m++) {
            for (int t = 0; t < 12; t++) {
                double minutes = Math.pow(2, t);
                for (int r = 0; r < 3; r++) {
                    double p = 1 / (1 + Math.pow(minutes / skill[m], 1.2));
                    rows.add(String.format("{\"alias\": \"m%d\", \"task_id\": \"t%d\", \"task_family\": \"f%d\", "
                            + "\"human_minutes\": %s, \"score_binarized\": %d}", m, t, t % 4, minutes, rng.nextDouble() < p ? 1 : 0));
                }
            }
        }
        rows.add("{\"alias\": \"m0\", \"task_id\": \"t0\", \"task_family\": \"f0\", \"human_minutes\": -1, \"score_binarized\": 1}");
        Path runs = dir.resolve("runs.jsonl");
        Files.write(runs, rows);
        assertEquals(documented("horizon --json"), fields("horizon", runs.toString(), "--bootstrap", "50", "--buckets",
                "--skip-invalid", "--json", "-q", "--plot", dir.resolve("h.png").toString()));
    }

    @Test
    void reproduce() throws IOException {
        JsonNode report;
        TreeSet<String> f = fields("reproduce", "--only", "jones", "--out", dir.toString(), "--json", "-q");
        assertEquals(documented("reproduce --json"), f);
        report = JSON.readTree(dir.resolve("report.json").toFile());
        TreeSet<String> file = new TreeSet<>();
        report.fieldNames().forEachRemaining(file::add);
        assertEquals(f, file, "report.json is the same object");
    }
}

package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.TextTable;
import org.scalefit.horizon.HorizonBootstrap;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.HorizonStatus;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.ModelHorizon;
import org.scalefit.horizon.Runs;
import org.scalefit.horizon.SuccessBucket;
import org.scalefit.stats.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit horizon}: per-model time horizons (METR's method) from a run file, with bootstrap intervals.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"horizon", "all_runs.jsonl", "--p", "0.5,0.8", "--json"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "horizon", mixinStandardHelpOptions = true,
        description = "Per-model time horizons from agent runs (METR's method): a weighted, L2-penalised logistic "
                + "regression of success on log2(task minutes) per model, the p50/p80 horizons 2^((logit p − b0)/b1) "
                + "and their hierarchical-bootstrap intervals.",
        footer = {"", "Input: JSON Lines or CSV, one run per row. METR's files are read as they are: alias = model, "
                + "task_id, task_family, human_minutes, score_binarized (or score_cont); rows with alias 'human' are "
                + "baselines and are left out. Weights are computed, not read.",
            "", "Examples:",
            "  scalefit horizon all_runs.jsonl",
            "  scalefit horizon all_runs.jsonl --bootstrap 2000 --seed 7 --json",
            "  scalefit horizon evals.csv --model agent --score passed --family none --p 0.5,0.8,0.95",
            "  scalefit horizon all_runs.jsonl --buckets --bootstrap 0",
            "  scalefit horizon all_runs.jsonl --plot horizons.png"})
public final class HorizonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUNS", description = "Run file: .jsonl (METR's format) or .csv/.tsv.")
    Path file;

    @Option(names = "--model", paramLabel = "FIELD", defaultValue = "alias", description = "Model field (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    RunFieldOptions runOptions;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap replicates for the intervals, 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = FitOptionsMixin.DEFAULT_SEED, description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    Threads threads;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95", description = "Interval level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--p", paramLabel = "P[,P...]", split = ",", description = "Success probabilities to report (default: 0.5,0.8).")
    List<Double> probabilities = new ArrayList<>(List.of(0.5, 0.8));

    @Option(names = "--buckets", description = "Also report each model's empirical success rate per task-length bin.")
    boolean buckets;

    @Option(names = "--bucket-edges", paramLabel = "MIN[,MIN...]", split = ",",
            description = "Bin edges in minutes (default: powers of 4 covering the tasks).")
    List<Double> bucketEdges = new ArrayList<>();

    @Mixin
    CommonOptions common;

    @Mixin
    PlotOptions plot;

    /** Created by picocli. */
    public HorizonCommand() {
    }

    @Override
    public Integer call() {
        for (double p : probabilities) {
            if (!(p > 0 && p < 1)) {
                throw new InvalidDataException("--p values must lie in (0, 1), got " + Numbers.format(p, 6));
            }
        }
        if (!probabilities.contains(0.5) || !probabilities.contains(0.8)) {
            List<Double> ps = new ArrayList<>(List.of(0.5, 0.8));
            for (double p : probabilities) {
                if (!ps.contains(p)) {
                    ps.add(p);
                }
            }
            probabilities = ps;
        }
        int nThreads = threads.count();
        plot.validate(file);
        Runs runs = runOptions.read(model, file);
        HorizonOptions options = runOptions.options(bootstrap, seed, nThreads, level);
        HorizonResult result;
        try (ProgressBar bar = common.progress(spec, "bootstrap")) {
            result = Horizons.fit(runs, options, bar);
        }
        double[] edges = bucketEdges.isEmpty() ? Horizons.defaultBucketEdges(runs)
                : bucketEdges.stream().mapToDouble(Double::doubleValue).toArray();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!common.quiet()) {
            for (String note : runs.notes()) {
                err.println("scalefit horizon: note: " + note);
            }
            if (!runs.skipped().isEmpty()) {
                err.println("scalefit horizon: skipped " + runs.skipped().size() + " invalid run"
                        + (runs.skipped().size() == 1 ? "" : "s") + ", first: " + runs.skipped().get(0).reason());
            }
        }
        org.scalefit.plot.Figure figure = null;
        if (plot.requested()) {
            double[] wh = plot.size(980, 560);
            HorizonResult fitted = result;
            figure = plot.write(PlotOptions.draw(() -> org.scalefit.plot.HorizonCurvesPlot.of(fitted, runs, edges, wh[0],
                    wh[1])));
        }
        if (common.json()) {
            ObjectNode json = json(runs, result, edges);
            if (figure != null) {
                plot.putJson(json, figure);
            }
            Json.recordInvocation(json, spec);
            out.println(Json.write(json));
        } else {
            out.print(table(runs, result, edges));
        }
        out.flush();
        plot.noteWritten(err, "horizon", common);
        if (!common.quiet()) {
            for (ModelHorizon h : result.models()) {
                for (String w : h.warnings()) {
                    err.println("scalefit horizon: warning: " + w);
                }
            }
        }
        boolean failed = result.models().stream().anyMatch(h -> h.status() == HorizonStatus.NOT_CONVERGED);
        return failed ? Main.FIT_FAILED : Main.OK;
    }

    private static String key(double p) {
        double pct = p * 100;
        return "p" + (pct == Math.rint(pct) ? Long.toString(Math.round(pct)) : Numbers.format(pct, 4).replace('.', '_'));
    }

    private ObjectNode json(Runs runs, HorizonResult r, double[] edges) {
        HorizonOptions o = r.options();
        String ci = HorizonText.ciKey(o.confidenceLevel());
        ObjectNode root = Json.object();
        root.put("command", "horizon");
        root.put("source", r.source());
        root.put("runs", r.runs());
        root.put("human_runs", r.humanRuns());
        root.put("tasks", r.tasks());
        root.put("families", r.families());
        root.put("score_field", runs.scoreField());
        ObjectNode opt = root.putObject("options");
        opt.put("weighting", o.weighting().label());
        Json.put(opt, "regularization", o.regularization());
        Json.put(opt, "C", o.c());
        opt.put("bootstrap", o.bootstrap());
        opt.put("resampling", o.resampling().code());
        opt.put("seed", o.seed());
        Json.put(opt, "confidence_level", o.confidenceLevel());
        ArrayNode models = root.putArray("models");
        for (ModelHorizon h : r.models()) {
            ObjectNode m = models.addObject();
            m.put("model", h.model());
            m.put("status", h.status().code());
            m.put("runs", h.runs());
            m.put("tasks", h.tasks());
            m.put("families", h.families());
            Json.put(m, "average_score", h.averageScore());
            Json.put(m, "intercept", h.intercept());
            Json.put(m, "slope", h.slope());
            Json.put(m, "p50_minutes", h.p50());
            Json.put(m, "p80_minutes", h.p80());
            ObjectNode cis = m.putObject(ci);
            Interval c50 = r.interval(h.model(), 0.5);
            Interval c80 = r.interval(h.model(), 0.8);
            cis.set("p50_minutes", Json.interval(c50.lower(), c50.upper()));
            cis.set("p80_minutes", Json.interval(c80.lower(), c80.upper()));
            ArrayNode hs = m.putArray("horizons");
            for (double p : probabilities) {
                ObjectNode e = hs.addObject();
                Json.put(e, "p", p);
                Json.put(e, "minutes", h.fitted() ? h.horizon(p) : Double.NaN);
                Interval c = r.interval(h.model(), p);
                e.set(ci, Json.interval(c.lower(), c.upper()));
            }
            if (r.bootstrap().isPresent()) {
                HorizonBootstrap b = r.bootstrap().get();
                ObjectNode bo = m.putObject("bootstrap");
                bo.put("replicates", b.replicates());
                bo.put("no_finite_fit", b.degenerate(h.model()));
                bo.put("missing", b.missing(h.model()));
            }
            if (buckets) {
                ArrayNode bs = m.putArray("success_by_length");
                for (SuccessBucket s : Horizons.successBuckets(runs, h.model(), o.weighting(), edges)) {
                    ObjectNode e = bs.addObject();
                    Json.put(e, "low_minutes", s.lowMinutes());
                    Json.put(e, "high_minutes", s.highMinutes());
                    e.put("runs", s.runs());
                    e.put("tasks", s.tasks());
                    Json.put(e, "success_rate", s.successRate());
                }
            }
            ArrayNode w = m.putArray("warnings");
            h.warnings().forEach(w::add);
        }
        if (!runs.skipped().isEmpty()) {
            ArrayNode s = root.putArray("skipped_runs");
            for (Runs.SkippedRun sr : runs.skipped()) {
                ObjectNode e = s.addObject();
                e.put("line", sr.line());
                e.put("field", sr.field());
                e.put("reason", sr.reason());
            }
        }
        ArrayNode notes = root.putArray("notes");
        runs.notes().forEach(notes::add);
        root.put("scalefit_version", Version.current());
        return root;
    }

    private String table(Runs runs, HorizonResult r, double[] edges) {
        HorizonOptions o = r.options();
        StringBuilder s = new StringBuilder();
        s.append(r.source()).append(": ").append(r.runs()).append(" runs of ").append(r.models().size()).append(" models on ")
                .append(r.tasks()).append(" tasks in ").append(r.families()).append(" families");
        if (r.humanRuns() > 0) {
            s.append("; ").append(r.humanRuns()).append(" human baseline rows left out");
        }
        s.append('\n');
        s.append("fit: logistic regression of ").append(runs.scoreField()).append(" on log2(task minutes), ")
                .append(o.weighting().label()).append(" weights, L2 ").append(Numbers.format(o.regularization(), 4))
                .append(" (C = ").append(Numbers.format(o.c(), 4)).append(")\n");
        int pct = (int) Math.round(o.confidenceLevel() * 100);
        if (r.bootstrap().isPresent()) {
            s.append("intervals: ").append(Numbers.format(o.confidenceLevel() * 100, 4)).append("% percentile, ")
                    .append(o.bootstrap()).append("-replicate bootstrap over ").append(levels(o)).append(", seed ")
                    .append(o.seed()).append('\n');
        } else {
            s.append("intervals: none (--bootstrap 0)\n");
        }
        s.append('\n');
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("model", "runs", "tasks", "score", "slope"));
        for (double p : probabilities) {
            head.add(key(p) + " (min)");
            head.add(pct + "% CI");
        }
        rows.add(head.toArray(new String[0]));
        for (ModelHorizon h : r.models()) {
            List<String> row = new ArrayList<>(List.of(h.model(), Integer.toString(h.runs()), Integer.toString(h.tasks()),
                    Numbers.format(h.averageScore(), 3), h.fitted() ? Numbers.format(h.slope(), 3) : "–"));
            if (h.fitted()) {
                for (double p : probabilities) {
                    row.add(HorizonText.minutes(h.horizon(p)));
                    row.add(HorizonText.interval(r.interval(h.model(), p), HorizonText::minutes));
                }
            } else {
                // No finite fit: say on which side of the task range the horizon lies, not a number.
                String bound = switch (h.status()) {
                    case NO_SUCCESSES -> "< " + HorizonText.minutes(h.shortestTask());
                    case ALL_SUCCESSES -> "> " + HorizonText.minutes(h.longestTask());
                    default -> "not converged";
                };
                for (int i = 0; i < probabilities.size(); i++) {
                    row.add(bound);
                    row.add("–");
                }
            }
            rows.add(row.toArray(new String[0]));
        }
        s.append(TextTable.align(rows, ""));
        if (buckets) {
            s.append("\nweighted success rate by task length (minutes):\n");
            List<String[]> b = new ArrayList<>();
            List<String> bh = new ArrayList<>(List.of("model"));
            for (int i = 0; i + 1 < edges.length; i++) {
                bh.add(Numbers.format(edges[i], 3) + "–" + Numbers.format(edges[i + 1], 3));
            }
            b.add(bh.toArray(new String[0]));
            for (ModelHorizon h : r.models()) {
                List<String> row = new ArrayList<>(List.of(h.model()));
                for (SuccessBucket sb : Horizons.successBuckets(runs, h.model(), o.weighting(), edges)) {
                    row.add(Double.isNaN(sb.successRate()) ? "–" : Numbers.format(sb.successRate(), 2));
                }
                b.add(row.toArray(new String[0]));
            }
            s.append(TextTable.align(b, ""));
        }
        List<String> warnings = new ArrayList<>();
        r.models().forEach(h -> warnings.addAll(h.warnings()));
        if (!warnings.isEmpty()) {
            s.append("\nwarnings:\n");
            for (String w : warnings) {
                s.append("  ").append(w).append('\n');
            }
        }
        return s.toString();
    }

    private static String levels(HorizonOptions o) {
        return switch (o.resampling()) {
            case FAMILY_TASK_RUN -> "families → tasks → runs";
            case TASK_RUN -> "tasks → runs";
            case TASK -> "tasks";
        };
    }
}

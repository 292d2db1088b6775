package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.scalefit.Numbers;
import org.scalefit.TextTable;
import org.scalefit.compare.Backtest;
import org.scalefit.compare.Candidate;
import org.scalefit.compare.Comparison;
import org.scalefit.compare.ComparisonOptions;
import org.scalefit.compare.Criterion;
import org.scalefit.compare.ModelComparison;
import org.scalefit.data.LoadResult;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Parameter;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit compare}: fit several laws to the same data, rank them, and say which wins and how clearly.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"compare", "runs.csv", "--x", "compute", "--y", "loss",
 *         "--laws", "power-law,offset-power-law", "--json"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Fit several laws to the same data in one residual space and rank them by AIC, AICc, BIC, "
                + "leave-one-out error and an extrapolation backtest; say which law wins and by how much evidence.",
        footer = {"", "The verdict ranks by the criterion (AICc by default). Laws within ΔAICc < 2 of the best are "
                + "equally supported: if the simplest of them is a special case of the others it wins (their extra "
                + "parameters are not supported), otherwise the answer is 'cannot tell' (JSON best = null).",
            "Information criteria are only comparable within one residual space: all laws are fitted in log space "
                + "unless --space linear is given.",
            "", "Examples:",
            "  scalefit compare runs.csv --x compute --y loss",
            "  scalefit compare runs.csv --x compute --y loss --laws power-law,offset-power-law,exponential,quadratic,broken-power-law",
            "  scalefit compare runs.csv --x compute --y loss --holdout-largest 3 --json",
            "  scalefit compare runs.csv --x compute --y loss --plot compare.png --report compare.html"})
public final class CompareCommand implements Callable<Integer> {
    static final String DEFAULT_LAWS = "power-law,offset-power-law,exponential,quadratic,broken-power-law";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    CommonOptions common;

    @Option(names = "--laws", paramLabel = "LAW[,...]", split = ",", defaultValue = DEFAULT_LAWS,
            description = "Candidate laws (default: ${DEFAULT-VALUE}).")
    List<String> laws = new ArrayList<>();

    @Option(names = "--holdout-largest", paramLabel = "K", defaultValue = "3",
            description = "Extrapolation backtest: fit on all but the K largest x and predict those (0: none; default ${DEFAULT-VALUE}).")
    int holdout;

    @Option(names = "--criterion", paramLabel = "aicc|aic|bic", defaultValue = "aicc",
            description = "Criterion the verdict ranks by (default: ${DEFAULT-VALUE}).")
    String criterion;

    @Mixin
    FitOptionsMixin fit;

    @Option(names = "--no-loo", description = "Skip the leave-one-out error (n refits per law).")
    boolean noLoo;

    @Mixin
    PlotOptions plot;

    @Mixin
    ReportOptions html;


    /** Created by picocli. */
    public CompareCommand() {
    }

    @Override
    public Integer call() {
        plot.validate(data.file);
        html.validate(data.file, plot.file());
        LoadResult loaded = data.load(false);
        Observations obs = loaded.observations();
        if (!loaded.skipped().isEmpty() && !common.quiet()) {
            spec.commandLine().getErr().println("scalefit compare: " + DataOptions.skippedNote(loaded.skipped()));
        }
        int t = fit.threads();
        List<Law> candidates = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String name : laws) {
            String key = name.trim();
            if (key.isEmpty() || seen.contains(key)) {
                continue;
            }
            seen.add(key);
            candidates.add(Laws.create(key, new Laws.Context(obs.predictorNames(), obs, OptionalDouble.empty())));
        }
        FitOptions fo = fit.toOptions();
        ComparisonOptions options = new ComparisonOptions(fo, Criterion.parse(criterion), holdout, !noLoo, 2.0, t);
        Comparison c;
        try (ProgressBar bar = common.progress(spec, "compare")) {
            c = ModelComparison.run(candidates, obs, options, bar);
        }
        org.scalefit.plot.Figure figure = null;
        if ((plot.requested() || html.requested()) && !c.ranking().isEmpty()) {
            double[] wh = plot.size(680, 460);
            figure = PlotOptions.draw(() -> org.scalefit.plot.ComparePlot.of(c, obs,
                    org.scalefit.plot.ComparePlot.Options.defaults().withSize(wh[0], wh[1]).withLogStyle(plot.logStyle())));
            if (plot.requested()) {
                plot.write(figure);
            }
        }
        if (common.json()) {
            ObjectNode json = json(c, obs);
            if (figure != null && plot.requested()) {
                plot.putJson(json, figure);
            }
            DataOptions.putSkipped(json, loaded.skipped());
            // The space every law was fitted in: --space, else the comparison's default (log for all laws).
            json.putObject("options").put("space", c.space().toString());
            Json.recordInvocation(json, spec);
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getOut().print(table(c, obs));
        }
        spec.commandLine().getOut().flush();
        if (figure != null) {
            plot.noteWritten(spec.commandLine().getErr(), "compare", common);
        }
        if (html.requested()) {
            html.write(HtmlReports.compare(spec, c, obs, table(c, obs), figure, loaded, data.file),
                    spec.commandLine().getErr(), "compare", common);
        }
        return c.ranking().isEmpty() ? Main.FIT_FAILED : Main.OK;
    }

    private static Map<String, Integer> ranks(List<Candidate> ranking, ToDoubleFunction<Candidate> score) {
        List<Candidate> sorted = new ArrayList<>(ranking);
        sorted.removeIf(c -> !Double.isFinite(score.applyAsDouble(c)));
        sorted.sort(Comparator.comparingDouble(score).thenComparing(Candidate::law));
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.put(sorted.get(i).law(), i + 1);
        }
        return out;
    }

    static String table(Comparison c, Observations obs) {
        StringBuilder s = new StringBuilder();
        String crit = c.criterion().label();
        s.append("model comparison of ").append(obs.responseColumn()).append(" on ").append(obs.predictorColumn(0))
                .append(" (").append(obs.source()).append(", ").append(obs.size()).append(" points)\n");
        s.append("  ").append(c.spaceNote()).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"rank", "law", "k", "log L", "AIC", "AICc", "BIC", "Δ" + crit, "weight", "LOO RMSE",
            "backtest RMSE"});
        for (Candidate cand : c.ranking()) {
            Fit f = cand.fit().orElseThrow();
            rows.add(new String[] {Integer.toString(cand.rank()), cand.law(), Integer.toString(f.informationParameters()),
                Numbers.format(f.logLikelihood(), 5), Numbers.format(f.aic(), 5), Numbers.format(f.aicc(), 5),
                Numbers.format(f.bic(), 5), Numbers.format(cand.delta(), 3), Numbers.format(cand.weight(), 3),
                Numbers.format(cand.looRmse(), 3), cand.backtest().available() ? Numbers.format(cand.backtest().rmse(), 3) : "—"});
        }
        s.append(TextTable.align(rows, "  "));
        s.append("  k counts the noise scale; RMSEs are of ").append(c.space().symbol("y"));
        if (c.holdout() > 0) {
            s.append("; the backtest fits all but the ").append(c.holdout()).append(" largest x and predicts those");
        }
        s.append("\n\n");
        for (Candidate cand : c.ranking()) {
            s.append("  ").append(cand.fit().orElseThrow().formulaWithValues()).append('\n');
        }
        if (!c.skipped().isEmpty()) {
            s.append("\n  skipped\n");
            for (Candidate cand : c.skipped()) {
                s.append("    - ").append(cand.law()).append(": ").append(cand.skipReason(Flags::of).orElse("")).append('\n');
            }
        }
        s.append("\n  best: ").append(c.best().orElse("cannot tell")).append('\n');
        s.append("  ").append(c.verdict()).append('\n');
        return s.toString();
    }

    static ObjectNode json(Comparison c, Observations obs) {
        ObjectNode o = Json.object();
        if (c.best().isPresent()) {
            o.put("best", c.best().get());
        } else {
            o.putNull("best");
        }
        o.put("verdict", c.verdict());
        o.put("criterion", c.criterion().label());
        o.put("space", c.space().toString());
        o.put("note", c.spaceNote());
        o.put("n", obs.size());
        o.put("holdout_largest", c.holdout());
        Map<String, Integer> rankAic = ranks(c.ranking(), x -> x.fit().orElseThrow().aic());
        Map<String, Integer> rankAicc = ranks(c.ranking(), x -> x.fit().orElseThrow().aicc());
        Map<String, Integer> rankBic = ranks(c.ranking(), x -> x.fit().orElseThrow().bic());
        Map<String, Integer> rankLoo = ranks(c.ranking(), Candidate::looRmse);
        Map<String, Integer> rankBt = ranks(c.ranking(), x -> x.backtest().rmse());
        ArrayNode ranking = o.putArray("ranking");
        for (Candidate cand : c.ranking()) {
            Fit f = cand.fit().orElseThrow();
            ObjectNode r = ranking.addObject();
            r.put("law", cand.law());
            r.put("rank", cand.rank());
            r.put("parameters", f.freeParameters());
            r.put("information_parameters", f.informationParameters());
            Json.put(r, "log_likelihood", f.logLikelihood());
            Json.put(r, "aic", f.aic());
            Json.put(r, "aicc", f.aicc());
            Json.put(r, "bic", f.bic());
            Json.put(r, "delta", cand.delta());
            Json.put(r, "weight", cand.weight());
            Json.put(r, "loo_rmse", cand.looRmse());
            r.put("loo_failed", cand.looFailed());
            Backtest b = cand.backtest();
            ObjectNode bt = r.putObject("backtest");
            bt.put("holdout", b.holdout());
            bt.put("trained_on", b.trainedOn());
            Json.put(bt, "rmse", b.rmse());
            Json.put(bt, "bias", b.bias());
            Json.put(bt, "max_error", b.maxError());
            if (!b.note().isEmpty()) {
                bt.put("note", b.note());
            }
            ObjectNode ranks = r.putObject("ranks");
            putRank(ranks, "aic", rankAic.get(cand.law()));
            putRank(ranks, "aicc", rankAicc.get(cand.law()));
            putRank(ranks, "bic", rankBic.get(cand.law()));
            putRank(ranks, "loo", rankLoo.get(cand.law()));
            putRank(ranks, "backtest", rankBt.get(cand.law()));
            r.put("formula_with_values", f.formulaWithValues());
            ObjectNode values = r.putObject("values");
            for (Parameter p : f.parameters()) {
                Json.put(values, p.name(), p.value());
            }
            ArrayNode w = r.putArray("warnings");
            f.warnings(Flags::of).forEach(w::add);
        }
        ArrayNode skipped = o.putArray("skipped");
        for (Candidate cand : c.skipped()) {
            ObjectNode s = skipped.addObject();
            s.put("law", cand.law());
            s.put("reason", cand.skipReason(Flags::of).orElse(""));
        }
        ObjectNode d = o.putObject("data");
        d.put("source", obs.source());
        d.put("x", obs.predictorColumn(0));
        d.put("y", obs.responseColumn());
        o.put("scalefit_version", Version.current());
        return o;
    }

    private static void putRank(ObjectNode node, String key, Integer rank) {
        if (rank == null) {
            node.putNull(key);
        } else {
            node.put(key, rank);
        }
    }
}

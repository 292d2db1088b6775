package org.scalefit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.TextTable;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.optimal.Allocation;
import org.scalefit.optimal.ComputeOptimal;
import org.scalefit.optimal.OptimalAllocation;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit optimal}: the compute-optimal model size, token count, tokens per parameter and loss
 * for given training budgets, from a saved Chinchilla fit ({@code scalefit fit ... --law chinchilla --json}).
 * Intervals come from the fit's covariance (delta method on the log scale), or, with
 * {@code --bootstrap N}, from N refits on rows resampled from the data the fit JSON names
 * ({@code --data} reads another path).
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"optimal", "fit.json", "--compute", "1e21,1e23", "--target-loss", "2.0", "--json"},
 *         System.out, System.err);
 * }</pre>
 */
@Command(name = "optimal", mixinStandardHelpOptions = true,
        description = "Compute-optimal allocation from a saved chinchilla fit: N_opt, D_opt, tokens per parameter and "
                + "the loss reached for each compute budget (C = 6·N·D), with intervals; and the compute needed "
                + "for a target loss.",
        footer = {"", "N_opt = G·(C/6)^a, D_opt = G^(-1)·(C/6)^b with G = (alpha·A/(beta·B))^(1/(alpha+beta)), "
                + "a = beta/(alpha+beta), b = alpha/(alpha+beta) (Hoffmann et al. 2022).",
            "Intervals: by default the delta method on the log scale from the fit's covariance; with --bootstrap N, "
                + "percentile intervals from N refits on resampled rows of the fit's data (the file recorded in the "
                + "fit JSON, or --data FILE), warm-started at the saved optimum.",
            "", "Examples:",
            "  scalefit fit chinchilla.csv --x N=params --x D=tokens --y loss --law chinchilla --loss huber:1e-3 "
                + "--starts hoffmann-grid --json > fit.json",
            "  scalefit optimal fit.json --compute 1e21,1e23,1e25",
            "  scalefit optimal fit.json --compute 5.76e23 --target-loss 2.0 --bootstrap 1000 --json",
            "  scalefit optimal fit.json --compute 1e21,5.76e23,1e25 --plot optimal.png"})
public final class OptimalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FIT.json", description = "A chinchilla fit saved by 'scalefit fit ... --json'.")
    Path fitFile;

    @Option(names = "--compute", required = true, split = ",", paramLabel = "C[,...]",
            description = "Training budgets in FLOP, e.g. 1e21,1e23,1e25.")
    List<String> compute = new ArrayList<>();

    @Option(names = "--target-loss", split = ",", paramLabel = "L[,...]",
            description = "Also report the compute needed to reach each loss.")
    List<String> targetLoss = new ArrayList<>();

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Percentile intervals from N row-resampled refits of the fit's data (instead of the delta method).")
    Integer bootstrap;

    @Option(names = "--data", paramLabel = "FILE",
            description = "With --bootstrap: the data file to resample (default: the file recorded in the fit JSON).")
    Path dataFile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = FitOptionsMixin.DEFAULT_SEED, description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    Threads threads;

    @Mixin
    PlotOptions plot;

    /** Created by picocli. */
    public OptimalCommand() {
    }

    @Override
    public Integer call() {
        plot.validate(fitFile, dataFile);
        JsonNode fitJson = readFit(fitFile);
        double[] p = parameters(fitJson);
        List<Double> budgets = numbers(compute, "--compute", true);
        List<Double> targets = numbers(targetLoss, "--target-loss", false);
        double level = fitJson.path("options").path("confidence_level").asDouble(0.95);
        OptimalAllocation allocation;
        BootstrapResult boot = null;
        String intervalNote;
        if (bootstrap != null) {
            if (bootstrap < 2) {
                throw new InvalidDataException("--bootstrap needs at least 2 replicates, got " + bootstrap);
            }
            Fit refit = refit(fitJson, p);
            int t = threads.count();
            try (ProgressBar bar = common.progress(spec, "bootstrap")) {
                boot = Bootstrap.run(refit, Resampler.rows(), bootstrap, seed, t, bar);
            }
            if (boot.succeeded() < 2) {
                throw new org.scalefit.FitFailedException("only " + boot.succeeded() + " of " + bootstrap
                        + " bootstrap refits succeeded" + (boot.failures().isEmpty() ? "" : "; first failure: " + boot.failures().get(0)));
            }
            allocation = OptimalAllocation.bootstrap(p, boot.replicates(), level);
            intervalNote = "bootstrap percentile intervals from " + boot.succeeded() + " of " + bootstrap
                    + " row-resampled refits (seed " + seed + ")";
        } else {
            double[][] cov = covariance(fitJson);
            int dof = fitJson.path("dof").asInt(0);
            if (cov != null) {
                allocation = OptimalAllocation.delta(p, cov, dof, level);
                intervalNote = "delta method on the log scale from the fit's covariance (t with " + dof + " dof)";
            } else {
                allocation = OptimalAllocation.point(p);
                intervalNote = "none: the fit carries no usable covariance";
            }
        }
        List<Allocation> rows = new ArrayList<>();
        for (double c : budgets) {
            rows.add(allocation.at(c));
        }
        List<Estimate> needed = new ArrayList<>();
        for (double l : targets) {
            needed.add(allocation.computeForLoss(l));
        }
        double largestRun = largestRunCompute(fitJson);
        org.scalefit.plot.Figure figure = null;
        if (plot.requested()) {
            double[] wh = plot.size(980, 460);
            OptimalAllocation drawn = allocation;
            figure = plot.write(PlotOptions.draw(() -> org.scalefit.plot.OptimalPlot.of(drawn, budgets, largestRun, wh[0],
                    wh[1], plot.logStyle())));
        }
        if (common.json()) {
            ObjectNode json = json(p, allocation, rows, targets, needed, boot, level, largestRun);
            if (figure != null) {
                plot.putJson(json, figure);
            }
            Json.recordInvocation(json, spec);
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getOut().print(table(p, allocation, rows, targets, needed, intervalNote, level)
                    + extrapolationNotes(rows, largestRun));
        }
        spec.commandLine().getOut().flush();
        plot.noteWritten(spec.commandLine().getErr(), "optimal", common);
        if (boot != null && boot.failed() > 0 && !common.quiet()) {
            spec.commandLine().getErr().println("scalefit optimal: " + boot.failed() + " of " + boot.requested()
                    + " bootstrap refits failed and are left out; first: " + boot.failures().get(0));
        }
        return Main.OK;
    }

    private static JsonNode readFit(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidDataException(file + " is not a fit JSON: it does not parse as JSON ("
                    + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject() || !node.has("law") || !node.has("parameters")) {
            throw new InvalidDataException(file + " is not a fit JSON from 'scalefit fit --json' (no \"law\" and \"parameters\")");
        }
        String law = node.get("law").asText();
        if (!law.equals("chinchilla")) {
            throw new InvalidDataException("optimal needs a chinchilla fit; " + file + " holds a " + law + " fit");
        }
        return node;
    }

    private double[] parameters(JsonNode fit) {
        List<String> names = new ChinchillaLaw().parameters();
        double[] p = new double[names.size()];
        for (int j = 0; j < p.length; j++) {
            JsonNode v = fit.path("parameters").path(names.get(j)).path("value");
            if (!v.isNumber()) {
                throw new InvalidDataException(fitFile + " has no value for parameter " + names.get(j));
            }
            p[j] = v.asDouble();
        }
        ComputeOptimal.of(p);
        return p;
    }

    /** The covariance the fit reported its errors from, or null when absent or not finite. */
    private static double[][] covariance(JsonNode fit) {
        JsonNode cov = fit.path("covariance");
        boolean absolute = "absolute".equals(cov.path("kind").asText());
        JsonNode m = cov.path(absolute ? "absolute" : "scaled");
        if (!m.isArray() || m.size() != 5) {
            return null;
        }
        double[][] out = new double[5][5];
        for (int a = 0; a < 5; a++) {
            JsonNode row = m.get(a);
            if (!row.isArray() || row.size() != 5) {
                return null;
            }
            for (int b = 0; b < 5; b++) {
                if (!row.get(b).isNumber()) {
                    return null;
                }
                out[a][b] = row.get(b).asDouble();
            }
        }
        return out;
    }

    /**
     * The compute 6·N·D of the fit's largest run, read from the data the fit JSON records (or {@code --data}),
     * so that a budget beyond it is called an extrapolation; NaN when that file cannot be read here.
     */
    private double largestRunCompute(JsonNode fitJson) {
        JsonNode dataSpec = fitJson.path("data").path("spec");
        if (!dataSpec.isObject()) {
            return Double.NaN;
        }
        try {
            DataOptions d = DataOptions.fromSpecJson(dataSpec, dataFile);
            if (!Files.exists(d.file())) {
                return Double.NaN;
            }
            Observations obs = d.load(false).observations();
            int n = obs.predictorNames().indexOf("N");
            int dd = obs.predictorNames().indexOf("D");
            if (n < 0 || dd < 0) {
                return Double.NaN;
            }
            double max = 0;
            for (int i = 0; i < obs.size(); i++) {
                max = Math.max(max, 6 * obs.x(n, i) * obs.x(dd, i));
            }
            return max > 0 ? max : Double.NaN;
        } catch (org.scalefit.ScalefitException e) {
            return Double.NaN; // the data moved or changed: the allocation stands, only the note is missing
        }
    }

    /** Decades of compute from the fit's largest run to a budget (negative inside the data), rounded to 0.01. */
    private static double decadesBeyond(double compute, double largestRun) {
        return Math.round(100 * Math.log10(compute / largestRun)) / 100.0;
    }

    private String extrapolationNotes(List<Allocation> rows, double largestRun) {
        if (!(largestRun > 0)) {
            return "  note: the fit's data file was not found, so how far these budgets extrapolate is not checked\n";
        }
        StringBuilder s = new StringBuilder();
        for (Allocation a : rows) {
            double decades = decadesBeyond(a.compute(), largestRun);
            if (decades >= 0.05) {
                s.append("  note: ").append(Numbers.format(a.compute(), 4)).append(" FLOP is ")
                        .append(Numbers.format(decades, 3)).append(" decades above the fit's largest run (")
                        .append(Numbers.format(largestRun, 3)).append(" FLOP): the interval assumes the law holds that far\n");
            }
        }
        return s.length() == 0 ? "" : "\n" + s;
    }

    /** The fit again, from the recorded data and options, warm-started at the saved optimum. */
    private Fit refit(JsonNode fitJson, double[] saved) {
        JsonNode dataSpec = fitJson.path("data").path("spec");
        if (!dataSpec.isObject()) {
            throw new InvalidDataException(fitFile + " does not record its data (written by an older scalefit?): "
                    + "refit with 'scalefit fit ... --json' to use --bootstrap");
        }
        DataOptions d = DataOptions.fromSpecJson(dataSpec, dataFile);
        if (dataFile == null && !Files.exists(d.file())) {
            throw new InvalidDataException("--bootstrap refits the data of " + fitFile + ", but " + d.file()
                    + " does not exist here; give it with --data FILE");
        }
        Observations obs = d.load(false).observations();
        FitOptions recorded = FitReport.readOptions(fitJson.path("options"));
        // Refits start at the saved optimum: one start, where L-BFGS is quicker than variable projection and
        // reaches the same optimum (the projection pays off when it collapses many starts into few).
        Solver solver = recorded.solver() == Solver.VARPRO ? Solver.AUTO : recorded.solver();
        FitOptions options = recorded.toBuilder().starts(Starts.warm(saved)).solver(solver).threads(1).build();
        Fit fit = Fitter.fit(new ChinchillaLaw(), obs, options);
        double[] v = fit.values();
        for (int j = 0; j < v.length; j++) {
            if (Math.abs(v[j] - saved[j]) > 1e-3 * Math.abs(saved[j]) + 1e-9) {
                if (!common.quiet()) {
                    spec.commandLine().getErr().println("scalefit optimal: refitting " + d.file() + " moved "
                            + fit.parameterNames().get(j) + " from " + Numbers.format(saved[j], 6) + " to "
                            + Numbers.format(v[j], 6) + "; is this the data of " + fitFile + "?");
                }
                break;
            }
        }
        return fit;
    }

    private static List<Double> numbers(List<String> items, String flag, boolean positive) {
        List<Double> out = new ArrayList<>();
        for (String s : items) {
            double v;
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new InvalidDataException(flag + " " + s + ": \"" + s.trim() + "\" is not a number");
            }
            if (!Double.isFinite(v) || (positive && !(v > 0))) {
                throw new InvalidDataException(flag + " " + s + ": need a " + (positive ? "positive " : "finite ") + "number");
            }
            out.add(v);
        }
        return out;
    }

    private ObjectNode json(double[] p, OptimalAllocation allocation, List<Allocation> rows, List<Double> targets,
                            List<Estimate> needed, BootstrapResult boot, double level, double largestRun) {
        ObjectNode o = Json.object();
        o.put("law", "chinchilla");
        o.put("fit", fitFile.toString());
        ObjectNode params = o.putObject("parameters");
        List<String> names = new ChinchillaLaw().parameters();
        for (int j = 0; j < p.length; j++) {
            Json.put(params, names.get(j), p[j]);
        }
        ComputeOptimal point = allocation.point();
        Json.put(o, "G", point.g());
        Json.put(o, "n_opt_exponent", point.nExponent());
        Json.put(o, "d_opt_exponent", point.dExponent());
        o.put("intervals", allocation.method());
        Json.put(o, "confidence_level", level);
        if (largestRun > 0) {
            Json.put(o, "largest_run_compute", largestRun);
        } else {
            o.putNull("largest_run_compute");
        }
        ArrayNode arr = o.putArray("rows");
        for (Allocation a : rows) {
            ObjectNode r = arr.addObject();
            Json.put(r, "compute", a.compute());
            if (largestRun > 0) {
                Json.put(r, "extrapolation_decades", decadesBeyond(a.compute(), largestRun));
            } else {
                r.putNull("extrapolation_decades");
            }
            put(r.putObject("n_opt"), a.nOpt(), allocation);
            put(r.putObject("d_opt"), a.dOpt(), allocation);
            put(r.putObject("tokens_per_param"), a.tokensPerParameter(), allocation);
            put(r.putObject("loss"), a.loss(), allocation);
        }
        if (!targets.isEmpty()) {
            ArrayNode t = o.putArray("target_loss");
            for (int i = 0; i < targets.size(); i++) {
                ObjectNode r = t.addObject();
                Json.put(r, "loss", targets.get(i));
                ObjectNode c = r.putObject("compute");
                put(c, needed.get(i), allocation);
                if (Double.isNaN(needed.get(i).value())) {
                    r.put("note", "never reached: the target is at or below E = " + Numbers.format(p[0], 6));
                }
            }
        }
        if (boot != null) {
            ObjectNode b = o.putObject("bootstrap");
            b.put("requested", boot.requested());
            b.put("succeeded", boot.succeeded());
            b.put("failed", boot.failed());
            b.put("seed", boot.seed());
            ObjectNode se = b.putObject("parameters");
            for (Estimate e : boot.parameters()) {
                ObjectNode pe = se.putObject(e.name());
                Json.put(pe, "stderr", e.stderr());
                pe.set("ci95", Json.interval(e.lower(), e.upper()));
            }
        }
        o.put("scalefit_version", Version.current());
        return o;
    }

    private static void put(ObjectNode node, Estimate e, OptimalAllocation allocation) {
        Json.put(node, "value", e.value());
        if (!allocation.method().equals("none")) {
            Json.put(node, "stderr", e.stderr());
            node.set("ci95", Json.interval(e.lower(), e.upper()));
        }
    }

    private String table(double[] p, OptimalAllocation allocation, List<Allocation> rows, List<Double> targets,
                         List<Estimate> needed, String intervalNote, double level) {
        StringBuilder s = new StringBuilder();
        ComputeOptimal point = allocation.point();
        s.append("compute-optimal allocation from ").append(fitFile).append(" (chinchilla: E = ").append(Numbers.format(p[0], 5))
                .append(", A = ").append(Numbers.format(p[1], 5)).append(", B = ").append(Numbers.format(p[2], 5))
                .append(", alpha = ").append(Numbers.format(p[3], 5)).append(", beta = ").append(Numbers.format(p[4], 5))
                .append(")\n\n");
        s.append("  N_opt = G·(C/6)^a, D_opt = G^(-1)·(C/6)^b with G = ").append(Numbers.format(point.g(), 5))
                .append(", a = ").append(Numbers.format(point.nExponent(), 4)).append(", b = ")
                .append(Numbers.format(point.dExponent(), 4)).append("\n");
        String lv = Numbers.format(100 * level, 3) + "%";
        s.append("  intervals (").append(lv).append("): ").append(intervalNote).append("\n\n");
        List<String[]> t = new ArrayList<>();
        t.add(new String[] {"compute (FLOP)", "N_opt (params)", "D_opt (tokens)", "tokens/param", "loss"});
        for (Allocation a : rows) {
            t.add(new String[] {Numbers.format(a.compute(), 4), cell(a.nOpt(), 4), cell(a.dOpt(), 4),
                cell(a.tokensPerParameter(), 4), cell(a.loss(), 5)});
        }
        s.append(TextTable.align(t, "  "));
        if (!targets.isEmpty()) {
            s.append('\n');
            List<String[]> u = new ArrayList<>();
            u.add(new String[] {"target loss", "compute needed (FLOP)"});
            for (int i = 0; i < targets.size(); i++) {
                Estimate e = needed.get(i);
                u.add(new String[] {Numbers.format(targets.get(i), 6), Double.isNaN(e.value())
                        ? "never (at or below E = " + Numbers.format(p[0], 5) + ")" : cell(e, 4)});
            }
            s.append(TextTable.align(u, "  "));
        }
        return s.toString();
    }

    private static String cell(Estimate e, int digits) {
        String v = Numbers.format(e.value(), digits);
        if (Double.isNaN(e.lower()) && Double.isNaN(e.upper())) {
            return v;
        }
        return v + " [" + Numbers.format(e.lower(), 3) + ", " + Numbers.format(e.upper(), 3) + "]";
    }
}

package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.OutputFiles;
import org.scalefit.Place;
import org.scalefit.TextTable;
import org.scalefit.data.DataSpec;
import org.scalefit.data.LoadResult;
import org.scalefit.data.Observations;
import org.scalefit.optimal.IsoFlop;
import org.scalefit.optimal.IsoFlopBootstrap;
import org.scalefit.plot.FigureWriter;
import org.scalefit.plot.ImageFormat;
import org.scalefit.reproduce.IsoFlopFigure;
import org.scalefit.stats.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit isoflop}: Hoffmann et al.'s (2022) Approach 2 on a table of final training runs — runs grouped
 * into IsoFLOP budgets, a parabola of loss in ln N per budget, N_opt ∝ C^a and D_opt ∝ C^b through the minima, read
 * off at given budgets, with bootstrap intervals over the runs within each budget.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"isoflop", "datasets/epoch2024-chinchilla-runs.csv", "--x", "N=params",
 *         "--compute", "flops", "--y", "loss", "--budgets", "hoffmann", "--at", "5.76e23"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "isoflop", mixinStandardHelpOptions = true,
        description = "IsoFLOP profiles (Hoffmann et al. 2022, Approach 2): group final training runs into compute "
                + "budgets, fit a parabola of loss in ln N per budget, then N_opt ∝ C^a and D_opt ∝ C^b (D = C/(6N)) "
                + "through the minima, read off at --at, with bootstrap intervals over the runs within each budget.",
        footer = {"", "Budgets: with --budgets each run goes to the nearest budget in log10 C when it lies within "
                + "--tolerance decades of it (default 0.1); runs further from every budget are left out and listed "
                + "(JSON excluded). Without --budgets, runs that share a compute value form a budget (a sweep at exact "
                + "budgets). --budgets hoffmann is the paper's nine: 6e18,1e19,3e19,6e19,1e20,3e20,6e20,1e21,3e21.",
            "Approach 1 (the lower envelope of loss against compute) needs every run's training curve, not final "
                + "points; Approach 3 (the joint law) is 'scalefit fit --law chinchilla' and 'scalefit optimal'.",
            "", "Examples:",
            "  scalefit isoflop datasets/epoch2024-chinchilla-runs.csv --x N=params --compute flops --y loss "
                + "--budgets hoffmann --at 5.76e23",
            "  scalefit isoflop sweep.csv --x N=params --x D=tokens --y loss --at 1e22,1e24 --json",
            "  scalefit isoflop runs.csv --x N=params --compute flops --y loss --budgets 1e19,1e20,1e21 --tolerance 0.15 "
                + "--plot isoflop.png"})
public final class IsoFlopCommand implements Callable<Integer> {
    /** Runs within this many decades of a budget belong to it unless --tolerance says otherwise. */
    static final double DEFAULT_TOLERANCE = 0.1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Final training runs: .csv, .tsv or .jsonl with a header.")
    Path file;

    @Option(names = "--x", required = true, paramLabel = "NAME=COLUMN",
            description = "N=COLUMN (parameters), and D=COLUMN (tokens) unless --compute is given; "
                    + "NAME=NUM/(FACTOR*DEN) derives a column, e.g. D=flops/(6*params).")
    List<String> x = new ArrayList<>();

    @Option(names = "--compute", paramLabel = "COLUMN", description = "Training compute column, FLOP (instead of --x D=COLUMN: C = 6·N·D).")
    String compute;

    @Option(names = "--y", required = true, paramLabel = "COLUMN", description = "Final loss column.")
    String y;

    @Option(names = "--budgets", paramLabel = "LIST",
            description = "IsoFLOP budgets in FLOP, e.g. 1e19,1e20,1e21, or 'hoffmann' for the paper's nine "
                    + "(default: runs that share a compute value form a budget).")
    String budgets;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "With --budgets: the largest |log10(C / budget)| of a run in that budget, in decades (default 0.1).")
    Double tolerance;

    @Option(names = "--at", paramLabel = "C[,C...]", split = ",",
            description = "Compute (FLOP) at which to read N_opt and D_opt off, e.g. 5.76e23 (Gopher's budget).")
    List<String> at = new ArrayList<>();

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "2000",
            description = "Resamples of the runs within each budget for the intervals; 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = FitOptionsMixin.DEFAULT_SEED,
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95", description = "Interval level (default: ${DEFAULT-VALUE}).")
    double level;

    @Mixin
    Threads threads;

    @Option(names = "--where", paramLabel = "FILTER",
            description = "Keep rows matching COLUMN OP VALUE (OP: < <= > >= == !=); repeat to combine with AND.")
    List<String> where = new ArrayList<>();

    @Option(names = "--skip-invalid", description = "Skip rows with empty or invalid cells (and report them) instead of stopping.")
    boolean skipInvalid;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw Hoffmann et al.'s Figure 3 for these runs to FILE (.png, .svg or .pdf).")
    Path plot;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "144", description = "PNG resolution, 36–1200 (default ${DEFAULT-VALUE}).")
    int dpi;

    @Mixin
    CommonOptions common;

    /** Created by picocli. */
    public IsoFlopCommand() {
    }

    /** The runs as read: model size, compute and loss of each, and where they came from. */
    private record Runs(Observations data, double[] params, double[] flops, double[] loss, String computeText) {
    }

    @Override
    public Integer call() {
        double[] readAt = numbers(at, "--at");
        checkOptions();
        LoadResult loaded = load();
        Runs runs = runs(loaded.observations());
        IsoFlop.Result fit = group(runs);
        IsoFlopBootstrap.Result boot = null;
        if (bootstrap > 0) {
            try (ProgressBar bar = common.progress(spec, "bootstrap")) {
                boot = IsoFlopBootstrap.run(fit, runs.params(), runs.loss(), readAt, bootstrap, seed, level, threads.count(), bar);
            }
        }
        if (plot != null) {
            String caption = "IsoFLOP profiles of " + runs.data().source() + ": " + fit.runsAssigned() + " runs in "
                    + fit.profiles().size() + " budgets" + (fit.excluded().isEmpty() ? "" : ", " + fit.excluded().size()
                    + " outside (grey)") + "\nparabolas in ln N and power laws fitted by scalefit (Hoffmann et al. 2022, Approach 2)";
            FigureWriter.write(IsoFlopFigure.draw(fit, runs.params(), runs.loss(), readAt.length > 0 ? readAt[0] : Double.NaN,
                    "IsoFLOP profiles of " + runs.data().source(), caption), plot, dpi, List.of(file));
        }
        if (common.json()) {
            ObjectNode json = json(runs, fit, boot, readAt, loaded);
            Json.recordInvocation(json, spec);
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getOut().print(table(runs, fit, boot, readAt, loaded));
        }
        spec.commandLine().getOut().flush();
        if (!common.quiet()) {
            if (!loaded.skipped().isEmpty()) {
                spec.commandLine().getErr().println("scalefit isoflop: " + DataOptions.skippedNote(loaded.skipped()));
            }
            if (plot != null) {
                spec.commandLine().getErr().println("scalefit isoflop: wrote " + plot);
            }
        }
        return Main.OK;
    }

    /** Every option checked before the file is read, so that a long run never ends in a bad option. */
    private void checkOptions() {
        if (tolerance != null && budgets == null) {
            throw new InvalidDataException("--tolerance applies to --budgets: give the budgets (e.g. --budgets hoffmann), "
                    + "or leave --tolerance out to group runs by their exact compute");
        }
        if (bootstrap < 0) {
            throw new InvalidDataException("--bootstrap must be ≥ 0 (0 for no intervals), got " + bootstrap);
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidDataException("--level must lie between 0 and 1, e.g. 0.95, got " + level);
        }
        threads.count();
        if (plot != null) {
            ImageFormat.of(plot);
            OutputFiles.check(plot, "plot", List.of(file));
            if (dpi < 36 || dpi > 1200) {
                throw new InvalidDataException("--dpi must be between 36 and 1200, got " + dpi);
            }
        }
    }

    /** Reads N, then D or C, and the loss, through the shared data spec (filters, derived columns, invalid rows). */
    private LoadResult load() {
        Map<String, String> specs = new LinkedHashMap<>();
        for (String s : x) {
            int eq = s.indexOf('=');
            String name = eq > 0 ? s.substring(0, eq).strip() : "";
            if (!name.equals("N") && !name.equals("D")) {
                throw new InvalidDataException("isoflop takes --x N=COLUMN (parameters) and --x D=COLUMN (tokens), got --x " + s);
            }
            if (specs.put(name, s) != null) {
                throw new InvalidDataException("--x " + name + "= is given twice");
            }
        }
        if (!specs.containsKey("N")) {
            throw new InvalidDataException("isoflop needs the model size: --x N=COLUMN");
        }
        if (specs.containsKey("D") == (compute != null)) {
            throw new InvalidDataException(compute == null ? "isoflop needs the compute: --compute COLUMN (FLOP) or --x D=COLUMN (tokens, C = 6·N·D)"
                    : "give either --compute " + compute + " or --x " + specs.get("D") + ", not both");
        }
        DataSpec.Builder b = DataSpec.builder();
        add(b, specs.get("N"));
        add(b, compute != null ? "C=" + compute : specs.get("D"));
        b.response(y);
        where.forEach(b::where);
        b.skipInvalid(skipInvalid);
        return b.build().load(file);
    }

    private static void add(DataSpec.Builder b, String spec) {
        if (DataOptions.isDerived(spec)) {
            b.derived(spec);
        } else {
            b.predictor(spec);
        }
    }

    /** The columns as arrays, with N, C (or D) &gt; 0 and a finite loss checked row by row. */
    private Runs runs(Observations o) {
        int n = o.size();
        double[] params = new double[n];
        double[] flops = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                if (!(o.x(k, i) > 0) || Double.isInfinite(o.x(k, i))) {
                    String what = k == 0 ? "model sizes N" : compute != null ? "compute" : "tokens D";
                    throw new InvalidDataException("isoflop needs " + what + " > 0: " + o.where(i, o.predictorColumn(k)) + " is "
                            + o.x(k, i), new Place(o.source(), o.row(i), o.predictorColumn(k), String.valueOf(o.x(k, i))));
                }
            }
            if (!Double.isFinite(o.y(i))) {
                throw new InvalidDataException("isoflop needs a finite loss: " + o.where(i, o.responseColumn()) + " is " + o.y(i),
                        new Place(o.source(), o.row(i), o.responseColumn(), String.valueOf(o.y(i))));
            }
            params[i] = o.x(0, i);
            flops[i] = compute != null ? o.x(1, i) : 6 * o.x(0, i) * o.x(1, i);
            loss[i] = o.y(i);
        }
        if (n < 6) {
            throw new InvalidDataException("isoflop needs at least 6 runs (2 budgets of 3 sizes), " + o.source() + " has " + n);
        }
        String c = compute != null ? "C = " + o.predictorColumn(1) : "C = 6·N·D with D = " + o.predictorColumn(1);
        return new Runs(o, params, flops, loss, c);
    }

    /** The budgets: given ones with the tolerance, or exact compute values when the runs share them. */
    private IsoFlop.Result group(Runs runs) {
        if (budgets != null) {
            double[] cs = budgets.strip().equalsIgnoreCase("hoffmann") ? IsoFlop.hoffmannBudgets()
                    : numbers(List.of(budgets.split(",")), "--budgets");
            if (cs.length == 0) {
                throw new InvalidDataException("--budgets is empty; give budgets in FLOP, e.g. --budgets 1e19,1e20,1e21");
            }
            double t = tolerance == null ? DEFAULT_TOLERANCE : tolerance;
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new InvalidDataException("--tolerance must be a number of decades > 0, e.g. 0.1, got " + t);
            }
            return IsoFlop.fit(runs.flops(), runs.params(), runs.loss(), cs, t);
        }
        double[] sorted = runs.flops().clone();
        java.util.Arrays.sort(sorted);
        int distinct = 0;
        int lonely = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i + 1;
            while (j < sorted.length && sorted[j] - sorted[i] <= 1e-9 * sorted[i]) {
                j++;
            }
            distinct++;
            lonely += j - i < 3 ? 1 : 0;
            i = j;
        }
        if (2 * lonely > distinct) {
            throw new InvalidDataException("the compute of the runs in " + runs.data().source() + " takes " + distinct
                    + " different values, " + lonely + " of them held by fewer than 3 runs: name the IsoFLOP budgets with "
                    + "--budgets (e.g. --budgets hoffmann for Hoffmann et al.'s nine, or --budgets 1e19,1e20,1e21) and "
                    + "runs within --tolerance decades (default 0.1) of one are assigned to it");
        }
        return IsoFlop.fit(runs.flops(), runs.params(), runs.loss());
    }

    private static double[] numbers(List<String> items, String flag) {
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            String s = items.get(i).strip();
            try {
                out[i] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new InvalidDataException(flag + ": \"" + s + "\" is not a number of FLOP (e.g. 1e21)");
            }
            if (!(out[i] > 0) || Double.isInfinite(out[i])) {
                throw new InvalidDataException(flag + ": " + s + " must be a finite number of FLOP > 0");
            }
        }
        return out;
    }

    private ObjectNode json(Runs runs, IsoFlop.Result fit, IsoFlopBootstrap.Result boot, double[] readAt, LoadResult loaded) {
        String ci = HorizonText.ciKey(level);
        ObjectNode root = Json.object();
        root.put("method", "isoflop");
        root.put("description", "Hoffmann et al. (2022) Approach 2: a parabola of loss in ln N per budget, N_opt at its "
                + "vertex; N_opt = k·C^a by least squares in log-log space over the budgets; D_opt = C/(6·N_opt)");
        estimate(root.putObject("a"), fit.nOpt().exponent(), boot == null ? null : boot.a(), ci);
        estimate(root.putObject("b"), fit.dOpt().exponent(), boot == null ? null : boot.b(), ci);
        Json.put(root, "n_opt_coefficient", fit.nOpt().coefficient());
        Json.put(root, "r2", fit.nOpt().r2());
        ObjectNode g = root.putObject("grouping");
        g.put("kind", budgets != null ? "nearest-budget" : "exact-compute");
        if (budgets != null) {
            Json.put(g, "tolerance_decades", fit.tolerance());
        }
        g.put("runs", runs.flops().length);
        g.put("assigned", fit.runsAssigned());
        g.put("excluded", fit.excluded().size());
        ArrayNode bs = root.putArray("budgets");
        for (IsoFlop.Profile p : fit.profiles()) {
            ObjectNode o = bs.addObject();
            Json.put(o, "compute", p.compute());
            o.put("points", p.points());
            Json.put(o, "n_opt", p.nOpt());
            Json.put(o, "d_opt", p.dOpt());
            Json.put(o, "loss_min", p.minLoss());
            o.put("valid", p.valid());
            o.put("interior", p.interior());
            if (!p.note().isEmpty()) {
                o.put("note", p.note());
            }
        }
        ArrayNode ps = root.putArray("predictions");
        for (int j = 0; j < readAt.length; j++) {
            ObjectNode o = ps.addObject();
            Json.put(o, "compute", readAt[j]);
            Json.put(o, "n_opt", fit.nOptAt(readAt[j]));
            Json.put(o, "d_opt", fit.dOptAt(readAt[j]));
            Interval n = boot == null ? Interval.none(level) : boot.nOpt().get(j);
            Interval d = boot == null ? Interval.none(level) : boot.dOpt().get(j);
            o.set("n_opt_" + ci, Json.interval(n.lower(), n.upper()));
            o.set("d_opt_" + ci, Json.interval(d.lower(), d.upper()));
            o.put("extrapolation_decades", Math.round(100 * Math.log10(readAt[j] / largestBudget(fit))) / 100.0);
        }
        ArrayNode ex = root.putArray("excluded");
        for (IsoFlop.Excluded e : fit.excluded()) {
            ObjectNode o = ex.addObject();
            o.put("row", runs.data().row(e.run()));
            Json.put(o, "compute", e.compute());
            Json.put(o, "nearest_budget", e.nearest());
            Json.put(o, "decades", e.decades());
        }
        if (boot != null) {
            ObjectNode b = root.putObject("bootstrap");
            b.put("method", "percentile; the runs within each budget resampled with replacement");
            b.put("replicates", boot.requested());
            b.put("used", boot.used());
            b.put("without_minimum", boot.withoutMinimum());
            b.put("seed", boot.seed());
            Json.put(b, "level", boot.level());
        }
        ObjectNode d = root.putObject("data");
        d.put("source", runs.data().source());
        d.put("n", runs.data().predictorColumn(0));
        d.put("compute", runs.computeText());
        d.put("y", runs.data().responseColumn());
        if (plot != null) {
            root.put("plot", plot.toString());
        }
        DataOptions.putSkipped(root, loaded.skipped());
        return root;
    }

    private static void estimate(ObjectNode node, double value, Interval ci, String key) {
        Json.put(node, "value", value);
        node.set(key, ci == null ? Json.interval(Double.NaN, Double.NaN) : Json.interval(ci.lower(), ci.upper()));
    }

    private static double largestBudget(IsoFlop.Result fit) {
        return fit.profiles().stream().filter(IsoFlop.Profile::valid).mapToDouble(IsoFlop.Profile::compute).max().orElse(Double.NaN);
    }

    private String table(Runs runs, IsoFlop.Result fit, IsoFlopBootstrap.Result boot, double[] readAt, LoadResult loaded) {
        StringBuilder s = new StringBuilder();
        String pct = Numbers.format(100 * level, 4) + "%";
        s.append("IsoFLOP profiles (Hoffmann et al. 2022, Approach 2): ").append(runs.data().source()).append(", ")
                .append(runs.flops().length).append(" runs\n");
        s.append("  ").append(runs.data().responseColumn()).append(" on N = ").append(runs.data().predictorColumn(0))
                .append(", ").append(runs.computeText()).append('\n');
        if (budgets != null) {
            s.append(String.format(Locale.ROOT, "  budgets: %d given; each run goes to the nearest within %s decade of log10 C: "
                    + "%d assigned, %d left out%n", fit.profiles().size(), Numbers.format(fit.tolerance(), 4),
                    fit.runsAssigned(), fit.excluded().size()));
        } else {
            s.append("  budgets: the ").append(fit.profiles().size()).append(" compute values the runs share\n");
        }
        s.append('\n');
        List<String[]> t = new ArrayList<>();
        t.add(new String[] {"compute (FLOP)", "runs", "N_opt (params)", "D_opt (tokens)", "loss at minimum", ""});
        for (IsoFlop.Profile p : fit.profiles()) {
            t.add(new String[] {Numbers.format(p.compute(), 4), Integer.toString(p.points()), Numbers.format(p.nOpt(), 4),
                Numbers.format(p.dOpt(), 4), Numbers.format(p.minLoss(), 5),
                !p.valid() ? "left out: " + p.note() : p.interior() ? "" : "vertex outside the sizes run (extrapolated)"});
        }
        s.append(TextTable.align(t, "  ")).append('\n');
        List<String[]> e = new ArrayList<>();
        e.add(new String[] {"", "value", pct + " interval"});
        e.add(new String[] {"a in N_opt ∝ C^a", Numbers.format(fit.nOpt().exponent(), 6), interval(boot == null ? null : boot.a())});
        e.add(new String[] {"b in D_opt ∝ C^b", Numbers.format(fit.dOpt().exponent(), 6), interval(boot == null ? null : boot.b())});
        s.append(TextTable.left(e, "  "));
        s.append("  N_opt = ").append(Numbers.format(fit.nOpt().coefficient(), 5)).append("·C^")
                .append(Numbers.format(fit.nOpt().exponent(), 5)).append(" (R² ").append(Numbers.format(fit.nOpt().r2(), 4))
                .append(" over ").append(fit.nOpt().points()).append(" budgets), D_opt = C/(6·N_opt)\n");
        if (boot != null) {
            s.append("  intervals: percentile bootstrap, ").append(boot.requested()).append(" resamples of the runs within each "
                    + "budget (seed ").append(boot.seed()).append(")");
            s.append(boot.withoutMinimum() == 0 ? "\n" : ";\n             " + boot.withoutMinimum()
                    + " resamples in which some budget had no minimum are left out\n");
        } else {
            s.append("  intervals: none (--bootstrap 0)\n");
        }
        if (readAt.length > 0) {
            s.append('\n');
            List<String[]> p = new ArrayList<>();
            p.add(new String[] {"compute (FLOP)", "N_opt (params)", "D_opt (tokens)", "tokens/param"});
            for (int j = 0; j < readAt.length; j++) {
                double n = fit.nOptAt(readAt[j]);
                double d = fit.dOptAt(readAt[j]);
                p.add(new String[] {Numbers.format(readAt[j], 4), Numbers.format(n, 4) + " " + interval(boot == null ? null
                        : boot.nOpt().get(j)), Numbers.format(d, 4) + " " + interval(boot == null ? null : boot.dOpt().get(j)),
                    Numbers.format(d / n, 4)});
            }
            s.append(TextTable.align(p, "  "));
            double far = Math.log10(readAt[readAt.length - 1] / largestBudget(fit));
            if (far > 1) {
                s.append(String.format(Locale.ROOT, "  note: %s is %.1f decades above the largest budget: the read-off assumes "
                        + "the power law keeps holding there%n", Numbers.format(readAt[readAt.length - 1], 4), far));
            }
        }
        if (!fit.excluded().isEmpty()) {
            s.append("\n  left out: ").append(fit.excluded().size()).append(" run").append(fit.excluded().size() == 1 ? "" : "s")
                    .append(" further than ").append(Numbers.format(fit.tolerance(), 4))
                    .append(" decade from every budget (JSON excluded gives their compute and distance):\n");
            StringBuilder line = new StringBuilder("    rows");
            for (int i = 0; i < fit.excluded().size(); i++) {
                String item = " " + runs.data().row(fit.excluded().get(i).run()) + (i + 1 < fit.excluded().size() ? "," : "");
                if (line.length() + item.length() > 100) {
                    s.append(line).append('\n');
                    line = new StringBuilder("        ");
                }
                line.append(item);
            }
            s.append(line).append('\n');
        }
        return s.toString();
    }

    private static String interval(Interval ci) {
        if (ci == null || Double.isNaN(ci.lower())) {
            return "";
        }
        return "[" + Numbers.format(ci.lower(), 4) + ", " + Numbers.format(ci.upper(), 4) + "]";
    }
}

package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.TextTable;
import org.scalefit.compare.SlopeComparison;
import org.scalefit.compare.SlopeOptions;
import org.scalefit.compare.SlopeResult;
import org.scalefit.data.DataSpec;
import org.scalefit.data.LoadResult;
import org.scalefit.data.Observations;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit slopes}: compare the exponents of a baseline and an improved curve, and what the difference is worth.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"slopes", "baseline.csv", "improved.csv", "--x", "compute", "--y", "loss",
 *         "--at", "1e23"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "slopes", mixinStandardHelpOptions = true,
        description = "Compare two curves: the difference of their exponents with an interval, and the compute "
                + "multiplier — how much more compute the baseline needs to match the improved curve — as a function of scale.",
        footer = {"", "The multiplier at compute C is C_b / C where the baseline reaches, at C_b, the loss the improved "
                + "curve has at C; at loss L it is C_b(L) / C_i(L). Without --at, it is given across the data and one "
                + "decade beyond. Intervals: delta method, or paired row bootstraps with --bootstrap N.",
            "", "Examples:",
            "  scalefit slopes baseline.csv improved.csv --x compute --y loss --at 1e23",
            "  scalefit slopes baseline.csv improved.csv --x compute --y loss --at 1e21,1e23,1e25 --bootstrap 1000 --json",
            "  scalefit slopes baseline.csv improved.csv --x compute --y loss --law offset-power-law --at-loss 2.1",
            "  scalefit slopes baseline.csv improved.csv --x compute --y loss --plot slopes.png"})
public final class SlopesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "Runs of the baseline recipe.")
    Path baselineFile;

    @Parameters(index = "1", paramLabel = "IMPROVED", description = "Runs of the improved recipe, same columns and units.")
    Path improvedFile;

    @Option(names = "--x", required = true, paramLabel = "COLUMN", description = "Compute column (in both files).")
    String x;

    @Option(names = "--y", required = true, paramLabel = "COLUMN", description = "Loss column (in both files).")
    String y;

    @Option(names = "--law", paramLabel = "LAW", defaultValue = "power-law",
            description = "power-law or offset-power-law (default: ${DEFAULT-VALUE}).")
    String law;

    @Option(names = "--at", paramLabel = "C[,...]", split = ",", description = "Compute values for the multiplier.")
    List<Double> at = new ArrayList<>();

    @Option(names = "--at-loss", paramLabel = "L[,...]", split = ",", description = "Loss values for the multiplier.")
    List<Double> atLoss = new ArrayList<>();

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
            description = "Paired row-bootstrap replicates for the intervals (default: delta method).")
    int bootstrap;

    @Option(names = "--where", paramLabel = "FILTER", description = "Keep rows matching COLUMN OP VALUE in both files; repeatable.")
    List<String> where = new ArrayList<>();

    @Option(names = "--skip-invalid", description = "Skip rows with invalid cells (and report them).")
    boolean skipInvalid;

    @Option(names = "--allow-unit-mismatch", description = "Compare even when the two files look like different units.")
    boolean allowMismatch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = FitOptionsMixin.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    Threads threads;

    @Mixin
    PlotOptions plot;

    /** Rows left out by --skip-invalid, in both files. */
    private final List<ObjectNode> skippedRows = new ArrayList<>();

    /** Created by picocli. */
    public SlopesCommand() {
    }

    @Override
    public Integer call() {
        int t = threads.count();
        Law l = switch (law.trim().toLowerCase(Locale.ROOT)) {
            case "power-law" -> new PowerLaw();
            case "offset-power-law" -> new OffsetPowerLaw();
            default -> throw new InvalidDataException("slopes compares power-law or offset-power-law fits, got \"" + law + "\"");
        };
        plot.validate(baselineFile, improvedFile);
        Table tb = TableReader.read(baselineFile);
        Table ti = TableReader.read(improvedFile);
        checkColumns(tb, ti);
        Observations base = load(tb);
        Observations better = load(ti);
        List<Double> computes = new ArrayList<>(at);
        if (computes.isEmpty() && atLoss.isEmpty()) {
            computes.addAll(defaultScales(base, better));
        }
        FitOptions fo = FitOptions.builder().seed(seed).build();
        SlopeResult r;
        try (ProgressBar bar = common.progress(spec, "bootstrap")) {
            r = SlopeComparison.run(base, better, new SlopeOptions(l, fo, computes, atLoss, bootstrap, t, allowMismatch), bar);
        }
        org.scalefit.plot.Figure figure = null;
        if (plot.requested()) {
            double[] wh = plot.size(980, 460);
            SlopeResult result = r;
            figure = plot.write(PlotOptions.draw(() -> org.scalefit.plot.SlopesPlot.of(result, Double.NaN, wh[0], wh[1],
                    plot.logStyle())));
        }
        if (common.json()) {
            ObjectNode json = json(r);
            if (figure != null) {
                plot.putJson(json, figure);
            }
            if (!skippedRows.isEmpty()) {
                json.putArray("skipped_rows").addAll(skippedRows);
            }
            Json.recordInvocation(json, spec);
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getOut().print(table(r));
        }
        spec.commandLine().getOut().flush();
        plot.noteWritten(spec.commandLine().getErr(), "slopes", common);
        return r.baseline().converged() && r.improved().converged() ? Main.OK : Main.FIT_FAILED;
    }

    private void checkColumns(Table tb, Table ti) {
        for (String col : List.of(x, y)) {
            boolean inB = tb.hasColumn(col);
            boolean inI = ti.hasColumn(col);
            if (inB && !inI) {
                throw new InvalidDataException(ti.source() + " has no column \"" + col + "\" (its columns: "
                        + String.join(", ", ti.columns()) + ") but " + tb.source()
                        + " has: slopes compares two files with the same columns in the same units");
            }
            if (!inB && inI) {
                throw new InvalidDataException(tb.source() + " has no column \"" + col + "\" (its columns: "
                        + String.join(", ", tb.columns()) + ") but " + ti.source()
                        + " has: slopes compares two files with the same columns in the same units");
            }
        }
    }

    private Observations load(Table table) {
        DataSpec.Builder b = DataSpec.builder().predictor(x).response(y).skipInvalid(skipInvalid);
        for (String w : where) {
            b.where(w);
        }
        LoadResult r = b.build().load(table);
        for (org.scalefit.data.SkippedRow row : r.skipped()) {
            ObjectNode o = Json.object();
            o.put("file", table.source());
            o.put("row", row.row());
            o.put("column", row.column());
            o.put("reason", row.reason());
            skippedRows.add(o);
        }
        if (!r.skipped().isEmpty() && !common.quiet()) {
            spec.commandLine().getErr().println("scalefit slopes: " + table.source() + ": " + DataOptions.skippedNote(r.skipped()));
        }
        return r.observations();
    }

    /** The largest x of both files first, then the smallest, their geometric middle, and one decade beyond. */
    private static List<Double> defaultScales(Observations a, Observations b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Observations o : List.of(a, b)) {
            for (int i = 0; i < o.size(); i++) {
                lo = Math.min(lo, o.x(i));
                hi = Math.max(hi, o.x(i));
            }
        }
        if (!(lo > 0)) {
            return List.of(hi);
        }
        return List.of(hi, lo, Math.sqrt(lo * hi), 10 * hi);
    }

    static String table(SlopeResult r) {
        StringBuilder s = new StringBuilder();
        Fit b = r.baseline();
        Fit i = r.improved();
        s.append("slope comparison of ").append(b.data().responseColumn()).append(" on ").append(b.data().predictorColumn(0))
                .append(" (").append(b.law().name()).append(")\n\n");
        s.append("  baseline  ").append(b.data().source()).append(", ").append(b.n()).append(" points: ").append(b.formulaWithValues()).append('\n');
        s.append("  improved  ").append(i.data().source()).append(", ").append(i.n()).append(" points: ").append(i.formulaWithValues()).append("\n\n");
        String level = Numbers.format(100 * b.options().confidenceLevel(), 3) + "%";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "value", "std. error", level + " interval", "method"});
        rows.add(new String[] {"alpha baseline", Numbers.format(b.value("alpha"), 5), Numbers.format(b.parameter("alpha").stderr(), 3), "", ""});
        rows.add(new String[] {"alpha improved", Numbers.format(i.value("alpha"), 5), Numbers.format(i.parameter("alpha").stderr(), 3), "", ""});
        Estimate d = r.exponentDifference();
        rows.add(new String[] {"difference", Numbers.format(d.value(), 4), Numbers.format(d.stderr(), 3),
            "[" + Numbers.format(d.lower(), 4) + ", " + Numbers.format(d.upper(), 4) + "]", d.method()});
        s.append(TextTable.align(rows, "  "));
        s.append("\n  compute multiplier (how much more compute the baseline needs)\n");
        List<String[]> m = new ArrayList<>();
        m.add(new String[] {"at", "multiplier", level + " interval", "method", "note"});
        for (SlopeResult.Multiplier x : r.multipliers()) {
            String at = (x.kind().equals("compute") ? b.data().predictorColumn(0) : b.data().responseColumn()) + " = "
                    + Numbers.format(x.at(), 4);
            if (!Double.isFinite(x.value())) {
                m.add(new String[] {at, "∞", "", "", x.note()});
            } else {
                m.add(new String[] {at, Numbers.format(x.value(), 4) + "×",
                    "[" + Numbers.format(x.lower(), 4) + ", " + Numbers.format(x.upper(), 4) + "]", x.method(), x.note()});
            }
        }
        s.append(TextTable.align(m, "  "));
        if (r.failedReplicates() > 0) {
            s.append("  ").append(r.failedReplicates()).append(" bootstrap replicates failed and are left out\n");
        }
        s.append("\n  ").append(r.verdict()).append('\n');
        return s.toString();
    }

    static ObjectNode json(SlopeResult r) {
        ObjectNode o = Json.object();
        Estimate d = r.exponentDifference();
        ObjectNode ed = o.putObject("exponent_difference");
        Json.put(ed, "value", d.value());
        Json.put(ed, "stderr", d.stderr());
        ed.set("ci95", Json.interval(d.lower(), d.upper()));
        ed.put("method", d.method());
        Json.put(ed, "alpha_baseline", r.baseline().value("alpha"));
        Json.put(ed, "alpha_improved", r.improved().value("alpha"));
        ArrayNode all = o.putArray("multipliers");
        for (SlopeResult.Multiplier m : r.multipliers()) {
            multiplier(all.addObject(), m);
        }
        if (!r.multipliers().isEmpty()) {
            multiplier(o.putObject("compute_multiplier"), r.multipliers().get(0));
        } else {
            o.putNull("compute_multiplier");
        }
        o.put("verdict", r.verdict());
        o.set("baseline", fit(r.baseline()));
        o.set("improved", fit(r.improved()));
        ObjectNode boot = o.putObject("bootstrap");
        boot.put("paired_replicates", r.pairedReplicates());
        boot.put("failed_replicates", r.failedReplicates());
        o.put("scalefit_version", Version.current());
        return o;
    }

    private static void multiplier(ObjectNode node, SlopeResult.Multiplier m) {
        node.put("kind", m.kind());
        Json.put(node, "at", m.at());
        Json.put(node, "value", m.value());
        Json.put(node, "stderr_log", m.stderr());
        node.set("ci95", Json.interval(m.lower(), m.upper()));
        node.put("method", m.method());
        if (m.note().isEmpty()) {
            node.putNull("note");
        } else {
            node.put("note", m.note());
        }
    }

    private static ObjectNode fit(Fit f) {
        ObjectNode o = Json.object();
        o.put("source", f.data().source());
        o.put("n", f.n());
        o.put("law", f.law().name());
        o.put("formula_with_values", f.formulaWithValues());
        ObjectNode a = o.putObject("alpha");
        Json.put(a, "value", f.value("alpha"));
        Json.put(a, "stderr", f.parameter("alpha").stderr());
        a.set("ci95", Json.interval(f.parameter("alpha").lower(), f.parameter("alpha").upper()));
        o.put("converged", f.converged());
        ArrayNode w = o.putArray("warnings");
        f.warnings(Flags::of).forEach(w::add);
        return o;
    }
}

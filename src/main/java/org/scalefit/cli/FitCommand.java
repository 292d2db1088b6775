package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Dates;
import org.scalefit.data.GroupIndex;
import org.scalefit.data.GroupedReader;
import org.scalefit.data.LoadResult;
import org.scalefit.data.Observations;
import org.scalefit.data.SkippedRow;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Sweep;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.IntervalMethod;
import org.scalefit.uncertainty.Resampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scalefit fit}: fit one law to one table and report parameters, intervals and diagnostics.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"fit", "runs.csv", "--x", "compute", "--y", "loss", "--law", "offset-power-law",
 *         "--bootstrap", "1000", "--predict-csv", "curve.csv"}, System.out, System.err);
 * }</pre>
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a law to a table: parameters with standard errors and intervals, R², AIC/BIC, "
                + "residual diagnostics and warnings.",
        footer = {"", "Laws: power-law (a, alpha), offset-power-law (E, A, alpha), exponential (a, b), "
                + "doubling (y0, doubling_time_days; the x column holds dates), superexponential (y0, doubling_time_days, "
                + "ratio; dates), quadratic (y0, alpha, beta: ln y quadratic in ln x), broken-power-law (a, b, c0, c1, "
                + "d1, f1), broken-power-law-2, chinchilla (E, A, B, alpha, beta; "
                + "--x N=COLUMN --x D=COLUMN), kaplan (Nc, Dc, alphaN, alphaD; --x N=COLUMN --x D=COLUMN), or a formula such as 'b1*(1-exp(-b2*x))'.",
            "", "Examples:",
            "  scalefit fit runs.csv --x compute --y loss --law offset-power-law",
            "  scalefit fit runs.csv --x compute --y loss --law power-law --loss huber:0.01 --json",
            "  scalefit fit horizons.csv --x release_date --y p50_minutes --law doubling --target 480",
            "  scalefit fit data.csv --x x --y y --law 'b1*(1-exp(-b2*x))' --start b1=500,b2=1e-4",
            "  scalefit fit runs.csv --x compute --y loss --law power-law --plot fit.png --residuals",
            "  scalefit fit runs.csv --x compute --y loss --law offset-power-law --plot fit.svg --plot-size 480x360",
            "  scalefit fit runs.csv --x compute --y loss --law power-law --bootstrap 2000 --predict 1e24,1e26",
            "  scalefit fit runs.csv --x compute --y loss --law offset-power-law --target 2.0 --report fit.html",
            "  scalefit fit runs.csv --x compute --y loss --law offset-power-law --group model --bootstrap 1000",
            "  scalefit fit chinchilla.csv --x N=params --x D=tokens --y loss --law chinchilla --loss huber:1e-3 "
                + "--starts hoffmann-grid --json > fit.json",
            "  scalefit fit runs.csv --x N=params --x 'D=compute/(6*params)' --y loss --law chinchilla --solver varpro",
            "  scalefit fit sweep.csv --x compute --y loss --law power-law --by run_id --json"})
public final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    FitOptionsMixin fitOptions;

    @Mixin
    CommonOptions common;

    @Mixin
    PlotOptions plot;

    @Mixin
    FitPlotOptions fitPlot;

    @Mixin
    ReportOptions html;

    @Option(names = "--law", required = true, paramLabel = "LAW", completionCandidates = Completions.LawNames.class,
            description = "A built-in law name or a formula.")
    String law;

    @Option(names = "--t0", paramLabel = "DATE", description = "Reference date t0 of the doubling law (default: the first date).")
    String t0;

    @Option(names = "--target", paramLabel = "Y[,...]", split = ",",
            description = "Report the x (or date) at which the fitted curve reaches each Y, with an interval.")
    List<Double> targets = new ArrayList<>();

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Refit N resampled data sets and report bootstrap intervals (parameters, derived quantities, targets, bands).")
    Integer bootstrap;

    @Option(names = "--resample", paramLabel = "PLAN", completionCandidates = Completions.Plans.class,
            description = "Bootstrap plan: rows, groups, hierarchical, residuals or parametric "
                    + "(default: hierarchical with --item, groups with --group, else rows).")
    String resample;

    @Option(names = "--interval", paramLabel = "bca|percentile", defaultValue = "bca",
            completionCandidates = Completions.IntervalKinds.class,
            description = "Bootstrap interval reported as ci95 (default: ${DEFAULT-VALUE}; JSON carries both).")
    String interval;

    @Option(names = "--predict", paramLabel = "X[,...]", split = ",",
            description = "Predict at each X (a date for the doubling law) with confidence and prediction bands.")
    List<String> predict = new ArrayList<>();

    @Option(names = "--by", paramLabel = "COLUMN[,COLUMN...]",
            description = "Fit each group of rows (same value in COLUMN, or in each of several columns) separately, "
                    + "streamed and in parallel, output in order of first appearance; JSON: {\"groups\": [...]}.")
    String by;

    @Option(names = "--output", paramLabel = "FILE",
            description = "With --by: write the compact table, one row per group (keys, each parameter with stderr and "
                    + "ci95, rss, r2, aic, n, converged, warnings), as .csv, .tsv or .jsonl; stdout then carries only --json.")
    java.nio.file.Path output;

    @Option(names = "--predict-csv", paramLabel = "FILE",
            description = "Write the fitted curve and its bands as CSV (x, fit, conf_low, conf_high, pred_low, pred_high) "
                    + "on 200 points over the data and any --predict values: delta-method bands, bootstrap bands "
                    + "with --bootstrap.")
    java.nio.file.Path predictCsv;

    @Option(names = "--test", paramLabel = "NAME=VALUE[,...]",
            description = "Test the fit against these parameter values (e.g. a published law): the likelihood-ratio test "
                    + "(squares or huber-likelihood; the others and the scale refitted) and the Wald test (bootstrap "
                    + "covariance with --bootstrap, else the fit's). JSON: likelihood_ratio_test, wald_test.")
    String test;

    /** Created by picocli. */
    public FitCommand() {
    }

    @Override
    public Integer call() {
        boolean dates = Laws.takesDates(law);
        plot.validate(data.file);
        fitPlot.validate(dates);
        html.validate(data.file, plot.file());
        if (predictCsv != null) {
            PredictCsv.validate(predictCsv, data.file, plot.file());
        }
        data.orderFor(law, Laws.predictorsOf(law));
        if (by != null) {
            return fitEachGroup(dates);
        }
        if (output != null) {
            throw new InvalidDataException("--output writes the table of a sweep and needs --by COLUMN; for one fit use --json");
        }
        LoadResult loaded = data.load(dates);
        Observations obs = loaded.observations();
        noteSkipped(loaded.skipped());
        OptionalDouble t0Day = t0 == null ? OptionalDouble.empty() : OptionalDouble.of(Dates.toEpochDay(t0));
        Law l = Laws.create(law, new Laws.Context(obs.predictorNames(), obs, t0Day));
        if (predictCsv != null && l.predictors().size() != 1) {
            throw new InvalidDataException("--predict-csv draws the curve along one predictor; " + l.name() + " takes "
                    + l.predictors().size());
        }
        FitOptions options = fitOptions.toOptions();
        IntervalMethod method = IntervalMethod.parse(interval);
        List<Double> predictAt = predictPoints(dates);
        Fit fit;
        try (ProgressBar bar = common.progress(spec, "fit")) {
            fit = Fitter.fit(l, obs, options, bar);
        }
        BootstrapResult boot = null;
        if (bootstrap != null) {
            String plan = resample != null ? resample : (obs.hasItems() ? "hierarchical" : (obs.hasGroups() ? "groups" : "rows"));
            try (ProgressBar bar = common.progress(spec, "bootstrap")) {
                boot = Bootstrap.run(fit, Resampler.named(plan, fit), bootstrap, options.seed(), fitOptions.threads(), bar);
            }
            if (boot.succeeded() == 0) {
                throw new FitFailedException("all " + boot.requested() + " bootstrap replicates failed; the first: "
                        + boot.failures().get(0));
            }
            if (boot.failed() > 0 && !common.quiet()) {
                spec.commandLine().getErr().println("scalefit fit: " + boot.failed() + " of " + boot.requested()
                        + " bootstrap replicates failed and are left out of the intervals; the first: " + boot.failures().get(0));
            }
        } else if (resample != null) {
            throw new InvalidDataException("--resample " + resample + " needs --bootstrap N");
        }
        TestReport tests = test == null ? null : new TestReport(fit, test, boot);
        int csvRows = predictCsv == null ? 0 : PredictCsv.write(predictCsv, fit, boot, predictAt, dates);
        FitReport report = new FitReport(fit, targets);
        UncertaintyReport uncertainty = new UncertaintyReport(fit, boot, method, targets, predictAt);
        org.scalefit.plot.Figure figure = plot.requested() || html.requested() ? figure(fit, boot, uncertainty, dates) : null;
        if (plot.requested()) {
            plot.write(figure);
        }
        if (common.json()) {
            ObjectNode json = report.json();
            ((ObjectNode) json.get("data")).set("spec", data.specJson());
            if (plot.requested()) {
                plot.putJson(json, figure);
            }
            uncertainty.addTo(json);
            if (tests != null) {
                tests.addTo(json);
            }
            Json.recordInvocation(json, spec);
            DataOptions.putSkipped(json, loaded.skipped());
            if (predictCsv != null) {
                ObjectNode c = json.putObject("predict_csv");
                c.put("file", predictCsv.toString());
                c.put("rows", csvRows);
                c.put("bands", boot != null ? "bootstrap-percentile" : "delta");
                c.put("level", fit.options().confidenceLevel());
            }
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getOut().print(report.table());
            spec.commandLine().getOut().print(uncertainty.table());
            if (tests != null) {
                spec.commandLine().getOut().print(tests.table());
            }
        }
        spec.commandLine().getOut().flush();
        // Notes on the files written come after the result, where a reader of the terminal looks last.
        if (!common.quiet() && !common.json()) {
            if (plot.requested()) {
                spec.commandLine().getErr().println("scalefit fit: wrote " + plot.file());
            }
            if (predictCsv != null) {
                spec.commandLine().getErr().println("scalefit fit: wrote " + predictCsv + " (" + csvRows + " rows, "
                        + (boot != null ? "bootstrap" : "delta-method") + " bands)");
            }
        }
        if (html.requested()) {
            html.write(HtmlReports.fit(spec, fit, report.table() + uncertainty.table(), uncertainty, boot, figure, loaded,
                    data.file, dates), spec.commandLine().getErr(), "fit", common);
        }
        if (!fit.converged()) {
            // An error, not a note: shown even with --quiet, since the exit code alone does not say why.
            String why = fit.startsTried() > 1 && fit.startsConverged() == 0
                    ? "none of the " + fit.startsTried() + " starts converged (the best " + fit.convergenceReason() + ")"
                    : fit.convergenceReason();
            spec.commandLine().getErr().println("scalefit fit: the fit did not converge: " + why);
            return Main.FIT_FAILED;
        }
        return Main.OK;
    }

    /** The fit's chart: data (with their bars), curve, the band the report uses, predictions and targets. */
    private org.scalefit.plot.Figure figure(Fit fit, BootstrapResult boot, UncertaintyReport uncertainty, boolean dates) {
        org.scalefit.plot.FitPlot.Options o = fitPlot.options(plot, dates).withBootstrap(boot)
                .withPredictions(uncertainty.predictions()).withTargets(uncertainty.plotTargets())
                .withBars(fitPlot.bars(data.file, fit.data()));
        try {
            return org.scalefit.plot.FitPlot.of(fit, o);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("cannot plot this fit: " + e.getMessage(), e);
        }
    }

    /**
     * {@code --by COLUMN}: every group fitted on its own, streamed (read, fitted in parallel and written in order of
     * first appearance); a failed group is reported in its row.
     */
    private int fitEachGroup(boolean dates) {
        for (String[] clash : new String[][] {{"--group", data.group}, {"--item", data.item},
                {"--bootstrap", bootstrap == null ? null : ""}, {"--plot", plot.requested() ? "" : null},
                {"--report", html.requested() ? "" : null},
                {"--predict", predict.isEmpty() ? null : ""}, {"--predict-csv", predictCsv == null ? null : ""},
                {"--resample", resample}, {"--test", test}}) {
            if (clash[1] != null) {
                throw new InvalidDataException("--by fits each group separately and cannot be combined with " + clash[0]);
            }
        }
        List<String> keys = byColumns();
        DataSpec dataSpec = data.spec(dates);
        List<String> predictorNames = dataSpec.predictors().stream().map(p -> p.name()).toList();
        List<String> parameters = Laws.parameterNames(law, predictorNames);
        OptionalDouble t0Day = t0 == null ? OptionalDouble.empty() : OptionalDouble.of(Dates.toEpochDay(t0));
        FitOptions options = fitOptions.toOptions();
        GroupedReader reader = GroupedReader.of(dataSpec, keys);
        try (GroupTableFile table = output == null ? null
                : GroupTableFile.open(output, keys, parameters, List.of(data.file()))) {
            GroupIndex index = reader.index(data.file());
            PrintWriter err = spec.commandLine().getErr();
            if (!index.sorted() && !common.quiet()) {
                GroupIndex.Reappearance back = index.reappearance().orElseThrow();
                err.println("scalefit fit: " + data.file().getFileName() + " is not sorted by " + String.join(", ", keys) + " ("
                        + String.join(", ", back.keys()) + " comes back at row " + back.row() + "); each group is fitted once "
                        + "its last row is read, which holds more in memory: sort the file by " + String.join(", ", keys)
                        + " to keep only a few groups at a time");
            }
            PrintWriter out = spec.commandLine().getOut();
            GroupFitReport report;
            GroupedReader.Summary summary;
            try (ProgressBar bar = common.progress(spec, "fit")) {
                report = common.json()
                        ? GroupFitReport.json(out, keys, targets, data.specJson(), table, bar, index.groups())
                        : GroupFitReport.text(table == null ? out : null, keys, parameters, table, bar, index.groups());
                summary = Sweep.run(reader, data.file(), index,
                        obs -> Laws.create(law, new Laws.Context(obs.predictorNames(), obs, t0Day)), options, parameters,
                        fitOptions.threads(), common.json(), report::prepare, report);
            }
            ObjectNode tail = Json.object();
            DataOptions.putSkipped(tail, summary.skipped());
            Json.recordInvocation(tail, spec);
            report.finish(tail);
            out.flush();
            if (table != null) {
                table.commit();
            }
            if (!common.quiet()) {
                noteSkipped(summary.skipped());
                if (table != null) {
                    err.println("scalefit fit: wrote " + output + " (" + table.rows() + " groups)");
                }
            }
            long failed = report.failed();
            if (failed > 0) {
                if (!common.quiet()) {
                    err.println("scalefit fit: " + failed + " of " + report.groups() + " groups failed; the first: "
                            + report.firstFailure());
                }
                return Main.FIT_FAILED;
            }
            return Main.OK;
        }
    }

    /** The {@code --by} columns: one, or several separated by commas. */
    private List<String> byColumns() {
        List<String> keys = new ArrayList<>();
        for (String k : by.split(",", -1)) {
            String name = k.strip();
            if (name.isEmpty()) {
                throw new InvalidDataException("--by " + by + ": a column name is empty; give --by COLUMN or --by COLUMN,COLUMN");
            }
            if (keys.contains(name)) {
                throw new InvalidDataException("--by " + by + ": column \"" + name + "\" is given twice");
            }
            keys.add(name);
        }
        return keys;
    }

    private List<Double> predictPoints(boolean dates) {
        List<Double> out = new ArrayList<>();
        for (String p : predict) {
            String t = p.trim();
            if (dates) {
                out.add(Dates.toEpochDay(t));
                continue;
            }
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new InvalidDataException("--predict " + t + ": \"" + t + "\" is not a finite number");
            }
        }
        return out;
    }

    private void noteSkipped(List<SkippedRow> skipped) {
        if (!skipped.isEmpty() && !common.quiet()) {
            spec.commandLine().getErr().println("scalefit fit: " + DataOptions.skippedNote(skipped));
        }
    }
}

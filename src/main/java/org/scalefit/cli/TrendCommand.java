package org.scalefit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scalefit trend}: the doubling trend of time horizons over release dates, and its alternatives.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"trend", "datasets/metr-horizons.csv", "--frontier", "--until", "2025-03-01"},
 *         System.out, System.err);
 * }</pre>
 */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "The trend of time horizons (or of any positive quantity, such as training compute) over model "
                + "release dates: OLS of ln(value) on date gives the doubling time (METR: about 7 months) and the growth "
                + "per year with their intervals and R²; a piecewise exponential with a break date and a superexponential "
                + "trend are fitted too and compared by AICc/BIC.",
        footer = {"", "Intervals: every trend is refitted to replicate sets of the horizons — bootstrap replicates when "
                + "the input is a run file (--release-dates), otherwise draws from each model's published interval "
                + "(split normal in log space), or, for points without intervals, resamples of the models. The OLS "
                + "interval reflects the scatter about the trend instead.",
            "", "Examples:",
            "  scalefit trend datasets/metr-horizons.csv --frontier",
            "  scalefit trend datasets/metr-horizons.csv --date release_date --y p50_minutes --frontier --until 2025-03-01",
            "  scalefit trend datasets/metr-horizons.csv --benchmark-version TH1.1 --frontier --since 2023-01-01 --json",
            "  scalefit trend all_runs.jsonl --release-dates release_dates.yaml --frontier",
            "  scalefit trend datasets/metr-horizons.csv --frontier --plot trend.png",
            "  scalefit trend datasets/epoch2026-notable-models-compute.csv --date publication_date "
                + "--y training_compute_flop --since 2010-01-01"})
public final class TrendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TrendInputOptions input;

    @Option(names = {"--until", "--fit-until"}, paramLabel = "DATE", description = "Fit only models released on or before DATE.")
    String until;

    @Mixin
    CommonOptions common;

    @Mixin
    PlotOptions plot;

    /** Created by picocli. */
    public TrendCommand() {
    }

    @Override
    public Integer call() {
        double u = until == null ? Double.NaN : TrendInputOptions.date("--until", until);
        plot.validate(input.file, input.releaseDates);
        TrendInputOptions.Loaded loaded = input.fit(u, label -> common.progress(spec, label));
        TrendReport report = new TrendReport(loaded);
        PrintWriter out = spec.commandLine().getOut();
        org.scalefit.plot.Figure figure = plot.requested() ? plot.write(PlotOptions.draw(() -> report.figure(plot, null,
                Double.NaN, input.y))) : null;
        if (common.json()) {
            com.fasterxml.jackson.databind.node.ObjectNode json = report.json("trend");
            if (figure != null) {
                plot.putJson(json, figure);
            }
            Json.recordInvocation(json, spec);
            out.println(Json.write(json));
        } else {
            out.print(report.table());
        }
        out.flush();
        plot.noteWritten(spec.commandLine().getErr(), "trend", common);
        if (!common.quiet() && common.json()) {
            for (String n : loaded.notes()) {
                spec.commandLine().getErr().println("scalefit trend: note: " + n);
            }
        }
        return Main.OK;
    }
}

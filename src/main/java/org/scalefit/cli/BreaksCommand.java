package org.scalefit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.Numbers;
import org.scalefit.TextTable;
import org.scalefit.compare.BreakOptions;
import org.scalefit.compare.BreakResult;
import org.scalefit.compare.BreakTest;
import org.scalefit.data.LoadResult;
import org.scalefit.data.Observations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit breaks}: are the latest points off the trend?
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"breaks", "runs.csv", "--x", "compute", "--y", "loss", "--holdout", "5"},
 *         System.out, System.err);
 * }</pre>
 */
@Command(name = "breaks", mixinStandardHelpOptions = true,
        description = "Are we off the curve? Test ordered data for a break in a power-law (or exponential / doubling) "
                + "trend: does a broken trend fit better than a single one, do the latest points fall outside the "
                + "prediction interval of the earlier trend, and where is the most likely break?",
        footer = {"", "Two checks, each at half the level (Bonferroni): the maximum over candidate breaks of the "
                + "likelihood ratio, calibrated by simulating a single trend with Gaussian noise on the same x "
                + "(not the χ² of a fixed break, which cries wolf), and Chow's predictive F test of the latest points.",
            "", "Examples:",
            "  scalefit breaks runs.csv --x compute --y loss",
            "  scalefit breaks runs.csv --x compute --y loss --holdout 5 --json",
            "  scalefit breaks horizons.csv --x release_date --y p50_minutes --law doubling",
            "  scalefit breaks runs.csv --x compute --y loss --plot breaks.png"})
public final class BreaksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    CommonOptions common;

    @Option(names = "--law", paramLabel = "TREND", defaultValue = "power-law",
            description = "power-law (ln y linear in ln x), exponential or doubling (ln y linear in x; doubling reads "
                    + "x as dates) (default: ${DEFAULT-VALUE}).")
    String law;

    @Option(names = "--holdout", paramLabel = "K", defaultValue = "0",
            description = "Latest points the prediction check holds out (default: a third of the data).")
    int holdout;

    @Option(names = "--level", paramLabel = "ALPHA", defaultValue = "0.05",
            description = "False-alarm rate of the whole test (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--simulations", paramLabel = "B", defaultValue = "999",
            description = "Simulations of the null distribution (default: ${DEFAULT-VALUE}).")
    int simulations;

    @Option(names = "--seed", paramLabel = "N", defaultValue = FitOptionsMixin.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    Threads threads;

    @Mixin
    PlotOptions plot;

    /** Created by picocli. */
    public BreaksCommand() {
    }

    @Override
    public Integer call() {
        int t = threads.count();
        plot.validate(data.file);
        BreakOptions options = new BreakOptions(law, level, holdout, simulations, seed, t);
        LoadResult loaded = data.load(options.trend().equals("doubling"));
        Observations obs = loaded.observations();
        if (!loaded.skipped().isEmpty() && !common.quiet()) {
            spec.commandLine().getErr().println("scalefit breaks: " + DataOptions.skippedNote(loaded.skipped()));
        }
        BreakResult r;
        try (ProgressBar bar = common.progress(spec, "break simulations")) {
            r = BreakTest.run(obs, options, bar);
        }
        org.scalefit.plot.Figure figure = null;
        if (plot.requested()) {
            double[] wh = plot.size(700, 470);
            BreakResult result = r;
            figure = plot.write(PlotOptions.draw(() -> org.scalefit.plot.BreakPlot.of(obs, result, options, wh[0], wh[1],
                    plot.logStyle())));
        }
        if (common.json()) {
            ObjectNode json = json(r, obs);
            if (figure != null) {
                plot.putJson(json, figure);
            }
            DataOptions.putSkipped(json, loaded.skipped());
            Json.recordInvocation(json, spec);
            spec.commandLine().getOut().println(Json.write(json));
        } else {
            spec.commandLine().getOut().print(table(r, obs));
        }
        spec.commandLine().getOut().flush();
        plot.noteWritten(spec.commandLine().getErr(), "breaks", common);
        return Main.OK;
    }

    private static boolean dates(BreakResult r) {
        return r.trend().equals("doubling");
    }

    private static String x(BreakResult r, double v) {
        return dates(r) ? java.time.LocalDate.ofEpochDay((long) Math.floor(v)).toString() : Numbers.format(v, 4);
    }

    static String table(BreakResult r, Observations obs) {
        StringBuilder s = new StringBuilder();
        String pct = Numbers.format(100 * (1 - r.level()), 3) + "%";
        s.append("break test of ").append(obs.responseColumn()).append(" on ").append(obs.predictorColumn(0)).append(" (")
                .append(obs.source()).append(", ").append(r.n()).append(" points, ").append(r.trend()).append(" trend)\n\n");
        s.append("  break detected   ").append(r.breakDetected() ? "YES" : "no").append(" (level ")
                .append(Numbers.format(r.level(), 3)).append(")\n");
        s.append("  most likely at   ").append(obs.predictorColumn(0)).append(" = ").append(x(r, r.location())).append("   ")
                .append(pct).append(" interval [").append(x(r, r.locationLower())).append(", ").append(x(r, r.locationUpper()))
                .append("]").append(r.locationAtEdge() ? " (reaches the edge of the searched range)" : "").append('\n');
        if (r.trend().equals("power-law")) {
            s.append("  exponent         ").append(Numbers.format(-r.slopeBefore(), 4)).append(" before, ")
                    .append(Numbers.format(-r.slopeAfter(), 4)).append(" after\n");
        } else {
            s.append("  doubling         every ").append(Numbers.format(Math.log(2) / r.slopeBefore(), 4)).append(" before, ")
                    .append(Numbers.format(Math.log(2) / r.slopeAfter(), 4)).append(" after").append(dates(r) ? " (days)" : " (units of x)")
                    .append('\n');
        }
        s.append("  single vs broken max likelihood ratio ").append(Numbers.format(r.likelihoodRatio(), 4)).append(", p = ")
                .append(Numbers.format(r.likelihoodPValue(), 3)).append(" (").append(r.simulations())
                .append(" simulations of a single trend); ΔAIC ").append(Numbers.format(r.deltaAic(), 3)).append(" for the break\n");
        s.append("  latest points    ").append(r.outside().size()).append(" of ").append(r.holdout())
                .append(" outside the ").append(pct).append(" prediction interval of the trend of the first ").append(r.trained())
                .append(" (").append(Numbers.format(r.expectedOutside(), 2)).append(" expected); Chow F ")
                .append(Numbers.format(r.chowF(), 4)).append(", p = ").append(Numbers.format(r.predictionPValue(), 3)).append('\n');
        if (!r.outside().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"row", obs.predictorColumn(0), obs.responseColumn(), "predicted", pct + " interval"});
            for (BreakResult.OutsidePoint p : r.outside()) {
                rows.add(new String[] {Integer.toString(p.row()), x(r, p.x()), Numbers.format(p.y(), 5),
                    Numbers.format(p.predicted(), 5), "[" + Numbers.format(p.lower(), 5) + ", " + Numbers.format(p.upper(), 5) + "]"});
            }
            s.append(TextTable.align(rows, "    "));
        }
        s.append("\n  ").append(r.verdict()).append('\n');
        return s.toString();
    }

    static ObjectNode json(BreakResult r, Observations obs) {
        ObjectNode o = Json.object();
        o.put("break_detected", r.breakDetected());
        o.put("verdict", r.verdict());
        o.put("trend", r.trend());
        o.put("n", r.n());
        Json.put(o, "level", r.level());
        ObjectNode loc = o.putObject("location");
        Json.put(loc, "x", r.location());
        loc.set("ci95", Json.interval(r.locationLower(), r.locationUpper()));
        Json.put(loc, "interval_level", 1 - r.level());
        loc.put("at_edge", r.locationAtEdge());
        if (dates(r)) {
            loc.put("date", x(r, r.location()));
            ArrayNode dates = loc.putArray("date_interval");
            dates.add(x(r, r.locationLower()));
            dates.add(x(r, r.locationUpper()));
        }
        ObjectNode lr = o.putObject("likelihood_ratio");
        Json.put(lr, "statistic", r.likelihoodRatio());
        Json.put(lr, "p_value", r.likelihoodPValue());
        lr.put("simulations", r.simulations());
        lr.put("calibration", "Monte Carlo null: the max over " + BreakTest.GRID
                + " candidate breaks under a single trend with Gaussian noise on the same x");
        Json.put(o, "delta_aic", r.deltaAic());
        ObjectNode slopes = o.putObject("slopes");
        Json.put(slopes, "before", r.slopeBefore());
        Json.put(slopes, "after", r.slopeAfter());
        Json.put(slopes, "ratio", r.slopeAfter() / r.slopeBefore());
        if (r.trend().equals("power-law")) {
            Json.put(slopes, "exponent_before", -r.slopeBefore());
            Json.put(slopes, "exponent_after", -r.slopeAfter());
        } else {
            Json.put(slopes, "doubling_before", Math.log(2) / r.slopeBefore());
            Json.put(slopes, "doubling_after", Math.log(2) / r.slopeAfter());
        }
        ObjectNode pc = o.putObject("prediction_check");
        pc.put("trained", r.trained());
        pc.put("holdout", r.holdout());
        Json.put(pc, "expected_outside", r.expectedOutside());
        Json.put(pc, "chow_f", r.chowF());
        Json.put(pc, "p_value", r.predictionPValue());
        ArrayNode out = pc.putArray("outside");
        for (BreakResult.OutsidePoint p : r.outside()) {
            ObjectNode po = out.addObject();
            po.put("row", p.row());
            Json.put(po, "x", p.x());
            Json.put(po, "y", p.y());
            Json.put(po, "predicted", p.predicted());
            po.set("interval", Json.interval(p.lower(), p.upper()));
        }
        ObjectNode d = o.putObject("data");
        d.put("source", obs.source());
        d.put("x", obs.predictorColumn(0));
        d.put("y", obs.responseColumn());
        o.put("scalefit_version", Version.current());
        return o;
    }
}

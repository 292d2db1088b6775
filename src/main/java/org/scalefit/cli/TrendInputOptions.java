package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Dates;
import org.scalefit.data.RowFilter;
import org.scalefit.horizon.Frontier;
import org.scalefit.horizon.HorizonPoint;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.HorizonTable;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.Runs;
import org.scalefit.horizon.TrendFit;
import org.scalefit.horizon.TrendKind;
import org.scalefit.horizon.TrendOptions;
import org.scalefit.horizon.Trends;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input of a trend: a table of per-model horizons (date, horizon, optional interval), or a run
 * file plus release dates, and how models are selected and the trend's intervals computed. A picocli
 * mixin of {@code trend} and {@code project}.
 *
 * <pre>{@code
 * // scalefit trend datasets/metr-horizons.csv --frontier --benchmark-version TH1.1 --since 2023-01-01
 * Main.run(new String[] {"trend", "datasets/metr-horizons.csv", "--frontier", "--benchmark-version", "TH1.1",
 *         "--since", "2023-01-01"}, System.out, System.err);
 * }</pre>
 */
public final class TrendInputOptions {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "Per-model horizons (.csv/.tsv/.jsonl), or a run file with --release-dates.")
    Path file;

    @Option(names = "--date", paramLabel = "COLUMN", defaultValue = "release_date",
            description = "Release date column (default: ${DEFAULT-VALUE}).")
    String date;

    @Option(names = "--y", paramLabel = "COLUMN", defaultValue = "p50_minutes",
            description = "The quantity's column: a horizon in minutes (a name ending in 'minutes'), or any positive "
                    + "quantity such as training compute (default: ${DEFAULT-VALUE}).")
    String y;

    @Option(names = "--quantity", paramLabel = "NAME",
            description = "What the y column measures, for the report (default: 'horizon' for minutes, else the column name).")
    String quantity;

    @Option(names = "--model", paramLabel = "COLUMN",
            description = "Model column (default: model; for a run file: alias).")
    String model;

    @Option(names = "--ci-low", paramLabel = "COLUMN",
            description = "Lower end of each horizon's interval (default: the --y name with _minutes → _ci_low, if present).")
    String ciLow;

    @Option(names = "--ci-high", paramLabel = "COLUMN",
            description = "Upper end of each horizon's interval (default: --y with _minutes → _ci_high, if present).")
    String ciHigh;

    @Option(names = "--ci-level", paramLabel = "L", defaultValue = "0.95",
            description = "Level of those published intervals (default: ${DEFAULT-VALUE}).")
    double ciLevel;

    @Option(names = "--benchmark-version", paramLabel = "V",
            description = "Keep rows whose benchmark_version is V (default: the first version in the file).")
    String version;

    @Option(names = "--where", paramLabel = "FILTER",
            description = "Keep rows matching COLUMN OP VALUE (OP: < <= > >= == !=); repeat to combine.")
    List<String> where = new ArrayList<>();

    @Option(names = "--frontier", description = "Fit only the frontier: models whose horizon is at least every earlier model's.")
    boolean frontier;

    @Option(names = "--since", paramLabel = "DATE", description = "Fit only models released on or after DATE.")
    String since;

    @Option(names = "--break-date", paramLabel = "DATE",
            description = "Break date of the piecewise trend (default: estimated from the data).")
    String breakDate;

    @Option(names = "--trends", paramLabel = "LIST", split = ",",
            description = "Trend shapes to fit: exponential, piecewise, superexponential (default: all).")
    List<String> trends = new ArrayList<>();

    @Option(names = "--replicates", paramLabel = "N", defaultValue = "1000",
            description = "Replicate sets for the intervals: parametric draws from published intervals, or bootstrap "
                    + "replicates of a run file (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", paramLabel = "S", defaultValue = FitOptionsMixin.DEFAULT_SEED, description = "Seed of the replicates (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    Threads threads;

    @Option(names = "--level", paramLabel = "L", defaultValue = "0.95", description = "Interval level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--release-dates", paramLabel = "FILE",
            description = "FILE is a run file: fit its horizons (with a bootstrap) and date them from this METR "
                    + "release_dates.yaml or model,date CSV.")
    Path releaseDates;

    @Mixin
    RunFieldOptions runOptions;

    /** Created by picocli. */
    public TrendInputOptions() {
    }

    /**
     * What was loaded and fitted.
     *
     * @param fit      the trend
     * @param source   the input file name
     * @param version  the benchmark version used, or null
     * @param notes    notes for stderr
     * @param horizons the run-based horizons, or null for a table
     * @param skipped  rows of a table left out by --skip-invalid
     * @param quantity what the y column measures
     */
    record Loaded(TrendFit fit, String source, String version, List<String> notes, HorizonResult horizons,
                  List<org.scalefit.data.SkippedRow> skipped, TrendQuantity quantity) {
    }

    /** @return what the y column measures: horizons in minutes from a run file, else by the column's name */
    TrendQuantity quantity() {
        return releaseDates != null ? TrendQuantity.of("minutes", quantity) : TrendQuantity.of(y, quantity);
    }

    /**
     * Reads the input and fits the trend.
     *
     * @param fitUntil last release date fitted (NaN: none)
     * @param bars     a progress bar for a stage of the work, by label
     * @return the fit and its context
     */
    Loaded fit(double fitUntil, Function<String, ProgressBar> bars) {
        return fit(fitUntil, Double.NaN, bars);
    }

    /**
     * Reads the input, checks that {@code projectUntil} lies after every model considered, and
     * fits the trend.
     *
     * @param fitUntil     last release date fitted (NaN: none)
     * @param projectUntil the end of a projection (NaN: no check)
     * @param bars         a progress bar for a stage of the work, by label
     * @return the fit and its context
     */
    Loaded fit(double fitUntil, double projectUntil, Function<String, ProgressBar> bars) {
        int nThreads = threads.count();
        Set<TrendKind> kinds = EnumSet.of(TrendKind.EXPONENTIAL);
        if (trends.isEmpty()) {
            kinds = EnumSet.allOf(TrendKind.class);
        } else {
            for (String t : trends) {
                kinds.add(TrendKind.parse(t));
            }
        }
        TrendOptions o = TrendOptions.defaults().withFrontier(frontier)
                .withSince(since == null ? Double.NaN : date("--since", since))
                .withUntil(fitUntil)
                .withBreakDate(breakDate == null ? Double.NaN : date("--break-date", breakDate))
                .withKinds(kinds).withReplicates(replicates).withSeed(seed).withThreads(nThreads)
                .withConfidenceLevel(level).withIntervalLevel(ciLevel);
        List<String> notes = new ArrayList<>();
        if (releaseDates != null) {
            Map<String, Double> dates = HorizonTable.releaseDates(releaseDates);
            Runs runs = runOptions.read(model == null ? "alias" : model, file);
            HorizonResult h;
            try (ProgressBar bar = bars.apply("horizon bootstrap")) {
                h = Horizons.fit(runs, runOptions.options(replicates, seed, nThreads, level), bar);
            }
            Trends.RunPoints rp = Trends.points(h, dates);
            checkAfter(rp.points(), fitUntil, projectUntil);
            for (TrendFit.Excluded e : rp.excluded()) {
                notes.add("left out " + e.model() + ": " + e.reason());
            }
            notes.addAll(runs.notes());
            for (Runs.SkippedRun sr : runs.skipped()) {
                notes.add("skipped invalid run: " + sr.reason());
            }
            try (ProgressBar bar = bars.apply("trend replicates")) {
                return new Loaded(Trends.fit(rp.points(), o, bar), runs.source(), null, notes, h, List.of(), quantity());
            }
        }
        List<RowFilter> filters = new ArrayList<>();
        for (String w : where) {
            filters.add(RowFilter.parse(w));
        }
        HorizonTable table = HorizonTable.read(file, new HorizonTable.Columns(model == null ? "model" : model, date, y,
                ciLow, ciHigh, version), filters, runOptions.skipInvalid);
        notes.addAll(table.notes(Flags::of));
        if (!table.skipped().isEmpty()) {
            notes.add(DataOptions.skippedNote(table.skipped()));
        }
        checkAfter(table.points(), fitUntil, projectUntil);
        if (!frontier && quantity().minutes() && Frontier.select(table.points()).size() < table.points().size()) {
            notes.add("fitting all models, frontier or not; add --frontier for METR's frontier trend");
        }
        try (ProgressBar bar = bars.apply("trend replicates")) {
            return new Loaded(Trends.fit(table.points(), o, bar), table.source(), table.version(), notes, null,
                    table.skipped(), quantity());
        }
    }

    /** A projection must end after the last model that can enter the fit. */
    private static void checkAfter(List<HorizonPoint> points, double fitUntil, double projectUntil) {
        if (Double.isNaN(projectUntil)) {
            return;
        }
        HorizonPoint last = null;
        for (HorizonPoint p : points) {
            if ((Double.isNaN(fitUntil) || p.date() <= fitUntil) && (last == null || p.date() > last.date())) {
                last = p;
            }
        }
        if (last != null && projectUntil <= last.date()) {
            throw new InvalidDataException("--until " + Dates.format(projectUntil) + " is not after the last model ("
                    + last.model() + ", released " + Dates.format(last.date()) + ")");
        }
    }

    static double date(String flag, String text) {
        try {
            return Dates.toEpochDay(text);
        } catch (InvalidDataException e) {
            throw new InvalidDataException(flag + " " + Flags.message(e));
        }
    }
}

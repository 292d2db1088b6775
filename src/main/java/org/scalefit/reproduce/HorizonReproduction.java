package org.scalefit.reproduce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.Cells;
import org.scalefit.data.Dates;
import org.scalefit.data.Table;
import org.scalefit.horizon.HorizonPoint;
import org.scalefit.stats.Interval;
import org.scalefit.horizon.Milestone;
import org.scalefit.horizon.Projection;
import org.scalefit.horizon.TrendFit;
import org.scalefit.horizon.TrendKind;
import org.scalefit.horizon.TrendOptions;
import org.scalefit.horizon.Trends;
import org.scalefit.plot.Figure;
import org.scalefit.plot.TrendPlot;
import org.scalefit.plot.charts.HorizonChart;

/**
 * METR's headline chart (Kwa et al. 2025, March 2025 release): task horizons of frontier models
 * against release date with an exponential trend, computed with {@link org.scalefit.horizon}. The
 * horizons are METR's published per-model p50 values with their 95% intervals (Time Horizon 1.0,
 * the bundled {@code metr-horizons.csv}), limited to models released by 2025-02-24 as in the
 * paper's chart. {@link Trends#fit} keeps the frontier models (it picks METR's 11), fits ln p50
 * against the release date by OLS as METR does, and refits 1,000 parametric replicates drawn from
 * the published intervals for the band, the doubling time's interval and the milestone dates.
 *
 * <p>Published numbers compared (real data): doubling time 212 days (≈ 7 months) for 2019–2025; and, from the same
 * frontier rule ({@link TrendOptions#withFrontier}, METR's {@code is_sota}) on METR's later releases, 207 days with o3
 * (April 2025), 196.475 and 130.801 days (TH1.1 of January 2026, all models and from 2023), 187.778 and 128.744 days
 * (TH1.1's later release, {@code metr-horizons-th1.1-latest.csv}).
 *
 * <pre>{@code
 * FigureResult r = new HorizonReproduction().run(Datasets.locate());
 * }</pre>
 */
public final class HorizonReproduction implements Reproduction {
    /** METR's published horizons (issue 5's data set). */
    public static final String HORIZONS = "metr-horizons.csv";
    /** METR's later Time Horizon 1.1 release, with its newest models. */
    public static final String LATEST = "metr-horizons-th1.1-latest.csv";
    /** The benchmark version of the March 2025 paper. */
    public static final String VERSION = "TH1.0";
    /** Last release date in the March 2025 chart (Claude 3.7 Sonnet). */
    public static final LocalDate CUTOFF = LocalDate.of(2025, 2, 24);
    /** The labels METR prints next to its points; other points are unlabelled. */
    private static final Map<String, String> LABELS = Map.of("GPT-2", "GPT 2", "davinci-002 (GPT-3)", "GPT 3",
            "gpt-3.5-turbo-instruct", "GPT 3.5", "GPT-4 0314", "GPT 4", "GPT-4o", "GPT 4o", "o1", "o1",
            "Claude 3.7 Sonnet", "Sonnet 3.7");

    /** Creates the reproduction. */
    public HorizonReproduction() {
    }

    @Override
    public String id() {
        return "metr-horizons";
    }

    @Override
    public FigureResult run(Datasets data) {
        Table horizons = data.table(HORIZONS);
        List<HorizonPoint> points = read(horizons, VERSION, CUTOFF.toEpochDay());
        TrendOptions options = TrendOptions.defaults().withFrontier(true).withKinds(EnumSet.of(TrendKind.EXPONENTIAL))
                .withThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        TrendFit trend = Trends.fit(points, options);
        List<HorizonPoint> used = trend.used();

        // METR's own view: their x limits (figs.yaml) and a task-length axis from 0.5 s to 8 hours.
        double from = LocalDate.of(2018, 9, 3).toEpochDay();
        double to = LocalDate.of(2027, 1, 1).toEpochDay();

        List<Milestone> wanted = List.of(Milestone.parse("8h"), Milestone.parse("40h"), Milestone.parse("167h"));
        String[] names = {"work day", "work week", "work month"};
        Projection projection = Projection.of(trend, wanted, new double[0]);
        List<PublishedComparison> numbers = new ArrayList<>();
        Interval dt = trend.doublingTimeInterval();
        numbers.add(PublishedComparison.published(DataKind.REAL, "doubling time (days)", trend.doublingTimeDays(), dt.lower(),
                dt.upper(), 212, "Kwa et al. (2025): \"doubling every 7 months\" (212 days, 2019–2025)",
                "interval: refits on 1,000 draws from the published per-model intervals"));
        double perMonth = 365.2425 / 12;
        numbers.add(PublishedComparison.published(DataKind.REAL, "doubling time (months)", trend.doublingTimeDays() / perMonth,
                dt.lower() / perMonth, dt.upper() / perMonth, 7, "Kwa et al. (2025), headline", ""));
        numbers.add(PublishedComparison.published(DataKind.REAL, "R² (ln p50 on date)", trend.r2(), Double.NaN, Double.NaN,
                Double.NaN, "METR report R² 0.97 for the April 2025 update with o3 (not this data)", ""));
        List<Projection.MilestoneDate> dates = projection.milestones(TrendKind.EXPONENTIAL);
        for (int i = 0; i < dates.size(); i++) {
            Projection.MilestoneDate m = dates.get(i);
            numbers.add(PublishedComparison.published(DataKind.REAL, "date the trend reaches 1 " + names[i] + " ("
                    + Math.round(m.milestone().minutes() / 60) + " h), as a decimal year", decimalYear(m.date()),
                    decimalYear(m.interval().lower()), decimalYear(m.interval().upper()), Double.NaN,
                    i == 2 ? "Kwa et al. (2025) project a one-month horizon between late 2028 and early 2031"
                            : "projection; no published number", ""));
        }

        numbers.addAll(laterTrends(horizons, data.table(LATEST), options.withReplicates(TrendOptions.defaults().replicates())));

        Figure figure = TrendPlot.of(trend, TrendPlot.Options.defaults().withRange(from, to, 0.5 / 60, 8 * 60)
                .withLabels(LABELS).withAlternatives(false)
                .withTitle("The length of tasks AI can do is doubling every "
                        + HorizonChart.months(trend.doublingTimeDays() / perMonth) + " months")
                .withSource("Data: METR's published 50% horizons (Time Horizon 1.0, Kwa et al. 2025); trend and band "
                        + "fitted by scalefit; milestone dates in the report"));
        List<String> notes = List.of(
                "Horizons: METR's published per-model results (Time Horizon 1.0) for the " + points.size()
                        + " models released by " + CUTOFF + "; " + trend.excluded().size() + " are not on the frontier "
                        + "(a later release with a shorter horizon than an earlier one) and are left out, as METR does.",
                String.format(Locale.ROOT, "Trend: OLS of ln p50 on the release date over %d frontier models, R² = %.3f "
                        + "(org.scalefit.horizon); band, doubling-time interval and milestone intervals: %d refits on "
                        + "draws from the published per-model intervals (%s).", used.size(), trend.r2(),
                        trend.replicateCount(), trend.uncertainty().code()),
                "Milestones are working time: 8 h (day), 40 h (week), 167 h (month), as METR counts them.",
                "METR's later trends: the same frontier rule (a model enters when its horizon is at least every earlier "
                        + "model's; METR's is_sota) on the TH1.0 rows up to o3, on the TH1.1 rows of January 2026 (which "
                        + "reuse three TH1.0 measurements: 'stitched'), and on TH1.1's later release ("
                        + LATEST + "); from-2023 trends keep models released on or after 2023-01-01. METR's own "
                        + "intervals come from its task bootstrap over the runs; ours from the published per-model "
                        + "intervals, so only the point estimates are compared.");
        return new FigureResult(id(), "Length of tasks AI can do against model release date",
                "Kwa et al. (2025), METR headline figure", figure, numbers, notes,
                List.of(data.describe(HORIZONS)));
    }

    /** METR's doubling times after the paper, each recomputed with the frontier rule from the published horizons. */
    private static List<PublishedComparison> laterTrends(Table horizons, Table latest, TrendOptions options) {
        double since2023 = LocalDate.of(2023, 1, 1).toEpochDay();
        double o3 = LocalDate.of(2025, 4, 16).toEpochDay();
        String th11 = "METR benchmark_results_1_1.yaml (January 2026)";
        String later = "METR benchmark_results_1_1.yaml, later release (IAPS-AI mirror c59c78b)";
        Object[][] sets = {
            {"doubling time, TH1.0 with o3 (to 2025-04-16)", horizons, "TH1.0", Double.NaN, o3, 207.0,
                "METR's chart of April 2025: \"Doubling time: 207 days\" (R² 0.97)"},
            {"doubling time, TH1.1 all models (stitched)", horizons, "TH1.1", Double.NaN, Double.NaN, 196.475, th11 + ", all_time_stitched"},
            {"doubling time, TH1.1 from 2023", horizons, "TH1.1", since2023, Double.NaN, 130.801, th11 + ", from_2023_on [107.3, 161.4]"},
            {"doubling time, TH1.1 latest release, all models", latest, "TH1.1", Double.NaN, Double.NaN, 187.778, later + ", all_time_stitched"},
            {"doubling time, TH1.1 latest release, from 2023", latest, "TH1.1", since2023, Double.NaN, 128.744, later
                + ", from_2023_on [104.4, 158.0]"}};
        List<PublishedComparison> out = new ArrayList<>();
        for (Object[] set : sets) {
            TrendOptions o = options.withSince((double) set[3]);
            TrendFit fit = Trends.fit(read((Table) set[1], (String) set[2], (double) set[4]), o);
            Interval ci = fit.doublingTimeInterval();
            out.add(PublishedComparison.published(DataKind.REAL, (String) set[0], fit.doublingTimeDays(), ci.lower(), ci.upper(),
                    (double) set[5], (String) set[6], fit.used().size() + " frontier models; interval: refits on draws from the "
                            + "published per-model intervals"));
        }
        return out;
    }

    /** The rows of one benchmark version released by the cutoff (NaN: all), with their published intervals. */
    static List<HorizonPoint> read(Table t, String wanted, double cutoff) {
        int version = t.hasColumn("benchmark_version") ? t.columnIndex("benchmark_version") : -1;
        int name = t.columnIndex("model");
        int date = t.columnIndex("release_date");
        int p = t.columnIndex("p50_minutes");
        int lo = t.columnIndex("p50_ci_low");
        int hi = t.columnIndex("p50_ci_high");
        List<HorizonPoint> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (version >= 0 && !t.cell(r, version).strip().equals(wanted)) {
                continue;
            }
            double day = Cells.epochDay(t, r, date);
            if (day > cutoff) {
                continue;
            }
            out.add(HorizonPoint.of(t.cell(r, name).strip(), day, Cells.number(t, r, p))
                    .withInterval(Cells.number(t, r, lo), Cells.number(t, r, hi)));
        }
        return out;
    }

    private static double decimalYear(double epochDay) {
        return Double.isFinite(epochDay) ? Dates.toDecimalYear(epochDay) : Double.NaN;
    }
}

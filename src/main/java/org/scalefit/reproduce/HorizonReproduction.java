package org.scalefit.reproduce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scalefit.data.Cells;
import org.scalefit.data.Observations;
import org.scalefit.data.Table;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Parameter;
import org.scalefit.model.DoublingTrend;
import org.scalefit.plot.charts.HorizonChart;
import org.scalefit.uncertainty.DeltaMethodBand;
import org.scalefit.uncertainty.PointwiseBand;

/**
 * METR's headline chart (Kwa et al. 2025, March 2025 release): task horizons of frontier models
 * against release date with an exponential trend. The horizons are METR's published per-model p50
 * values with their 95% intervals (Time Horizon 1.0), typed into the bundled data set. Frontier
 * models are those whose horizon beats every earlier model's (this picks METR's 11 exactly); the
 * trend is a {@link DoublingTrend} fitted in log space, i.e. OLS of ln p50 on the release date as
 * METR does, with a delta-method band and projected dates for a work day, week and month.
 *
 * <p>Published numbers compared: doubling time 212 days (≈ 7 months) for 2019–2025.
 *
 * <pre>{@code
 * FigureResult r = new HorizonReproduction().run(Datasets.locate());
 * }</pre>
 */
public final class HorizonReproduction implements Reproduction {
    /** METR's published horizons of the models in the March 2025 headline chart. */
    public static final String HORIZONS = "metr2025-headline-horizons.csv";
    private static final double WORK_DAY = 8 * 60;
    private static final double WORK_WEEK = 40 * 60;
    private static final double WORK_MONTH = 167 * 60;

    /** Creates the reproduction. */
    public HorizonReproduction() {
    }

    @Override
    public String id() {
        return "metr-horizons";
    }

    /** One row of the horizons table. */
    record Row(String name, String label, double day, double p50, double low, double high) {
    }

    @Override
    public FigureResult run(Datasets data) {
        List<Row> rows = read(data.table(HORIZONS));
        List<Row> frontier = frontier(rows);
        int n = frontier.size();
        double[] days = new double[n];
        double[] p50 = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = frontier.get(i).day();
            p50[i] = frontier.get(i).p50();
        }
        Observations obs = Observations.builder().source(HORIZONS).predictor("release_date", days)
                .response("p50_minutes", p50).build();
        DoublingTrend law = new DoublingTrend(days[0]);
        Fit fit = Fitter.fit(law, obs, FitOptions.defaults());

        double from = LocalDate.of(2018, 9, 3).toEpochDay();
        double to = LocalDate.of(2030, 1, 1).toEpochDay();
        int grid = 300;
        double[] gx = new double[grid];
        for (int i = 0; i < grid; i++) {
            gx[i] = from + (to - from) * i / (grid - 1);
        }
        PointwiseBand band = DeltaMethodBand.of(fit, gx);
        HorizonChart.Trend trend = new HorizonChart.Trend(gx, band.center(), band.lower(), band.upper(), days[0],
                days[n - 1]);

        List<HorizonChart.Milestone> milestones = new ArrayList<>();
        List<Comparison> numbers = new ArrayList<>();
        Parameter t = fit.parameter("doubling_time_days");
        numbers.add(new Comparison("doubling time (days)", t.value(), t.lower(), t.upper(), 212,
                "Kwa et al. (2025): \"doubling every 7 months\" (212 days, 2019–2025)",
                "interval from the delta method; METR's comes from a hierarchical bootstrap"));
        Estimate months = fit.derived("doubling_time_months");
        numbers.add(new Comparison("doubling time (months)", months.value(), months.lower(), months.upper(), 7,
                "Kwa et al. (2025), headline", ""));
        numbers.add(new Comparison("R² (ln p50 on date)", fit.r2(), Double.NaN, Double.NaN, Double.NaN,
                "METR report R² 0.97 for the April 2025 update with o3 (not this data)", ""));
        String[] names = {"work day", "work week", "work month"};
        double[] minutes = {WORK_DAY, WORK_WEEK, WORK_MONTH};
        for (int i = 0; i < 3; i++) {
            Optional<Estimate> at = fit.solveForX(minutes[i]);
            double d = at.map(Estimate::value).orElse(Double.NaN);
            double lo = at.map(Estimate::lower).orElse(Double.NaN);
            double hi = at.map(Estimate::upper).orElse(Double.NaN);
            milestones.add(new HorizonChart.Milestone(names[i], minutes[i], d, lo, hi));
            numbers.add(new Comparison("date the trend reaches 1 " + names[i] + " (" + Math.round(minutes[i] / 60)
                    + " h), as a decimal year", decimalYear(d), decimalYear(lo), decimalYear(hi),
                    Double.NaN, i == 2 ? "Kwa et al. (2025) project a one-month horizon between late 2028 and early 2031"
                            : "projection; no published number", ""));
        }

        List<HorizonChart.Model> models = new ArrayList<>();
        for (Row r : frontier) {
            models.add(new HorizonChart.Model(r.name(), r.label(), r.day(), r.p50(), r.low(), r.high(),
                    r.label().equals("GPT 4")));
        }
        String fitNote = LocalDate.ofEpochDay((long) days[0]) + "+ data, " + n + " frontier models";
        HorizonChart.Input input = new HorizonChart.Input(models, trend, milestones, t.value(), fit.r2(), fitNote,
                "Data: METR's published 50% horizons (Time Horizon 1.0, Kwa et al. 2025); trend, band and "
                        + "projections fitted by scalefit", from, to, 0.5 / 60, 60 * 24 * 31);
        List<String> notes = List.of(
                "Horizons typed from METR's published per-model results (Time Horizon 1.0) for the " + rows.size()
                        + " models of the March 2025 chart; " + (rows.size() - n) + " are not frontier (a later release "
                        + "with a shorter horizon than an earlier one) and are left out, as METR does.",
                String.format(Locale.ROOT, "Trend: %s, fitted in log space (OLS of ln p50 on date), R² = %.3f; "
                        + "band: 95%% delta-method band of the mean trend.", fit.formulaWithValues(), fit.r2()),
                "Milestones are working time: 8 h (day), 40 h (week), 167 h (month), as METR counts them.");
        return new FigureResult(id(), "Length of tasks AI can do against model release date",
                "Kwa et al. (2025), METR headline figure", HorizonChart.draw(input), numbers, notes,
                List.of(data.describe(HORIZONS)));
    }

    static List<Row> read(Table t) {
        int name = t.columnIndex("model");
        int label = t.hasColumn("label") ? t.columnIndex("label") : -1;
        int date = t.columnIndex("release_date");
        int p = t.columnIndex("p50_minutes");
        int lo = t.columnIndex("p50_ci_low");
        int hi = t.columnIndex("p50_ci_high");
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            rows.add(new Row(t.cell(r, name), label < 0 ? "" : t.cell(r, label), Cells.epochDay(t, r, date),
                    Cells.number(t, r, p), Cells.number(t, r, lo), Cells.number(t, r, hi)));
        }
        rows.sort(Comparator.comparingDouble(Row::day));
        return rows;
    }

    /** Models whose horizon exceeds that of every model released before them. */
    static List<Row> frontier(List<Row> byDate) {
        List<Row> out = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Row r : byDate) {
            if (r.p50() > best) {
                out.add(r);
                best = r.p50();
            }
        }
        return out;
    }

    private static double decimalYear(double epochDay) {
        return Double.isFinite(epochDay) ? org.scalefit.data.Dates.toDecimalYear(epochDay) : Double.NaN;
    }
}

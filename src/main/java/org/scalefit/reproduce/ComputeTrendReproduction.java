package org.scalefit.reproduce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.Cells;
import org.scalefit.data.Dates;
import org.scalefit.data.Table;
import org.scalefit.horizon.HorizonPoint;
import org.scalefit.horizon.TrendFit;
import org.scalefit.horizon.TrendKind;
import org.scalefit.horizon.TrendOptions;
import org.scalefit.horizon.Trends;
import org.scalefit.model.DoublingTrend;
import org.scalefit.plot.charts.ComputeTrendChart;
import org.scalefit.plot.charts.XY;
import org.scalefit.stats.Interval;

/**
 * The talk's "3× to 10× gains per year", measured where public data allow: the training compute of the notable AI
 * models in Epoch AI's database against their publication date, fitted by era with the same exponential trend as
 * {@code scalefit trend} (OLS of ln compute on the date; doubling time ln 2/slope, growth per year e^(365.2425·slope),
 * 95% t-intervals from the slope). Eras as the papers define them: 1952–2009 and 2010 – February 2022 (Sevilla et al.
 * 2022: doubling about every 20 and 6 months), and 2010 to the end of the snapshot (Epoch AI 2024: 4–5× a year; their
 * data insight 4.7×, 90% CI 4.3–5.2, on the 428 notable models since 2010).
 *
 * <p>What the data show is growth in the compute spent on notable models, not that training or inference gets
 * cheaper; the report says so.
 *
 * <pre>{@code
 * FigureResult r = new ComputeTrendReproduction().run(Datasets.locate());
 * }</pre>
 */
public final class ComputeTrendReproduction implements Reproduction {
    /** Epoch AI's notable models with a training-compute estimate (CC-BY 4.0). */
    public static final String MODELS = "epoch2026-notable-models-compute.csv";
    private static final String SEVILLA = "Sevilla et al. (2022)";

    /** Creates the reproduction. */
    public ComputeTrendReproduction() {
    }

    @Override
    public String id() {
        return "epoch-compute-trends";
    }

    /**
     * One era's trend.
     *
     * @param fit  the trend over the era's models
     * @param from first day of the era
     * @param to   last day of the era
     */
    private record Era(TrendFit fit, double from, double to) {
        double growth() {
            return growthPerYear(fit.doublingTimeDays());
        }

        Interval growthInterval() {
            Interval d = fit.doublingTimeOlsInterval();
            return new Interval(growthPerYear(d.upper()), growthPerYear(d.lower()));
        }

        double months() {
            return fit.doublingTimeDays() / Dates.DAYS_PER_MONTH;
        }

        Interval monthsInterval() {
            Interval d = fit.doublingTimeOlsInterval();
            return new Interval(d.lower() / Dates.DAYS_PER_MONTH, d.upper() / Dates.DAYS_PER_MONTH);
        }
    }

    private static double growthPerYear(double doublingDays) {
        return DoublingTrend.growthPerYear(doublingDays);
    }

    @Override
    public FigureResult run(Datasets data) {
        Table t = data.table(MODELS);
        int name = t.columnIndex("model");
        int date = t.columnIndex("publication_date");
        int flop = t.columnIndex("training_compute_flop");
        int top10 = t.columnIndex("frontier_top10");
        List<HorizonPoint> all = new ArrayList<>();
        List<HorizonPoint> frontier = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            HorizonPoint p = HorizonPoint.of(t.cell(r, name).strip(), Cells.epochDay(t, r, date), Cells.number(t, r, flop));
            all.add(p);
            if (t.cell(r, top10).strip().equals("1")) {
                frontier.add(p);
            }
        }
        double start = day(1952, 1, 1);
        double dl = day(2010, 1, 1);
        double lastDay = all.stream().mapToDouble(HorizonPoint::date).max().orElseThrow();
        Era pre = era(all, start, dl - 1);
        Era deep = era(all, dl, day(2022, 3, 1) - 1);
        Era since2010 = era(all, dl, lastDay);
        Era top = era(frontier, dl, lastDay);

        List<PublishedComparison> numbers = new ArrayList<>();
        String peer = "SciPy peer (bench/peers/compute_trends.py): ";
        numbers.add(PublishedComparison.published(DataKind.REAL, "doubling time 1952–2009 (months)", pre.months(),
                pre.monthsInterval().lower(), pre.monthsInterval().upper(), 20, SEVILLA + ": \"roughly every 20 months\" before 2010",
                peer + "21.28; " + pre.fit().used().size() + " models"));
        numbers.add(PublishedComparison.published(DataKind.REAL, "growth per year 1952–2009 (×)", pre.growth(),
                pre.growthInterval().lower(), pre.growthInterval().upper(), Double.NaN, SEVILLA + " (20 months ≈ 1.5× a year)",
                peer + "1.478"));
        numbers.add(PublishedComparison.published(DataKind.REAL, "doubling time 2010 – Feb 2022 (months)", deep.months(),
                deep.monthsInterval().lower(), deep.monthsInterval().upper(), 6,
                SEVILLA + ": \"approximately every 6 months\" in the deep-learning era", peer + "6.02; "
                        + deep.fit().used().size() + " models"));
        numbers.add(PublishedComparison.published(DataKind.REAL, "growth per year 2010 – Feb 2022 (×)", deep.growth(),
                deep.growthInterval().lower(), deep.growthInterval().upper(), Double.NaN, SEVILLA + " (6 months ≈ 4× a year)",
                peer + "3.98"));
        numbers.add(PublishedComparison.published(DataKind.REAL, "growth per year since 2010 (×), all notable models",
                since2010.growth(), since2010.growthInterval().lower(), since2010.growthInterval().upper(), 4.7,
                "Epoch AI (2024): 4–5× a year; data insight 4.7× (90% CI 4.3–5.2) on 428 notable models",
                peer + "4.679 [4.15, 5.27]; " + since2010.fit().used().size() + " models to "
                        + Dates.format(lastDay)));
        numbers.add(PublishedComparison.published(DataKind.REAL, "doubling time since 2010 (months)", since2010.months(),
                since2010.monthsInterval().lower(), since2010.monthsInterval().upper(), Double.NaN,
                "Epoch AI (2024) (4.7× a year ≈ 5.4 months)", peer + "5.39"));
        numbers.add(PublishedComparison.published(DataKind.REAL, "growth per year since 2010 (×), top 10 by compute when published",
                top.growth(), top.growthInterval().lower(), top.growthInterval().upper(), Double.NaN,
                "Epoch AI (2024): the frontier grows at a similar 4–5× a year", peer + "4.005; " + top.fit().used().size()
                        + " models"));

        List<ComputeTrendChart.Era> eras = List.of(
                new ComputeTrendChart.Era("before 2010 (" + pre.fit().used().size() + " models)", points(pre.fit().used())),
                new ComputeTrendChart.Era("2010 on (" + since2010.fit().used().size() + " models)",
                        points(since2010.fit().used())));
        List<ComputeTrendChart.Trend> trends = List.of(
                new ComputeTrendChart.Trend(label("1952–2009", pre), line(pre), false),
                new ComputeTrendChart.Trend(label("2010 – Feb 2022", deep), line(deep), true),
                new ComputeTrendChart.Trend(label("2010 – " + Dates.format(lastDay).substring(0, 7), since2010), line(since2010),
                        false));
        ComputeTrendChart.Input input = new ComputeTrendChart.Input(eras, trends,
                "Data: Epoch AI, \"Data on AI Models\" (CC-BY 4.0), notable models with a training-compute estimate;\n"
                        + "trends: OLS of ln compute on publication date per era, fitted by scalefit (95% t-intervals)");
        List<String> notes = List.of(
                "Data: the " + all.size() + " notable models with a training-compute estimate in Epoch AI's \"Data on AI "
                        + "Models\" (snapshot of 2026-04-01, CC-BY 4.0; datasets/" + MODELS + "), 1950 to "
                        + Dates.format(lastDay) + ". Eras: publication date from 1952-01-01 to 2009-12-31, from 2010-01-01 "
                        + "to 2022-02-28 (the end of Sevilla et al.'s data) and from 2010-01-01 to the end; the top-10 "
                        + "subset is Epoch's compute rank at publication (recorded from late 2015).",
                "Method: the exponential trend of the horizon trends (org.scalefit.horizon.Trends, as the trend command "
                        + "fits it): OLS of ln(training compute) on the publication date; doubling time ln 2/slope, growth "
                        + "per year e^(365.2425·slope) = 2^(365.2425 days / doubling); 95% intervals from the slope's "
                        + "t-interval.",
                "What this does and does not show about the talk's \"3× to 10× gains per year\": these data measure how "
                        + "fast the training compute spent on notable models grows (about 4–5× a year since 2010) — growth "
                        + "in spending times hardware price-performance. They do not show that training or inference gets "
                        + "3–10× cheaper per year: that needs the compute (or price) needed for a fixed capability over time "
                        + "(algorithmic-efficiency estimates, price-per-token series), which this table does not hold.",
                String.format(Locale.ROOT, "Fit quality: R² %.2f (1952–2009), %.2f (2010 – Feb 2022), %.2f (2010 on): the "
                        + "scatter about each trend is wide (about %.1f orders of magnitude, 1 s.d., since 2010), so the "
                        + "intervals are for the average growth, not for any one model.", pre.fit().r2(), deep.fit().r2(),
                        since2010.fit().r2(), Math.sqrt(since2010.fit().exponential().rss() / (since2010.fit().used().size() - 2))
                                / Math.log(10)));
        return new FigureResult(id(), "Training compute of notable AI models against publication date, by era",
                SEVILLA + " and Epoch AI (2024), compute trends", ComputeTrendChart.draw(input), numbers, notes,
                List.of(data.describe(MODELS)));
    }

    private static double day(int y, int m, int d) {
        return LocalDate.of(y, m, d).toEpochDay();
    }

    /** The exponential trend over the models published from {@code from} to {@code to} (inclusive), OLS intervals only. */
    private static Era era(List<HorizonPoint> points, double from, double to) {
        TrendOptions o = TrendOptions.defaults().withKinds(EnumSet.of(TrendKind.EXPONENTIAL)).withReplicates(0)
                .withSince(from).withUntil(to).withThreads(1);
        return new Era(Trends.fit(points, o), from, to);
    }

    private static XY points(List<HorizonPoint> used) {
        return new XY(used.stream().mapToDouble(HorizonPoint::date).toArray(),
                used.stream().mapToDouble(HorizonPoint::minutes).toArray());
    }

    private static XY line(Era e) {
        double a = e.fit().used().get(0).date();
        double b = e.fit().used().get(e.fit().used().size() - 1).date();
        int n = 50;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
            y[i] = e.fit().exponential().horizonAt(x[i]);
        }
        return new XY(x, y);
    }

    private static String label(String span, Era e) {
        Interval g = e.growthInterval();
        return String.format(Locale.ROOT, "%s: %.2f× a year [%.2f, %.2f], doubling %.1f months", span, e.growth(), g.lower(),
                g.upper(), e.months());
    }
}

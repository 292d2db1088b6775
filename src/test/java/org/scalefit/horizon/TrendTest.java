package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Dates;
import org.scalefit.data.Observations;
import org.scalefit.data.RowFilter;
import org.scalefit.data.Table;
import org.scalefit.data.TableReader;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.DoublingTrend;
import org.scalefit.model.Space;
import org.scalefit.stats.Interval;

/**
 * Trend fits on METR's published horizons reproduce METR's doubling times, and on exact synthetic
 * curves recover the truth: the exponential's doubling time, the piecewise break, the
 * superexponential's ratio, and the dates milestones are reached.
 */
class TrendTest {
    static final Path DATA = Path.of("datasets/metr-horizons.csv");

    static List<HorizonPoint> metr(String version) {
        return HorizonTable.read(DATA, new HorizonTable.Columns("model", "release_date", "p50_minutes", null, null, version),
                List.of()).points();
    }

    private static TrendOptions frontier(String since, String until) {
        return TrendOptions.defaults().withFrontier(true).withThreads(2)
                .withSince(since == null ? Double.NaN : Dates.toEpochDay(since))
                .withUntil(until == null ? Double.NaN : Dates.toEpochDay(until));
    }

    @Test
    void paperEraTh10FrontierDoublesEverySevenMonths() {
        // METR (Kwa et al. 2025): frontier models 2019 – Claude 3.7 Sonnet (Feb 2025), "about 7 months", 95% CI 171–249 days.
        TrendFit f = Trends.fit(metr("TH1.0"), frontier("2019-01-01", "2025-03-01").withKinds(EnumSet.of(TrendKind.EXPONENTIAL)));
        assertEquals(11, f.used().size());
        assertEquals(212.2, f.doublingTimeDays(), 0.1);
        assertEquals(6.97, f.doublingTimeDays() / Dates.DAYS_PER_MONTH, 0.01);
        assertEquals(0.980, f.r2(), 0.001);
        Interval ci = f.doublingTimeInterval();
        assertEquals(UncertaintySource.PUBLISHED_INTERVALS, f.uncertainty());
        assertTrue(ci.lower() > 150 && ci.lower() < 185 && ci.upper() > 225 && ci.upper() < 265, ci.toString());
    }

    @Test
    void th11DoublingTimesEqualMetrsPublishedEstimates() {
        // benchmark_results_1_1.yaml: doubling_time_in_days all_time_stitched 196.475, from_2023_on 130.801 [107.334, 161.422].
        TrendFit all = Trends.fit(metr("TH1.1"), frontier(null, null).withKinds(EnumSet.of(TrendKind.EXPONENTIAL)));
        assertEquals(196.475, all.doublingTimeDays(), 0.01);
        TrendFit since2023 = Trends.fit(metr("TH1.1"), frontier("2023-01-01", null).withKinds(EnumSet.of(TrendKind.EXPONENTIAL)));
        assertEquals(130.801, since2023.doublingTimeDays(), 0.01);
        assertEquals(11, since2023.used().size());
        Interval ci = since2023.doublingTimeInterval();
        assertTrue(ci.contains(130.8) && ci.lower() > 95 && ci.lower() < 120 && ci.upper() > 140 && ci.upper() < 180,
                "ours " + ci + " against METR's [107.3, 161.4]");
    }

    @Test
    void frontierSelectionIsMetrsIsSota() {
        Table t = TableReader.read(DATA);
        for (String version : List.of("TH1.0", "TH1.1")) {
            List<String> frontier = Frontier.select(metr(version)).stream().map(HorizonPoint::model).toList();
            List<String> sota = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                if (t.cell(r, "benchmark_version").equals(version) && t.cell(r, "frontier").equals("true")) {
                    sota.add(t.cell(r, "model"));
                }
            }
            assertEquals(sota.stream().sorted().toList(), frontier.stream().sorted().toList(), version);
        }
        // Same-day releases: o3 and o4-mini (2025-04-16); only the better one is on the frontier.
        assertTrue(Frontier.isFrontier(metr("TH1.0"), "o3"));
        assertFalse(Frontier.isFrontier(metr("TH1.0"), "o4-mini"));
    }

    @Test
    void exponentialOlsEqualsTheFittingEnginesDoublingTrend() {
        List<HorizonPoint> pts = Frontier.select(metr("TH1.0"));
        TrendFit f = Trends.fit(pts, TrendOptions.defaults().withKinds(EnumSet.of(TrendKind.EXPONENTIAL)).withReplicates(0));
        double[] t = pts.stream().mapToDouble(HorizonPoint::date).toArray();
        double[] h = pts.stream().mapToDouble(HorizonPoint::minutes).toArray();
        Fit fit = Fitter.fit(new DoublingTrend(t[0]), Observations.builder().predictor("t", t).response("p50", h).build(),
                FitOptions.builder().space(Space.LOG).build());
        assertEquals(fit.value("doubling_time_days"), f.doublingTimeDays(), 1e-6 * f.doublingTimeDays());
        assertEquals(fit.r2(), f.r2(), 1e-9);
        assertEquals(fit.rss(), f.exponential().rss(), 1e-9);
        assertEquals(UncertaintySource.PUBLISHED_INTERVALS, f.uncertainty());
        assertEquals(0, f.replicateCount());
    }

    /** Exact points on a curve: one model every 60 days from 2019-01-01. */
    private static List<HorizonPoint> exact(java.util.function.DoubleUnaryOperator lnH, int n) {
        List<HorizonPoint> pts = new ArrayList<>();
        double t0 = Dates.toEpochDay("2019-01-01");
        for (int i = 0; i < n; i++) {
            double t = t0 + 60 * i;
            pts.add(HorizonPoint.of("m" + i, t, Math.exp(lnH.applyAsDouble(t))));
        }
        return pts;
    }

    @Test
    void exactExponentialGivesItsDoublingTimeAndMilestoneDates() {
        double t0 = Dates.toEpochDay("2019-01-01");
        List<HorizonPoint> pts = exact(t -> Math.log(0.5) + Math.log(2) * (t - t0) / 212, 30);
        TrendFit f = Trends.fit(pts, TrendOptions.defaults().withReplicates(0));
        assertEquals(212, f.doublingTimeDays(), 1e-9);
        assertEquals(1, f.r2(), 1e-12);
        TrendCurve c = f.exponential();
        // 0.5 min → 480 min is log2(960) doublings of 212 days.
        assertEquals(t0 + 212 * Math.log(960) / Math.log(2), c.dateReaching(480), 1e-6);
        assertEquals(480, c.horizonAt(c.dateReaching(480)), 1e-9);
        Projection p = Projection.of(f, Milestone.defaults(), new double[] {t0 + 212});
        assertEquals(1.0, p.horizons(TrendKind.EXPONENTIAL).get(0).minutes(), 1e-9);
        assertEquals(5 * f.kinds().size(), p.milestones().size());
    }

    @Test
    void piecewiseRecoversAKnownBreak() {
        double tb = Dates.toEpochDay("2022-06-01");
        List<HorizonPoint> pts = exact(t -> t < tb ? Math.log(2) * (t - tb) / 300 : Math.log(2) * (t - tb) / 120, 40);
        TrendFit f = Trends.fit(pts, TrendOptions.defaults().withReplicates(0));
        TrendCurve c = f.curve(TrendKind.PIECEWISE).orElseThrow();
        assertEquals(tb, c.breakDate(), 0.5);
        assertEquals(300, c.doublingTimeDays(tb - 100), 0.5);
        assertEquals(120, c.doublingTimeDays(tb + 100), 0.2);
        assertEquals(TrendKind.PIECEWISE, f.comparison().stream().min((a, b) -> Double.compare(a.aicc(), b.aicc())).get().kind());
        TrendFit fixed = Trends.fit(pts, TrendOptions.defaults().withReplicates(0).withBreakDate(tb));
        assertEquals(0, fixed.curve(TrendKind.PIECEWISE).orElseThrow().rss(), 1e-12);
        assertEquals(4, fixed.curve(TrendKind.PIECEWISE).orElseThrow().informationParameters());
    }

    @Test
    void superexponentialRecoversTheRatioOfSuccessiveDoublingTimes() {
        double tEnd = Dates.toEpochDay("2019-01-01") + 60 * 29;
        // Doubling time 150 days at the end, each doubling 0.9 × the previous one.
        List<HorizonPoint> pts = exact(t -> Math.log(300) + Math.log(2)
                * org.scalefit.model.SuperexponentialTrend.doublings(t - tEnd, 150, Math.log(0.9)), 30);
        TrendFit f = Trends.fit(pts, TrendOptions.defaults().withReplicates(0));
        TrendCurve c = f.curve(TrendKind.SUPEREXPONENTIAL).orElseThrow();
        assertEquals(0.9, c.ratio(), 1e-4);
        assertEquals(150, c.doublingTimeDays(tEnd), 0.05);
        assertEquals(tEnd + 150 / -Math.log(0.9), c.singularityDate(), 2);
        assertEquals(TrendKind.SUPEREXPONENTIAL, f.comparison().stream().min((a, b) -> Double.compare(a.aicc(), b.aicc())).get().kind());
        // Milestones beyond the singularity's horizon are all reached before it.
        assertTrue(c.dateReaching(1e12) < c.singularityDate());
    }

    @Test
    void replicateIntervalsAreIdenticalOnAnyNumberOfThreads() {
        List<HorizonPoint> pts = metr("TH1.0");
        TrendOptions o = frontier("2019-01-01", null).withReplicates(300).withSeed(4);
        TrendFit a = Trends.fit(pts, o.withThreads(1));
        TrendFit b = Trends.fit(pts, o.withThreads(4));
        double day = Dates.toEpochDay("2028-01-01");
        for (TrendKind k : TrendKind.values()) {
            assertEquals(a.band(k, day), b.band(k, day), k.label());
            assertEquals(a.milestoneInterval(k, 480), b.milestoneInterval(k, 480), k.label());
        }
        assertEquals(a.doublingTimeInterval(), b.doublingTimeInterval());
        assertArrayEquals(new int[] {0, 0, 0}, new int[] {a.failedReplicates(TrendKind.EXPONENTIAL),
            a.failedReplicates(TrendKind.PIECEWISE), a.failedReplicates(TrendKind.SUPEREXPONENTIAL)});
    }

    @Test
    void badInputIsReportedInOneLine() {
        List<HorizonPoint> one = List.of(HorizonPoint.of("a", 100, 1), HorizonPoint.of("b", 200, 0.5));
        assertEquals("a trend needs at least 2 frontier models, found 1 (of 2 models)", assertThrows(InvalidDataException.class,
                () -> Trends.fit(one, TrendOptions.defaults().withFrontier(true))).getMessage());
        List<HorizonPoint> sameDay = List.of(HorizonPoint.of("a", 100, 1), HorizonPoint.of("b", 100, 2));
        assertEquals("all 2 models have the same release date 1970-04-11: there is no trend to fit",
                assertThrows(InvalidDataException.class, () -> Trends.fit(sameDay, TrendOptions.defaults())).getMessage());
        List<HorizonPoint> twice = List.of(HorizonPoint.of("a", 100, 1), HorizonPoint.of("a", 200, 2));
        assertEquals("model \"a\" appears twice; give each model once",
                assertThrows(InvalidDataException.class, () -> Trends.fit(twice, TrendOptions.defaults())).getMessage());
        assertEquals("the date range is empty: --until is before --since", org.scalefit.TestFlags.message(assertThrows(
                InvalidDataException.class, () -> TrendOptions.defaults().withSince(200).withUntil(100))));
        TrendFit few = Trends.fit(List.of(HorizonPoint.of("a", 100, 1), HorizonPoint.of("b", 300, 2), HorizonPoint.of("c", 500, 5)),
                TrendOptions.defaults());
        assertTrue(few.notFittedReason(TrendKind.PIECEWISE).orElseThrow().startsWith("needs at least 3 models"));
        assertEquals("needs at least 5 models, found 3", few.notFittedReason(TrendKind.SUPEREXPONENTIAL).orElseThrow());
        assertEquals(UncertaintySource.NONE, few.uncertainty());
    }

    @Test
    void datasetFiltersAndVersions() {
        HorizonTable t = HorizonTable.read(DATA, HorizonTable.Columns.defaults(), List.of());
        assertEquals("TH1.0", t.version());
        assertEquals(33, t.points().size());
        assertEquals(List.of("metr-horizons.csv holds TH1.0 and TH1.1 results; using TH1.0 (choose with --benchmark-version)"),
                t.notes(org.scalefit.TestFlags::of));
        HorizonTable th11 = HorizonTable.read(DATA, HorizonTable.Columns.defaults(), List.of(RowFilter.parse("benchmark_version==TH1.1")));
        assertEquals("TH1.1", th11.version());
        assertEquals(17, th11.points().size());
        assertTrue(th11.notes().isEmpty());
        HorizonPoint gpt4 = t.points().stream().filter(p -> p.model().equals("GPT-4 0314")).findFirst().orElseThrow();
        assertEquals(5.35186, gpt4.minutes());
        assertEquals(2.515004, gpt4.lower());
        assertEquals(10.267319, gpt4.upper());
        assertEquals(Dates.toEpochDay("2023-03-14"), gpt4.date());
    }
}

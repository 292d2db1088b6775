package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Dates;
import org.scalefit.stats.Interval;

/**
 * The intervals of {@code horizon}, {@code trend} and {@code project}, each against an oracle computed
 * without our interval code.
 *
 * <p><b>p50 and p80 horizon intervals</b> (METR's per-model bootstrap): the oracle is the replicates
 * themselves. Each bootstrap replicate's logistic coefficients (b₀, b₁) are turned into a p-horizon by
 * the closed form 2^((logit p − b₀)/b₁) written here, and the 2.5% / 97.5% percentiles are taken by the
 * type-7 quantile written here ({@link #percentile}); the interval the library reports must be exactly
 * that, for p = 0.5 and for p = 0.8 (a p80 interval computed at p = 0.5 is off by the factor
 * 2^(logit 0.8 / b₁) ≈ 4 for these slopes).
 *
 * <p><b>Doubling-time intervals, milestone dates, horizons on dates</b> (METR's published TH1.0 table):
 * {@code bench/oracles/trend_intervals.py} → {@code oracles/trend_intervals.json}. The OLS interval is
 * {@code scipy.stats.linregress} with {@code scipy.stats.t} mapped to ln 2/b — exact, checked to 1e-9. The
 * draw-based intervals are the percentiles of 400,000 NumPy draws from the published per-model
 * intervals (split normal in ln minutes) refitted by vectorised OLS; ours come from 20,000 draws of
 * our own generator, so they agree within Monte-Carlo error: each end is checked to 4 Monte-Carlo
 * standard errors of a 20,000-draw percentile (the script measures that spread), a false-alarm rate
 * below 1e-4 per end. A one-sided quantile (5%/95% for a 95% interval) moves the doubling-time ends by
 * 4–6 days against a tolerance of 1–1.5 days.
 */
class HorizonIntervalOracleTest {
    private static final JsonNode ORACLE = load();

    private static JsonNode load() {
        try (InputStream in = HorizonIntervalOracleTest.class.getResourceAsStream("/oracles/trend_intervals.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Type-7 (linear interpolation) percentile of the non-NaN values: NumPy's and R's default. */
    static double percentile(double[] values, double q) {
        double[] s = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return h == lo ? s[lo] : s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    @Test
    void p50AndP80IntervalsAreThePercentilesOfTheReplicateHorizons() {
        SyntheticRuns syn = SyntheticRuns.metrLike(5);
        HorizonResult r = Horizons.fit(syn.runs, HorizonOptions.defaults().withBootstrap(200).withSeed(3).withThreads(2));
        HorizonBootstrap boot = r.bootstrap().orElseThrow();
        int checked = 0;
        for (ModelHorizon m : r.models()) {
            if (!m.fitted()) {
                continue;
            }
            double[] b0 = boot.intercepts(m.model());
            double[] b1 = boot.slopes(m.model());
            for (double p : new double[] {0.5, 0.8}) {
                double[] h = new double[b0.length];
                int degenerate = 0;
                for (int b = 0; b < h.length; b++) {
                    h[b] = Math.pow(2, (Math.log(p / (1 - p)) - b0[b]) / b1[b]);
                    if (Double.isNaN(h[b])) {
                        degenerate++;
                    }
                }
                Interval ci = r.interval(m.model(), p);
                assertEquals(0, degenerate, m.model() + ": every replicate fitted (else the closed form is not the whole story)");
                assertEquals(percentile(h, 0.025), ci.lower(), 1e-9 * ci.lower(), m.model() + " p" + Math.round(100 * p) + " lower");
                assertEquals(percentile(h, 0.975), ci.upper(), 1e-9 * ci.upper(), m.model() + " p" + Math.round(100 * p) + " upper");
                checked++;
            }
            // the size relation as a reader sees it: a p80 horizon and its interval lie below the p50 ones
            assertTrue(r.interval(m.model(), 0.8).upper() < r.interval(m.model(), 0.5).upper(), m.model());
        }
        assertEquals(24, checked, "12 models × 2 probabilities");
    }

    private static TrendFit metrTrend(JsonNode c, int replicates) {
        HorizonTable table = HorizonTable.read(Path.of("datasets/metr-horizons.csv"), HorizonTable.Columns.defaults(), List.of());
        TrendFit fit = Trends.fit(table.points(), TrendOptions.defaults().withFrontier(true)
                .withUntil(Dates.toEpochDay(c.get("until").asText())).withKinds(EnumSet.of(TrendKind.EXPONENTIAL))
                .withReplicates(replicates).withThreads(2));
        List<String> used = fit.used().stream().map(HorizonPoint::model).toList();
        List<String> expected = new ArrayList<>();
        c.get("models").forEach(n -> expected.add(n.asText()));
        assertEquals(expected, used, "our frontier is METR's `frontier` column");
        return fit;
    }

    private static void assertWithinMonteCarlo(JsonNode o, Interval ours, String what) {
        double n = ORACLE.get("draws").asDouble() / ORACLE.get("replicates_for_mc_se").asDouble();
        for (int k = 0; k < 2; k++) {
            double expected = o.get("interval").get(k).asDouble();
            double tol = 4 * o.get("mc_se").get(k).asDouble() * Math.sqrt(1 + 1 / n);
            double actual = k == 0 ? ours.lower() : ours.upper();
            assertEquals(expected, actual, tol, what + (k == 0 ? " lower" : " upper"));
        }
    }

    @Test
    void olsDoublingTimeIntervalMatchesLinregress() {
        for (String which : new String[] {"paper", "all"}) {
            JsonNode c = ORACLE.get(which);
            TrendFit fit = metrTrend(c, 0);
            JsonNode ols = c.get("ols");
            assertEquals(ols.get("doubling_days").asDouble(), fit.doublingTimeDays(), 1e-9 * fit.doublingTimeDays(), which);
            Interval i = fit.doublingTimeOlsInterval();
            assertEquals(ols.get("interval").get(0).asDouble(), i.lower(), 1e-9 * i.lower(), which + " OLS lower");
            assertEquals(ols.get("interval").get(1).asDouble(), i.upper(), 1e-9 * i.upper(), which + " OLS upper");
        }
    }

    @Test
    void drawBasedDoublingMilestoneAndHorizonIntervalsMatchNumpyDraws() {
        for (String which : new String[] {"paper", "all"}) {
            JsonNode c = ORACLE.get(which);
            TrendFit fit = metrTrend(c, 20_000);
            JsonNode draws = c.get("draws");
            assertWithinMonteCarlo(draws.get("doubling_days"), fit.doublingTimeInterval(), which + " doubling time");
            List<Milestone> milestones = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            List<Double> dates = new ArrayList<>();
            draws.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("milestone ")) {
                    milestones.add(Milestone.parse(name.substring("milestone ".length())));
                    keys.add(name);
                } else if (name.startsWith("horizon on ")) {
                    dates.add(Dates.toEpochDay(name.substring("horizon on ".length())));
                }
            });
            Projection p = Projection.of(fit, milestones, dates.stream().mapToDouble(Double::doubleValue).toArray());
            List<Projection.MilestoneDate> ms = p.milestones(TrendKind.EXPONENTIAL);
            for (int k = 0; k < ms.size(); k++) {
                assertWithinMonteCarlo(draws.get(keys.get(k)), ms.get(k).interval(), which + " " + keys.get(k));
            }
            for (Projection.HorizonAt h : p.horizons(TrendKind.EXPONENTIAL)) {
                assertWithinMonteCarlo(draws.get("horizon on " + Dates.format(h.date())), h.interval(),
                        which + " horizon on " + Dates.format(h.date()));
            }
            assertEquals(milestones.size() + dates.size(), p.milestones(TrendKind.EXPONENTIAL).size()
                    + p.horizons(TrendKind.EXPONENTIAL).size());
        }
    }

    @Test
    void everyTrendIntervalIsThePercentileOfItsReplicateCurves() {
        TrendFit fit = metrTrend(ORACLE.get("all"), 1000);
        List<TrendCurve> curves = new ArrayList<>();
        fit.interval(TrendKind.EXPONENTIAL, c -> {
            curves.add(c);
            return 0;
        });
        assertEquals(1000, curves.size());
        double day2027 = Dates.toEpochDay("2027-01-01");
        double[] doubling = curves.stream().mapToDouble(c -> Math.log(2) / c.slopePerDay()).toArray();
        double[] date8h = curves.stream().mapToDouble(c -> c.dateReaching(480)).toArray();
        double[] at2027 = curves.stream().mapToDouble(c -> c.horizonAt(day2027)).toArray();
        assertTrue(Arrays.stream(doubling).allMatch(d -> d > 0), "every replicate rises");
        assertInterval(doubling, fit.doublingTimeInterval(), "doubling time");
        assertInterval(date8h, fit.milestoneInterval(TrendKind.EXPONENTIAL, 480), "date of 8 h");
        assertInterval(at2027, fit.band(TrendKind.EXPONENTIAL, day2027), "horizon on 2027-01-01");
    }

    private static void assertInterval(double[] values, Interval i, String what) {
        assertEquals(percentile(values, 0.025), i.lower(), 1e-12 * Math.abs(i.lower()), what + " lower");
        assertEquals(percentile(values, 0.975), i.upper(), 1e-12 * Math.abs(i.upper()), what + " upper");
        assertEquals(values.length, i.used());
    }
}

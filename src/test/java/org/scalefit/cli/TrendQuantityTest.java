package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code trend} and {@code project} on a quantity that is not a task horizon — the training compute of Epoch AI's
 * notable models — against the SciPy peer {@code bench/peers/compute_trends.py} ({@code peers/compute-trends.json});
 * growth per year beside every doubling time; METR's own export with its {@code benchmark} column.
 */
class TrendQuantityTest {
    private static final String MODELS = "datasets/epoch2026-notable-models-compute.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode era(String name) throws IOException {
        try (InputStream in = TrendQuantityTest.class.getResourceAsStream("/peers/compute-trends.json")) {
            return JSON.readTree(in).get("eras").get(name);
        }
    }

    private static JsonNode json(String... args) throws IOException {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void computeSince2010GrowsAsThePeerFinds() throws IOException {
        JsonNode j = json("trend", MODELS, "--date", "publication_date", "--y", "training_compute_flop", "--since", "2010-01-01",
                "--trends", "exponential", "--replicates", "2000", "--json", "-q");
        JsonNode p = era("deep_learning_2010_to_2025_04");
        assertEquals(p.get("models").asInt(), j.get("n_models").asInt());
        // OLS of ln compute on the date: the same numbers as the peer's (4.679×/yr, 5.390 months).
        assertEquals(p.get("growth_per_year").asDouble(), j.get("growth_per_year").asDouble(), 1e-9);
        assertEquals(p.get("doubling_months").asDouble(), j.get("doubling_time_months").asDouble(), 1e-9);
        // The t-interval of the slope, mapped: the peer's [4.154, 5.270].
        assertEquals(p.get("ci95_t").get("growth_per_year").get(0).asDouble(), j.get("growth_per_year_ci95_ols").get(0).asDouble(),
                1e-6);
        assertEquals(p.get("ci95_t").get("growth_per_year").get(1).asDouble(), j.get("growth_per_year_ci95_ols").get(1).asDouble(),
                1e-6);
        // The points carry no intervals, so the models are resampled: the peer's 2,000-resample bootstrap gives
        // [4.184, 5.252]; other draws, so within Monte Carlo error (about 0.04 at these tails).
        assertEquals("model-bootstrap", j.get("ci_method").asText());
        assertEquals(p.get("ci95_bootstrap").get("growth_per_year").get(0).asDouble(), j.get("growth_per_year_ci95").get(0).asDouble(),
                0.1);
        assertEquals(p.get("ci95_bootstrap").get("growth_per_year").get(1).asDouble(), j.get("growth_per_year_ci95").get(1).asDouble(),
                0.1);
        assertEquals("training_compute_flop", j.get("quantity").get("name").asText());
        assertTrue(j.get("quantity").get("unit").isNull());
        assertTrue(j.get("models").get(0).has("value"));
        assertFalse(j.get("models").get(0).has("p50_minutes"));
    }

    @Test
    void theModelBootstrapIsTheSameOnAnyThreadCount() {
        String[] base = {"trend", MODELS, "--date", "publication_date", "--y", "training_compute_flop", "--since", "2010-01-01",
            "--trends", "exponential,piecewise", "--replicates", "200", "--json", "-q", "--threads"};
        Cli.Result one = Cli.run(concat(base, "1"));
        Cli.Result three = Cli.run(concat(base, "3"));
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), three.out());
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    @Test
    void erasOfSevillaEtAl() throws IOException {
        JsonNode pre = json("trend", MODELS, "--date", "publication_date", "--y", "training_compute_flop", "--since",
                "1952-01-01", "--until", "2009-12-31", "--trends", "exponential", "--json", "-q");
        assertEquals(era("pre_deep_learning_1952_2010").get("doubling_months").asDouble(),
                pre.get("doubling_time_months").asDouble(), 1e-9);
        assertEquals(55, pre.get("n_models").asInt());
        JsonNode deep = json("trend", MODELS, "--date", "publication_date", "--y", "training_compute_flop", "--since",
                "2010-01-01", "--until", "2022-02-28", "--trends", "exponential", "--json", "-q");
        assertEquals(era("deep_learning_2010_2022").get("growth_per_year").asDouble(), deep.get("growth_per_year").asDouble(), 1e-9);
    }

    @Test
    void theTableSpeaksOfTheQuantity() {
        Cli.Result r = Cli.run("trend", MODELS, "--date", "publication_date", "--y", "training_compute_flop", "--since", "2010-01-01",
                "--trends", "exponential", "--quantity", "training compute (FLOP)", "--replicates", "200", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("exponential trend (OLS of ln training compute (FLOP) on date)"), r.out());
        assertTrue(r.out().contains("growth per year   4.68×"), r.out());
        assertTrue(r.out().contains("growth [4.15×, 5.27×]; from the scatter about the trend"), r.out());
        assertTrue(r.out().contains("GPT-4o mini                                                       2024-07-18   7.36e+24\n"),
                r.out());
        assertFalse(r.out().matches("(?s).*\\d min\\b.*"), "no minutes for compute");
        assertFalse(r.out().contains("horizon"), "no horizons for compute");
    }

    @Test
    void fitDoublingNamesTheColumnsAndTheGrowthPerYear() {
        Cli.Result r = Cli.run("fit", MODELS, "--x", "publication_date", "--y", "training_compute_flop", "--law", "doubling",
                "--where", "publication_date>=2010-01-01", "--target", "1e27");
        assertEquals(0, r.code(), r.err());
        // Log-space OLS: the peer's 4.679×/yr; the delta-method interval is about the peer's t-interval [4.15, 5.27].
        assertTrue(r.out().contains("growth_per_year                                                     4.67901"), r.out());
        assertTrue(r.out().contains("publication_date at which training_compute_flop reaches 1e+27    2029-08-23"), r.out());
    }

    @Test
    void projectReadsLevelsOfTheQuantity() throws IOException {
        JsonNode j = json("project", MODELS, "--date", "publication_date", "--y", "training_compute_flop", "--since", "2010-01-01",
                "--trends", "exponential", "--milestones", "1e27", "--until", "2032-01-01", "--replicates", "100", "--json", "-q");
        JsonNode exp = j.get("projections").get(0);
        assertEquals(j.get("growth_per_year").asDouble(), exp.get("growth_per_year").asDouble(), 1e-9);
        JsonNode m = exp.get("milestones").get(0);
        assertEquals(1e27, m.get("value").asDouble(), 0);
        assertFalse(m.has("minutes"));
        // The trend reaches 1e27 FLOP when ln 1e27 = intercept + slope·t; the horizon on each 1 January is that value.
        JsonNode h = exp.get("horizons").get(0);
        assertTrue(h.get("value").asDouble() > 1e24 && h.get("value").asDouble() < 1e26, h.toString());
        assertTrue(m.get("date").asText().startsWith("2029"), m.toString());
        // Without --milestones a quantity that is not a duration gets no work-time milestones.
        JsonNode none = json("project", MODELS, "--date", "publication_date", "--y", "training_compute_flop", "--since",
                "2010-01-01", "--trends", "exponential", "--replicates", "0", "--json", "-q");
        assertEquals(0, none.get("projections").get(0).get("milestones").size());
        Cli.Result bad = Cli.run("project", MODELS, "--date", "publication_date", "--y", "training_compute_flop", "--milestones",
                "8h");
        assertEquals(2, bad.code());
        assertEquals("scalefit project: error: \"8h\" is not a number; this trend's milestones are levels of the quantity itself, "
                + "e.g. 1e26,1e27", bad.err().strip());
    }

    @Test
    void metrGrowthPerYearBesideTheDoublingTime() throws IOException {
        JsonNode j = json("trend", "datasets/metr-horizons.csv", "--frontier", "--until", "2025-03-01", "--trends", "exponential",
                "--json", "-q");
        // peers/metr-trends.json, th1.0_paper_2025_03: 212.176 days, 3.2976× a year.
        assertEquals(212.1764193440112, j.get("doubling_time_days").asDouble(), 1e-9);
        assertEquals(3.29758416333311, j.get("growth_per_year").asDouble(), 1e-9);
        assertEquals("horizon", j.get("quantity").get("name").asText());
        assertEquals("minutes", j.get("quantity").get("unit").asText());
        assertTrue(j.get("models").get(0).has("p50_minutes"));
        // The interval maps the doubling-time interval: a longer doubling is slower growth.
        assertEquals(Math.pow(2, 365.2425 / j.get("ci95").get(1).asDouble()), j.get("growth_per_year_ci95").get(0).asDouble(), 1e-12);
    }

    /** METR's own export stacks TH1.0 and TH1.1 in a column named benchmark: read one suite, never both. */
    @Test
    void metrExportWithABenchmarkColumnIsNotMixed() throws IOException {
        Path f = Path.of("../shared/reference-data/metr/published_horizons_th1.0_th1.1.csv");
        if (!Files.exists(f)) {
            assertNotEquals("true", System.getenv("CI"), f + " is missing under CI");
            assumeTrue(false, "METR reference data not present");
        }
        Cli.Result r = Cli.run("trend", f.toString(), "--frontier", "--until", "2025-03-01", "--trends", "exponential");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("published_horizons_th1.0_th1.1.csv holds METR-Horizon-v1 and METR-Horizon-v1.1 results "
                + "(column benchmark); using METR-Horizon-v1 (choose with --benchmark-version)"), r.out());
        assertTrue(r.out().contains("claude_3_7_sonnet"), "models named by model_key");
        JsonNode th10 = json("trend", f.toString(), "--frontier", "--until", "2025-03-01", "--trends", "exponential", "--json", "-q");
        assertEquals(212.1764193440112, th10.get("doubling_time_days").asDouble(), 1e-9);
        assertEquals(11, th10.get("n_models").asInt());
        // TH1.1 by our name or METR's: 196.475 days over METR's 14 frontier models (metr-trends.json).
        for (String v : new String[] {"TH1.1", "METR-Horizon-v1.1"}) {
            JsonNode th11 = json("trend", f.toString(), "--frontier", "--benchmark-version", v, "--trends", "exponential", "--json", "-q");
            assertEquals(196.47461726569722, th11.get("doubling_time_days").asDouble(), 1e-9, v);
            assertEquals(14, th11.get("n_models").asInt());
            assertEquals("METR-Horizon-v1.1", th11.get("benchmark_version").asText());
        }
        Cli.Result bad = Cli.run("trend", f.toString(), "--benchmark-version", "TH2");
        assertEquals(2, bad.code());
        assertEquals("scalefit trend: error: no rows of published_horizons_th1.0_th1.1.csv have benchmark TH2; it has "
                + "METR-Horizon-v1, METR-Horizon-v1.1", bad.err().strip());
    }

    @Test
    void latestTh11ReleaseGivesMetrsNumbers() throws IOException {
        // peers/metr-trends.json: th1.1_latest_all_time 187.7775, th1.1_latest_from_2023 128.7438 (METR: 187.778, 128.744).
        JsonNode all = json("trend", "datasets/metr-horizons-th1.1-latest.csv", "--frontier", "--trends", "exponential", "--json", "-q");
        assertEquals(187.77754378812728, all.get("doubling_time_days").asDouble(), 1e-9);
        assertEquals(17, all.get("n_models").asInt());
        JsonNode recent = json("trend", "datasets/metr-horizons-th1.1-latest.csv", "--frontier", "--since", "2023-01-01",
                "--trends", "exponential", "--json", "-q");
        assertEquals(128.74380265078204, recent.get("doubling_time_days").asDouble(), 1e-9);
    }
}

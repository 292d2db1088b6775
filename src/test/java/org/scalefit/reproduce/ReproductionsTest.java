package org.scalefit.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Cells;
import org.scalefit.data.Table;

/**
 * Each reproduction: real and digitized data against the published values and the independent peers
 * ({@code src/test/resources/peers}), generated data against the laws they were made from; every number says which.
 */
class ReproductionsTest {
    private static Datasets data;

    @BeforeAll
    static void locate() {
        data = Datasets.directory(Path.of("datasets"));
    }

    private static PublishedComparison number(FigureResult r, String prefix) {
        return r.numbers().stream().filter(c -> c.quantity().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void kaplanRecoversTheGeneratingLaws() {
        FigureResult r = new KaplanReproduction().run(data);
        assertEquals("kaplan2020-figure1", r.id());
        assertEquals(3, r.figure().panels().size());
        // Generated data: every number is a recovery check against the generating law, never against the paper.
        for (PublishedComparison c : r.numbers()) {
            assertEquals(DataKind.GENERATED, c.data(), c.quantity());
            assertFalse(c.againstPublished(), c.quantity());
        }
        // L(D) and L(N) points were drawn from Eqs. 1.2 and 1.1 with 0.4–0.6% noise.
        assertEquals(0.095, number(r, "alpha_D").fitted(), 0.002);
        assertEquals(0.076, number(r, "alpha_N").fitted(), 0.0015);
        assertTrue(number(r, "alpha_D").publishedInsideInterval());
        assertTrue(number(r, "alpha_N").publishedInsideInterval());
        assertEquals(5.4e13, number(r, "D_c").fitted(), 0.2 * 5.4e13);
        // The compute frontier of curves generated from L(N, S) has the exponent of Eq. 6.4.
        PublishedComparison theory = number(r, "alpha_C");
        assertEquals(1 / (1 / 0.76 + 1 / 0.21 + 1 / 0.077), theory.published(), 1e-12);
        assertEquals(theory.published(), theory.fitted(), 0.002);
        // ... and the scale of the noise-free curves' envelope, which 0.6% noise moves by a few percent.
        assertEquals(number(r, "C_c").published(), number(r, "C_c").fitted(), 0.1 * number(r, "C_c").published());
        assertTrue(r.figure().texts().stream().anyMatch(t -> t.text().contains("generated from the published laws")));
        assertTrue(r.notes().get(0).contains("did not publish"));
        // The legends print the paper's laws beside the refits.
        String legends = r.figure().panels().stream().flatMap(p -> p.panel().legend().stream())
                .flatMap(l -> l.entries().stream()).map(e -> e.label()).toList().toString();
        assertTrue(legends.contains("paper: L = (C_{min}/2.3·10^{8})^{−0.050}"), legends);
        assertTrue(legends.contains("paper: L = (D/5.4·10^{13})^{−0.095}"), legends);
        assertTrue(legends.contains("paper: L = (N/8.8·10^{13})^{−0.076}"), legends);
        assertTrue(legends.contains("refit: L = (N/9.6·10^{13})^{−0.076}"), legends);
    }

    /** Issue 13: panel 3 had no label between 2.4 and 3 although points sit there; the paper prints 2.4, 3.2, … 5.6. */
    @Test
    void kaplanParameterPanelLabelsTheLossesWhereThePointsAre() {
        FigureResult r = new KaplanReproduction().run(data);
        var y = r.figure().panels().get(2).panel().y();
        List<String> labels = y.ticks().major().stream().map(org.scalefit.plot.Tick::label).toList();
        assertEquals(List.of("2.4", "3.2", "4.0", "4.8", "5.6"), labels);
        double lowest = y.ticks().major().get(0).value();
        assertTrue(lowest - y.min() < 0.4, "the first label is near the bottom of the axis: " + lowest + " vs " + y.min());
    }

    @Test
    void metrTrendIsOlsOfLnHorizonOnTheFrontier() {
        FigureResult r = new HorizonReproduction().run(data);
        // Independently: TH1.0 rows up to 2025-02-24, frontier = beats every earlier model, OLS of ln p50 on day.
        Table t = data.table(HorizonReproduction.HORIZONS);
        List<double[]> rows = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            double day = Cells.epochDay(t, i, t.columnIndex("release_date"));
            if (t.cell(i, t.columnIndex("benchmark_version")).equals("TH1.0") && day <= LocalDate.of(2025, 2, 24).toEpochDay()) {
                rows.add(new double[] {day, Cells.number(t, i, t.columnIndex("p50_minutes"))});
                names.add(t.cell(i, t.columnIndex("model")));
            }
        }
        Integer[] order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(rows.get(a)[0], rows.get(b)[0]));
        List<double[]> front = new java.util.ArrayList<>();
        List<String> frontNames = new java.util.ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            if (rows.get(i)[1] > best) {
                best = rows.get(i)[1];
                front.add(rows.get(i));
                frontNames.add(names.get(i));
            }
        }
        assertEquals(List.of("GPT-2", "davinci-002 (GPT-3)", "gpt-3.5-turbo-instruct", "GPT-4 0314", "GPT-4 1106", "GPT-4o",
                "Claude 3.5 Sonnet (Old)", "o1-preview", "Claude 3.5 Sonnet (New)", "o1", "Claude 3.7 Sonnet"), frontNames);
        int n = front.size();
        double mx = 0;
        double my = 0;
        for (double[] row : front) {
            mx += row[0] / n;
            my += Math.log(row[1]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] row : front) {
            sxy += (row[0] - mx) * (Math.log(row[1]) - my);
            sxx += (row[0] - mx) * (row[0] - mx);
            syy += (Math.log(row[1]) - my) * (Math.log(row[1]) - my);
        }
        PublishedComparison days = number(r, "doubling time (days)");
        assertEquals(Math.log(2) / (sxy / sxx), days.fitted(), 1e-6 * days.fitted());
        assertEquals(212, days.fitted(), 3);
        assertTrue(days.lower() < days.fitted() && days.fitted() < days.upper());
        assertEquals(sxy * sxy / (sxx * syy), number(r, "R²").fitted(), 1e-9);
        double workDay = number(r, "date the trend reaches 1 work day").fitted();
        assertTrue(workDay > 2026.5 && workDay < 2027.8, "work day reached in " + workDay);
        assertEquals(11, r.figure().panels().get(0).panel().marks().stream()
                .filter(m -> m instanceof org.scalefit.plot.Mark.ErrorBars).mapToInt(m -> ((org.scalefit.plot.Mark.ErrorBars) m).x().length)
                .sum());
    }

    /**
     * Jones's change-point model on the 707 frontier points digitized from his figure: the least-squares optimum of the
     * SciPy peer (bench/peers/jones2021_frontier.py → peers/jones2021-frontier.json: alternating least squares from 200
     * starts, polished by Nelder-Mead), reached to about 1e-6 relative; the paper's table gives two significant figures.
     */
    @Test
    void hexRefitEqualsThePeerOnTheDigitizedFrontiers() throws java.io.IOException {
        FigureResult r = new HexReproduction().run(data);
        com.fasterxml.jackson.databind.JsonNode peer;
        try (java.io.InputStream in = getClass().getResourceAsStream("/peers/jones2021-frontier.json")) {
            peer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("fit");
        }
        assertEquals(peer.get("m_flops").asDouble(), number(r, "Elo per 10x").fitted(), 1e-5 * 505.6);
        assertEquals(peer.get("compute_multiplier_per_board").asDouble(), number(r, "compute multiplier").fitted(), 1e-5 * 7.09);
        for (String name : List.of("m_board", "c_incline", "m_plateau", "c_plateau")) {
            assertEquals(peer.get(name).asDouble(), number(r, name).fitted(), 1e-5 * Math.abs(peer.get(name).asDouble()), name);
        }
        // Jones (2021): about 500 Elo per tenfold compute (fitted 510), about 7× compute per board size.
        assertEquals(510, number(r, "Elo per 10x").published(), 0);
        assertEquals(500, number(r, "Elo per 10x").fitted(), 10);
        assertEquals(7, number(r, "compute multiplier").fitted(), 0.15);
        for (PublishedComparison c : r.numbers()) {
            assertEquals(DataKind.DIGITIZED, c.data(), c.quantity());
        }
        assertEquals(1, r.figure().panels().size());
    }

    /**
     * Issue 13: the board labels sat next to the wrong boards. Each label is Jones's: 0.25 decade left of and 15 Elo
     * below where its board's drawn frontier starts, in its colour; frontiers are drawn as digitized (not forward-filled).
     */
    @Test
    void hexLabelsSitAtTheirBoardsFrontierStart() {
        FigureResult r = new HexReproduction().run(data);
        Table t = data.table(HexReproduction.RUNS);
        var marks = r.figure().panels().get(0).panel().marks();
        for (int board = 3; board <= 9; board++) {
            double firstC = Double.POSITIVE_INFINITY;
            double firstElo = Double.NaN;
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.cell(i, t.columnIndex("series")).equals("frontier")
                        && Cells.number(t, i, t.columnIndex("board_size")) == board
                        && Cells.number(t, i, t.columnIndex("train_flops")) < firstC) {
                    firstC = Cells.number(t, i, t.columnIndex("train_flops"));
                    firstElo = Cells.number(t, i, t.columnIndex("elo"));
                }
            }
            String label = Integer.toString(board);
            org.scalefit.plot.Mark.Text text = marks.stream().filter(m -> m instanceof org.scalefit.plot.Mark.Text tx
                    && tx.text().equals(label)).map(m -> (org.scalefit.plot.Mark.Text) m).findFirst().orElseThrow();
            assertEquals(firstC / Math.pow(10, 0.25), text.x(), 1e-6 * firstC, "board " + board);
            assertEquals(firstElo - 15, text.y(), 1e-9, "board " + board);
        }
    }

    @Test
    void isoFlopOnEpochsRunsIsHoffmannsApproach2() {
        FigureResult r = new IsoFlopReproduction().run(data);
        // Same arithmetic as the NumPy peer (peers/chinchilla-isoflop.json): a 0.500050, N_opt 66.314 B, D_opt 1.4477 T.
        assertEquals(0.5000497764509602, number(r, "a in").fitted(), 1e-9);
        assertEquals(0.49995022354904134, number(r, "b in").fitted(), 1e-9);
        assertEquals(66314141064.945015, number(r, "N_opt").fitted(), 1e-8 * 6.6e10);
        assertEquals(1447655031918.185, number(r, "D_opt").fitted(), 1e-8 * 1.45e12);
        // Compared with the paper (Hoffmann et al. 2022, Table 2 and Figure 3): 0.49, 0.51, 63 B, 1.4 T.
        assertEquals(0.49, number(r, "a in").published(), 0);
        assertEquals(63e9, number(r, "N_opt").published(), 0);
        assertTrue(number(r, "a in").publishedInsideInterval());
        assertTrue(number(r, "N_opt").publishedInsideInterval());
        for (PublishedComparison c : r.numbers()) {
            assertEquals(DataKind.DIGITIZED, c.data(), c.quantity());
        }
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("182 runs assigned, 63 left out")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Approach 1") && n.contains("one final point per run")));
        assertEquals(3, r.figure().panels().size());
    }

    /** Issue 13: the optimum panels' lowest y label collided with 10¹⁷, and the legend covered the read-off lines. */
    @Test
    void isoFlopOptimumPanelsKeepTheirLabelsAndReadOffClear() {
        FigureResult r = new IsoFlopReproduction().run(data);
        for (int k = 1; k <= 2; k++) {
            var panel = r.figure().panels().get(k).panel();
            double first = panel.y().ticks().major().get(0).value();
            assertTrue(panel.y().fraction(first) > 0.05, "lowest label clear of the x axis's first label");
            assertEquals(org.scalefit.plot.Legend.Corner.UPPER_LEFT, panel.legend().orElseThrow().corner());
        }
        // The left panel shows every budget's runs below its top but four, marked by arrows and a note.
        var left = r.figure().panels().get(0).panel();
        long arrows = left.marks().stream().filter(m -> m instanceof org.scalefit.plot.Mark.Text tx && tx.text().equals("↑"))
                .count();
        assertEquals(4, arrows);
        assertTrue(r.figure().texts().stream().anyMatch(t -> t.text().startsWith("↑ 4 runs above the axis (loss up to 5.01)")));
    }

    @Test
    void computeTrendsByEraEqualThePeer() {
        FigureResult r = new ComputeTrendReproduction().run(data);
        // bench/peers/compute_trends.py (peers/compute-trends.json): OLS of ln compute on date by era.
        assertEquals(21.280479310921397, number(r, "doubling time 1952").fitted(), 1e-9 * 21.3);
        assertEquals(1.4782569636158414, number(r, "growth per year 1952").fitted(), 1e-9);
        assertEquals(6.019294350555932, number(r, "doubling time 2010 – Feb 2022").fitted(), 1e-9 * 6);
        assertEquals(3.982264825656264, number(r, "growth per year 2010 – Feb 2022").fitted(), 1e-9 * 4);
        PublishedComparison since = number(r, "growth per year since 2010 (×), all");
        assertEquals(4.679007312720032, since.fitted(), 1e-9 * 4.7);
        // The 95% t-interval of the slope, mapped: the peer's [4.154, 5.270].
        assertEquals(4.154142888826371, since.lower(), 1e-6);
        assertEquals(5.270186899775317, since.upper(), 1e-6);
        assertEquals(4.005143706222151, number(r, "growth per year since 2010 (×), top 10").fitted(), 1e-9 * 4);
        // Published: Sevilla et al. (2022) about 20 and 6 months; Epoch AI (2024) 4.7× a year (90% CI 4.3–5.2).
        assertEquals(20, number(r, "doubling time 1952").published(), 0);
        assertEquals(6, number(r, "doubling time 2010 – Feb 2022").published(), 0);
        assertEquals(4.7, since.published(), 0);
        assertTrue(since.publishedInsideInterval());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("do not show that training or inference gets 3–10× cheaper")));
        for (PublishedComparison c : r.numbers()) {
            assertEquals(DataKind.REAL, c.data(), c.quantity());
        }
    }

    /** The METR figure's later trends use the frontier rule on METR's later releases: METR's numbers exactly. */
    @Test
    void metrLaterTrendSetsAreMetrsPublishedOnes() throws java.io.IOException {
        FigureResult r = new HorizonReproduction().run(data);
        com.fasterxml.jackson.databind.JsonNode peer;
        try (java.io.InputStream in = getClass().getResourceAsStream("/peers/metr-trends.json")) {
            peer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("trends");
        }
        // peers/metr-trends.json: OLS over METR's exact model sets (datasets/metr-trend-sets.csv).
        String[][] rows = {{"doubling time (days)", "th1.0_paper_2025_03"}, {"doubling time, TH1.0 with o3", "th1.0_2025_04_with_o3"},
            {"doubling time, TH1.1 all models", "th1.1_2026_01_all_time"}, {"doubling time, TH1.1 from 2023", "th1.1_2026_01_from_2023"},
            {"doubling time, TH1.1 latest release, all", "th1.1_latest_all_time"},
            {"doubling time, TH1.1 latest release, from 2023", "th1.1_latest_from_2023"}};
        for (String[] row : rows) {
            assertEquals(peer.get(row[1]).get("doubling_days").asDouble(), number(r, row[0]).fitted(), 1e-9 * 200, row[0]);
            assertEquals(DataKind.REAL, number(r, row[0]).data());
        }
        // METR's published numbers, to the digits METR prints.
        assertEquals(196.475, number(r, "doubling time, TH1.1 all models").fitted(), 5e-4);
        assertEquals(130.801, number(r, "doubling time, TH1.1 from 2023").fitted(), 5e-4);
        assertEquals(187.778, number(r, "doubling time, TH1.1 latest release, all").fitted(), 5e-4);
        assertEquals(128.744, number(r, "doubling time, TH1.1 latest release, from 2023").fitted(), 5e-4);
    }

    @Test
    void kaplanCurvesSatisfyThePublishedLearningCurveLaw() {
        Table t = data.table(KaplanReproduction.CURVES);
        double b = Math.pow(2, 19);
        for (int r = 0; r < t.rowCount(); r += 37) {
            double n = Cells.number(t, r, t.columnIndex("params"));
            double s = Cells.number(t, r, t.columnIndex("step"));
            double l = Cells.number(t, r, t.columnIndex("loss_law"));
            double bcrit = 2e8 / Math.pow(l, 1 / 0.21);
            double sMin = s / (1 + bcrit / b);
            double rhs = Math.pow(6.5e13 / n, 0.077) + Math.pow(2.1e3 / sMin, 0.76);
            // Rows are printed with 6 significant digits in N and S.
            assertEquals(rhs, l, 2e-4 * l, "row " + (r + 2));
            double c = 6 * n * b * s / 8.64e19;
            assertEquals(c, Cells.number(t, r, t.columnIndex("compute_pf_days")), 2e-5 * c);
        }
        Table d = data.table(KaplanReproduction.DATA);
        for (int r = 0; r < d.rowCount(); r++) {
            double tokens = Cells.number(d, r, 0);
            assertEquals(Math.pow(5.4e13 / tokens, 0.095), Cells.number(d, r, 1), 2e-6);
        }
        Table p = data.table(KaplanReproduction.PARAMS);
        for (int r = 0; r < p.rowCount(); r++) {
            double params = Cells.number(p, r, 0);
            assertEquals(Math.pow(8.8e13 / params, 0.076), Cells.number(p, r, 1), 2e-6);
        }
    }

    @Test
    void bundledCopiesMatchTheDirectory() {
        Datasets jar = Datasets.bundled();
        for (String name : List.of(KaplanReproduction.CURVES, KaplanReproduction.DATA, KaplanReproduction.PARAMS,
                HorizonReproduction.HORIZONS, HorizonReproduction.LATEST, HexReproduction.RUNS, IsoFlopReproduction.RUNS,
                ComputeTrendReproduction.MODELS)) {
            Table a = data.table(name);
            Table b = jar.table(name);
            assertEquals(a.rowCount(), b.rowCount(), name);
            assertEquals(a.cell(a.rowCount() - 1, 0), b.cell(b.rowCount() - 1, 0), name);
        }
        assertEquals("bundled:x.csv", jar.describe("x.csv"));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> jar.table("nope.csv"));
        assertEquals("data set nope.csv is not bundled in this build", e.getMessage());
    }

    /** Every figure renders (a small PNG) without error; its data-derived parts are checked above. */
    @Test
    void everyFigureRenders() {
        for (Reproduction r : Reproductions.all()) {
            byte[] png = org.scalefit.plot.FigureWriter.render(r.run(data).figure(), org.scalefit.plot.ImageFormat.PNG, 36);
            assertTrue(png.length > 1000, r.id());
        }
    }

    @Test
    void selectByPrefix() {
        assertEquals(List.of("kaplan2020-figure1", "hoffmann2022-isoflop"),
                Reproductions.select(List.of("hoffmann", "kaplan")).stream().map(Reproduction::id).toList());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Reproductions.select(List.of("gpt")));
        assertEquals("unknown figure \"gpt\"; figures are kaplan2020-figure1, metr-horizons, jones2021-hex, "
                + "hoffmann2022-isoflop, gadre2024-downstream, olmo2024-ladder, epoch-compute-trends, epoch2024-approach3", e.getMessage());
    }
}

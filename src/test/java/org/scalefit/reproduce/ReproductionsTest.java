package org.scalefit.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Each reproduction recovers the numbers its bundled data were made from, and says where the data come from. */
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
    void kaplanRecoversThePublishedExponents() {
        FigureResult r = new KaplanReproduction().run(data);
        assertEquals("kaplan2020-figure1", r.id());
        assertEquals(3, r.figure().panels().size());
        // L(D) and L(N) points were drawn from Eqs. 1.2 and 1.1 with 0.4–0.6% noise.
        assertEquals(0.095, number(r, "alpha_D").fitted(), 0.002);
        assertEquals(0.076, number(r, "alpha_N").fitted(), 0.0015);
        assertTrue(number(r, "alpha_D").publishedInsideInterval());
        assertTrue(number(r, "alpha_N").publishedInsideInterval());
        assertEquals(5.4e13, number(r, "D_c").fitted(), 0.2 * 5.4e13);
        // The compute frontier of curves generated from L(N, S) has the exponent of Eq. 6.4.
        PublishedComparison theory = number(r, "alpha_C vs");
        assertEquals(1 / (1 / 0.76 + 1 / 0.21 + 1 / 0.077), theory.published(), 1e-12);
        assertEquals(theory.published(), theory.fitted(), 0.002);
        assertTrue(r.figure().texts().stream().anyMatch(t -> t.text().contains("generated from the published laws")));
        assertTrue(r.notes().get(0).contains("did not publish"));
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

    @Test
    void hexRecoversJonesSlopeAndBoardMultiplier() {
        FigureResult r = new HexReproduction().run(data);
        // Runs lag the published frontier, so the refit is a little flatter than 510 Elo per decade.
        assertEquals(510, number(r, "Elo per 10x").fitted(), 40);
        assertEquals(7.0, number(r, "compute multiplier").fitted(), 0.5);
        assertEquals(-270, number(r, "m_plateau").fitted(), 20);
        assertEquals(1, r.figure().panels().size());
    }

    @Test
    void isoFlopRecoversTheGeneratingLawsAllocation() {
        FigureResult r = new IsoFlopReproduction().run(data);
        double aLaw = 0.28 / (0.34 + 0.28);
        assertEquals(aLaw, number(r, "a vs").fitted(), 0.01);
        assertEquals(1 - aLaw, number(r, "b in").fitted(), 0.01);
        assertEquals(0.49, number(r, "a in").published(), 0);
        assertEquals(3, r.figure().panels().size());
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
    void isoFlopRunsFollowTheApproach3Law() {
        Table t = data.table(IsoFlopReproduction.RUNS);
        for (int r = 0; r < t.rowCount(); r++) {
            double c = Cells.number(t, r, 0);
            double n = Cells.number(t, r, 1);
            double d = Cells.number(t, r, 2);
            assertEquals(c, 6 * n * d, 1e-5 * c);
            assertEquals(1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28), Cells.number(t, r, 3), 2e-6);
        }
    }

    @Test
    void bundledCopiesMatchTheDirectory() {
        Datasets jar = Datasets.bundled();
        for (String name : List.of(KaplanReproduction.CURVES, KaplanReproduction.DATA, KaplanReproduction.PARAMS,
                HorizonReproduction.HORIZONS, HexReproduction.RUNS, IsoFlopReproduction.RUNS)) {
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
                + "hoffmann2022-isoflop, gadre2024-downstream, olmo2024-ladder", e.getMessage());
    }
}

package org.scalefit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.compare.BreakLines;
import org.scalefit.compare.BreakOptions;
import org.scalefit.compare.BreakResult;
import org.scalefit.compare.BreakTest;
import org.scalefit.compare.Candidate;
import org.scalefit.compare.Comparison;
import org.scalefit.compare.ComparisonOptions;
import org.scalefit.compare.ModelComparison;
import org.scalefit.compare.SlopeComparison;
import org.scalefit.compare.SlopeOptions;
import org.scalefit.compare.SlopeResult;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitOptions;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.ModelHorizon;
import org.scalefit.horizon.Runs;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;
import org.scalefit.model.PowerLaw;
import org.scalefit.optimal.OptimalAllocation;
import org.scalefit.plot.Ticks.LogStyle;
import org.scalefit.stats.Interval;

/**
 * The chart of every command, by structure: what is drawn agrees number for number with the result it
 * draws (legend Δ and weights, break lines and prediction band, multipliers, horizons, allocations), on the
 * bundled real data where there is some.
 */
class CommandChartsTest {
    private static <T extends Mark> List<T> marks(Panel p, Class<T> type) {
        return p.marks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> legend(Panel p) {
        return p.legend().orElseThrow().entries().stream().map(Legend.Entry::label).toList();
    }

    /** Epoch's digitized Chinchilla runs: the lowest loss per IsoFLOP budget (nine points from 6e18 to 3e21 FLOP). */
    private static Observations chinchillaEnvelope() {
        Observations runs = DataSpec.builder().predictor("flops").response("loss").build()
                .load(Path.of("datasets/epoch2024-chinchilla-runs.csv")).observations();
        java.util.TreeMap<Long, double[]> best = new java.util.TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            long budget = Math.round(Math.log10(runs.x(i)) * 4);
            double[] b = best.get(budget);
            if (b == null || runs.y(i) < b[1]) {
                best.put(budget, new double[] {runs.x(i), runs.y(i)});
            }
        }
        double[] x = new double[best.size()];
        double[] y = new double[best.size()];
        int k = 0;
        for (double[] v : best.values()) {
            x[k] = v[0];
            y[k++] = v[1];
        }
        return Observations.builder().source("envelope").predictor("flops", x).response("loss", y).build();
    }

    @Test
    void compareDrawsEveryRankedLawWithItsDeltaAndWeightAndDashesBeyondTheData() {
        Observations data = chinchillaEnvelope();
        List<Law> laws = new ArrayList<>();
        for (String name : List.of("power-law", "offset-power-law", "exponential")) {
            laws.add(Laws.create(name, new Laws.Context(data.predictorNames(), data, java.util.OptionalDouble.empty())));
        }
        Comparison c = ModelComparison.run(laws, data, ComparisonOptions.defaults());
        Figure f = ComparePlot.of(c, data, ComparePlot.Options.defaults());
        Panel p = f.panels().get(0).panel();
        List<String> entries = legend(p);
        for (Candidate cand : c.ranking()) {
            String expected = String.format(Locale.ROOT, "%d. %s   ΔAICc %.2f, weight %.2f", cand.rank(), cand.law(),
                    cand.delta(), cand.weight());
            assertTrue(entries.contains(expected), expected + " not in " + entries);
        }
        double xmax = 0;
        for (int i = 0; i < data.size(); i++) {
            xmax = Math.max(xmax, data.x(i));
        }
        double last = xmax;
        List<Mark.Line> dashed = marks(p, Mark.Line.class).stream().filter(l -> l.style().dash() == LineStyle.Dash.DASHED)
                .toList();
        assertEquals(c.ranking().size(), dashed.size(), "one dashed continuation per law");
        assertTrue(dashed.stream().allMatch(l -> l.x()[0] >= last * (1 - 1e-12)), "dashed only beyond the data");
        assertTrue(entries.contains("backtest: the 3 largest x held out"));
        assertTrue(f.texts().stream().anyMatch(t -> t.text().startsWith("best by AICc: ")));
    }

    /**
     * Gadre et al.'s six RedPajama runs at M = 20 (datasets/gadre2024-overtraining.csv, real data): the offset
     * power law is first by AICc, but the verdict prefers the power law (a special case of every law within
     * ΔAICc &lt; 2). The chart must draw the preferred law thick and say why, not call it "best by AICc".
     */
    @Test
    void comparePlotHighlightsThePreferredLawWhenItIsNotFirstByTheCriterion() throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("datasets/gadre2024-overtraining.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int ds = header.indexOf("dataset");
        int mult = header.indexOf("token_multiplier_M");
        int cx = header.indexOf("compute_C");
        int ly = header.indexOf("loss_c4_val");
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[ds].equals("rpj") && Double.parseDouble(cells[mult]) == 20) {
                rows.add(new double[] {Double.parseDouble(cells[cx]), Double.parseDouble(cells[ly])});
            }
        }
        assertEquals(6, rows.size());
        Observations data = Observations.of(rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray());
        List<Law> laws = new ArrayList<>();
        for (String name : List.of("power-law", "offset-power-law", "quadratic", "exponential")) {
            laws.add(Laws.create(name, new Laws.Context(data.predictorNames(), data, java.util.OptionalDouble.empty())));
        }
        Comparison c = ModelComparison.run(laws, data, ComparisonOptions.defaults());
        assertEquals("offset-power-law", c.ranking().get(0).law(), "precondition: first by AICc");
        assertEquals(java.util.Optional.of("power-law"), c.best(), "precondition: the verdict prefers the simpler law");

        Figure f = ComparePlot.of(c, data, ComparePlot.Options.defaults());
        Panel p = f.panels().get(0).panel();
        assertTrue(f.texts().stream().anyMatch(t -> t.text().startsWith("preferred: power-law, a special case of every law that fits about as well by AICc")),
                "the subtitle says why the preferred law is not the first");
        assertTrue(f.texts().stream().noneMatch(t -> t.text().startsWith("best by AICc")));
        List<String> entries = legend(p);
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("2. power-law") && e.endsWith("(preferred)")), entries.toString());
        int index = 0;
        for (int k = 0; k < c.ranking().size(); k++) {
            if (c.ranking().get(k).law().equals("power-law")) {
                index = k;
            }
        }
        java.awt.Color preferredColour = Colors.series(index);
        List<Mark.Line> thick = marks(p, Mark.Line.class).stream().filter(l -> l.style().width() == 2.6).toList();
        assertFalse(thick.isEmpty());
        assertTrue(thick.stream().allMatch(l -> l.style().color().equals(preferredColour)), "only the preferred law is thick");
    }

    /** A clean power law whose exponent grows by 60% in the last third (seeded). */
    private static Observations bentPowerLaw() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = Math.log(1e18) + 6 * Math.log(10) * i / (n - 1);
            double ub = Math.log(1e18) + 4 * Math.log(10);
            x[i] = Math.exp(u);
            y[i] = Math.exp(Math.log(10) - 0.1 * u - 0.06 * Math.max(u - ub, 0) + 0.02 * r.nextGaussian());
        }
        return Observations.of(x, y);
    }

    @Test
    void breaksDrawTheBrokenTrendTheBreakAndTheEarlierTrendsPredictionBand() {
        Observations data = bentPowerLaw();
        BreakOptions options = new BreakOptions("power-law", 0.05, 0, 199, 5, 1);
        BreakResult r = BreakTest.run(data, options);
        BreakLines lines = BreakLines.of(data, r, options);
        // The refitted lines agree with the test: the slopes of the broken trend …
        double before = Math.log(lines.broken(1e19) / lines.broken(1e18)) / Math.log(10);
        double after = Math.log(lines.broken(1e24) / lines.broken(1e23)) / Math.log(10);
        assertEquals(r.slopeBefore(), before, 1e-9);
        assertEquals(r.slopeAfter(), after, 1e-9);
        // … and the band is the interval each held-out point was checked against.
        assertTrue(r.outside().size() > 0, "a 60% bend is caught");
        for (BreakResult.OutsidePoint o : r.outside()) {
            Interval band = lines.earlierPrediction(o.x());
            assertEquals(o.lower(), band.lower(), 1e-9 * o.lower());
            assertEquals(o.upper(), band.upper(), 1e-9 * o.upper());
        }
        Panel p = BreakPlot.of(data, r, options, 680, 460, LogStyle.SUPERSCRIPT).panels().get(0).panel();
        assertTrue(marks(p, Mark.Line.class).stream().anyMatch(l -> l.x().length == 2 && l.x()[0] == r.location()
                && l.x()[1] == r.location()), "a vertical line at the break");
        assertTrue(marks(p, Mark.Band.class).stream().anyMatch(b -> b.x()[0] == r.locationLower()
                && b.x()[1] == r.locationUpper()), "its interval shaded");
        Mark.Points rings = marks(p, Mark.Points.class).stream().filter(m -> m.marker().size() == 11).findFirst().orElseThrow();
        assertEquals(r.outside().size(), rings.x().length);
        assertTrue(legend(p).contains(r.outside().size() + " outside the band"));
    }

    @Test
    void slopesDrawBothCurvesAndTheMultiplierCurveThroughTheReportedMultipliers() {
        Observations base = DataSpec.builder().predictor("compute").response("loss").build()
                .load(Path.of("datasets/slopes-baseline.csv")).observations();
        Observations better = DataSpec.builder().predictor("compute").response("loss").build()
                .load(Path.of("datasets/slopes-improved.csv")).observations();
        SlopeResult r = SlopeComparison.run(base, better, new SlopeOptions(new PowerLaw(), FitOptions.defaults(),
                List.of(1e22, 1e24), List.of(), 0, 1, false));
        Figure f = SlopesPlot.of(r, Double.NaN, 960, 440, LogStyle.SUPERSCRIPT);
        assertEquals(2, f.panels().size());
        Panel right = f.panels().get(1).panel();
        Mark.Points asked = marks(right, Mark.Points.class).get(0);
        assertEquals(r.multipliers().get(0).value(), asked.y()[0], 0);
        // The curve (delta method on a grid) passes through the table's delta-method multipliers.
        SlopeResult.Multiplier at22 = SlopeComparison.multipliersAt(r, new double[] {1e22}).get(0);
        assertEquals(r.multipliers().get(0).value(), at22.value(), 1e-9 * at22.value());
        assertEquals(r.multipliers().get(0).lower(), at22.lower(), 1e-9 * at22.lower());
        assertTrue(right.y().contains(1), "the 1× line is on the axis");
        assertEquals(2, marks(f.panels().get(0).panel(), Mark.Band.class).size());
    }

    @Test
    void horizonCurvesMarkEachModelsP50OnTheHalfLineInOrder() {
        SplittableRandom rng = new SplittableRandom(11);
        Runs.Builder b = Runs.builder("synthetic");
        double[] truth = {2, 30, 400};
        for (int m = 0; m < truth.length; m++) {
            for (int t = 0; t < 60; t++) {
                double minutes = Math.exp(Math.log(0.1) + (Math.log(3000) - Math.log(0.1)) * t / 59.0);
                double p = 1 / (1 + Math.exp(-0.8 * Math.log(truth[m] / minutes) / Math.log(2)));
                for (int k = 0; k < 4; k++) {
                    b.add("m" + m, "f" + (t % 12) + "/t" + t, "f" + (t % 12), minutes, rng.nextDouble() < p ? 1 : 0);
                }
            }
        }
        Runs runs = b.build();
        HorizonResult h = Horizons.fit(runs, HorizonOptions.defaults().withBootstrap(50).withThreads(1));
        Figure f = HorizonCurvesPlot.of(h, runs, Horizons.defaultBucketEdges(runs), 900, 520);
        Panel p = f.panels().get(0).panel();
        List<Mark.Points> diamonds = marks(p, Mark.Points.class).stream()
                .filter(m -> m.marker().shape() == MarkerStyle.Shape.DIAMOND).toList();
        assertEquals(3, diamonds.size());
        List<String> entries = legend(p);
        assertTrue(entries.get(0).startsWith("m2: p50 "), entries.toString());
        assertTrue(entries.get(2).startsWith("m0: p50 "), entries.toString());
        for (ModelHorizon mh : h.models()) {
            assertTrue(diamonds.stream().anyMatch(d -> d.x()[0] == mh.p50() && d.y()[0] == 0.5), mh.model());
        }
        assertTrue(p.x().ticks().labels().contains("1 hr"), p.x().ticks().labels().toString());
        assertEquals(0, Layout.coveredPoints(p, f.panels().get(0).area(), p.legend().orElseThrow().corner()),
                "the legend covers no data point");
    }

    @Test
    void optimalMarksTheBudgetsWithTheAllocationsValuesAndIntervals() {
        // Hoffmann et al.'s Approach 3 parameters (E, A, B, alpha, beta) with a small diagonal covariance.
        double[] p = {1.69, 406.4, 410.7, 0.34, 0.28};
        double[][] cov = new double[5][5];
        double[] se = {0.01, 20, 20, 0.005, 0.005};
        for (int i = 0; i < 5; i++) {
            cov[i][i] = se[i] * se[i];
        }
        OptimalAllocation a = OptimalAllocation.delta(p, cov, 200, 0.95);
        Figure f = OptimalPlot.of(a, List.of(5.76e23), 960, 440, LogStyle.SUPERSCRIPT);
        assertEquals(2, f.panels().size());
        Panel n = f.panels().get(0).panel();
        Mark.Points gopher = marks(n, Mark.Points.class).get(0);
        assertEquals(5.76e23, gopher.x()[0], 0);
        assertEquals(a.at(5.76e23).nOpt().value(), gopher.y()[0], 0);
        Mark.ErrorBars bars = marks(n, Mark.ErrorBars.class).get(0);
        assertEquals(a.at(5.76e23).nOpt().lower(), bars.lower()[0], 0);
        // The closed form N_opt = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4): 32.2B.
        double g = Math.pow(0.34 * 406.4 / (0.28 * 410.7), 1 / (0.34 + 0.28));
        assertEquals(g * Math.pow(5.76e23 / 6, 0.28 / (0.34 + 0.28)), gopher.y()[0], 1e-9 * gopher.y()[0]);
        assertTrue(marks(n, Mark.Text.class).stream().anyMatch(t -> t.text().equals(TickLabels.withSuffix(gopher.y()[0]))));
        assertTrue(n.y().ticks().labels().stream().anyMatch(s -> s.endsWith("B")), n.y().ticks().labels().toString());
    }
}

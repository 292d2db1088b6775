package org.scalefit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.DoublingTrend;
import org.scalefit.model.PowerLaw;
import org.scalefit.uncertainty.Bands;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Prediction;
import org.scalefit.uncertainty.Resampler;

/**
 * The defects a user found by looking at fit plots, each pinned by the plot's structure: predictions and
 * targets drawn and inside the axes, the bootstrap band when there is one, duration labels for time
 * quantities, bars from interval columns, and no legend entry for a band too thin to see.
 */
class FitPlotReadOutsTest {
    private static Fit powerFit(double noise) {
        Random r = new Random(5);
        int n = 20;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 18 + 4.0 * i / (n - 1));
            y[i] = 40 * Math.pow(x[i], -0.05) * Math.exp(noise * r.nextGaussian());
        }
        return Fitter.fit(new PowerLaw(), Observations.builder().predictor("compute", x).response("loss", y).build(),
                FitOptions.defaults());
    }

    private static Panel panel(Figure f) {
        return f.panels().get(0).panel();
    }

    private static <T extends Mark> List<T> marks(Panel p, Class<T> type) {
        return p.marks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> legend(Panel p) {
        return p.legend().orElseThrow().entries().stream().map(Legend.Entry::label).toList();
    }

    @Test
    void aPredictionFarBeyondTheDataIsDrawnWithBothIntervalsAndTheAxesReachIt() {
        Fit fit = powerFit(0.02);
        Prediction at26 = Bands.delta(fit, 1e26);
        Panel p = panel(FitPlot.of(fit, FitPlot.Options.defaults().withPredictions(List.of(at26))));
        assertTrue(p.x().contains(1e26), "x axis ends at " + p.x().max());
        assertTrue(p.y().contains(at26.prediction().lower()) && p.y().contains(at26.prediction().upper()));
        Mark.Points diamond = marks(p, Mark.Points.class).stream()
                .filter(m -> m.marker().shape() == MarkerStyle.Shape.DIAMOND).findFirst().orElseThrow();
        assertEquals(1e26, diamond.x()[0], 0);
        assertEquals(at26.value(), diamond.y()[0], 0);
        List<Mark.ErrorBars> bars = marks(p, Mark.ErrorBars.class);
        assertTrue(bars.stream().anyMatch(b -> b.lower()[0] == at26.prediction().lower()
                && b.upper()[0] == at26.prediction().upper()), "the new-point interval is drawn");
        assertTrue(bars.stream().anyMatch(b -> b.lower()[0] == at26.confidence().lower()
                && b.upper()[0] == at26.confidence().upper()), "the curve interval is drawn");
        // The curve reaches the prediction, dashed beyond the data.
        Mark.Line dashed = marks(p, Mark.Line.class).stream().filter(l -> l.style().dash() == LineStyle.Dash.DASHED)
                .findFirst().orElseThrow();
        assertEquals(1e26, dashed.x()[dashed.x().length - 1], 1e26 * 1e-12);
        assertTrue(legend(p).contains("prediction: curve (thick) and new point (thin), 95% (delta method)"), legend(p).toString());
        assertTrue(marks(p, Mark.Text.class).stream().anyMatch(t -> t.text().endsWith(" at 10²⁶")),
                "the prediction is labelled with its value");
    }

    @Test
    void aTargetLevelIsDrawnWithWhereTheCurveReachesItAndItsInterval() {
        Fit fit = powerFit(0.02);
        FitPlot.Target target = FitPlot.Target.of(fit, 2.8);
        Estimate e = target.reached();
        assertTrue(e.value() > 1e22, "2.8 is reached beyond the data, at " + e.value());
        Panel p = panel(FitPlot.of(fit, FitPlot.Options.defaults().withTargets(List.of(target))));
        assertTrue(p.y().contains(2.8));
        assertTrue(p.x().contains(e.value()) && p.x().contains(e.upper()), "x axis ends at " + p.x().max());
        assertTrue(marks(p, Mark.Line.class).stream().anyMatch(l -> l.style().dash() == LineStyle.Dash.DOTTED
                && l.y()[0] == 2.8 && l.x()[0] == p.x().min() && l.x()[1] == p.x().max()), "a level line across the plot");
        assertTrue(marks(p, Mark.Line.class).stream().anyMatch(l -> l.x().length == 2 && l.x()[0] == e.lower()
                && l.x()[1] == e.upper() && l.y()[0] == 2.8), "the interval of the crossing");
        Mark.Text label = marks(p, Mark.Text.class).stream().filter(t -> t.text().startsWith("2.8 reached at "))
                .findFirst().orElseThrow();
        assertEquals(e.value(), label.x(), 0);
        assertTrue(legend(p).contains("target level, where the curve reaches it"));
        // A level the curve never reaches says so.
        Panel never = panel(FitPlot.of(fit, FitPlot.Options.defaults().withTargets(List.of(new FitPlot.Target(0.5, null)))));
        assertTrue(marks(never, Mark.Text.class).stream().anyMatch(t -> t.text().equals("0.5: never reached")));
    }

    @Test
    void withABootstrapTheBandIsTheBootstrapBandAndTheLegendSaysSo() {
        Fit fit = powerFit(0.02);
        BootstrapResult boot = Bootstrap.run(fit, Resampler.rows(), 200, 7, 1);
        Panel p = panel(FitPlot.of(fit, FitPlot.Options.defaults().withBootstrap(boot)));
        Mark.Band band = marks(p, Mark.Band.class).get(0);
        double[] x = band.x();
        Prediction first = Bands.bootstrap(boot, x[0]);
        Prediction last = Bands.bootstrap(boot, x[x.length - 1]);
        assertEquals(first.confidence().lower(), band.lower()[0], 0);
        assertEquals(last.confidence().upper(), band.upper()[x.length - 1], 0);
        assertNotEquals(Bands.delta(fit, x[0]).confidence().lower(), band.lower()[0]);
        assertEquals("95% confidence band (bootstrap, " + boot.succeeded() + " replicates)", legend(p).get(2));
    }

    @Test
    void aDoublingFitOfMinutesIsLabelledInDurations() {
        double t0 = LocalDate.of(2019, 2, 14).toEpochDay();
        int n = 12;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + 200 * i;
            y[i] = 0.05 * Math.pow(2, (t[i] - t0) / 210.0) * (1 + 0.1 * Math.sin(i));
        }
        Observations obs = Observations.builder().predictor("release_date", t).response("p50_minutes", y).build();
        Fit fit = Fitter.fit(new DoublingTrend(t0), obs, FitOptions.defaults());
        Panel p = panel(FitPlot.of(fit, FitPlot.Options.defaults().withTargets(List.of(FitPlot.Target.of(fit, 480)))));
        List<String> labels = p.y().ticks().labels();
        assertTrue(labels.containsAll(List.of("15 sec", "1 min", "15 min", "1 hr")), labels.toString());
        assertTrue(labels.stream().allMatch(s -> s.matches("[0-9.]+ (sec|min|hrs?|days?|weeks?)")), labels.toString());
        // The target's label gives the level as typed and as a duration.
        assertTrue(marks(p, Mark.Text.class).stream().anyMatch(tx -> tx.text().startsWith("480 (8 hrs) reached at 20")));
        // Durations only where the column says it holds time: off by option, and not for a loss.
        Panel plain = panel(FitPlot.of(fit, FitPlot.Options.defaults().withDurations(false)));
        assertTrue(plain.y().ticks().labels().contains("10⁰"), plain.y().ticks().labels().toString());
        assertTrue(panel(FitPlot.of(powerFit(0.02))).y().ticks().labels().stream().noneMatch(s -> s.contains("min")));
    }

    @Test
    void intervalBarsOfTheDataAreDrawnAndNamedInTheLegend() {
        Fit fit = powerFit(0.02);
        double[] y = fit.data().yValues();
        double[] lo = new double[y.length];
        double[] hi = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            lo[i] = y[i] * 0.97;
            hi[i] = y[i] * 1.05;
        }
        Panel p = panel(FitPlot.of(fit, FitPlot.Options.defaults().withBars(new FitPlot.Bars(lo, hi, "loss_lo … loss_hi"))));
        Mark.ErrorBars bars = marks(p, Mark.ErrorBars.class).get(0);
        assertEquals(lo[7], bars.lower()[7], 0);
        assertEquals(hi[7], bars.upper()[7], 0);
        assertEquals("data (n = 20), loss_lo … loss_hi", legend(p).get(0));
        assertThrows(IllegalArgumentException.class, () -> FitPlot.of(fit, FitPlot.Options.defaults()
                .withBars(new FitPlot.Bars(new double[3], new double[3], "short"))));
    }

    @Test
    void aBandTooThinToSeeIsNotListedInTheLegend() {
        // Noise of one part in a million: the 95% band is far narrower than the curve's line.
        Panel thin = panel(FitPlot.of(powerFit(1e-6)));
        assertEquals(1, marks(thin, Mark.Band.class).size(), "the band is still drawn");
        assertTrue(legend(thin).stream().noneMatch(s -> s.contains("band")), legend(thin).toString());
        Panel wide = panel(FitPlot.of(powerFit(0.05)));
        assertTrue(legend(wide).contains("95% confidence band (delta method)"), legend(wide).toString());
        assertFalse(Figures.visibleBand(thin, new Figure.Rect(0, 0, 600, 400), marks(thin, Mark.Band.class).get(0).fill()));
    }

    @Test
    void durationUnitsAreReadFromColumnNamesOnlyWhenUnambiguous() {
        assertEquals(DurationUnit.MINUTES, DurationUnit.fromColumnName("p50_minutes").orElseThrow());
        assertEquals(DurationUnit.HOURS, DurationUnit.fromColumnName("trainHours").orElseThrow());
        assertEquals(DurationUnit.SECONDS, DurationUnit.fromColumnName("latency-sec").orElseThrow());
        assertTrue(DurationUnit.fromColumnName("loss_min").isEmpty(), "min may mean a minimum");
        assertTrue(DurationUnit.fromColumnName("minutes_per_token_x").isEmpty(), "only the last word counts");
        assertEquals(60, DurationUnit.parse("h").minutes(), 0);
        assertThrows(IllegalArgumentException.class, () -> DurationUnit.parse("fortnight"));
    }
}

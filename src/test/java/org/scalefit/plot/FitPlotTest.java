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
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.DoublingTrend;
import org.scalefit.model.SuperexponentialTrend;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;
import org.scalefit.uncertainty.PointwiseBand;

/** The structure of fit plots: which marks, axes and legend entries they hold. */
class FitPlotTest {

    private static Fit powerFit(boolean sigma) {
        Random r = new Random(5);
        int n = 20;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 18 + 4.0 * i / (n - 1));
            s[i] = 0.02;
            y[i] = 40 * Math.pow(x[i], -0.05) * Math.exp(0.02 * r.nextGaussian());
        }
        Observations.Builder b = Observations.builder().predictor("compute", x).response("loss", y);
        if (sigma) {
            b.sigma("sd", s);
        }
        return Fitter.fit(new PowerLaw(), b.build(), FitOptions.defaults());
    }

    private static <T extends Mark> List<T> marks(Panel p, Class<T> type) {
        return p.marks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void powerLawGivesLogLogAxesCurveBandAndFormulaOverTheDataOnly() {
        Figure f = FitPlot.of(powerFit(false));
        assertEquals(1, f.panels().size());
        Panel p = f.panels().get(0).panel();
        assertEquals(Scale.LOG, p.x().scale());
        assertEquals(Scale.LOG, p.y().scale());
        assertEquals("compute", p.x().title());
        assertEquals("loss", p.y().title());
        assertEquals(1, marks(p, Mark.Band.class).size());
        List<Mark.Line> lines = marks(p, Mark.Line.class);
        // No extrapolation unless asked: one solid curve, exactly over the data.
        assertEquals(1, lines.size());
        Mark.Line solid = lines.get(0);
        assertEquals(LineStyle.Dash.SOLID, solid.style().dash());
        assertEquals(1e18, solid.x()[0], 1e18 * 1e-12);
        assertEquals(1e22, solid.x()[solid.x().length - 1], 1e22 * 1e-12);
        // The axis pads the data by 3% of its span (4 decades), not by 0.8 decade of invented curve.
        assertTrue(p.x().min() > 1e18 / Math.pow(10, 0.13) && p.x().max() < 1e22 * Math.pow(10, 0.13),
                p.x().min() + " … " + p.x().max());
        assertEquals(20, marks(p, Mark.Points.class).get(0).x().length);
        List<String> legend = p.legend().orElseThrow().entries().stream().map(Legend.Entry::label).toList();
        assertEquals("data (n = 20)", legend.get(0));
        assertTrue(legend.get(1).startsWith("loss = ") && legend.get(1).contains("·compute^{−0.0"), legend.get(1));
        assertEquals("95% confidence band (delta method)", legend.get(2));
        assertFalse(legend.contains("extrapolation"), legend.toString());
        // Decade labels, no E-notation anywhere.
        assertTrue(p.x().ticks().labels().contains("10²⁰"), p.x().ticks().labels().toString());
        assertTrue(p.y().ticks().labels().stream().noneMatch(s -> s.contains("E")));
    }

    @Test
    void aPlotRangeExtendsTheCurveDashedBeyondTheData() {
        Panel p = FitPlot.of(powerFit(false), FitPlot.Options.defaults().withRange(1e17, 1e24)).panels().get(0).panel();
        List<Mark.Line> lines = marks(p, Mark.Line.class);
        assertEquals(2, lines.stream().filter(l -> l.style().dash() == LineStyle.Dash.DASHED).count());
        Mark.Line solid = lines.stream().filter(l -> l.style().dash() == LineStyle.Dash.SOLID).findFirst().orElseThrow();
        assertEquals(1e18, solid.x()[0], 1e18 * 1e-12);
        assertEquals(1e22, solid.x()[solid.x().length - 1], 1e22 * 1e-12);
        assertEquals(1e17, p.x().min(), 0);
        assertEquals(1e24, p.x().max(), 0);
        assertEquals("extrapolation", p.legend().orElseThrow().entries().get(2).label());
    }

    @Test
    void eNotationTickStyleByOption() {
        Figure f = FitPlot.of(powerFit(false), FitPlot.Options.defaults().withLogStyle(Ticks.LogStyle.E_NOTATION));
        assertTrue(f.panels().get(0).panel().x().ticks().labels().contains("1e20"));
    }

    @Test
    void sigmasGiveErrorBars() {
        Figure f = FitPlot.of(powerFit(true));
        Panel p = f.panels().get(0).panel();
        Mark.ErrorBars bars = marks(p, Mark.ErrorBars.class).get(0);
        Mark.Points pts = marks(p, Mark.Points.class).get(0);
        // ±1σ of ln y: bars run from y·e^−σ to y·e^σ.
        assertEquals(pts.y()[3] * Math.exp(-0.02), bars.lower()[3], 1e-12);
        assertEquals(pts.y()[3] * Math.exp(0.02), bars.upper()[3], 1e-12);
        assertEquals("data (n = 20), ±1σ", p.legend().orElseThrow().entries().get(0).label());
    }

    @Test
    void residualPanelSharesTheXAxis() {
        Fit fit = powerFit(false);
        Figure f = FitPlot.of(fit, FitPlot.Options.defaults().withResiduals(true).withSize(640, 560));
        assertEquals(2, f.panels().size());
        Figure.Placed main = f.panels().get(0);
        Figure.Placed res = f.panels().get(1);
        assertFalse(main.panel().x().tickLabels());
        assertEquals("", main.panel().x().title());
        assertEquals(main.panel().x().min(), res.panel().x().min(), 0);
        assertEquals(main.area().x(), res.area().x(), 0);
        assertEquals(main.area().width(), res.area().width(), 0);
        assertTrue(res.area().y() > main.area().bottom());
        assertEquals("ln y − ln f", res.panel().y().title());
        double[] shown = marks(res.panel(), Mark.Points.class).get(0).y();
        double[] r = fit.residuals();
        for (int i = 0; i < r.length; i++) {
            assertEquals(r[i], shown[i], 0);
        }
    }

    /** Twelve horizons 200 days apart from 2019-02-14, doubling every 210 days with a wobble. */
    private static final double T0 = LocalDate.of(2019, 2, 14).toEpochDay();

    private static Observations datedHorizons() {
        int n = 12;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + 200 * i;
            y[i] = 0.05 * Math.pow(2, (t[i] - T0) / 210.0) * (1 + 0.1 * Math.sin(i));
        }
        return Observations.builder().predictor("release_date", t).response("p50_minutes", y).build();
    }

    @Test
    void doublingTrendGetsADateAxisAndALogY() {
        double t0 = T0;
        Observations obs = datedHorizons();
        Fit fit = Fitter.fit(new DoublingTrend(t0), obs, FitOptions.defaults());
        Panel p = FitPlot.of(fit).panels().get(0).panel();
        assertEquals(Scale.LINEAR, p.x().scale());
        assertEquals(Scale.LOG, p.y().scale());
        assertTrue(p.x().ticks().labels().containsAll(List.of("2020", "2022", "2024")), p.x().ticks().labels().toString());
        assertTrue(p.legend().orElseThrow().entries().get(1).label().startsWith("fit: doubles every 21"));
    }

    /**
     * The superexponential trend's predictor is a date too: its plot used to show the day numbers
     * (17500–20500) on the x axis because the plot checked for the doubling law's class instead of the
     * law's time-predictor capability.
     */
    @Test
    void superexponentialTrendGetsADateAxisToo() {
        Observations obs = datedHorizons();
        Fit fit = Fitter.fit(SuperexponentialTrend.endingAtLastDate(obs), obs, FitOptions.defaults());
        Panel p = FitPlot.of(fit).panels().get(0).panel();
        assertEquals(Scale.LINEAR, p.x().scale());
        List<String> labels = p.x().ticks().labels();
        assertTrue(labels.containsAll(List.of("2020", "2022", "2024")), labels.toString());
        assertTrue(labels.stream().noneMatch(s -> s.matches("\\d{5}|\\d{2},\\d{3}")), labels.toString());
    }

    @Test
    void forcedAxesAndTheirChecks() {
        Fit fit = powerFit(false);
        Panel lin = FitPlot.of(fit, FitPlot.Options.defaults().withAxes(FitPlot.Axes.LINEAR)).panels().get(0).panel();
        assertEquals(Scale.LINEAR, lin.x().scale());
        assertEquals(Scale.LINEAR, lin.y().scale());
        Panel semi = FitPlot.of(fit, FitPlot.Options.defaults().withAxes(FitPlot.Axes.SEMILOG_X)).panels().get(0).panel();
        assertEquals(Scale.LOG, semi.x().scale());
        assertEquals(Scale.LINEAR, semi.y().scale());

        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {-1, 0.5, 1.9, 3.1, 4.2, 5.0};
        Fit linear = Fitter.fit(new OffsetPowerLaw(), Observations.of(new double[] {1, 2, 3, 4, 5, 6},
                new double[] {5, 3.2, 2.6, 2.3, 2.1, 2.0}), FitOptions.builder().space(Space.LINEAR).build());
        Panel auto = FitPlot.of(linear).panels().get(0).panel();
        assertEquals(Scale.LINEAR, auto.y().scale());
        Fit negative = Fitter.fit(new org.scalefit.model.ExpressionLaw("a + b*x", List.of("x")), Observations.of(x, y),
                FitOptions.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FitPlot.of(negative, FitPlot.Options.defaults().withAxes(FitPlot.Axes.LOG_LOG)));
        assertEquals("a log y axis needs y > 0, but the smallest y is -1.0", e.getMessage());
    }

    @Test
    void anyBandCanBeDrawn() {
        Fit fit = powerFit(false);
        double[] xs = {1e18, 1e20, 1e22};
        PointwiseBand boot = new PointwiseBand(xs, new double[] {5, 4, 3}, new double[] {4.5, 3.8, 2.7},
                new double[] {5.5, 4.2, 3.3}, 0.9, "bootstrap-percentile");
        Panel p = FitPlot.of(fit, FitPlot.Options.defaults().withBand(boot)).panels().get(0).panel();
        Mark.Band band = marks(p, Mark.Band.class).get(0);
        assertEquals(4.5, band.lower()[0], 0);
        assertEquals("90% confidence band (bootstrap-percentile)", p.legend().orElseThrow().entries().get(2).label());
        Panel none = FitPlot.of(fit, FitPlot.Options.defaults().withShowBand(false)).panels().get(0).panel();
        assertTrue(marks(none, Mark.Band.class).isEmpty());
    }

    @Test
    void legendAvoidsTheData() {
        // A rising curve fills the upper right; the legend must go elsewhere.
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = Math.pow(10, i / 4.0);
            y[i] = 2 * Math.pow(x[i], 0.5);
        }
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(x, y), FitOptions.defaults());
        Legend.Corner c = FitPlot.of(fit).panels().get(0).panel().legend().orElseThrow().corner();
        assertNotEquals(Legend.Corner.UPPER_RIGHT, c);
        assertNotEquals(Legend.Corner.LOWER_LEFT, c);
    }

    @Test
    void formulaMarkupTurnsExponentsIntoSuperscriptsAndENotationIntoPowersOfTen() {
        assertEquals("loss = 1.809 + 1009.2·compute^{−0.15018}", FormulaText.markup("loss = 1.809 + 1009.2·compute^(-0.15018)"));
        assertEquals("y = 2.3·10^{8}·x^{−0.05}", FormulaText.markup("y = 2.3e+08·x^(-0.05)"));
        assertEquals("y = 10^{−12}", FormulaText.markup("y = 1e-12"));
        assertEquals("y = 5.7786 − 1.1036·x", FormulaText.markup("y = 5.7786 + (-1.1036)*x"));
        assertEquals("y = (−2)·x + 3", FormulaText.markup("y = (-2)*x + 3"));
        assertEquals("3.1·10^{8}", FormulaText.number(3.1e8, 2));
        assertEquals("−0.05", FormulaText.number(-0.05, 2));
    }
}

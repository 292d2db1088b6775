package org.scalefit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.horizon.HorizonTable;
import org.scalefit.horizon.Milestone;
import org.scalefit.horizon.Projection;
import org.scalefit.horizon.TrendFit;
import org.scalefit.horizon.TrendKind;
import org.scalefit.horizon.TrendOptions;
import org.scalefit.horizon.Trends;
import org.scalefit.plot.TickLabels.DurationScale;
import org.scalefit.plot.TickLabels.DurationStyle;
import org.scalefit.reproduce.Datasets;
import org.scalefit.reproduce.FigureResult;
import org.scalefit.reproduce.HorizonReproduction;

/**
 * METR-style charts of any trend: one duration scale for ticks and milestones (no calendar "1 week" tick
 * beside the 167-hour work month), METR's own view by default, and direct labels that no error bar crosses.
 */
class TrendPlotTest {
    private static TrendFit metrFrontier() {
        HorizonTable table = HorizonTable.read(Path.of("datasets/metr-horizons.csv"), HorizonTable.Columns.defaults(), List.of());
        return Trends.fit(table.points(), TrendOptions.defaults().withFrontier(true).withReplicates(200)
                .withKinds(EnumSet.of(TrendKind.EXPONENTIAL)));
    }

    private static <T extends Mark> List<T> marks(Panel p, Class<T> type) {
        return p.marks().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void theHoursScaleLabelsEverythingFromAnHourUpInHours() {
        Ticks t = Ticks.durations(1, 60 * 3000, 11, DurationStyle.LONG, DurationScale.HOURS);
        List<String> labels = t.labels();
        assertEquals(List.of("1 min", "4 min", "15 min", "1 hr", "4 hrs", "16 hrs", "64 hrs", "250 hrs", "1000 hrs"), labels);
        assertEquals(List.of("1 sec", "1 min", "1 hr", "100 hrs", "10000 hrs"),
                Ticks.durations(1.0 / 60, 60 * 20000, 6, DurationStyle.LONG, DurationScale.HOURS).labels());
        assertTrue(labels.stream().noneMatch(s -> s.contains("day") || s.contains("week") || s.contains("month")),
                labels.toString());
        // Few enough doublings: every doubling labelled, in hours.
        assertEquals(List.of("1 hr", "2 hrs", "4 hrs", "8 hrs", "16 hrs", "32 hrs", "64 hrs", "128 hrs"),
                Ticks.durations(60, 60 * 200, 11, DurationStyle.LONG, DurationScale.HOURS).labels());
        assertEquals("167 hrs", TickLabels.duration(10020, DurationStyle.LONG, DurationScale.HOURS));
        assertEquals("1 week", TickLabels.duration(10080, DurationStyle.LONG, DurationScale.CALENDAR));
        assertEquals("0.25 sec", TickLabels.duration(0.25 / 60, DurationStyle.LONG));
    }

    @Test
    void milestoneLinesAndTickLabelsSpeakOneUnit() {
        TrendFit fit = metrFrontier();
        Projection pr = Projection.of(fit, Milestone.parseList("8h,40h,167h"), new double[0]);
        Figure f = TrendPlot.of(fit, TrendPlot.Options.defaults().withProjection(pr, LocalDate.of(2032, 1, 1).toEpochDay()));
        Panel p = f.panels().get(0).panel();
        List<String> ticks = p.y().ticks().labels();
        assertTrue(ticks.stream().noneMatch(s -> s.contains("day") || s.contains("week") || s.contains("month")),
                "calendar units beside work-time milestones: " + ticks);
        List<Double> levels = new ArrayList<>();
        for (Mark.Line l : marks(p, Mark.Line.class)) {
            if (l.x().length == 2 && l.y()[0] == l.y()[1] && l.x()[0] == p.x().min() && l.x()[1] == p.x().max()) {
                levels.add(l.y()[0]);
            }
        }
        assertEquals(List.of(480.0, 2400.0, 10020.0), levels);
        List<String> names = marks(p, Mark.Text.class).stream().map(Mark.Text::text).toList();
        assertTrue(names.containsAll(List.of("1 work day (8 hrs)", "1 work week (40 hrs)", "1 work month (167 hrs)")),
                names.toString());
        // The dates the trend reaches them, by the crossings, as the projection computed them.
        Projection.MilestoneDate month = pr.milestones(TrendKind.EXPONENTIAL).get(2);
        assertTrue(marks(p, Mark.Points.class).stream().anyMatch(m -> m.x().length == 1 && m.x()[0] == month.date()
                && m.y()[0] == 10020.0));
        assertTrue(p.x().contains(month.date()));
    }

    @Test
    void theMetrFigureShowsMetrsViewWithoutProjectionsAndNoLabelCrossedByABar() {
        FigureResult r = new HorizonReproduction().run(Datasets.directory(Path.of("datasets")));
        Figure.Placed placed = r.figure().panels().get(0);
        Panel p = placed.panel();
        assertEquals(LocalDate.of(2018, 9, 3).toEpochDay(), p.x().min(), 0);
        assertEquals(LocalDate.of(2027, 1, 1).toEpochDay(), p.x().max(), 0);
        assertEquals(List.of("1 sec", "4 sec", "15 sec", "1 min", "4 min", "15 min", "1 hr", "4 hrs"), p.y().ticks().labels());
        assertFalse(marks(p, Mark.Text.class).stream().anyMatch(t -> t.text().contains("work")), "no milestone lines");
        List<String> labels = marks(p, Mark.Text.class).stream().map(Mark.Text::text).toList();
        assertTrue(labels.containsAll(List.of("GPT 2", "GPT 3", "GPT 3.5", "GPT 4", "GPT 4o", "o1", "Sonnet 3.7")),
                labels.toString());
        Mark.ErrorBars bars = marks(p, Mark.ErrorBars.class).get(0);
        for (Mark.Text t : marks(p, Mark.Text.class)) {
            if (t.text().contains("Doubling")) {
                continue;
            }
            double[] box = box(t, p, placed.area());
            for (int i = 0; i < bars.x().length; i++) {
                double x = Renderer.px(p.x(), placed.area(), bars.x()[i]);
                double top = Renderer.py(p.y(), placed.area(), Renderer.clamp(p.y(), bars.upper()[i]));
                double bottom = Renderer.py(p.y(), placed.area(), Renderer.clamp(p.y(), bars.lower()[i]));
                boolean crosses = x >= box[0] - 2 && x <= box[0] + box[2] + 2 && bottom >= box[1] && top <= box[1] + box[3];
                assertFalse(crosses, "\"" + t.text() + "\" is crossed by the bar at " + LocalDate.ofEpochDay((long) bars.x()[i]));
            }
        }
    }

    /** {left, top, width, height} of a text mark in points. */
    private static double[] box(Mark.Text t, Panel p, Figure.Rect area) {
        double w = TextMetrics.width(t.text(), t.style());
        double h = TextMetrics.height(t.text(), t.style());
        double ax = Renderer.px(p.x(), area, t.x()) + t.dx();
        double ay = Renderer.py(p.y(), area, t.y()) - t.dy();
        double left = ax - (t.halign() == HAlign.LEFT ? 0 : t.halign() == HAlign.RIGHT ? w : w / 2);
        double top = ay - (t.valign() == VAlign.TOP ? 0 : t.valign() == VAlign.BOTTOM ? h : h / 2);
        return new double[] {left, top, w, h};
    }
}

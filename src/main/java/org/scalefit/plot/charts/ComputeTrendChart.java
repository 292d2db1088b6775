package org.scalefit.plot.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.plot.Axis;
import org.scalefit.plot.Colors;
import org.scalefit.plot.Figure;
import org.scalefit.plot.Layout;
import org.scalefit.plot.Legend;
import org.scalefit.plot.LineStyle;
import org.scalefit.plot.Mark;
import org.scalefit.plot.MarkerStyle;
import org.scalefit.plot.Panel;
import org.scalefit.plot.Scale;
import org.scalefit.plot.TextStyle;
import org.scalefit.plot.Theme;
import org.scalefit.plot.Ticks;
import org.scalefit.plot.Ticks.LogStyle;

/**
 * Training compute of notable AI models against their publication date, on a log axis, with an exponential trend per
 * era drawn over the era it was fitted to (Sevilla et al. 2022, "Compute Trends Across Three Eras of Machine
 * Learning"; Epoch AI 2024, "Training compute of frontier AI models grows by 4-5x per year"): each era's points in its
 * own colour, each trend a line whose legend entry says its doubling time and growth per year.
 *
 * <pre>{@code
 * Figure f = ComputeTrendChart.draw(new ComputeTrendChart.Input(eras, trends, "Data: Epoch AI, CC-BY 4.0"));
 * }</pre>
 */
public final class ComputeTrendChart {
    private static final double WIDTH = 760;
    private static final double HEIGHT = 470;
    private static final Color TEXT = new Color(0x333333);
    private static final Color[] POINTS = {new Color(0x8c8c8c), new Color(0x3b75af)};
    private static final Color[] LINES = {new Color(0x222222), new Color(0xd1495b), new Color(0x1f4e79)};

    private ComputeTrendChart() {
    }

    /**
     * One group of models drawn in one colour.
     *
     * @param label  legend text
     * @param points compute (FLOP) against publication date (days since 1970-01-01)
     */
    public record Era(String label, XY points) {
        /**
         * Checks the arguments.
         *
         * @param label  legend text
         * @param points compute (FLOP) against publication date (days since 1970-01-01)
         * @throws NullPointerException if a required component is null
         */
        public Era {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(points, "points");
        }
    }

    /**
     * A fitted trend, drawn over the dates it was fitted to.
     *
     * @param label  legend text (its doubling time and growth per year)
     * @param line   the trend's compute against date over its era
     * @param dashed true to draw it dashed (a sub-period of another trend)
     */
    public record Trend(String label, XY line, boolean dashed) {
        /**
         * Checks the arguments.
         *
         * @param label  legend text
         * @param line   the trend's compute against date over its era
         * @param dashed true to draw it dashed
         * @throws NullPointerException if a required component is null
         */
        public Trend {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(line, "line");
        }
    }

    /**
     * @param eras    the models by era (at most two colours: before and since the deep-learning era)
     * @param trends  the fitted trends (at most three)
     * @param caption a line above the chart saying where the data come from
     */
    public record Input(List<Era> eras, List<Trend> trends, String caption) {
        /**
         * Copies the lists.
         *
         * @param eras    the models by era
         * @param trends  the fitted trends
         * @param caption a line above the chart saying where the data come from
         * @throws IllegalArgumentException with more than two eras or three trends
         * @throws NullPointerException if a required component is null
         */
        public Input {
            eras = List.copyOf(eras);
            trends = List.copyOf(trends);
            Objects.requireNonNull(caption, "caption");
            if (eras.size() > POINTS.length || trends.size() > LINES.length) {
                throw new IllegalArgumentException("at most " + POINTS.length + " eras and " + LINES.length + " trends");
            }
        }
    }

    /**
     * @param in the models and trends
     * @return the chart
     */
    public static Figure draw(Input in) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = 0;
        for (Era e : in.eras()) {
            x0 = Math.min(x0, e.points().minX());
            x1 = Math.max(x1, e.points().maxX());
            y0 = Math.min(y0, e.points().minY());
            y1 = Math.max(y1, e.points().maxY());
        }
        double pad = 0.03 * (x1 - x0);
        x0 -= pad;
        x1 += pad;
        y0 = Math.pow(10, Math.floor(Math.log10(y0)) - 0.5);
        y1 = Math.pow(10, Math.ceil(Math.log10(y1)) + 0.3);
        Axis x = new Axis(Scale.LINEAR, x0, x1, Ticks.dates(x0, x1, 9), "Publication date", true);
        Axis y = new Axis(Scale.LOG, y0, y1, Ticks.logDecades(y0, y1, 0, LogStyle.SUPERSCRIPT, 8), "Training compute (FLOP)",
                true);
        Theme theme = Theme.clean().withTickLabels(TextStyle.sans(11, TEXT)).withAxisTitle(TextStyle.sans(12.5, TEXT));
        Panel.Builder p = Panel.builder(x, y).theme(theme);
        List<Legend.Entry> entries = new ArrayList<>();
        for (int i = 0; i < in.eras().size(); i++) {
            Era e = in.eras().get(i);
            MarkerStyle m = MarkerStyle.circle(Colors.withAlpha(POINTS[i], 0.55), 4.5);
            p.add(new Mark.Points(e.points().x(), e.points().y(), m));
            entries.add(Legend.Entry.marker(e.label(), MarkerStyle.circle(POINTS[i], 4.5)));
        }
        for (int i = 0; i < in.trends().size(); i++) {
            Trend t = in.trends().get(i);
            LineStyle style = t.dashed() ? LineStyle.dashed(LINES[i], 2.0) : LineStyle.solid(LINES[i], 2.2);
            p.add(new Mark.Line(t.line().x(), t.line().y(), style));
            entries.add(Legend.Entry.line(t.label(), style));
        }
        Legend legend = new Legend(entries, Legend.Corner.UPPER_LEFT, true, TextStyle.sans(10, TEXT));
        p.legend(legend);
        Panel probe = p.build();
        double top = 14 + org.scalefit.plot.TextMetrics.height(in.caption(), TextStyle.sans(10, TEXT)) + 6;
        Figure.Rect area = Layout.plotArea(probe, 0, top, WIDTH, HEIGHT - top);
        Legend.Corner corner = Layout.bestLegendCorner(probe, area, Legend.Corner.UPPER_LEFT, Legend.Corner.LOWER_RIGHT);
        p.legend(new Legend(entries, corner, true, legend.style()));
        return Figure.builder(WIDTH, HEIGHT).title("Training compute of notable AI models")
                .panel(p.build(), area)
                .text(Figure.Text.left(in.caption(), area.x(), 8, TextStyle.sans(10, new Color(0x6b6b6b)).italicized()))
                .build();
    }
}

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
 * Two fitted joint laws L(N, D) against the training runs they describe, one IsoFLOP budget at a time: loss against
 * model size N with D = C/(6N), each budget's runs in its own colour, the first law solid and the second dashed in
 * the same colour (Besiroglu et al. 2024's comparison of their refit with Hoffmann et al.'s published law).
 *
 * <pre>{@code
 * Figure f = LawAgainstRunsChart.draw(new LawAgainstRunsChart.Input(budgets, "Epoch's MLE", "Hoffmann et al.",
 *         "Runs: Epoch AI's digitization"));
 * }</pre>
 */
public final class LawAgainstRunsChart {
    private static final double WIDTH = 760;
    private static final double HEIGHT = 500;
    private static final Color TEXT = new Color(0x333333);

    private LawAgainstRunsChart() {
    }

    /**
     * One IsoFLOP budget: its runs and both laws along it.
     *
     * @param label  legend text, e.g. {@code 6e18}
     * @param runs   loss against N of the runs in this budget
     * @param first  the first law's loss against N along the budget
     * @param second the second law's loss against N along the budget
     */
    public record Budget(String label, XY runs, XY first, XY second) {
        /**
         * Checks the arguments.
         *
         * @param label  legend text
         * @param runs   the runs
         * @param first  the first law along the budget
         * @param second the second law along the budget
         * @throws NullPointerException if a component is null
         */
        public Budget {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(runs, "runs");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    /**
     * @param budgets     the budgets, smallest compute first
     * @param firstLabel  legend text of the solid law
     * @param secondLabel legend text of the dashed law
     * @param caption     a line above the chart saying where the runs and the laws come from
     */
    public record Input(List<Budget> budgets, String firstLabel, String secondLabel, String caption) {
        /**
         * Copies the list.
         *
         * @param budgets     the budgets
         * @param firstLabel  legend text of the solid law
         * @param secondLabel legend text of the dashed law
         * @param caption     the caption
         * @throws IllegalArgumentException without a budget
         * @throws NullPointerException if a component is null
         */
        public Input {
            budgets = List.copyOf(budgets);
            Objects.requireNonNull(firstLabel, "firstLabel");
            Objects.requireNonNull(secondLabel, "secondLabel");
            Objects.requireNonNull(caption, "caption");
            if (budgets.isEmpty()) {
                throw new IllegalArgumentException("at least one budget");
            }
        }
    }

    /**
     * @param in the budgets and the laws
     * @return the chart
     */
    public static Figure draw(Input in) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = 0;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = 0;
        for (Budget b : in.budgets()) {
            x0 = Math.min(x0, Math.min(b.runs().minX(), b.first().minX()));
            x1 = Math.max(x1, Math.max(b.runs().maxX(), b.first().maxX()));
            y0 = Math.min(y0, b.runs().minY());
            y1 = Math.max(y1, b.runs().maxY());
        }
        x0 /= 1.3;
        x1 *= 1.3;
        double span = y1 - y0;
        y0 -= 0.04 * span;
        y1 += 0.04 * span;
        Axis x = new Axis(Scale.LOG, x0, x1, Ticks.logDecades(x0, x1, 0, LogStyle.SUFFIX, 8), "Parameters N", true);
        Axis y = new Axis(Scale.LINEAR, y0, y1, Ticks.linear(y0, y1, 8), "Training loss", true);
        Theme theme = Theme.clean().withTickLabels(TextStyle.sans(11, TEXT)).withAxisTitle(TextStyle.sans(12.5, TEXT));
        Panel.Builder p = Panel.builder(x, y).theme(theme);
        List<Color> colours = Colors.hue(in.budgets().size(), 0.62, 0.42);
        List<Legend.Entry> entries = new ArrayList<>();
        entries.add(Legend.Entry.line(in.firstLabel(), LineStyle.solid(TEXT, 2)));
        entries.add(Legend.Entry.line(in.secondLabel(), LineStyle.dashed(TEXT, 1.6)));
        for (int i = 0; i < in.budgets().size(); i++) {
            Budget b = in.budgets().get(i);
            Color c = colours.get(i);
            // Curves clipped to the axis range: a law far off the runs must not stretch the chart.
            p.add(new Mark.Line(b.second().x(), clip(b.second().y(), y0, y1), LineStyle.dashed(c, 1.6)));
            p.add(new Mark.Line(b.first().x(), clip(b.first().y(), y0, y1), LineStyle.solid(c, 2)));
            p.add(new Mark.Points(b.runs().x(), b.runs().y(), MarkerStyle.circle(c, 5.5).withEdge(Color.WHITE, 0.6)));
            entries.add(Legend.Entry.marker(b.label(), MarkerStyle.circle(c, 5.5)));
        }
        // Loss falls with compute and each budget is a U in ln N: the lower left stays clear of runs.
        Legend legend = new Legend(entries, Legend.Corner.LOWER_LEFT, true, TextStyle.sans(10, TEXT));
        p.legend(legend);
        Panel probe = p.build();
        double top = 14 + org.scalefit.plot.TextMetrics.height(in.caption(), TextStyle.sans(10, TEXT)) + 6;
        Figure.Rect area = Layout.plotArea(probe, 0, top, WIDTH, HEIGHT - top);
        Legend.Corner corner = Layout.bestLegendCorner(probe, area, Legend.Corner.LOWER_LEFT, Legend.Corner.UPPER_RIGHT,
                Legend.Corner.LOWER_RIGHT);
        p.legend(new Legend(entries, corner, true, legend.style()));
        return Figure.builder(WIDTH, HEIGHT).title("Two laws against the runs, by IsoFLOP budget")
                .panel(p.build(), area)
                .text(Figure.Text.left(in.caption(), area.x(), 8, TextStyle.sans(10, new Color(0x6b6b6b)).italicized()))
                .build();
    }

    private static double[] clip(double[] v, double lo, double hi) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] < lo || v[i] > hi ? Double.NaN : v[i];
        }
        return out;
    }
}

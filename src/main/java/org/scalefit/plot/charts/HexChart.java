package org.scalefit.plot.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.plot.Axis;
import org.scalefit.plot.Colors;
import org.scalefit.plot.Figure;
import org.scalefit.plot.HAlign;
import org.scalefit.plot.LineStyle;
import org.scalefit.plot.Mark;
import org.scalefit.plot.Panel;
import org.scalefit.plot.TextStyle;
import org.scalefit.plot.Theme;
import org.scalefit.plot.Tick;
import org.scalefit.plot.Ticks;
import org.scalefit.plot.VAlign;

/**
 * Jones (2021), "Scaling Scaling Laws with Board Games": Elo against perfect play as a function of
 * training compute, one colour per Hex board size (ggplot's hue palette at lightness 0.4), every
 * training run as a faint line under its board's bold compute frontier, the fitted change-point
 * model dashed, and the board size written next to where each frontier starts instead of a legend.
 * Serif type, a thin full box and faint grid lines at major and minor ticks, as in the author's
 * plotnine theme.
 *
 * <pre>{@code
 * Figure f = HexChart.draw(new HexChart.Input(boards, "Runs generated from Jones (2021)'s published model"));
 * }</pre>
 */
public final class HexChart {
    private static final double WIDTH = 560;
    private static final double HEIGHT = 385;
    private static final TextStyle CAPTION = TextStyle.serif(10, new Color(0x6b6b6b)).italicized();

    private HexChart() {
    }

    /**
     * One board size's runs, frontier and fitted model.
     *
     * @param size     board size n (n×n board)
     * @param runs     Elo against compute of each training run
     * @param frontier the best Elo reached at each compute (the frontier)
     * @param fitted   the fitted frontier model over the frontier's range, or null
     */
    public record Board(int size, List<XY> runs, XY frontier, XY fitted) {
        /**
         * Copies the runs.
         *
         * @param size     board size n (n×n board)
         * @param runs     Elo against compute of each training run
         * @param frontier the best Elo reached at each compute (the frontier)
         * @param fitted   the fitted frontier model over the frontier's range, or null
         * @throws NullPointerException if a required component is null
         */
        public Board {
            runs = List.copyOf(runs);
            Objects.requireNonNull(frontier, "frontier");
        }
    }

    /**
     * @param boards  the board sizes, smallest first
     * @param caption a line above the chart saying where the runs come from
     */
    public record Input(List<Board> boards, String caption) {
        /**
         * Copies the list.
         *
         * @param boards  the board sizes, smallest first
         * @param caption a line above the chart saying where the runs come from
         * @throws NullPointerException if a required component is null
         */
        public Input {
            boards = List.copyOf(boards);
            Objects.requireNonNull(caption, "caption");
        }
    }

    /**
     * @param in the runs, frontiers and fits
     * @return the chart
     */
    public static Figure draw(Input in) {
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = 0;
        for (Board b : in.boards()) {
            for (XY r : b.runs()) {
                xmin = Math.min(xmin, r.minX());
                xmax = Math.max(xmax, r.maxX());
                ymin = Math.min(ymin, r.minY());
            }
        }
        // plotnine's default expansion: 5% of the range each side (in log units on x).
        double lx = Math.log10(xmin / 1.8);
        double hx = Math.log10(xmax);
        double ex = 0.05 * (hx - lx);
        double x0 = Math.pow(10, lx - ex);
        double x1 = Math.pow(10, hx + ex);
        double ey = 0.05 * (0 - ymin);
        double y0 = ymin - ey;
        double y1 = ey;

        Ticks xt = decadesEveryThree(x0, x1);
        Axis x = new Axis(org.scalefit.plot.Scale.LOG, x0, x1, xt, "FLOPS", true);
        Axis y = new Axis(org.scalefit.plot.Scale.LINEAR, y0, y1, Ticks.linear(y0, y1, 6), "Elo v. perfect play", true);
        Theme theme = Theme.ieee().withTickLabels(TextStyle.serif(11, Color.BLACK))
                .withAxisTitle(TextStyle.serif(11.5, Color.BLACK));
        Panel.Builder p = Panel.builder(x, y).theme(theme);
        List<Color> colors = Colors.hue(in.boards().size(), 0.65, 0.4);
        for (int i = 0; i < in.boards().size(); i++) {
            Board b = in.boards().get(i);
            for (XY r : b.runs()) {
                p.add(new Mark.Line(r.x(), r.y(), LineStyle.solid(Colors.withAlpha(colors.get(i), 0.15), 0.6)));
            }
        }
        for (int i = 0; i < in.boards().size(); i++) {
            Board b = in.boards().get(i);
            p.add(new Mark.Line(b.frontier().x(), b.frontier().y(), LineStyle.solid(colors.get(i), 1.3)));
            if (b.fitted() != null) {
                p.add(new Mark.Line(b.fitted().x(), b.fitted().y(), LineStyle.dashed(colors.get(i), 0.8)));
            }
        }
        TextStyle label = TextStyle.serif(12, Color.BLACK);
        for (int i = 0; i < in.boards().size(); i++) {
            Board b = in.boards().get(i);
            double fx = b.frontier().x()[0];
            double fy = b.frontier().y()[0];
            // Jones's labels sit a quarter decade left of and 15 Elo below each frontier's start.
            p.add(new Mark.Text(fx / Math.pow(10, 0.25), fy - 15, Integer.toString(b.size()), label.withColor(colors.get(i)),
                    HAlign.CENTER, VAlign.MIDDLE, 0, 0));
        }
        Panel panel = p.build();
        double top = 10 + org.scalefit.plot.TextMetrics.height(in.caption(), CAPTION) + 8;
        Figure.Rect area = org.scalefit.plot.Layout.plotArea(panel, 0, top, WIDTH, HEIGHT - top);
        return Figure.builder(WIDTH, HEIGHT).title("Jones (2021), Hex compute frontiers (reproduced)")
                .panel(panel, area)
                .text(Figure.Text.left(in.caption(), area.x(), 8, CAPTION))
                .build();
    }

    /** Labels at 10¹¹, 10¹⁴, 10¹⁷ written 1e11 (aligned to the top decade); other decades as minor ticks. */
    private static Ticks decadesEveryThree(double min, double max) {
        Ticks all = Ticks.logDecades(min, max, 3, Ticks.LogStyle.E_NOTATION, 4);
        List<Double> minor = new ArrayList<>();
        for (double v : all.minor()) {
            double e = Math.log10(v);
            if (Math.abs(e - Math.rint(e)) < 1e-9) {
                minor.add(v);
            }
        }
        List<Tick> major = new ArrayList<>(all.major());
        return new Ticks(major, minor);
    }
}

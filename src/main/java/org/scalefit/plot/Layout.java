package org.scalefit.plot;

/**
 * Plot areas that leave room for what is drawn around them: tick marks and labels, axis titles, a
 * panel title, and a legend placed outside on the right. Figures place panels by plot area, so
 * these helpers are how a chart gets its margins right for any tick labels.
 *
 * <pre>{@code
 * Figure.Rect area = Layout.plotArea(panel, 0, 0, 640, 420);
 * Figure f = Figure.builder(640, 420).panel(panel, area).build();
 * }</pre>
 */
public final class Layout {
    private Layout() {
    }

    /**
     * The plot area of a panel placed in the rectangle (x, y, width, height), which holds the panel
     * with its labels and titles.
     *
     * @param panel  the panel
     * @param x      left of the outer rectangle, points
     * @param y      top
     * @param width  width
     * @param height height
     * @return the plot area
     * @throws IllegalArgumentException if the rectangle leaves no room for the plot area
     */
    public static Figure.Rect plotArea(Panel panel, double x, double y, double width, double height) {
        double left = leftMargin(panel);
        double bottom = bottomMargin(panel);
        double top = topMargin(panel);
        double right = rightMargin(panel);
        double w = width - left - right;
        double h = height - top - bottom;
        if (w < 8 || h < 8) {
            throw new IllegalArgumentException("figure too small for its labels: plot area would be "
                    + Math.round(w) + " × " + Math.round(h) + " points");
        }
        return new Figure.Rect(Math.round(x + left), Math.round(y + top), Math.round(w), Math.round(h));
    }

    /**
     * @param legend a legend
     * @return its box's {width, height} in points
     */
    public static double[] legendSize(Legend legend) {
        return Renderer.legendSize(legend);
    }

    /**
     * @param panel a panel
     * @return the room its y tick labels and title need left of the plot area, in points
     */
    public static double leftMargin(Panel panel) {
        Theme t = panel.theme();
        double m = t.tickLength() + Renderer.TICK_PAD + Renderer.yLabelWidth(panel) + 4;
        if (!panel.y().title().isEmpty()) {
            m += Renderer.TITLE_PAD + 2 + TextMetrics.height(panel.y().title(), t.axisTitle()) + 2;
        }
        return Math.max(m, halfWidthOfFirstXLabel(panel) + 4);
    }

    /**
     * @param panel a panel
     * @return the room its x tick labels and title need below the plot area, in points
     */
    public static double bottomMargin(Panel panel) {
        Theme t = panel.theme();
        double m = t.tickLength() + Renderer.TICK_PAD + Renderer.xLabelHeight(panel) + 4;
        if (!panel.x().title().isEmpty()) {
            m += Renderer.TITLE_PAD + TextMetrics.height(panel.x().title(), t.axisTitle()) + 2;
        }
        return m;
    }

    /**
     * @param panel a panel
     * @return the room its title (and the top y tick label's upper half) needs above the plot area
     */
    public static double topMargin(Panel panel) {
        double m = TextMetrics.height("0", panel.theme().tickLabels()) / 2 + 4;
        if (!panel.title().isEmpty()) {
            m = Math.max(m, TextMetrics.height(panel.title(), panel.titleStyle()) + 12);
        }
        return m;
    }

    /**
     * @param panel a panel
     * @return the room needed right of the plot area (the last x tick label's right half, an outside legend)
     */
    public static double rightMargin(Panel panel) {
        double m = 8;
        var ticks = panel.x().ticks().major();
        if (panel.x().tickLabels() && !ticks.isEmpty()) {
            Tick last = ticks.get(ticks.size() - 1);
            if (panel.x().fraction(last.value()) > 0.97) {
                m = Math.max(m, TextMetrics.width(last.label(), panel.theme().tickLabels()) / 2 + 4);
            }
        }
        if (panel.legend().isPresent() && panel.legend().get().corner() == Legend.Corner.OUTSIDE_RIGHT) {
            Legend l = panel.legend().get();
            m = Math.max(m, Renderer.legendSize(l)[0] + 0.6 * l.style().size() + 6);
        }
        return m;
    }

    private static double halfWidthOfFirstXLabel(Panel panel) {
        var ticks = panel.x().ticks().major();
        if (!panel.x().tickLabels() || ticks.isEmpty() || panel.x().fraction(ticks.get(0).value()) > 0.03) {
            return 0;
        }
        return TextMetrics.width(ticks.get(0).label(), panel.theme().tickLabels()) / 2;
    }

    /**
     * The corner among {@code candidates} where the panel's legend would cover the fewest data: each
     * point counts 3, each vertex of a line 1, each text label 3. Use it so that legends do not hide data.
     *
     * @param panel      a panel with its legend
     * @param area       its plot area
     * @param candidates corners to try, in order of preference (ties keep the earlier)
     * @return the best corner, or the first candidate when the panel has no legend
     */
    public static Legend.Corner bestLegendCorner(Panel panel, Figure.Rect area, Legend.Corner... candidates) {
        if (panel.legend().isEmpty() || candidates.length == 0) {
            return candidates.length == 0 ? Legend.Corner.UPPER_RIGHT : candidates[0];
        }
        Legend.Corner best = candidates[0];
        double bestScore = Double.POSITIVE_INFINITY;
        for (Legend.Corner c : candidates) {
            double[] box = legendBox(panel, area, c);
            double score = 0;
            for (Mark m : panel.marks()) {
                if (m instanceof Mark.Points p) {
                    score += 3 * covered(panel, area, p.x(), p.y(), box);
                } else if (m instanceof Mark.Line l) {
                    score += covered(panel, area, l.x(), l.y(), box);
                } else if (m instanceof Mark.ErrorBars e) {
                    score += 2 * covered(panel, area, e.x(), e.lower(), box) + 2 * covered(panel, area, e.x(), e.upper(), box);
                } else if (m instanceof Mark.Text t) {
                    score += 3 * covered(panel, area, new double[] {t.x()}, new double[] {t.y()}, box);
                }
            }
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /**
     * @param panel  a panel with its legend
     * @param area   its plot area
     * @param corner a legend position
     * @return how many data points (markers) the legend box would cover there
     */
    public static int coveredPoints(Panel panel, Figure.Rect area, Legend.Corner corner) {
        if (panel.legend().isEmpty()) {
            return 0;
        }
        double[] box = legendBox(panel, area, corner);
        int n = 0;
        for (Mark m : panel.marks()) {
            if (m instanceof Mark.Points p) {
                n += covered(panel, area, p.x(), p.y(), box);
            }
        }
        return n;
    }

    /** {left, top, width, height} of the panel's legend at a corner, in points. */
    static double[] legendBox(Panel panel, Figure.Rect area, Legend.Corner c) {
        Legend legend = panel.legend().orElseThrow();
        double[] wh = Renderer.legendSize(legend);
        double inset = 0.6 * legend.style().size();
        double lx = switch (c) {
            case UPPER_LEFT, LOWER_LEFT, CENTER_LEFT -> area.x() + inset;
            case OUTSIDE_RIGHT -> area.right() + inset;
            default -> area.right() - inset - wh[0];
        };
        double ly = switch (c) {
            case UPPER_LEFT, UPPER_RIGHT, OUTSIDE_RIGHT -> area.y() + inset;
            case CENTER_LEFT -> area.y() + (area.height() - wh[1]) / 2;
            default -> area.bottom() - inset - wh[1];
        };
        return new double[] {lx, ly, wh[0], wh[1]};
    }

    private static int covered(Panel panel, Figure.Rect area, double[] x, double[] y, double[] box) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double px = Renderer.px(panel.x(), area, x[i]);
            double py = Renderer.py(panel.y(), area, y[i]);
            if (px >= box[0] - 3 && px <= box[0] + box[2] + 3 && py >= box[1] - 3 && py <= box[1] + box[3] + 3) {
                n++;
            }
        }
        return n;
    }
}

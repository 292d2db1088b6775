package org.scalefit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The assembly every chart of a command shares: a bold title (and an optional grey subtitle) above one
 * panel or a row of panels, each panel's legend placed in the inside corner where it covers the fewest
 * data — or outside on the right when every corner would hide points or the legend is nearly as tall as
 * the plot — and legend patches of bands too
 * thin to see left out (a patch for a band narrower than a line would promise something the reader
 * cannot find).
 *
 * <pre>{@code
 * Panel p = Panel.builder(x, y).theme(Theme.clean()).add(band).add(curve).add(points).build();
 * Figure f = Figures.single("fit of loss", "Loss against compute", "", p,
 *         List.of(Legend.Entry.marker("data", marker), Legend.Entry.patch("95% band", fill)), 640, 440);
 * }</pre>
 */
public final class Figures {
    /** A band thinner than this, in points, everywhere in the plot area is not listed in the legend. */
    public static final double THIN_BAND = 1.2;
    /** Legend font of the command charts. */
    public static final TextStyle LEGEND = TextStyle.sans(10.5, Colors.TEXT);
    private static final TextStyle TITLE = TextStyle.sans(13, Colors.TEXT).bold();
    private static final TextStyle SUBTITLE = TextStyle.sans(10.5, new java.awt.Color(0x555555));
    private static final Legend.Corner[] INSIDE = {Legend.Corner.UPPER_RIGHT, Legend.Corner.UPPER_LEFT,
        Legend.Corner.LOWER_LEFT, Legend.Corner.LOWER_RIGHT};

    private Figures() {
    }

    /**
     * One panel of a row, with the legend entries it should carry.
     *
     * @param panel  the panel, without a legend
     * @param legend its legend entries (empty for none)
     */
    public record Cell(Panel panel, List<Legend.Entry> legend) {
        /**
         * Copies the entries.
         *
         * @param panel  the panel, without a legend
         * @param legend its legend entries (empty for none)
         * @throws NullPointerException if a required component is null
         */
        public Cell {
            Objects.requireNonNull(panel, "panel");
            legend = List.copyOf(legend);
        }
    }

    /**
     * @param name     a short name for the picture (the SVG/PDF title)
     * @param title    the title drawn at the top left (empty for none)
     * @param subtitle a grey line under it (empty for none)
     * @param panel    the panel, without a legend
     * @param legend   its legend entries
     * @param width    figure width in points
     * @param height   figure height in points
     * @return the figure
     */
    public static Figure single(String name, String title, String subtitle, Panel panel, List<Legend.Entry> legend,
                                double width, double height) {
        return row(name, title, subtitle, List.of(new Cell(panel, legend)), width, height);
    }

    /**
     * Panels side by side in equal columns, their plot areas aligned at the top and bottom.
     *
     * @param name     a short name for the picture
     * @param title    the title at the top left (empty for none)
     * @param subtitle a grey line under it (empty for none)
     * @param cells    the panels with their legend entries, left to right
     * @param width    figure width in points
     * @param height   figure height in points
     * @return the figure
     */
    public static Figure row(String name, String title, String subtitle, List<Cell> cells, double width, double height) {
        double top = headerHeight(title, subtitle);
        Figure.Builder fig = Figure.builder(width, height).title(name);
        addHeader(fig, title, subtitle);
        int n = cells.size();
        double w = width / n;
        List<Panel> placed = new ArrayList<>();
        List<Figure.Rect> areas = new ArrayList<>();
        double areaTop = 0;
        double areaBottom = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            Cell c = cells.get(i);
            Figure.Rect probe = Layout.plotArea(c.panel(), i * w, top, w, height - top);
            Panel p = withLegend(c.panel(), probe, c.legend());
            if (p.legend().isPresent() && p.legend().get().corner() == Legend.Corner.OUTSIDE_RIGHT) {
                probe = Layout.plotArea(p, i * w, top, w, height - top);
            }
            placed.add(p);
            areas.add(probe);
            areaTop = Math.max(areaTop, probe.y());
            areaBottom = Math.min(areaBottom, probe.bottom());
        }
        for (int i = 0; i < n; i++) {
            Figure.Rect a = areas.get(i);
            fig.panel(placed.get(i), new Figure.Rect(a.x(), areaTop, a.width(), areaBottom - areaTop));
        }
        return fig.build();
    }

    /**
     * @param title    the title (empty for none)
     * @param subtitle the grey line under it (empty for none)
     * @return the height they take at the top of a figure, in points
     */
    public static double headerHeight(String title, String subtitle) {
        double h = 0;
        if (!title.isEmpty()) {
            h += 10 + TextMetrics.height(title, TITLE) + 4;
        }
        if (!subtitle.isEmpty()) {
            h += (h == 0 ? 8 : 0) + TextMetrics.height(subtitle, SUBTITLE) + 4;
        }
        return h;
    }

    /**
     * Draws the title and subtitle at the top left.
     *
     * @param fig      the figure being built
     * @param title    the title (empty for none)
     * @param subtitle a grey line under it (empty for none)
     */
    public static void addHeader(Figure.Builder fig, String title, String subtitle) {
        double y = 10;
        if (!title.isEmpty()) {
            fig.text(Figure.Text.left(title, 12, y, TITLE));
            y += TextMetrics.height(title, TITLE) + 4;
        } else {
            y = 8;
        }
        if (!subtitle.isEmpty()) {
            fig.text(Figure.Text.left(subtitle, 12, y, SUBTITLE));
        }
    }

    /**
     * The panel with its legend: patches of bands too thin to see dropped, the rest placed in the inside
     * corner that covers the fewest data, or outside on the right when every corner would cover points.
     *
     * @param panel   a panel (its own legend, if any, is replaced)
     * @param area    its plot area
     * @param entries the legend entries, top to bottom
     * @return the panel with the legend (or without one when no entry is left)
     */
    public static Panel withLegend(Panel panel, Figure.Rect area, List<Legend.Entry> entries) {
        List<Legend.Entry> kept = new ArrayList<>();
        for (Legend.Entry e : entries) {
            if (e.patch() == null || visibleBand(panel, area, e.patch())) {
                kept.add(e);
            }
        }
        if (kept.isEmpty()) {
            return panel.toBuilder().legend(null).build();
        }
        Legend legend = new Legend(kept, Legend.Corner.UPPER_RIGHT, true, LEGEND);
        Panel probe = panel.toBuilder().legend(legend).build();
        Legend.Corner best = Layout.bestLegendCorner(probe, area, INSIDE);
        double[] size = Renderer.legendSize(legend);
        boolean tall = size[1] > 0.8 * area.height();
        if ((tall || Layout.coveredPoints(probe, area, best) > 0) && size[0] < 0.45 * area.width()) {
            best = Legend.Corner.OUTSIDE_RIGHT;
        }
        return panel.toBuilder().legend(new Legend(kept, best, true, LEGEND)).build();
    }

    /**
     * @param panel a panel
     * @param area  its plot area
     * @param fill  a band colour
     * @return true when some band of that colour is at least {@link #THIN_BAND} points thick somewhere
     *         inside the plot area (or when the panel holds no band of that colour: a plain patch)
     */
    public static boolean visibleBand(Panel panel, Figure.Rect area, java.awt.Color fill) {
        boolean any = false;
        for (Mark m : panel.marks()) {
            if (m instanceof Mark.Band b && b.fill().equals(fill)) {
                any = true;
                double[] x = b.x();
                double[] lo = b.lower();
                double[] hi = b.upper();
                for (int i = 0; i < x.length; i++) {
                    if (!panel.x().contains(x[i])) {
                        continue;
                    }
                    double a = Renderer.py(panel.y(), area, Renderer.clamp(panel.y(), lo[i]));
                    double c = Renderer.py(panel.y(), area, Renderer.clamp(panel.y(), hi[i]));
                    if (Double.isFinite(a) && Double.isFinite(c) && Math.abs(a - c) >= THIN_BAND) {
                        return true;
                    }
                }
            }
        }
        return !any;
    }
}

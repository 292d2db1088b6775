package org.scalefit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Paints a {@link Figure} on any Graphics2D whose units are points: the background, then each
 * panel (grid, XChart's data layer, text marks, spines, ticks and labels, titles, legend), then the
 * figure's free text.
 */
final class Renderer {
    /** Gap between a tick mark and its label, in points. */
    static final double TICK_PAD = 3.5;
    /** Gap between tick labels and the axis title, in points. */
    static final double TITLE_PAD = 5;
    /** Length of a legend's line sample, in points. */
    static final double SAMPLE = 24;

    private Renderer() {
    }

    static void paint(Graphics2D g, Figure f) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(f.background());
        g.fill(new Rectangle2D.Double(0, 0, f.width(), f.height()));
        for (Figure.Placed p : f.panels()) {
            paintPanel(g, p.panel(), snap(p.area()));
        }
        for (Figure.Text t : f.texts()) {
            drawText(g, t.text(), t.style(), t.x(), t.y(), t.halign(), t.valign(), t.rotation());
        }
    }

    /** Whole points, so XChart's integer-sized chart covers exactly the plot area. */
    static Figure.Rect snap(Figure.Rect r) {
        double x = Math.round(r.x());
        double y = Math.round(r.y());
        return new Figure.Rect(x, y, Math.max(1, Math.round(r.right()) - x), Math.max(1, Math.round(r.bottom()) - y));
    }

    static double px(Axis x, Figure.Rect r, double v) {
        return r.x() + x.fraction(v) * r.width();
    }

    static double py(Axis y, Figure.Rect r, double v) {
        return r.bottom() - y.fraction(v) * r.height();
    }

    /** v moved into the axis range (a value ≤ 0 on a log axis goes to its minimum); NaN stays NaN. */
    static double clamp(Axis axis, double v) {
        if (!(v > 0) && axis.scale() == Scale.LOG && !Double.isNaN(v)) {
            return axis.min();
        }
        return Math.max(axis.min(), Math.min(axis.max(), v));
    }

    private static void paintPanel(Graphics2D g, Panel panel, Figure.Rect r) {
        Theme t = panel.theme();
        Axis x = panel.x();
        Axis y = panel.y();
        if (t.background() != null) {
            g.setColor(t.background());
            g.fill(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()));
        }
        paintGrid(g, panel, r);
        XChartLayer.paint(g, panel, r);
        for (Mark m : panel.marks()) {
            if (m instanceof Mark.Text txt) {
                double ax = px(x, r, txt.x()) + txt.dx();
                double ay = py(y, r, txt.y()) - txt.dy();
                if (Double.isFinite(ax) && Double.isFinite(ay)) {
                    drawText(g, txt.text(), txt.style(), ax, ay, txt.halign(), txt.valign(), 0);
                }
            }
        }
        paintFrame(g, t, r);
        paintTicks(g, panel, r);
        paintTitles(g, panel, r);
        panel.legend().ifPresent(l -> paintLegend(g, l, r));
    }

    private static void paintGrid(Graphics2D g, Panel panel, Figure.Rect r) {
        Theme.Grid grid = panel.theme().grid();
        Axis x = panel.x();
        Axis y = panel.y();
        // Saved and restored by hand: VectorGraphics2D's SVG output loses state across create()/dispose().
        Shape savedClip = g.getClip();
        Graphics2D gg = g;
        try {
            gg.clip(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()));
            if (grid.minorX()) {
                for (double v : x.ticks().minor()) {
                    vline(gg, grid.minor(), px(x, r, v), r);
                }
            }
            if (grid.minorY()) {
                for (double v : y.ticks().minor()) {
                    hline(gg, grid.minor(), py(y, r, v), r);
                }
            }
            if (grid.majorX()) {
                for (Tick tk : x.ticks().major()) {
                    vline(gg, grid.major(), px(x, r, tk.value()), r);
                }
            }
            if (grid.majorY()) {
                for (Tick tk : y.ticks().major()) {
                    hline(gg, grid.major(), py(y, r, tk.value()), r);
                }
            }
        } finally {
            g.setClip(savedClip);
        }
    }

    private static void vline(Graphics2D g, LineStyle s, double at, Figure.Rect r) {
        if (Double.isFinite(at) && at >= r.x() - 0.5 && at <= r.right() + 0.5) {
            g.setColor(s.color());
            g.setStroke(s.stroke());
            g.draw(new Line2D.Double(at, r.y(), at, r.bottom()));
        }
    }

    private static void hline(Graphics2D g, LineStyle s, double at, Figure.Rect r) {
        if (Double.isFinite(at) && at >= r.y() - 0.5 && at <= r.bottom() + 0.5) {
            g.setColor(s.color());
            g.setStroke(s.stroke());
            g.draw(new Line2D.Double(r.x(), at, r.right(), at));
        }
    }

    private static void paintFrame(Graphics2D g, Theme t, Figure.Rect r) {
        if (t.frame() == Theme.Frame.NONE) {
            return;
        }
        g.setColor(t.frameColor());
        g.setStroke(new BasicStroke((float) t.frameWidth(), BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        if (t.frame() == Theme.Frame.BOX) {
            g.draw(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()));
        } else {
            g.draw(new Line2D.Double(r.x(), r.y(), r.x(), r.bottom()));
            g.draw(new Line2D.Double(r.x(), r.bottom(), r.right(), r.bottom()));
        }
    }

    private static void paintTicks(Graphics2D g, Panel panel, Figure.Rect r) {
        Theme t = panel.theme();
        Axis x = panel.x();
        Axis y = panel.y();
        g.setColor(t.tickColor());
        g.setStroke(new BasicStroke((float) Math.max(0.5, t.frameWidth()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        if (t.minorTickLength() > 0) {
            g.setStroke(new BasicStroke((float) Math.max(0.4, t.frameWidth() * 0.7)));
            for (double v : x.ticks().minor()) {
                if (x.contains(v)) {
                    double at = px(x, r, v);
                    g.draw(new Line2D.Double(at, r.bottom(), at, r.bottom() + t.minorTickLength()));
                }
            }
            for (double v : y.ticks().minor()) {
                if (y.contains(v)) {
                    double at = py(y, r, v);
                    g.draw(new Line2D.Double(r.x(), at, r.x() - t.minorTickLength(), at));
                }
            }
        }
        g.setStroke(new BasicStroke((float) Math.max(0.5, t.frameWidth())));
        Font tickFont = t.tickLabels().font();
        double labelTop = r.bottom() + t.tickLength() + TICK_PAD;
        for (Tick tk : x.ticks().major()) {
            if (!x.contains(tk.value())) {
                continue;
            }
            double at = px(x, r, tk.value());
            if (t.tickLength() > 0) {
                g.setColor(t.tickColor());
                g.draw(new Line2D.Double(at, r.bottom(), at, r.bottom() + t.tickLength()));
            }
            if (x.tickLabels() && !tk.label().isEmpty()) {
                g.setColor(t.tickLabels().color());
                RichText.draw(g, tk.label(), tickFont, at, labelTop, HAlign.CENTER, VAlign.TOP);
            }
        }
        double labelRight = r.x() - t.tickLength() - TICK_PAD;
        for (Tick tk : y.ticks().major()) {
            if (!y.contains(tk.value())) {
                continue;
            }
            double at = py(y, r, tk.value());
            if (t.tickLength() > 0) {
                g.setColor(t.tickColor());
                g.draw(new Line2D.Double(r.x(), at, r.x() - t.tickLength(), at));
            }
            if (y.tickLabels() && !tk.label().isEmpty()) {
                g.setColor(t.tickLabels().color());
                RichText.draw(g, tk.label(), tickFont, labelRight, at, HAlign.RIGHT, VAlign.MIDDLE);
            }
        }
    }

    /** Width taken by the y tick labels of a panel (0 when hidden). */
    static double yLabelWidth(Panel panel) {
        if (!panel.y().tickLabels()) {
            return 0;
        }
        double w = 0;
        for (Tick tk : panel.y().ticks().major()) {
            if (panel.y().contains(tk.value())) {
                w = Math.max(w, TextMetrics.width(tk.label(), panel.theme().tickLabels()));
            }
        }
        return w;
    }

    /** Height taken by the x tick labels of a panel (0 when hidden). */
    static double xLabelHeight(Panel panel) {
        if (!panel.x().tickLabels() || panel.x().ticks().major().isEmpty()) {
            return 0;
        }
        double h = 0;
        for (Tick tk : panel.x().ticks().major()) {
            h = Math.max(h, TextMetrics.height(tk.label().isEmpty() ? "0" : tk.label(), panel.theme().tickLabels()));
        }
        return h;
    }

    private static void paintTitles(Graphics2D g, Panel panel, Figure.Rect r) {
        Theme t = panel.theme();
        if (!panel.x().title().isEmpty()) {
            double top = r.bottom() + t.tickLength() + TICK_PAD + xLabelHeight(panel) + TITLE_PAD;
            drawText(g, panel.x().title(), t.axisTitle(), r.x() + r.width() / 2, top, HAlign.CENTER, VAlign.TOP, 0);
        }
        if (!panel.y().title().isEmpty()) {
            double right = r.x() - t.tickLength() - TICK_PAD - yLabelWidth(panel) - TITLE_PAD - 2;
            drawText(g, panel.y().title(), t.axisTitle(), right, r.y() + r.height() / 2, HAlign.CENTER, VAlign.BOTTOM,
                    90);
        }
        if (!panel.title().isEmpty()) {
            drawText(g, panel.title(), panel.titleStyle(), r.x() + r.width() / 2, r.y() - 6, HAlign.CENTER,
                    VAlign.BOTTOM, 0);
        }
    }

    static void drawText(Graphics2D g, String text, TextStyle style, double x, double y, HAlign h, VAlign v,
                         double rotation) {
        AffineTransform saved = g.getTransform();
        try {
            g.setColor(style.color());
            if (rotation != 0) {
                g.translate(x, y);
                g.rotate(-Math.toRadians(rotation));
                RichText.draw(g, text, style.font(), 0, 0, h, v);
            } else {
                RichText.draw(g, text, style.font(), x, y, h, v);
            }
        } finally {
            g.setTransform(saved);
        }
    }

    /** Size of a legend box: width and height in points. */
    static double[] legendSize(Legend l) {
        Font font = l.style().font();
        double size = font.getSize2D();
        double w = 0;
        double h = 0;
        for (Legend.Entry e : l.entries()) {
            w = Math.max(w, RichText.width(e.label(), font));
            h += rowHeight(e, size);
        }
        double pad = 0.55 * size;
        return new double[] {w + SAMPLE + 0.6 * size + 2 * pad, h + 2 * pad * 0.8};
    }

    private static double rowHeight(Legend.Entry e, double size) {
        int lines = e.label().split("\n", -1).length;
        boolean scripts = e.label().contains("^{") || e.label().contains("_{");
        return size * (scripts ? 1.65 : 1.45) + (lines - 1) * RichText.LINE_SPACING * size;
    }

    private static void paintLegend(Graphics2D g, Legend l, Figure.Rect r) {
        if (l.entries().isEmpty()) {
            return;
        }
        Font font = l.style().font();
        double size = font.getSize2D();
        double[] wh = legendSize(l);
        double inset = 0.6 * size;
        double lx;
        double ly;
        switch (l.corner()) {
            case UPPER_LEFT -> {
                lx = r.x() + inset;
                ly = r.y() + inset;
            }
            case UPPER_RIGHT -> {
                lx = r.right() - inset - wh[0];
                ly = r.y() + inset;
            }
            case LOWER_LEFT -> {
                lx = r.x() + inset;
                ly = r.bottom() - inset - wh[1];
            }
            case LOWER_RIGHT -> {
                lx = r.right() - inset - wh[0];
                ly = r.bottom() - inset - wh[1];
            }
            case CENTER_LEFT -> {
                lx = r.x() + inset;
                ly = r.y() + (r.height() - wh[1]) / 2;
            }
            default -> {
                lx = r.right() + inset;
                ly = r.y();
            }
        }
        if (l.framed()) {
            Shape box = new RoundRectangle2D.Double(lx, ly, wh[0], wh[1], 0.5 * size, 0.5 * size);
            g.setColor(Colors.withAlpha(Color.WHITE, 0.85));
            g.fill(box);
            g.setColor(new Color(0xcccccc));
            g.setStroke(new BasicStroke(0.8f));
            g.draw(box);
        }
        double pad = 0.55 * size;
        double cy = ly + pad * 0.8;
        for (Legend.Entry e : l.entries()) {
            double rh = rowHeight(e, size);
            double mid = cy + rh / 2;
            double sx = lx + pad;
            if (e.patch() != null) {
                g.setColor(e.patch());
                g.fill(new Rectangle2D.Double(sx, mid - 0.35 * size, SAMPLE, 0.7 * size));
            }
            if (e.line() != null) {
                g.setColor(e.line().color());
                g.setStroke(e.line().stroke());
                g.draw(new Line2D.Double(sx, mid, sx + SAMPLE, mid));
            }
            if (e.marker() != null) {
                Shape m = XChartLayer.shape(e.marker(), sx + SAMPLE / 2, mid);
                g.setColor(e.marker().fill());
                g.fill(m);
                if (e.marker().edge() != null && e.marker().edgeWidth() > 0) {
                    g.setColor(e.marker().edge());
                    g.setStroke(new BasicStroke((float) e.marker().edgeWidth()));
                    g.draw(m);
                }
            }
            g.setColor(l.style().color());
            RichText.draw(g, e.label(), font, sx + SAMPLE + 0.6 * size, mid, HAlign.LEFT, VAlign.MIDDLE);
            cy += rh;
        }
    }
}

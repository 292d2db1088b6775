package org.scalefit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Paints a panel's data marks (bands, error bars, points with XChart; lines as single paths)
 * exactly inside the panel's plot area. XChart's own axes, titles, legend, grid and padding are switched off and its
 * plot content fills the whole chart, so XChart's data-to-pixel mapping is the same linear (or
 * log10) map the {@link Renderer} uses for ticks, labels and legends drawn around it.
 */
final class XChartLayer {
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private XChartLayer() {
    }

    /**
     * Paints the panel's data marks in order. Bands, error bars and points go to XChart; each line
     * is drawn here as one Java2D path, because XChart strokes a polyline segment by segment, which
     * restarts dash patterns at every point (a dense dashed curve would look solid) and darkens the
     * joints of translucent lines. Runs of consecutive XChart marks share one chart, so the painting
     * order of all marks is kept.
     */
    static void paint(Graphics2D g, Panel panel, Figure.Rect area) {
        int w = Math.max(1, (int) Math.round(area.width()));
        int h = Math.max(1, (int) Math.round(area.height()));
        XYChart chart = null;
        int k = 0;
        for (Mark m : panel.marks()) {
            if (m instanceof Mark.Line l) {
                if (chart != null) {
                    paintChart(g, chart, area, w, h);
                    chart = null;
                }
                drawLine(g, panel, area, l);
                continue;
            }
            if (m instanceof Mark.Text) {
                continue;
            }
            if (chart == null) {
                chart = new XYChart(w, h);
                configure(chart.getStyler(), panel);
            }
            addSeries(chart, "s" + k++, m, panel, area);
        }
        if (chart != null) {
            paintChart(g, chart, area, w, h);
        }
    }

    private static void addSeries(XYChart chart, String name, Mark m, Panel panel, Figure.Rect area) {
        Axis x = panel.x();
        Axis y = panel.y();
        if (m instanceof Mark.Points p) {
            XYSeries s = add(chart, name, clean(p.x(), x), clean(p.y(), y));
            if (s != null) {
                s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                s.setMarker(new ShapeMarker(p.marker()));
                s.setMarkerColor(p.marker().fill());
            }
        } else if (m instanceof Mark.Band b) {
            double[][] poly = polygon(b, x, y);
            XYSeries s = add(chart, name, poly[0], poly[1]);
            if (s != null) {
                s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
                s.setMarker(SeriesMarkers.NONE);
                s.setFillColor(b.fill());
                s.setLineColor(TRANSPARENT);
                s.setLineStyle(new BasicStroke(0.01f));
            }
        } else if (m instanceof Mark.ErrorBars e) {
            double[][] segs = errorSegments(e, x, y, area.width());
            XYSeries s = add(chart, name, segs[0], segs[1]);
            if (s != null) {
                s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(e.style().color());
                s.setLineStyle(e.style().stroke());
            }
        }
    }

    private static void paintChart(Graphics2D g, XYChart chart, Figure.Rect area, int w, int h) {
        if (chart.getSeriesCollection().isEmpty()) {
            return;
        }
        // State is saved and restored by hand rather than with create()/dispose(), which
        // VectorGraphics2D's SVG output does not undo for the commands that follow.
        java.awt.geom.AffineTransform savedTransform = g.getTransform();
        java.awt.Shape savedClip = g.getClip();
        java.awt.Stroke savedStroke = g.getStroke();
        try {
            g.translate(area.x(), area.y());
            g.clip(new Rectangle2D.Double(0, 0, w, h));
            chart.paint(g, w, h);
        } finally {
            g.setTransform(savedTransform);
            g.setClip(savedClip);
            g.setStroke(savedStroke);
        }
    }

    /** A polyline as one path, broken at NaN and at non-positive values on log axes, clipped to the plot. */
    private static void drawLine(Graphics2D g, Panel panel, Figure.Rect area, Mark.Line l) {
        double[] lx = l.x();
        double[] ly = l.y();
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        boolean any = false;
        for (int i = 0; i < lx.length; i++) {
            double px = Renderer.px(panel.x(), area, lx[i]);
            double py = Renderer.py(panel.y(), area, ly[i]);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                pen = false;
                continue;
            }
            // Far-off points are pulled in along the screen so Java2D's rasteriser stays exact.
            px = Math.max(-1e5, Math.min(1e5, px));
            py = Math.max(-1e5, Math.min(1e5, py));
            if (pen) {
                path.lineTo(px, py);
                any = true;
            } else {
                path.moveTo(px, py);
                pen = true;
            }
        }
        if (!any) {
            return;
        }
        java.awt.Shape savedClip = g.getClip();
        java.awt.Stroke savedStroke = g.getStroke();
        try {
            g.clip(new Rectangle2D.Double(area.x(), area.y(), area.width(), area.height()));
            g.setColor(l.style().color());
            g.setStroke(l.style().stroke());
            g.draw(path);
        } finally {
            g.setClip(savedClip);
            g.setStroke(savedStroke);
        }
    }

    private static void configure(XYStyler s, Panel panel) {
        s.setChartBackgroundColor(TRANSPARENT);
        s.setPlotBackgroundColor(TRANSPARENT);
        s.setPlotBorderVisible(false);
        s.setLegendVisible(false);
        s.setChartTitleVisible(false);
        s.setAxisTitlesVisible(false);
        s.setAxisTicksVisible(false);
        s.setAxisTicksLineVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setPlotTicksMarksVisible(false);
        s.setChartPadding(0);
        s.setPlotMargin(0);
        s.setPlotContentSize(1.0);
        s.setAntiAlias(true);
        s.setXAxisLogarithmic(panel.x().scale() == Scale.LOG);
        s.setYAxisLogarithmic(panel.y().scale() == Scale.LOG);
        s.setXAxisMin(panel.x().min());
        s.setXAxisMax(panel.x().max());
        s.setYAxisMin(panel.y().min());
        s.setYAxisMax(panel.y().max());
    }

    /** XChart rejects series without a finite point; they draw nothing anyway. */
    private static XYSeries add(XYChart chart, String name, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                return chart.addSeries(name, x, y);
            }
        }
        return null;
    }

    /** Non-finite values, and non-positive ones on a log axis (XChart throws on those), become NaN gaps. */
    private static double[] clean(double[] v, Axis axis) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i]) || (axis.scale() == Scale.LOG && !(out[i] > 0))) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private static double[][] polygon(Mark.Band b, Axis x, Axis y) {
        double[] bx = b.x();
        double[] lo = b.lower();
        double[] hi = b.upper();
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < bx.length; i++) {
            if (valid(bx[i], x) && valid(lo[i], y) && valid(hi[i], y)) {
                pts.add(new double[] {bx[i], lo[i], hi[i]});
            }
        }
        int n = pts.size();
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = pts.get(i)[0];
            py[i] = pts.get(i)[1];
            px[2 * n - 1 - i] = pts.get(i)[0];
            py[2 * n - 1 - i] = pts.get(i)[2];
        }
        return new double[][] {px, py};
    }

    private static boolean valid(double v, Axis axis) {
        return Double.isFinite(v) && (axis.scale() != Scale.LOG || v > 0);
    }

    /** Each bar and cap as its own segment, separated by NaN so XChart lifts the pen between them. */
    private static double[][] errorSegments(Mark.ErrorBars e, Axis x, Axis y, double plotWidth) {
        double[] ex = e.x();
        double[] lo = e.lower();
        double[] hi = e.upper();
        List<Double> px = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        double span = x.scale().transform(x.max()) - x.scale().transform(x.min());
        double half = e.capWidth() / 2 / plotWidth * span;
        for (int i = 0; i < ex.length; i++) {
            if (!valid(ex[i], x)) {
                continue;
            }
            double bottom = clampLog(lo[i], y);
            double top = clampLog(hi[i], y);
            if (!Double.isFinite(bottom) || !Double.isFinite(top)) {
                continue;
            }
            segment(px, py, ex[i], bottom, ex[i], top);
            if (half > 0) {
                double t = x.scale().transform(ex[i]);
                double left = x.scale().inverse(t - half);
                double right = x.scale().inverse(t + half);
                if (valid(lo[i], y)) {
                    segment(px, py, left, lo[i], right, lo[i]);
                }
                if (valid(hi[i], y)) {
                    segment(px, py, left, hi[i], right, hi[i]);
                }
            }
        }
        double[][] out = new double[2][px.size()];
        for (int i = 0; i < px.size(); i++) {
            out[0][i] = px.get(i);
            out[1][i] = py.get(i);
        }
        return out;
    }

    /** A bar running below zero on a log axis is drawn to far below the axis instead of vanishing. */
    private static double clampLog(double v, Axis axis) {
        if (axis.scale() == Scale.LOG && Double.isFinite(v) && v <= 0) {
            return axis.min() * 1e-3;
        }
        return v;
    }

    private static void segment(List<Double> px, List<Double> py, double x0, double y0, double x1, double y1) {
        px.add(x0);
        py.add(y0);
        px.add(x1);
        py.add(y1);
        px.add(Double.NaN);
        py.add(Double.NaN);
    }

    /** An XChart marker that draws our {@link MarkerStyle}: any size, optional edge. */
    static final class ShapeMarker extends Marker {
        private final MarkerStyle style;

        ShapeMarker(MarkerStyle style) {
            this.style = style;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            java.awt.Shape shape = shape(style, x, y);
            g.setColor(style.fill());
            g.fill(shape);
            if (style.edge() != null && style.edgeWidth() > 0) {
                g.setColor(style.edge());
                g.setStroke(new BasicStroke((float) style.edgeWidth()));
                g.draw(shape);
            }
        }
    }

    /** The outline of a marker centred on (x, y). */
    static java.awt.Shape shape(MarkerStyle style, double x, double y) {
        double d = style.size();
        double r = d / 2;
        switch (style.shape()) {
            case SQUARE:
                return new Rectangle2D.Double(x - r, y - r, d, d);
            case DIAMOND: {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x, y - r * 1.2);
                p.lineTo(x + r, y);
                p.lineTo(x, y + r * 1.2);
                p.lineTo(x - r, y);
                p.closePath();
                return p;
            }
            case STAR: {
                Path2D.Double p = new Path2D.Double();
                double outer = r * 1.25;
                double inner = outer * 0.45;
                for (int i = 0; i < 10; i++) {
                    double a = -Math.PI / 2 + i * Math.PI / 5;
                    double rr = i % 2 == 0 ? outer : inner;
                    double px = x + rr * Math.cos(a);
                    double py = y + rr * Math.sin(a);
                    if (i == 0) {
                        p.moveTo(px, py);
                    } else {
                        p.lineTo(px, py);
                    }
                }
                p.closePath();
                return p;
            }
            case CIRCLE:
            default:
                return new Ellipse2D.Double(x - r, y - r, d, d);
        }
    }
}

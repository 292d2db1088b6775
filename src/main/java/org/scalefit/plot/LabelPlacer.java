package org.scalefit.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Direct labels next to their markers, placed where they cross nothing: for each label the first of
 * its allowed positions around its point (by default right, right-below, right-above, left, left-below,
 * left-above, below, above; then the same twice as far) that overlaps the fewest interval bars, markers,
 * lines, labels already placed and the plot's edge, and that sits nearer its own point than any other.
 * A label with no clear place is left out unless it is required. METR-style charts label points instead
 * of using a legend, and a label crossed by a neighbour's error bar (as "o1" was) is unreadable.
 *
 * <pre>{@code
 * Panel p = builder.build();                                  // bars, points and lines, no labels yet
 * Figure.Rect area = Layout.plotArea(p, 0, 0, 760, 470);
 * List<Mark.Text> labels = LabelPlacer.place(p, area, List.of(
 *         new LabelPlacer.Label(day, minutes, "o1", TextStyle.sans(12, Color.GRAY), 7)));
 * Panel labelled = p.toBuilder().addAll(labels).build();
 * }</pre>
 */
public final class LabelPlacer {
    /** A label whose best place still scores above this (overlapping text, bars or markers) is left out. */
    private static final double DROP = 150;
    private static final double BAR = 12;
    private static final double MARKER = 12;
    private static final double TEXT = 20;
    private static final double LINE = 1.5;
    private static final double OUTSIDE = 30;
    /** Penalty for a label that sits nearer another marker than its own: it would be read as that one's. */
    private static final double ASSOCIATION = 400;

    private LabelPlacer() {
    }

    /** Where a label may sit relative to its point. */
    public enum Direction {
        /** Right of the point, vertically centred. */
        RIGHT(1, 0),
        /** Right of and below the point. */
        RIGHT_BELOW(1, -1),
        /** Right of and above the point. */
        RIGHT_ABOVE(1, 1),
        /** Left of the point, vertically centred. */
        LEFT(-1, 0),
        /** Left of and below the point. */
        LEFT_BELOW(-1, -1),
        /** Left of and above the point. */
        LEFT_ABOVE(-1, 1),
        /** Below the point, centred. */
        BELOW(0, -1),
        /** Above the point, centred. */
        ABOVE(0, 1);

        private final int h;
        private final int v;

        Direction(int h, int v) {
            this.h = h;
            this.v = v;
        }
    }

    /**
     * A label to place next to a point.
     *
     * @param x          the point's x in data units
     * @param y          the point's y in data units
     * @param text       the label
     * @param style      its font and colour
     * @param gap        distance from the point's centre to the label, in points (the marker's radius plus a margin)
     * @param directions where it may sit, in order of preference
     * @param required   draw it even where it must overlap something (otherwise such a label is left out)
     */
    public record Label(double x, double y, String text, TextStyle style, double gap, List<Direction> directions,
                        boolean required) {
        /**
         * Checks the arguments.
         *
         * @param x          the point's x in data units
         * @param y          the point's y in data units
         * @param text       the label
         * @param style      its font and colour
         * @param gap        distance from the point's centre to the label, in points
         * @param directions where it may sit, in order of preference (not empty)
         * @param required   draw it even where it must overlap something
         * @throws IllegalArgumentException if no direction is given
         * @throws NullPointerException if a required component is null
         */
        public Label {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
            directions = List.copyOf(directions);
            if (directions.isEmpty()) {
                throw new IllegalArgumentException("a label needs at least one direction");
            }
        }

        /**
         * A label that may sit anywhere around its point and is left out where it would overlap.
         *
         * @param x     the point's x in data units
         * @param y     the point's y in data units
         * @param text  the label
         * @param style its font and colour
         * @param gap   distance from the point's centre to the label, in points
         */
        public Label(double x, double y, String text, TextStyle style, double gap) {
            this(x, y, text, style, gap, List.of(Direction.values()), false);
        }
    }

    /**
     * @param panel  the panel the labels go into (its marks are the obstacles)
     * @param area   its plot area
     * @param labels labels in order of importance (required ones, then earlier ones, choose first)
     * @return the placed labels as text marks, required ones first (labels with no clear place left out)
     */
    public static List<Mark.Text> place(Panel panel, Figure.Rect area, List<Label> labels) {
        List<double[]> bars = new ArrayList<>();
        List<double[]> markers = new ArrayList<>();
        List<double[]> texts = new ArrayList<>();
        List<double[]> segments = new ArrayList<>();
        collect(panel, area, bars, markers, texts, segments);
        if (panel.legend().isPresent() && panel.legend().get().corner() != Legend.Corner.OUTSIDE_RIGHT) {
            texts.add(Layout.legendBox(panel, area, panel.legend().get().corner()));
        }
        // Required labels choose first; the others fit around them or are left out.
        List<Label> ordered = new ArrayList<>();
        labels.stream().filter(Label::required).forEach(ordered::add);
        labels.stream().filter(l -> !l.required()).forEach(ordered::add);
        List<Mark.Text> out = new ArrayList<>();
        for (Label l : ordered) {
            double ax = Renderer.px(panel.x(), area, l.x());
            double ay = Renderer.py(panel.y(), area, l.y());
            double w = TextMetrics.width(l.text(), l.style());
            double h = TextMetrics.height(l.text(), l.style());
            double best = Double.POSITIVE_INFINITY;
            double bestClash = Double.POSITIVE_INFINITY;
            Mark.Text chosen = null;
            double[] chosenBox = null;
            int count = l.directions().size();
            for (int far = 0; far < 2; far++) {
                double g = l.gap() * (far == 0 ? 1 : 1.9);
                for (int k = 0; k < count; k++) {
                    Direction d = l.directions().get(k);
                    double diag = d.h != 0 && d.v != 0 ? 0.75 : 1;
                    double dx = d.h * g * diag;
                    double dy = d.v * g * diag;
                    HAlign ha = d.h > 0 ? HAlign.LEFT : d.h < 0 ? HAlign.RIGHT : HAlign.CENTER;
                    VAlign va = d.v > 0 ? VAlign.BOTTOM : d.v < 0 ? VAlign.TOP : VAlign.MIDDLE;
                    double left = ax + dx - (ha == HAlign.LEFT ? 0 : ha == HAlign.RIGHT ? w : w / 2);
                    double top = ay - dy - (va == VAlign.TOP ? 0 : va == VAlign.BOTTOM ? h : h / 2);
                    double[] box = {left, top, w, h};
                    double clash = score(box, area, bars, markers, texts, segments)
                            + (closerToAnother(box, ax, ay, markers) ? ASSOCIATION : 0);
                    double score = clash + 0.5 * (k + far * count);
                    if (score < best) {
                        best = score;
                        bestClash = clash;
                        chosen = new Mark.Text(l.x(), l.y(), l.text(), l.style(), ha, va, dx, dy);
                        chosenBox = box;
                    }
                }
            }
            if (bestClash <= DROP || l.required()) {
                out.add(chosen);
                texts.add(chosenBox);
            }
        }
        return out;
    }

    private static void collect(Panel panel, Figure.Rect area, List<double[]> bars, List<double[]> markers,
                                List<double[]> texts, List<double[]> segments) {
        Axis x = panel.x();
        Axis y = panel.y();
        for (Mark m : panel.marks()) {
            if (m instanceof Mark.ErrorBars e) {
                double[] ex = e.x();
                double[] lo = e.lower();
                double[] hi = e.upper();
                double half = Math.max(1.5, e.capWidth() / 2 + 1);
                for (int i = 0; i < ex.length; i++) {
                    double px = Renderer.px(x, area, ex[i]);
                    double a = Renderer.py(y, area, Renderer.clamp(y, hi[i]));
                    double b = Renderer.py(y, area, Renderer.clamp(y, lo[i]));
                    if (Double.isFinite(px) && Double.isFinite(a) && Double.isFinite(b)) {
                        bars.add(new double[] {px - half, Math.min(a, b), 2 * half, Math.abs(b - a)});
                    }
                }
            } else if (m instanceof Mark.Points p) {
                double[] px = p.x();
                double[] py = p.y();
                double r = p.marker().size() / 2 + 1;
                for (int i = 0; i < px.length; i++) {
                    double cx = Renderer.px(x, area, px[i]);
                    double cy = Renderer.py(y, area, py[i]);
                    if (Double.isFinite(cx) && Double.isFinite(cy)) {
                        markers.add(new double[] {cx - r, cy - r, 2 * r, 2 * r});
                    }
                }
            } else if (m instanceof Mark.Line l) {
                double[] lx = l.x();
                double[] ly = l.y();
                for (int i = 1; i < lx.length; i++) {
                    double x0 = Renderer.px(x, area, lx[i - 1]);
                    double y0 = Renderer.py(y, area, ly[i - 1]);
                    double x1 = Renderer.px(x, area, lx[i]);
                    double y1 = Renderer.py(y, area, ly[i]);
                    if (Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1)) {
                        segments.add(new double[] {x0, y0, x1, y1});
                    }
                }
            } else if (m instanceof Mark.Text t) {
                double ax = Renderer.px(x, area, t.x()) + t.dx();
                double ay = Renderer.py(y, area, t.y()) - t.dy();
                double w = TextMetrics.width(t.text(), t.style());
                double h = TextMetrics.height(t.text(), t.style());
                double left = ax - (t.halign() == HAlign.LEFT ? 0 : t.halign() == HAlign.RIGHT ? w : w / 2);
                double top = ay - (t.valign() == VAlign.TOP ? 0 : t.valign() == VAlign.BOTTOM ? h : h / 2);
                if (Double.isFinite(left) && Double.isFinite(top)) {
                    texts.add(new double[] {left, top, w, h});
                }
            }
        }
    }

    private static double score(double[] box, Figure.Rect area, List<double[]> bars, List<double[]> markers,
                                List<double[]> texts, List<double[]> segments) {
        double s = 0;
        double[] padded = {box[0] - 1.5, box[1] - 1.5, box[2] + 3, box[3] + 3};
        for (double[] b : bars) {
            s += BAR * overlap(padded, b);
        }
        for (double[] m : markers) {
            s += MARKER * overlap(padded, m);
        }
        for (double[] t : texts) {
            s += TEXT * overlap(padded, t);
        }
        for (double[] seg : segments) {
            s += LINE * clippedLength(seg, padded);
        }
        double inside = overlap(box, new double[] {area.x(), area.y(), area.width(), area.height()});
        s += OUTSIDE * (box[2] * box[3] - inside);
        return s;
    }

    /** True when some other marker's centre is nearer the label than the label's own point. */
    private static boolean closerToAnother(double[] box, double ax, double ay, List<double[]> markers) {
        double own = distance(box, ax, ay);
        for (double[] m : markers) {
            double cx = m[0] + m[2] / 2;
            double cy = m[1] + m[3] / 2;
            if (Math.hypot(cx - ax, cy - ay) < 0.5) {
                continue;
            }
            if (distance(box, cx, cy) + 2 < own) {
                return true;
            }
        }
        return false;
    }

    /** Distance from a point to the nearest point of a box. */
    private static double distance(double[] box, double x, double y) {
        double dx = Math.max(Math.max(box[0] - x, 0), x - (box[0] + box[2]));
        double dy = Math.max(Math.max(box[1] - y, 0), y - (box[1] + box[3]));
        return Math.hypot(dx, dy);
    }

    private static double overlap(double[] a, double[] b) {
        double w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Length of the segment inside the box (Liang–Barsky clipping). */
    private static double clippedLength(double[] seg, double[] box) {
        double x0 = seg[0];
        double y0 = seg[1];
        double dx = seg[2] - x0;
        double dy = seg[3] - y0;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - box[0], box[0] + box[2] - x0, y0 - box[1], box[1] + box[3] - y0};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return 0;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t1 > t0 ? (t1 - t0) * Math.hypot(dx, dy) : 0;
    }
}

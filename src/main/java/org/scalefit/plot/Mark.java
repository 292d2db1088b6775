package org.scalefit.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * Something drawn in a panel's data coordinates. Marks are painted in the order they were added, so
 * bands go first, then lines, error bars and points, then text.
 *
 * <pre>{@code
 * Mark band = new Mark.Band(x, lo, hi, Colors.withAlpha(Colors.C0, 0.2));
 * Mark fit = new Mark.Line(x, yhat, LineStyle.solid(Colors.C0, 1.5));
 * Mark pts = new Mark.Points(xs, ys, MarkerStyle.circle(Colors.C0, 5));
 * Mark label = Mark.Text.at(2e9, -260, "3", TextStyle.serif(10, Color.RED));
 * }</pre>
 */
public sealed interface Mark permits Mark.Line, Mark.Points, Mark.Band, Mark.ErrorBars, Mark.Text {

    /**
     * A polyline through (x, y); a NaN in either breaks it.
     *
     * @param x     x values (copied)
     * @param y     y values (copied)
     * @param style how the line is drawn
     */
    record Line(double[] x, double[] y, LineStyle style) implements Mark {
        /**
         * Copies and checks the arrays.
         *
         * @param x     x values (copied)
         * @param y     y values (copied)
         * @param style how the line is drawn
         * @throws NullPointerException if a required component is null
         */
        public Line {
            x = x.clone();
            y = y.clone();
            sameLength(x, y);
            Objects.requireNonNull(style, "style");
        }

        /** @return x values (a copy: the record keeps its own array) */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return y values (a copy: the record keeps its own array) */
        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /**
     * Markers at (x, y); NaN points are skipped.
     *
     * @param x      x values (copied)
     * @param y      y values (copied)
     * @param marker how each point is drawn
     */
    record Points(double[] x, double[] y, MarkerStyle marker) implements Mark {
        /**
         * Copies and checks the arrays.
         *
         * @param x      x values (copied)
         * @param y      y values (copied)
         * @param marker how each point is drawn
         * @throws NullPointerException if a required component is null
         */
        public Points {
            x = x.clone();
            y = y.clone();
            sameLength(x, y);
            Objects.requireNonNull(marker, "marker");
        }

        /** @return x values (a copy: the record keeps its own array) */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return y values (a copy: the record keeps its own array) */
        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /**
     * A filled band between two curves over the same x (a confidence band); points with a
     * non-finite bound are left out.
     *
     * @param x     x values, increasing (copied)
     * @param lower lower curve (copied)
     * @param upper upper curve (copied)
     * @param fill  fill colour, usually translucent
     */
    record Band(double[] x, double[] lower, double[] upper, Color fill) implements Mark {
        /**
         * Copies and checks the arrays.
         *
         * @param x     x values, increasing (copied)
         * @param lower lower curve (copied)
         * @param upper upper curve (copied)
         * @param fill  fill colour, usually translucent
         * @throws NullPointerException if a required component is null
         */
        public Band {
            x = x.clone();
            lower = lower.clone();
            upper = upper.clone();
            sameLength(x, lower);
            sameLength(x, upper);
            Objects.requireNonNull(fill, "fill");
        }

        /** @return x values, increasing (a copy: the record keeps its own array) */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return lower curve (a copy: the record keeps its own array) */
        @Override
        public double[] lower() {
            return lower.clone();
        }

        /** @return upper curve (a copy: the record keeps its own array) */
        @Override
        public double[] upper() {
            return upper.clone();
        }
    }

    /**
     * Vertical interval bars from lower to upper at each x, with caps {@code capWidth} points wide
     * (0 for none). Bars may be asymmetric (intervals from a log-space fit are).
     *
     * @param x        x values (copied)
     * @param lower    bar bottoms (copied)
     * @param upper    bar tops (copied)
     * @param style    line style of the bars
     * @param capWidth cap width in points, ≥ 0
     */
    record ErrorBars(double[] x, double[] lower, double[] upper, LineStyle style, double capWidth) implements Mark {
        /**
         * Copies and checks the arrays.
         *
         * @param x        x values (copied)
         * @param lower    bar bottoms (copied)
         * @param upper    bar tops (copied)
         * @param style    line style of the bars
         * @param capWidth cap width in points, ≥ 0
         * @throws IllegalArgumentException if a component is outside its domain
         * @throws NullPointerException if a required component is null
         */
        public ErrorBars {
            x = x.clone();
            lower = lower.clone();
            upper = upper.clone();
            sameLength(x, lower);
            sameLength(x, upper);
            Objects.requireNonNull(style, "style");
            if (!(capWidth >= 0)) {
                throw new IllegalArgumentException("cap width must be ≥ 0, got " + capWidth);
            }
        }

        /** @return x values (a copy: the record keeps its own array) */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return bar bottoms (a copy: the record keeps its own array) */
        @Override
        public double[] lower() {
            return lower.clone();
        }

        /** @return bar tops (a copy: the record keeps its own array) */
        @Override
        public double[] upper() {
            return upper.clone();
        }
    }

    /**
     * Text at a data point, nudged by (dx, dy) points (dy positive is up), aligned to that point.
     * The text may hold {@code ^{…}} superscripts, {@code _{…}} subscripts and line breaks.
     *
     * @param x      x in data units
     * @param y      y in data units
     * @param text   the text
     * @param style  font and colour
     * @param halign horizontal alignment to the point
     * @param valign vertical alignment to the point
     * @param dx     horizontal nudge in points
     * @param dy     vertical nudge in points (positive is up)
     */
    record Text(double x, double y, String text, TextStyle style, HAlign halign, VAlign valign, double dx, double dy)
            implements Mark {
        /**
         * Checks the arguments.
         *
         * @param x      x in data units
         * @param y      y in data units
         * @param text   the text
         * @param style  font and colour
         * @param halign horizontal alignment to the point
         * @param valign vertical alignment to the point
         * @param dx     horizontal nudge in points
         * @param dy     vertical nudge in points (positive is up)
         * @throws NullPointerException if a required component is null
         */
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(halign, "halign");
            Objects.requireNonNull(valign, "valign");
        }

        /**
         * Text starting at (x, y), vertically centred on it.
         *
         * @param x     x in data units
         * @param y     y in data units
         * @param text  the text
         * @param style font and colour
         * @return the mark
         */
        public static Text at(double x, double y, String text, TextStyle style) {
            return new Text(x, y, text, style, HAlign.LEFT, VAlign.MIDDLE, 0, 0);
        }

        /**
         * @param h  horizontal alignment
         * @param v  vertical alignment
         * @return this text with that alignment
         */
        public Text aligned(HAlign h, VAlign v) {
            return new Text(x, y, text, style, h, v, dx, dy);
        }

        /**
         * @param ddx horizontal nudge in points
         * @param ddy vertical nudge in points (positive is up)
         * @return this text nudged
         */
        public Text nudged(double ddx, double ddy) {
            return new Text(x, y, text, style, halign, valign, ddx, ddy);
        }
    }

    private static void sameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays differ in length: " + a.length + " and " + b.length);
        }
    }
}

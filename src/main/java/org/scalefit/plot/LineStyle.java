package org.scalefit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Objects;

/**
 * How a line is drawn: colour (alpha allowed), width in points and dash pattern. Dashed and solid
 * carry meaning in scaling-law charts: observed curves and interpolations are solid, fits and
 * extrapolations dashed.
 *
 * <pre>{@code
 * LineStyle fit = LineStyle.dashed(new Color(0xff9b00), 1.5);
 * LineStyle runs = LineStyle.solid(Colors.withAlpha(Colors.C0, 0.25), 0.8);
 * }</pre>
 *
 * @param color colour, alpha included
 * @param width width in points, &gt; 0
 * @param dash  dash pattern
 */
public record LineStyle(Color color, double width, Dash dash) {
    /** Dash patterns, scaled with the line width so thin and thick lines look alike. */
    public enum Dash {
        /** A continuous line. */
        SOLID,
        /** Dashes of about 3.7 widths with gaps of 1.6 widths (matplotlib's "--"). */
        DASHED,
        /** Round dots. */
        DOTTED,
        /** Dash, gap, dot, gap. */
        DASH_DOT
    }

    /**
     * Checks the arguments.
     *
     * @param color colour, alpha included
     * @param width width in points, &gt; 0
     * @param dash  dash pattern
     * @throws IllegalArgumentException if a component is outside its domain
     * @throws NullPointerException if a required component is null
     */
    public LineStyle {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(dash, "dash");
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("line width must be positive, got " + width);
        }
    }

    /**
     * @param color colour
     * @param width width in points
     * @return a solid line
     */
    public static LineStyle solid(Color color, double width) {
        return new LineStyle(color, width, Dash.SOLID);
    }

    /**
     * @param color colour
     * @param width width in points
     * @return a dashed line
     */
    public static LineStyle dashed(Color color, double width) {
        return new LineStyle(color, width, Dash.DASHED);
    }

    /**
     * @param color colour
     * @param width width in points
     * @return a dotted line
     */
    public static LineStyle dotted(Color color, double width) {
        return new LineStyle(color, width, Dash.DOTTED);
    }

    /**
     * @param d a dash pattern
     * @return this style with that pattern
     */
    public LineStyle withDash(Dash d) {
        return new LineStyle(color, width, d);
    }

    /**
     * @param c a colour
     * @return this style in that colour
     */
    public LineStyle withColor(Color c) {
        return new LineStyle(c, width, dash);
    }

    /** @return the Java2D stroke for this style (butt caps for dashes, round joins) */
    public BasicStroke stroke() {
        float w = (float) width;
        // Dash lengths follow matplotlib's defaults (in multiples of the line width), with a floor
        // so that hairlines still show their pattern.
        float u = Math.max(w, 0.8f);
        return switch (dash) {
            case SOLID -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
            case DASHED -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {3.7f * u, 1.6f * u}, 0f);
            case DOTTED -> new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {0.01f, 1.65f * u}, 0f);
            case DASH_DOT -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {6.4f * u, 1.6f * u, 1f * u, 1.6f * u}, 0f);
        };
    }
}

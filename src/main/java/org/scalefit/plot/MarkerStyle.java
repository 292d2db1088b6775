package org.scalefit.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * How a data point is drawn: shape, diameter in points, fill and an optional edge (METR draws
 * its frontier models as large filled circles with a thin black edge).
 *
 * <pre>{@code
 * MarkerStyle metr = MarkerStyle.circle(new Color(0xc66490), 9).withEdge(Color.BLACK, 0.5);
 * }</pre>
 *
 * @param shape     the shape
 * @param size      diameter (or side) in points, &gt; 0
 * @param fill      fill colour, alpha allowed
 * @param edge      edge colour, or null for none
 * @param edgeWidth edge width in points (ignored without an edge)
 */
public record MarkerStyle(Shape shape, double size, Color fill, Color edge, double edgeWidth) {
    /** Marker shapes. */
    public enum Shape {
        /** A filled circle. */
        CIRCLE,
        /** A filled square. */
        SQUARE,
        /** A filled diamond. */
        DIAMOND,
        /** A five-pointed star (Hoffmann et al. mark named models with stars). */
        STAR
    }

    /**
     * Checks the arguments.
     *
     * @param shape     the shape
     * @param size      diameter (or side) in points, &gt; 0
     * @param fill      fill colour, alpha allowed
     * @param edge      edge colour, or null for none
     * @param edgeWidth edge width in points (ignored without an edge)
     * @throws IllegalArgumentException if a component is outside its domain
     * @throws NullPointerException if a required component is null
     */
    public MarkerStyle {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(fill, "fill");
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException("marker size must be positive, got " + size);
        }
    }

    /**
     * @param fill     fill colour
     * @param diameter diameter in points
     * @return a filled circle without an edge
     */
    public static MarkerStyle circle(Color fill, double diameter) {
        return new MarkerStyle(Shape.CIRCLE, diameter, fill, null, 0);
    }

    /**
     * @param color edge colour
     * @param width edge width in points
     * @return this marker with an edge
     */
    public MarkerStyle withEdge(Color color, double width) {
        return new MarkerStyle(shape, size, fill, color, width);
    }

    /**
     * @param s a shape
     * @return this marker with that shape
     */
    public MarkerStyle withShape(Shape s) {
        return new MarkerStyle(s, size, fill, edge, edgeWidth);
    }
}

package org.scalefit.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.Objects;

/**
 * A font and colour for text: family ({@code SansSerif}, {@code Serif} or an installed family),
 * size in points, weight and colour.
 *
 * <pre>{@code
 * TextStyle ticks = TextStyle.serif(11, Color.BLACK);
 * TextStyle title = TextStyle.sans(16, Color.BLACK).bold();
 * }</pre>
 *
 * @param family font family
 * @param size   size in points, &gt; 0
 * @param isBold   bold weight
 * @param isItalic italic
 * @param color  colour
 */
public record TextStyle(String family, double size, boolean isBold, boolean isItalic, Color color) {
    /**
     * Checks the arguments.
     *
     * @param family   font family
     * @param size     size in points, &gt; 0
     * @param isBold   bold weight
     * @param isItalic italic
     * @param color    colour
     * @throws IllegalArgumentException if a component is outside its domain
     * @throws NullPointerException if a required component is null
     */
    public TextStyle {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(color, "color");
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException("font size must be positive, got " + size);
        }
    }

    /**
     * @param size  size in points
     * @param color colour
     * @return a sans-serif style
     */
    public static TextStyle sans(double size, Color color) {
        return new TextStyle(Font.SANS_SERIF, size, false, false, color);
    }

    /**
     * @param size  size in points
     * @param color colour
     * @return a serif style
     */
    public static TextStyle serif(double size, Color color) {
        return new TextStyle(Font.SERIF, size, false, false, color);
    }

    /** @return this style in bold */
    public TextStyle bold() {
        return new TextStyle(family, size, true, isItalic, color);
    }

    /** @return this style in italics */
    public TextStyle italicized() {
        return new TextStyle(family, size, isBold, true, color);
    }

    /**
     * @param s a size in points
     * @return this style at that size
     */
    public TextStyle withSize(double s) {
        return new TextStyle(family, s, isBold, isItalic, color);
    }

    /**
     * @param c a colour
     * @return this style in that colour
     */
    public TextStyle withColor(Color c) {
        return new TextStyle(family, size, isBold, isItalic, c);
    }

    /** @return the Java2D font */
    public Font font() {
        int style = (isBold ? Font.BOLD : Font.PLAIN) | (isItalic ? Font.ITALIC : Font.PLAIN);
        return new Font(family, style, 1).deriveFont((float) size);
    }
}

package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole picture: its size in points (1/72 inch), a background, panels placed by their plot areas,
 * and free text (figure titles, shared axis titles, footers). Immutable; export it with
 * {@link FigureWriter}.
 *
 * <p>Coordinates are in points from the top-left corner. A panel is placed by its <em>plot area</em>
 * (the rectangle inside the axes); tick labels and axis titles are drawn around it, so neighbouring
 * panels align exactly. {@link Layout} computes plot areas that leave room for them.
 *
 * <pre>{@code
 * Figure f = Figure.builder(640, 420)
 *         .panel(panel, Layout.plotArea(panel, 0, 0, 640, 420))
 *         .text(Figure.Text.centered("Compute", 320, 410, TextStyle.sans(16, Color.BLACK).bold()))
 *         .build();
 * FigureWriter.write(f, Path.of("fit.png"), 144);
 * }</pre>
 */
public final class Figure {
    private final double width;
    private final double height;
    private final Color background;
    private final List<Placed> panels;
    private final List<Text> texts;
    private final String title;

    private Figure(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.background = b.background;
        this.panels = List.copyOf(b.panels);
        this.texts = List.copyOf(b.texts);
        this.title = b.title;
    }

    /**
     * @param width  width in points
     * @param height height in points
     * @return a builder for a white figure of that size
     */
    public static Builder builder(double width, double height) {
        return new Builder(width, height);
    }

    /** @return width in points */
    public double width() {
        return width;
    }

    /** @return height in points */
    public double height() {
        return height;
    }

    /** @return background colour */
    public Color background() {
        return background;
    }

    /** @return the panels with their plot areas */
    public List<Placed> panels() {
        return panels;
    }

    /** @return free text */
    public List<Text> texts() {
        return texts;
    }

    /** @return a short name for the picture (used as the SVG/PDF title) */
    public String title() {
        return title;
    }

    /**
     * A panel and the rectangle of its plot area, in points from the figure's top-left corner.
     *
     * @param panel  the panel
     * @param area   its plot area
     */
    public record Placed(Panel panel, Rect area) {
        /**
         * Checks the arguments.
         *
         * @param panel the panel
         * @param area  its plot area
         * @throws NullPointerException if a required component is null
         */
        public Placed {
            Objects.requireNonNull(panel, "panel");
            Objects.requireNonNull(area, "area");
        }
    }

    /**
     * A rectangle in points.
     *
     * @param x      left
     * @param y      top
     * @param width  width (&gt; 0)
     * @param height height (&gt; 0)
     */
    public record Rect(double x, double y, double width, double height) {
        /**
         * Checks the size.
         *
         * @param x      left
         * @param y      top
         * @param width  width (&gt; 0)
         * @param height height (&gt; 0)
         * @throws IllegalArgumentException if a component is outside its domain
         */
        public Rect {
            if (!(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("rectangle must have a positive size, got " + width + " × " + height);
            }
        }

        /** @return right edge */
        public double right() {
            return x + width;
        }

        /** @return bottom edge */
        public double bottom() {
            return y + height;
        }
    }

    /**
     * Text placed on the figure, optionally rotated (90 for a y-axis title reading upwards).
     *
     * @param text     the text, with optional markup and line breaks
     * @param x        anchor x in points
     * @param y        anchor y in points
     * @param style    font and colour
     * @param halign   horizontal alignment to the anchor
     * @param valign   vertical alignment to the anchor
     * @param rotation counter-clockwise rotation in degrees (0 or 90)
     */
    public record Text(String text, double x, double y, TextStyle style, HAlign halign, VAlign valign, double rotation) {
        /**
         * Checks the arguments.
         *
         * @param text     the text, with optional markup and line breaks
         * @param x        anchor x in points
         * @param y        anchor y in points
         * @param style    font and colour
         * @param halign   horizontal alignment to the anchor
         * @param valign   vertical alignment to the anchor
         * @param rotation counter-clockwise rotation in degrees (0 or 90)
         * @throws NullPointerException if a required component is null
         */
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(halign, "halign");
            Objects.requireNonNull(valign, "valign");
        }

        /**
         * @param text  the text
         * @param x     centre x
         * @param y     top y
         * @param style font
         * @return text centred horizontally, hanging from y
         */
        public static Text centered(String text, double x, double y, TextStyle style) {
            return new Text(text, x, y, style, HAlign.CENTER, VAlign.TOP, 0);
        }

        /**
         * @param text  the text
         * @param x     left x
         * @param y     top y
         * @param style font
         * @return text starting at x, hanging from y
         */
        public static Text left(String text, double x, double y, TextStyle style) {
            return new Text(text, x, y, style, HAlign.LEFT, VAlign.TOP, 0);
        }

        /**
         * @param text  the text
         * @param x     the x of the text's left side after rotation
         * @param y     the centre y
         * @param style font
         * @return text rotated to read upwards, centred on y
         */
        public static Text vertical(String text, double x, double y, TextStyle style) {
            return new Text(text, x, y, style, HAlign.CENTER, VAlign.TOP, 90);
        }
    }

    /** Collects a figure's parts. */
    public static final class Builder {
        private final double width;
        private final double height;
        private Color background = Color.WHITE;
        private final List<Placed> panels = new ArrayList<>();
        private final List<Text> texts = new ArrayList<>();
        private String title = "scalefit";

        private Builder(double width, double height) {
            if (!(width >= 16) || !(height >= 16) || width > 20000 || height > 20000) {
                throw new IllegalArgumentException("figure size must be between 16 and 20000 points, got "
                        + width + " × " + height);
            }
            this.width = width;
            this.height = height;
        }

        /**
         * @param c background colour
         * @return this builder
         */
        public Builder background(Color c) {
            this.background = Objects.requireNonNull(c);
            return this;
        }

        /**
         * @param panel a panel
         * @param area  its plot area in points
         * @return this builder
         */
        public Builder panel(Panel panel, Rect area) {
            panels.add(new Placed(panel, area));
            return this;
        }

        /**
         * @param t text on the figure
         * @return this builder
         */
        public Builder text(Text t) {
            texts.add(Objects.requireNonNull(t));
            return this;
        }

        /**
         * @param t a short name for the picture
         * @return this builder
         */
        public Builder title(String t) {
            this.title = Objects.requireNonNull(t);
            return this;
        }

        /** @return the figure */
        public Figure build() {
            return new Figure(this);
        }
    }
}

package org.scalefit.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * The look of a panel apart from its data: fonts of tick labels and axis titles, which spines are
 * drawn, tick lengths, grid lines and background. The presets follow the reference charts:
 * {@link #paper()} (matplotlib's classic box, serif ticks: Kaplan et al.), {@link #ieee()}
 * (Jones's plotnine theme with faint major and minor grid), {@link #metr()} (left and bottom spines,
 * light grid, sans-serif grey text), {@link #whitegrid()} (seaborn: Hoffmann et al.) and
 * {@link #clean()} (the default for fit plots).
 *
 * <pre>{@code
 * Theme t = Theme.paper().withTickLabels(TextStyle.serif(12, Color.BLACK));
 * }</pre>
 *
 * @param tickLabels      font of tick labels
 * @param axisTitle       font of axis titles
 * @param frame           which spines are drawn
 * @param frameColor      spine colour
 * @param frameWidth      spine width in points
 * @param tickColor       tick mark colour
 * @param tickLength      major tick length in points (outward); 0 for none
 * @param minorTickLength minor tick length in points; 0 for none
 * @param grid            grid lines
 * @param background      plot-area background, or null for none
 */
public record Theme(TextStyle tickLabels, TextStyle axisTitle, Frame frame, Color frameColor, double frameWidth,
                    Color tickColor, double tickLength, double minorTickLength, Grid grid, Color background) {

    /** Which spines are drawn. */
    public enum Frame {
        /** All four sides. */
        BOX,
        /** Left and bottom only. */
        LEFT_BOTTOM,
        /** None. */
        NONE
    }

    /**
     * Grid lines at major and minor ticks, drawn under the data.
     *
     * @param majorX vertical lines at major x ticks
     * @param majorY horizontal lines at major y ticks
     * @param minorX vertical lines at minor x ticks
     * @param minorY horizontal lines at minor y ticks
     * @param major  style of major grid lines
     * @param minor  style of minor grid lines
     */
    public record Grid(boolean majorX, boolean majorY, boolean minorX, boolean minorY, LineStyle major, LineStyle minor) {
        /**
         * Checks the styles.
         *
         * @param majorX vertical lines at major x ticks
         * @param majorY horizontal lines at major y ticks
         * @param minorX vertical lines at minor x ticks
         * @param minorY horizontal lines at minor y ticks
         * @param major  style of major grid lines
         * @param minor  style of minor grid lines
         * @throws NullPointerException if a required component is null
         */
        public Grid {
            Objects.requireNonNull(major, "major");
            Objects.requireNonNull(minor, "minor");
        }

        /** @return no grid lines */
        public static Grid none() {
            LineStyle l = LineStyle.solid(Color.LIGHT_GRAY, 0.5);
            return new Grid(false, false, false, false, l, l);
        }
    }

    /**
     * Checks the arguments.
     *
     * @param tickLabels      font of tick labels
     * @param axisTitle       font of axis titles
     * @param frame           which spines are drawn
     * @param frameColor      spine colour
     * @param frameWidth      spine width in points
     * @param tickColor       tick mark colour
     * @param tickLength      major tick length in points (outward); 0 for none
     * @param minorTickLength minor tick length in points; 0 for none
     * @param grid            grid lines
     * @param background      plot-area background, or null for none
     * @throws NullPointerException if a required component is null
     */
    public Theme {
        Objects.requireNonNull(tickLabels, "tickLabels");
        Objects.requireNonNull(axisTitle, "axisTitle");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(frameColor, "frameColor");
        Objects.requireNonNull(tickColor, "tickColor");
        Objects.requireNonNull(grid, "grid");
    }

    /** @return matplotlib's classic look: full black box, serif tick labels, outward ticks, no grid */
    public static Theme paper() {
        return new Theme(TextStyle.serif(12, Color.BLACK), TextStyle.sans(13, Color.BLACK), Frame.BOX, Color.BLACK, 0.8,
                Color.BLACK, 3.5, 2, Grid.none(), null);
    }

    /** @return Jones's IEEE theme: thin black box, serif text, faint grid at major and minor ticks */
    public static Theme ieee() {
        LineStyle g = LineStyle.solid(Colors.withAlpha(new Color(0xb0b0b0), 0.35), 0.4);
        return new Theme(TextStyle.serif(11, Color.BLACK), TextStyle.serif(11, Color.BLACK), Frame.BOX, Color.BLACK, 0.6,
                Color.BLACK, 3.5, 2, new Grid(true, true, true, true, g, g), null);
    }

    /** @return METR's look: left and bottom spines, grey sans-serif text, light solid major and dotted minor grid */
    public static Theme metr() {
        Color text = new Color(0x333333);
        LineStyle major = LineStyle.solid(Colors.withAlpha(new Color(0x808080), 0.22), 0.8);
        LineStyle minor = LineStyle.dotted(Colors.withAlpha(new Color(0x808080), 0.30), 0.6);
        return new Theme(TextStyle.sans(11, text), TextStyle.sans(14, text), Frame.LEFT_BOTTOM, text, 0.9,
                text, 4, 2, new Grid(true, true, false, true, major, minor), null);
    }

    /** @return seaborn's "whitegrid": light grey frame and grid, dark grey sans-serif text, no tick marks */
    public static Theme whitegrid() {
        Color text = new Color(0x222222);
        LineStyle major = LineStyle.solid(new Color(0xd0d0d0), 0.8);
        LineStyle minor = LineStyle.solid(new Color(0xe6e6e6), 0.6);
        return new Theme(TextStyle.sans(11, text), TextStyle.sans(12, text), Frame.BOX, new Color(0xcccccc), 1.0,
                text, 0, 0, new Grid(true, true, false, false, major, minor), null);
    }

    /** @return the default for fit plots: dark grey box, light major grid, sans-serif text */
    public static Theme clean() {
        Color text = new Color(0x262626);
        LineStyle major = LineStyle.solid(new Color(0xe3e3e3), 0.7);
        LineStyle minor = LineStyle.solid(new Color(0xf0f0f0), 0.5);
        return new Theme(TextStyle.sans(11, text), TextStyle.sans(12, text), Frame.BOX, new Color(0x4d4d4d), 0.8,
                new Color(0x4d4d4d), 3.5, 2, new Grid(true, true, false, false, major, minor), null);
    }

    /**
     * @param style tick label font
     * @return this theme with that tick label font
     */
    public Theme withTickLabels(TextStyle style) {
        return new Theme(style, axisTitle, frame, frameColor, frameWidth, tickColor, tickLength, minorTickLength, grid,
                background);
    }

    /**
     * @param style axis title font
     * @return this theme with that axis title font
     */
    public Theme withAxisTitle(TextStyle style) {
        return new Theme(tickLabels, style, frame, frameColor, frameWidth, tickColor, tickLength, minorTickLength, grid,
                background);
    }

    /**
     * @param g grid lines
     * @return this theme with those grid lines
     */
    public Theme withGrid(Grid g) {
        return new Theme(tickLabels, axisTitle, frame, frameColor, frameWidth, tickColor, tickLength, minorTickLength, g,
                background);
    }

    /**
     * @param f which spines to draw
     * @return this theme with those spines
     */
    public Theme withFrame(Frame f) {
        return new Theme(tickLabels, axisTitle, f, frameColor, frameWidth, tickColor, tickLength, minorTickLength, grid,
                background);
    }
}

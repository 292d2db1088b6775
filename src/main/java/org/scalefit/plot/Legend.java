package org.scalefit.plot;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * A legend drawn inside (or to the right of) a panel: entries with a line sample, a marker sample
 * or a colour patch, and a label that may hold {@code ^{…}} superscripts and {@code _{…}} subscripts,
 * so fitted laws read like the papers' (L = (C_{min}/2.3·10^{8})^{−0.050}).
 *
 * <pre>{@code
 * Legend legend = Legend.of(Legend.Corner.LOWER_LEFT, TextStyle.sans(11, Color.BLACK),
 *         Legend.Entry.line("L = (C_{min}/2.3·10^{8})^{−0.050}", LineStyle.dashed(Colors.ORANGE, 1.5)));
 * }</pre>
 *
 * @param entries the entries, top to bottom
 * @param corner  where it sits
 * @param framed  whether a rounded white frame is drawn behind it
 * @param style   label font
 */
public record Legend(List<Entry> entries, Corner corner, boolean framed, TextStyle style) {
    /** Where a legend sits. */
    public enum Corner {
        /** Inside, top left. */
        UPPER_LEFT,
        /** Inside, top right. */
        UPPER_RIGHT,
        /** Inside, bottom left. */
        LOWER_LEFT,
        /** Inside, bottom right. */
        LOWER_RIGHT,
        /** Inside, vertically centred at the left. */
        CENTER_LEFT,
        /** Outside the plot area, to the right, top-aligned. */
        OUTSIDE_RIGHT
    }

    /**
     * Copies the entries.
     *
     * @param entries the entries, top to bottom
     * @param corner  where it sits
     * @param framed  whether a rounded white frame is drawn behind it
     * @param style   label font
     * @throws NullPointerException if a required component is null
     */
    public Legend {
        entries = List.copyOf(entries);
        Objects.requireNonNull(corner, "corner");
        Objects.requireNonNull(style, "style");
    }

    /**
     * @param corner  where it sits
     * @param style   label font
     * @param entries entries, top to bottom
     * @return a framed legend
     */
    public static Legend of(Corner corner, TextStyle style, Entry... entries) {
        return new Legend(List.of(entries), corner, true, style);
    }

    /** @return this legend without a frame */
    public Legend unframed() {
        return new Legend(entries, corner, false, style);
    }

    /**
     * One legend entry: a label and its sample (a line, a marker, both, or a colour patch).
     *
     * @param label  text with optional markup
     * @param line   line sample, or null
     * @param marker marker sample, or null
     * @param patch  colour patch (for bands), or null
     */
    public record Entry(String label, LineStyle line, MarkerStyle marker, Color patch) {
        /**
         * Checks the label.
         *
         * @param label  text with optional markup
         * @param line   line sample, or null
         * @param marker marker sample, or null
         * @param patch  colour patch (for bands), or null
         * @throws NullPointerException if a required component is null
         */
        public Entry {
            Objects.requireNonNull(label, "label");
        }

        /**
         * @param label text
         * @param line  line sample
         * @return an entry with a line sample
         */
        public static Entry line(String label, LineStyle line) {
            return new Entry(label, line, null, null);
        }

        /**
         * @param label  text
         * @param marker marker sample
         * @return an entry with a marker sample
         */
        public static Entry marker(String label, MarkerStyle marker) {
            return new Entry(label, null, marker, null);
        }

        /**
         * @param label text
         * @param fill  patch colour
         * @return an entry with a colour patch
         */
        public static Entry patch(String label, Color fill) {
            return new Entry(label, null, null, fill);
        }
    }
}

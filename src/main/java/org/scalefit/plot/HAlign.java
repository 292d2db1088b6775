package org.scalefit.plot;

/**
 * Horizontal alignment of text to its anchor point.
 *
 * <pre>{@code
 * Mark.Text.at(x, y, "GPT 4", style).aligned(HAlign.RIGHT, VAlign.MIDDLE);
 * }</pre>
 */
public enum HAlign {
    /** The text starts at the anchor. */
    LEFT,
    /** The text is centred on the anchor. */
    CENTER,
    /** The text ends at the anchor. */
    RIGHT
}

package org.scalefit.plot;

/**
 * Vertical alignment of text to its anchor point.
 *
 * <pre>{@code
 * Mark.Text.at(x, y, "o1", style).aligned(HAlign.LEFT, VAlign.TOP);
 * }</pre>
 */
public enum VAlign {
    /** The top of the text is at the anchor (the text hangs below it). */
    TOP,
    /** Capital letters are centred on the anchor. */
    MIDDLE,
    /** The baseline of the (last line of) text is at the anchor. */
    BASELINE,
    /** The bottom of the descenders is at the anchor. */
    BOTTOM
}

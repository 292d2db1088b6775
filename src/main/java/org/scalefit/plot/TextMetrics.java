package org.scalefit.plot;

/**
 * Sizes of text as the renderer will draw it, for laying out figures (margins wide enough for the
 * widest tick label, a legend that fits). Text may hold {@code ^{…}}/{@code _{…}} markup and line breaks.
 *
 * <pre>{@code
 * double w = TextMetrics.width("10⁻⁹", TextStyle.serif(12, Color.BLACK));
 * }</pre>
 */
public final class TextMetrics {
    private TextMetrics() {
    }

    /**
     * @param text  the text
     * @param style its font
     * @return width of the widest line in points
     */
    public static double width(String text, TextStyle style) {
        return RichText.width(text, style.font());
    }

    /**
     * @param text  the text
     * @param style its font
     * @return height from the top of the capitals of the first line to the descenders of the last, in points
     */
    public static double height(String text, TextStyle style) {
        return RichText.height(text, style.font());
    }

    /**
     * @param text text with markup
     * @return the same text with the markup removed
     */
    public static String plain(String text) {
        return RichText.plain(text);
    }
}

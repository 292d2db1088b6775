package org.scalefit.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws text with a little markup: {@code ^{…}} for superscripts, {@code _{…}} for subscripts, and
 * line breaks. Enough to typeset fitted laws the way the papers print them
 * ({@code L = (C_{min}/2.3·10^{8})^{−0.050}}) with any Java2D backend (raster, SVG, PDF).
 */
final class RichText {
    /** Reduced size of superscripts and subscripts, as a fraction of the base size. */
    static final double SCRIPT_SCALE = 0.72;
    /** Line spacing as a multiple of the font size. */
    static final double LINE_SPACING = 1.25;
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    private RichText() {
    }

    /** A run of text at a script level: 0 normal, 1 superscript, −1 subscript. */
    record Run(String text, int level) {
    }

    /**
     * @param line one line of text with markup
     * @return its runs
     */
    static List<Run> parse(String line) {
        List<Run> runs = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if ((c == '^' || c == '_') && i + 1 < line.length() && line.charAt(i + 1) == '{') {
                int close = line.indexOf('}', i + 2);
                if (close > 0) {
                    if (plain.length() > 0) {
                        runs.add(new Run(plain.toString(), 0));
                        plain.setLength(0);
                    }
                    runs.add(new Run(line.substring(i + 2, close), c == '^' ? 1 : -1));
                    i = close + 1;
                    continue;
                }
            }
            plain.append(c);
            i++;
        }
        if (plain.length() > 0) {
            runs.add(new Run(plain.toString(), 0));
        }
        return runs;
    }

    /**
     * @param text text with markup
     * @return the text without markup (for titles and accessibility text)
     */
    static String plain(String text) {
        StringBuilder s = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (s.length() > 0) {
                s.append(' ');
            }
            for (Run r : parse(line)) {
                s.append(r.text());
            }
        }
        return s.toString();
    }

    static Font fontFor(Font base, int level) {
        return level == 0 ? base : base.deriveFont((float) (base.getSize2D() * SCRIPT_SCALE));
    }

    static double shift(Font base, int level) {
        double size = base.getSize2D();
        return level > 0 ? -0.42 * size : (level < 0 ? 0.16 * size : 0);
    }

    /**
     * @param line one line of text with markup
     * @param base the base font
     * @return its advance width in points
     */
    static double lineWidth(String line, Font base) {
        double w = 0;
        for (Run r : parse(line)) {
            w += fontFor(base, r.level()).getStringBounds(r.text(), FRC).getWidth();
        }
        return w;
    }

    /**
     * @param text text with markup and line breaks
     * @param base the base font
     * @return the widest line's width in points
     */
    static double width(String text, Font base) {
        double w = 0;
        for (String line : text.split("\n", -1)) {
            w = Math.max(w, lineWidth(line, base));
        }
        return w;
    }

    /** Height of capital letters, used to centre text on a point. */
    static double capHeight(Font base) {
        return base.createGlyphVector(FRC, "H").getVisualBounds().getHeight();
    }

    static double descent(Font base) {
        return base.getLineMetrics("gy", FRC).getDescent();
    }

    /**
     * @param text text with line breaks
     * @param base the base font
     * @return the height from the top of the first line's capitals to the last line's descenders
     */
    static double height(String text, Font base) {
        int lines = text.split("\n", -1).length;
        return capHeight(base) + (lines - 1) * LINE_SPACING * base.getSize2D() + descent(base);
    }

    /**
     * Draws text aligned to (x, y) in the current transform of {@code g}.
     *
     * @param g      graphics
     * @param text   text with markup and line breaks
     * @param base   the base font
     * @param x      anchor x
     * @param y      anchor y
     * @param halign horizontal alignment
     * @param valign vertical alignment
     */
    static void draw(Graphics2D g, String text, Font base, double x, double y, HAlign halign, VAlign valign) {
        String[] lines = text.split("\n", -1);
        double lh = LINE_SPACING * base.getSize2D();
        double cap = capHeight(base);
        double first = switch (valign) {
            case TOP -> y + cap;
            case MIDDLE -> y + cap / 2 - (lines.length - 1) * lh / 2;
            case BASELINE -> y - (lines.length - 1) * lh;
            case BOTTOM -> y - descent(base) - (lines.length - 1) * lh;
        };
        for (int i = 0; i < lines.length; i++) {
            double w = lineWidth(lines[i], base);
            double left = switch (halign) {
                case LEFT -> x;
                case CENTER -> x - w / 2;
                case RIGHT -> x - w;
            };
            drawLine(g, lines[i], base, left, first + i * lh);
        }
    }

    private static void drawLine(Graphics2D g, String line, Font base, double x, double baseline) {
        double cx = x;
        for (Run r : parse(line)) {
            Font f = fontFor(base, r.level());
            g.setFont(f);
            g.drawString(r.text(), (float) cx, (float) (baseline + shift(base, r.level())));
            cx += f.getStringBounds(r.text(), FRC).getWidth();
        }
    }
}

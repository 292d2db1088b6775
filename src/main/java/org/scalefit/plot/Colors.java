package org.scalefit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The colours the reference charts use, and the palettes behind them: matplotlib's default cycle,
 * ggplot's evenly spaced hue palette (Jones 2021) and seaborn's "mako" ramp (Hoffmann et al. 2022).
 *
 * <pre>{@code
 * List<Color> boards = Colors.hue(7, 0.65, 0.4);     // #a82c24 … #a8248d
 * Color faint = Colors.withAlpha(Colors.C0, 0.15);
 * Color budget = Colors.mako(0.3);
 * Color second = Colors.series(1);                   // tab10 orange
 * }</pre>
 */
public final class Colors {
    /** matplotlib's first colour, "C0". */
    public static final Color C0 = new Color(0x1f77b4);
    /** matplotlib's "orange". */
    public static final Color ORANGE = new Color(0xff9b00);
    /** A neutral grey for fitted lines (Kaplan et al. 2020, Figure 1). */
    public static final Color FIT_GREY = new Color(0x636363);
    /** matplotlib's "tomato" (Hoffmann et al. 2022, Figure 3 fits). */
    public static final Color TOMATO = new Color(0xff6347);
    /** Dark grey for text (#333333). */
    public static final Color TEXT = new Color(0x333333);
    /** METR's sage green (trend line, footer). */
    public static final Color SAGE = new Color(0x8fb8a5);
    /** METR's dark green (markers of the April 2025 chart). */
    public static final Color METR_GREEN = new Color(0x3e805f);
    /** METR's pink markers (March 2025 chart). */
    public static final Color METR_PINK = new Color(0xc66490);

    /** matplotlib's "tab10" cycle: distinct colours for series without an order. */
    private static final int[] TAB10 = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    /** matplotlib's "tab20": each tab10 colour and a lighter partner, for up to twenty series. */
    private static final int[] TAB20_LIGHT = {
        0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5};

    private static final int[] MAKO = {
        0x0b0405, 0x211624, 0x312649, 0x363872, 0x2a538e, 0x217096, 0x1b8d9e, 0x23aba3, 0x49c8a5, 0x9bddb7, 0xdef5e5};

    private Colors() {
    }

    /**
     * The i-th colour of a series of unordered categories: matplotlib's tab10, then its lighter tab20
     * partners, then again from the start.
     *
     * @param i series index, ≥ 0
     * @return its colour
     */
    public static Color series(int i) {
        int k = Math.floorMod(i, 20);
        return new Color(k < 10 ? TAB10[k] : TAB20_LIGHT[k - 10]);
    }

    /**
     * @param c     a colour
     * @param alpha opacity in [0, 1]
     * @return c with that opacity
     */
    public static Color withAlpha(Color c, double alpha) {
        int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    /**
     * ggplot's discrete hue palette as plotnine computes it: n hues evenly spaced from 0.01 turn,
     * at the given HSL saturation and lightness ({@code scale_color_discrete(l=.4)} gives 0.65, 0.4).
     *
     * @param n          number of colours
     * @param saturation HSL saturation in [0, 1]
     * @param lightness  HSL lightness in [0, 1]
     * @return the colours
     */
    public static List<Color> hue(int n, double saturation, double lightness) {
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double h = (0.01 + (double) i / n) % 1.0;
            out.add(hsl(h, saturation, lightness));
        }
        return out;
    }

    /**
     * @param h hue in turns [0, 1)
     * @param s saturation in [0, 1]
     * @param l lightness in [0, 1]
     * @return the colour
     */
    public static Color hsl(double h, double s, double l) {
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        double p = 2 * l - q;
        return new Color(clamp(hueToRgb(p, q, h + 1.0 / 3)), clamp(hueToRgb(p, q, h)), clamp(hueToRgb(p, q, h - 1.0 / 3)));
    }

    private static double hueToRgb(double p, double q, double t) {
        double u = t < 0 ? t + 1 : (t > 1 ? t - 1 : t);
        if (u < 1.0 / 6) {
            return p + (q - p) * 6 * u;
        }
        if (u < 0.5) {
            return q;
        }
        if (u < 2.0 / 3) {
            return p + (q - p) * (2.0 / 3 - u) * 6;
        }
        return p;
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }

    /**
     * seaborn's "mako" ramp, sampled: 0 is almost black, 1 a light mint.
     *
     * @param t position in [0, 1]
     * @return the interpolated colour
     */
    public static Color mako(double t) {
        double u = Math.max(0, Math.min(1, t)) * (MAKO.length - 1);
        int i = Math.min(MAKO.length - 2, (int) Math.floor(u));
        double f = u - i;
        Color a = new Color(MAKO[i]);
        Color b = new Color(MAKO[i + 1]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /**
     * @param c a colour
     * @return its hex code, e.g. {@code #1f77b4}
     */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}

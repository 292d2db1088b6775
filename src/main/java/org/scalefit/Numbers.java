package org.scalefit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Number formatting shared by formulas, tables and plots: a fixed number of significant digits,
 * plain notation for moderate magnitudes and {@code 1.23e+21}-style scientific notation outside
 * them, always with a dot as the decimal separator whatever the default locale.
 *
 * <pre>{@code
 * Numbers.format(1009.2431, 5);   // "1009.2"
 * Numbers.format(2.3e8, 3);       // "2.3e+08"
 * Numbers.format(-0.150183, 4);   // "-0.1502"
 * }</pre>
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Formats with {@code digits} significant digits, trailing zeros removed.
     *
     * @param v      the value
     * @param digits significant digits, at least 1
     * @return the text, e.g. {@code "1.809"}, {@code "3.1e+08"}, {@code "NaN"}
     */
    public static String format(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            BigDecimal bd = new BigDecimal(v).round(new MathContext(digits));
            String s = bd.stripTrailingZeros().toPlainString();
            return s;
        }
        String s = String.format(Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + s.substring(e);
    }

    /**
     * Full round-trip precision, for JSON and CSV output.
     *
     * @param v the value
     * @return the shortest text that parses back to v
     */
    public static String exact(double v) {
        // Schubfach (Jackson's copy of the algorithm Java 19 adopted for Double.toString): always the shortest
        // text that reads back as v, in Double.toString's format, several times faster than Java 17's.
        return com.fasterxml.jackson.core.io.NumberOutput.toString(v, true);
    }
}

package org.scalefit.plot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the plain formulas a fit prints ({@code loss = 1.809 + 1009.2·compute^(-0.15018)}) into the
 * markup the renderer typesets ({@code loss = 1.809 + 1009.2·compute^{−0.15018}}), and numbers in
 * e-notation into powers of ten ({@code 2.3e+08} → {@code 2.3·10^{8}}), so legends never show
 * E-notation.
 *
 * <pre>{@code
 * FormulaText.markup("y = 2.3e+08·x^(-0.05)");   // "y = 2.3·10^{8}·x^{−0.05}"
 * FormulaText.number(3.1e8, 2);                   // "3.1·10^{8}"
 * }</pre>
 */
public final class FormulaText {
    private static final Pattern NEGATIVE_TERM = Pattern.compile("\\+ \\(-(\\d[\\d.]*(?:·10\\^\\{[^}]*\\})?)\\)");
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("\\(-(\\d[\\d.]*)\\)");
    private static final Pattern SCI = Pattern.compile("(?<![\\w.])(-?\\d+(?:\\.\\d+)?)[eE]([+-]?)0*(\\d+)");

    private FormulaText() {
    }

    /**
     * @param formula a formula as {@code Fit.formulaWithValues()} prints it
     * @return the same formula with exponents as superscripts, true minus signs in them, and
     *         scientific numbers as powers of ten
     */
    public static String markup(String formula) {
        String s = powersOfTen(formula);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '^' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                int depth = 0;
                int j = i + 1;
                for (; j < s.length(); j++) {
                    if (s.charAt(j) == '(') {
                        depth++;
                    } else if (s.charAt(j) == ')' && --depth == 0) {
                        break;
                    }
                }
                if (j < s.length()) {
                    String inner = s.substring(i + 2, j).replace('-', TickLabels.MINUS);
                    out.append("^{").append(inner).append('}');
                    i = j + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        // "+ (-1.1)·x" reads better as "− 1.1·x"; products as middle dots; minus signs typeset.
        String t = out.toString().replace("*", "·");
        t = NEGATIVE_TERM.matcher(t).replaceAll("− $1");
        t = NEGATIVE_NUMBER.matcher(t).replaceAll("(−$1)");
        return t;
    }

    /**
     * @param v      a number
     * @param digits significant digits
     * @return the number in plain notation when moderate, else as {@code m·10^{e}} markup
     */
    public static String number(double v, int digits) {
        return powersOfTen(org.scalefit.Numbers.format(v, digits)).replace('-', TickLabels.MINUS);
    }

    private static String powersOfTen(String s) {
        Matcher m = SCI.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String mant = m.group(1);
            String sign = m.group(2).equals("-") ? "−" : "";
            String rep = (mant.equals("1") ? "" : mant + "·") + "10^{" + sign + m.group(3) + "}";
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}

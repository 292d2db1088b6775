package org.scalefit.data;

import java.util.List;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;

/**
 * A predictor computed per row as {@code numerator / (factor · denominator)} — for files that
 * log compute C and parameters N but not tokens D, {@code D = C / (6·N)}.
 *
 * <pre>{@code
 * DerivedColumn d = DerivedColumn.parse("D=compute/(6*params)");
 * d.apply(6e20, 1e9);                                  // 1e11 tokens
 * new DerivedColumn("D", "compute", "params", 6.0);   // the same
 * }</pre>
 *
 * @param name        the predictor name, an identifier
 * @param numerator   the column divided
 * @param denominator the column divided by
 * @param factor      a finite, non-zero constant multiplying the denominator (1 for a plain ratio)
 */
public record DerivedColumn(String name, String numerator, String denominator, double factor)
        implements PredictorSpec {
    private static final String FORM = "write NAME=NUMERATOR/(FACTOR*DENOMINATOR) or NAME=NUMERATOR/DENOMINATOR,"
            + " e.g. D=compute/(6*params)";

    /**
     * @param name        the predictor name, an identifier
     * @param numerator   the column divided
     * @param denominator the column divided by
     * @param factor      the constant multiplying the denominator
     * @throws InvalidDataException if the name is not an identifier, a column is blank or the
     *                              factor is zero or not finite
     */
    public DerivedColumn {
        if (name == null || !PredictorSpec.isIdentifier(name)) {
            throw new InvalidDataException((name == null ? "null" : Cells.quote(name))
                    + " is not a valid name: use letters, digits and _, not starting with a digit");
        }
        if (numerator == null || numerator.isBlank() || denominator == null || denominator.isBlank()) {
            throw new InvalidDataException("derived predictor \"" + name + "\" needs a numerator and a denominator column");
        }
        if (!Double.isFinite(factor) || factor == 0) {
            throw new InvalidDataException("derived predictor \"" + name + "\" needs a finite, non-zero factor, not " + factor);
        }
    }

    /**
     * Parses {@code NAME=NUMERATOR/(FACTOR*DENOMINATOR)} (the factor may also come second, and
     * {@code ·} or {@code ×} may replace {@code *}) or {@code NAME=NUMERATOR/DENOMINATOR}.
     *
     * <pre>{@code
     * DerivedColumn.parse("D = compute / (6 * params)");   // factor 6
     * DerivedColumn.parse("ratio=tokens/params");          // factor 1
     * }</pre>
     *
     * @param text the spec
     * @return the derived column
     * @throws InvalidDataException if the text has another form
     */
    public static DerivedColumn parse(String text) {
        String t = text.strip();
        int eq = t.indexOf('=');
        if (eq <= 0) {
            throw bad(t);
        }
        String name = t.substring(0, eq).strip();
        String rhs = t.substring(eq + 1).strip();
        int slash;
        String denominatorPart;
        if (rhs.endsWith(")")) {
            int open = rhs.lastIndexOf('(');
            if (open < 0) {
                throw bad(t);
            }
            slash = rhs.lastIndexOf('/', open);
            if (slash < 0 || !rhs.substring(slash + 1, open).isBlank()) {
                throw bad(t);
            }
            denominatorPart = rhs.substring(open + 1, rhs.length() - 1).strip();
        } else {
            slash = rhs.lastIndexOf('/');
            if (slash < 0) {
                throw bad(t);
            }
            denominatorPart = rhs.substring(slash + 1).strip();
        }
        String numerator = rhs.substring(0, slash).strip();
        int times = firstOf(denominatorPart, "*·×");
        if (times < 0) {
            if (numerator.isEmpty() || denominatorPart.isEmpty()) {
                throw bad(t);
            }
            return new DerivedColumn(name, numerator, denominatorPart, 1.0);
        }
        String left = denominatorPart.substring(0, times).strip();
        String right = denominatorPart.substring(times + 1).strip();
        if (numerator.isEmpty() || left.isEmpty() || right.isEmpty()) {
            throw bad(t);
        }
        if (Cells.isNumber(left)) {
            return new DerivedColumn(name, numerator, right, Cells.parseNumber(left));
        }
        if (Cells.isNumber(right)) {
            return new DerivedColumn(name, numerator, left, Cells.parseNumber(right));
        }
        throw bad(t);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidDataException bad(String text) {
        return new InvalidDataException("cannot read derived predictor " + Cells.quote(text) + "; " + FORM);
    }

    /**
     * @param numeratorValue   the numerator of one row
     * @param denominatorValue the denominator of the same row
     * @return {@code numeratorValue / (factor · denominatorValue)}
     */
    public double apply(double numeratorValue, double denominatorValue) {
        return numeratorValue / (factor * denominatorValue);
    }

    /** @return {@code [numerator, denominator]} */
    @Override
    public List<String> columns() {
        return List.of(numerator, denominator);
    }

    /** @return {@code numerator/(factor*denominator)}, or {@code numerator/denominator} when the factor is 1 */
    @Override
    public String describe() {
        return factor == 1.0 ? numerator + "/" + denominator
                : numerator + "/(" + Numbers.format(factor, 15) + "*" + denominator + ")";
    }

    /** @return {@code NAME=} followed by {@link #describe()} */
    @Override
    public String toString() {
        return name + "=" + describe();
    }
}

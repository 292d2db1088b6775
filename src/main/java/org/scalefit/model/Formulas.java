package org.scalefit.model;

import org.scalefit.Numbers;

/** Helpers for writing formulas with names or numbers filled in. */
final class Formulas {
    private Formulas() {
    }

    /** The parameter's name, or its value with 5 significant digits (negative values in parentheses). */
    static String term(String name, double[] values, int j) {
        if (values == null) {
            return name;
        }
        String s = Numbers.format(values[j], 5);
        return values[j] < 0 ? "(" + s + ")" : s;
    }

    /** An exponent written after {@code ^}: a name stays as it is, a number goes in parentheses when negative. */
    static String negatedExponent(String name, double[] values, int j) {
        if (values == null) {
            return "(−" + name + ")";
        }
        return "(" + Numbers.format(-values[j], 5) + ")";
    }

    /**
     * A predictor label as an operand of ^ or /: kept when it is an identifier (a column such as
     * {@code params}), else the law's own name for the predictor ({@code N}), so that a column called
     * "Model Size" or a quotient such as compute/(6*params) does not clutter the formula.
     */
    static String operand(String label, String fallback) {
        return org.scalefit.data.PredictorSpec.isIdentifier(label) ? label : fallback;
    }
}

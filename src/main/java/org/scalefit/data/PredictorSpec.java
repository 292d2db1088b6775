package org.scalefit.data;

import java.util.List;

/**
 * Where a predictor's values come from: a column of the table ({@link ColumnSpec}) or a quotient
 * of two columns ({@link DerivedColumn}). The {@link #name()} is what a law calls the predictor
 * ({@code N}, {@code D}, {@code x}, {@code t}).
 *
 * <pre>{@code
 * List<PredictorSpec> predictors = List.of(
 *         ColumnSpec.parse("N=params"),
 *         DerivedColumn.parse("D=compute/(6*params)"));
 * }</pre>
 */
public sealed interface PredictorSpec permits ColumnSpec, DerivedColumn {
    /** @return the predictor name a law uses, an identifier such as {@code N} */
    String name();

    /** @return the table columns this predictor reads */
    List<String> columns();

    /**
     * @return how the source is shown in {@link Observations#predictorColumn(int)} and in messages:
     *         the column name, or the quotient such as {@code compute/(6*params)}
     */
    String describe();

    /**
     * @param name a candidate predictor name
     * @return true when it is an identifier: letters, digits and {@code _}, not starting with a digit
     */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}

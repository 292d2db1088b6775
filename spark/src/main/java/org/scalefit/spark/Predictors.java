package org.scalefit.spark;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.InvalidDataException;
import org.scalefit.model.Laws;

/**
 * The predictor options of a Spark fit, read as the command line reads {@code --x}: {@code COLUMN} or
 * {@code NAME=COLUMN}, put in the law's order when the law names its predictors ({@code N}, {@code D}).
 *
 * <pre>{@code
 * List<String[]> p = Predictors.ordered(FitSpec.law("chinchilla"), List.of("D=tokens", "N=params"));
 * // [[N, params], [D, tokens]]
 * }</pre>
 */
final class Predictors {
    private Predictors() {
    }

    /**
     * @param spec the law
     * @param x    the predictor options as given
     * @return {name, column} per predictor, in the law's order
     * @throws InvalidDataException when the names do not match the law's, or a predictor would be derived
     */
    static List<String[]> ordered(FitSpec spec, List<String> x) {
        List<String[]> given = new ArrayList<>();
        for (String p : x) {
            int eq = p.indexOf('=');
            String name = eq > 0 ? p.substring(0, eq).strip() : p.strip();
            String column = eq > 0 ? p.substring(eq + 1).strip() : p.strip();
            if (eq > 0 && column.indexOf('/') > 0) {
                throw new InvalidDataException("predictor " + p + " would be derived per row; compute it as a column "
                        + "first (Dataset.withColumn) and name that column");
            }
            given.add(new String[] {name, column});
        }
        List<String> wanted = spec.predictorNames();
        if (wanted.isEmpty()) {
            return given;
        }
        List<String[]> ordered = new ArrayList<>();
        for (String w : wanted) {
            for (String[] g : given) {
                if (g[0].equals(w)) {
                    ordered.add(g);
                }
            }
        }
        if (ordered.size() != wanted.size() || given.size() != wanted.size()) {
            throw new InvalidDataException(spec.law().trim() + " takes predictors " + String.join(" and ", wanted)
                    + ": give x(\"" + String.join("=COLUMN\"), x(\"", wanted) + "=COLUMN\") (got " + x + ")");
        }
        return ordered;
    }

    /**
     * @param columns the dataset's columns
     * @param column  a column the options name
     * @param role    what it is for, in the message
     * @return the column
     * @throws InvalidDataException when the dataset has no such column
     */
    static String column(List<String> columns, String column, String role) {
        if (!columns.contains(column)) {
            throw new InvalidDataException("the dataset has no " + role + " column \"" + column + "\"; its columns are "
                    + String.join(", ", columns));
        }
        return column;
    }

    /**
     * The law's parameter names before any data are read ({@link Laws#parameterNames}).
     *
     * @param spec       the law
     * @param predictors {name, column} per predictor
     * @return the parameter names in the law's order
     */
    static List<String> parameterNames(FitSpec spec, List<String[]> predictors) {
        return Laws.parameterNames(spec.law(), predictors.stream().map(p -> p[0]).toList());
    }
}

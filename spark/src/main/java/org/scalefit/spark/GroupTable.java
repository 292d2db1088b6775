package org.scalefit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Parameter;

/**
 * The columns of the compact per-group table of {@code scalefit fit --by} (issue 16), after the group keys:
 * for each parameter {@code P}: {@code P}, {@code P_stderr}, {@code P_ci95_low}, {@code P_ci95_high}; then
 * {@code rss}, {@code r2}, {@code aic}, {@code n}, {@code converged}, {@code warnings} (how many) and
 * {@code first_warning}. Non-finite numbers are null (as in the command line's JSON). A group that could
 * not be fitted has null numbers, its row count in {@code n}, {@code converged = false}, {@code warnings = 1}
 * and the reason in {@code first_warning}.
 *
 * <p><b>The one place to switch</b>: when the core gains its own row type for that table (issue 16), this
 * class becomes a thin adapter from that type to Spark's types, and nothing else in this module changes.
 *
 * <pre>{@code
 * GroupTable table = new GroupTable(List.of("a", "alpha"));
 * List<StructField> columns = table.fields();            // a, a_stderr, a_ci95_low, …, first_warning
 * Object[] values = table.values(fit);                    // in the same order
 * }</pre>
 */
final class GroupTable implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The columns after the parameters, in order. */
    static final List<String> FIT_COLUMNS = List.of("rss", "r2", "aic", "n", "converged", "warnings", "first_warning");
    /** The suffixes of a parameter's columns after its value, in order. */
    static final List<String> PARAMETER_SUFFIXES = List.of("_stderr", "_ci95_low", "_ci95_high");

    private final List<String> parameters;

    /**
     * @param parameters the law's parameter names, in the law's order
     */
    GroupTable(List<String> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** @return the column names after the group keys, in order */
    List<String> columnNames() {
        List<String> out = new ArrayList<>();
        for (String p : parameters) {
            out.add(p);
            for (String s : PARAMETER_SUFFIXES) {
                out.add(p + s);
            }
        }
        out.addAll(FIT_COLUMNS);
        return out;
    }

    /** @return the Spark fields after the group keys, in {@link #columnNames()} order */
    List<StructField> fields() {
        List<StructField> out = new ArrayList<>();
        for (String name : columnNames()) {
            out.add(DataTypes.createStructField(name, type(name), !name.equals("converged") && !name.equals("warnings")));
        }
        return out;
    }

    private static org.apache.spark.sql.types.DataType type(String column) {
        return switch (column) {
            case "n", "warnings" -> DataTypes.IntegerType;
            case "converged" -> DataTypes.BooleanType;
            case "first_warning" -> DataTypes.StringType;
            default -> DataTypes.DoubleType;
        };
    }

    /**
     * @param fit a group's fit
     * @return its values in {@link #columnNames()} order
     */
    Object[] values(Fit fit) {
        Object[] out = new Object[parameters.size() * 4 + FIT_COLUMNS.size()];
        int k = 0;
        for (Parameter p : fit.parameters()) {
            out[k++] = finite(p.value());
            out[k++] = finite(p.stderr());
            out[k++] = finite(p.lower());
            out[k++] = finite(p.upper());
        }
        out[k++] = finite(fit.rss());
        out[k++] = finite(fit.r2());
        out[k++] = finite(fit.aic());
        out[k++] = fit.n();
        out[k++] = fit.converged();
        out[k++] = fit.warnings().size();
        out[k] = fit.warnings().isEmpty() ? null : fit.warnings().get(0);
        return out;
    }

    /**
     * @param rows   the group's row count
     * @param reason why the group could not be fitted
     * @return the row of a failed group, in {@link #columnNames()} order
     */
    Object[] failed(int rows, String reason) {
        Object[] out = new Object[parameters.size() * 4 + FIT_COLUMNS.size()];
        int k = parameters.size() * 4 + 3;
        out[k++] = rows;
        out[k++] = false;
        out[k++] = 1;
        out[k] = reason;
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

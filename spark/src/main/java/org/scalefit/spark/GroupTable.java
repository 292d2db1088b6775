package org.scalefit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.scalefit.fit.GroupRow;

/**
 * The compact per-group table of {@code scalefit fit --by --output} in Spark's types: a thin adapter of the
 * core's {@link GroupRow} (which owns the columns, their order and their values), so that this module's output
 * columns are the command line's table columns by construction. After the group keys: for each parameter
 * {@code P}: {@code P}, {@code P_stderr}, {@code P_ci95_low}, {@code P_ci95_high}; then {@code rss}, {@code r2},
 * {@code aic}, {@code n}, {@code converged}, {@code warnings} (how many) and {@code first_warning}. Non-finite
 * numbers are null (as in the command line's JSON). A group that could not be fitted has null numbers, its row
 * count in {@code n}, {@code converged = false}, {@code warnings = 1} and the reason in {@code first_warning}.
 *
 * <pre>{@code
 * GroupTable table = new GroupTable(List.of("a", "alpha"));
 * List<StructField> columns = table.fields();            // a, a_stderr, a_ci95_low, …, first_warning
 * Object[] values = table.values(row);                    // in the same order
 * }</pre>
 */
final class GroupTable implements Serializable {
    private static final long serialVersionUID = 2L;

    private final List<String> parameters;

    /**
     * @param parameters the law's parameter names, in the law's order
     */
    GroupTable(List<String> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** @return the law's parameter names */
    List<String> parameters() {
        return parameters;
    }

    /** @return the column names after the group keys, in order */
    List<String> columnNames() {
        return GroupRow.columns(parameters).stream().map(GroupRow.Column::name).toList();
    }

    /** @return the Spark fields after the group keys, in {@link #columnNames()} order (numbers and text nullable) */
    List<StructField> fields() {
        List<StructField> out = new ArrayList<>();
        for (GroupRow.Column c : GroupRow.columns(parameters)) {
            out.add(DataTypes.createStructField(c.name(), type(c.kind()),
                    c.kind() == GroupRow.Kind.NUMBER || c.kind() == GroupRow.Kind.TEXT));
        }
        return out;
    }

    private static DataType type(GroupRow.Kind kind) {
        return switch (kind) {
            case NUMBER -> DataTypes.DoubleType;
            case INTEGER -> DataTypes.IntegerType;
            case BOOLEAN -> DataTypes.BooleanType;
            case TEXT -> DataTypes.StringType;
        };
    }

    /**
     * @param row a group's row
     * @return its values in {@link #columnNames()} order, warnings in the library's words
     */
    Object[] values(GroupRow row) {
        return row.cells(null);
    }
}

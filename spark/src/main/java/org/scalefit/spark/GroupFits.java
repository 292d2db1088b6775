package org.scalefit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.scalefit.InvalidDataException;
import org.scalefit.ScalefitException;
import org.scalefit.data.Group;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.GroupFit;
import org.scalefit.fit.GroupRow;

/**
 * One law fitted to every group of a {@link Dataset}, in Spark's executors — {@code scalefit fit FILE --by COLUMN}
 * for tables that do not fit on one machine. In: a Dataset with the group columns, the predictor column(s),
 * the response and optionally a sigma or weight column. Out: one row per group with the group keys (their
 * own names and types) followed by the columns of the compact {@code --by} table: for each parameter
 * {@code P}, {@code P}, {@code P_stderr}, {@code P_ci95_low} and {@code P_ci95_high}; then {@code rss},
 * {@code r2}, {@code aic}, {@code n}, {@code converged}, {@code warnings} and {@code first_warning}.
 *
 * <p>How it runs: the rows are hash-partitioned by the group keys (so a group's rows meet in one task) and
 * sorted by them within each partition; each task then streams its groups one at a time, sorts a group's
 * rows canonically (predictors, response, weight, row number) and fits it with the core on one thread, as
 * {@code --by} fits a group. The result of a group therefore does not depend on how the input was partitioned
 * or ordered, and equals the command line's for the same rows value for value. Memory per task is one group.
 *
 * <p>A group that cannot be fitted — a NaN or empty cell, a value outside the law's domain (x ≤ 0 for a power
 * law), too few points, a fit that fails — is reported in its own row ({@code converged = false} and the reason
 * in {@code first_warning}); the job and the other groups go on. A mistake in the call itself (a missing column,
 * an unknown law, an option that does not parse) fails at once on the driver, before any task runs.
 *
 * <pre>{@code
 * Dataset<Row> curves = spark.read().parquet("s3://bucket/learning-curves/");   // model, step, loss
 * Dataset<Row> table = GroupFits.of(FitSpec.law("offset-power-law"))
 *         .by("model")
 *         .x("step")
 *         .y("loss")
 *         .fit(curves);                          // model, E, E_stderr, …, alpha_ci95_high, rss, r2, …, first_warning
 * table.write().parquet("s3://bucket/fits/");
 * }</pre>
 *
 * @serial exclude (it travels to the executors as Java serialization; it is no published format)
 */
public final class GroupFits implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FitSpec spec;
    private final List<String> by;
    private final List<String> x;
    private final String y;
    private final String sigma;
    private final String weight;
    private final String rowNumbers;
    private final String source;
    private final int partitions;

    private GroupFits(FitSpec spec, List<String> by, List<String> x, String y, String sigma, String weight,
                      String rowNumbers, String source, int partitions) {
        this.spec = spec;
        this.by = List.copyOf(by);
        this.x = List.copyOf(x);
        this.y = y;
        this.sigma = sigma;
        this.weight = weight;
        this.rowNumbers = rowNumbers;
        this.source = source;
        this.partitions = partitions;
    }

    /**
     * Starts a per-group fit of one law.
     *
     * @param spec the law and the fit options
     * @return a configuration with no columns chosen yet
     */
    public static GroupFits of(FitSpec spec) {
        return new GroupFits(Objects.requireNonNull(spec, "spec"), List.of(), List.of(), null, null, null, null,
                "dataset", 0);
    }

    /**
     * @param columns the group columns (one or more; a group is a distinct combination of their values)
     * @return a copy grouping by them
     */
    public GroupFits by(String... columns) {
        return new GroupFits(spec, List.of(columns), x, y, sigma, weight, rowNumbers, source, partitions);
    }

    /**
     * Adds a predictor, as {@code --x}: {@code COLUMN}, or {@code NAME=COLUMN} for a law whose predictors have
     * names ({@code --x N=params --x D=tokens} for {@code chinchilla}). Numeric columns are read as doubles;
     * the time laws ({@code doubling}, {@code superexponential}) take a date column or ISO date strings.
     *
     * @param predictor {@code COLUMN} or {@code NAME=COLUMN}
     * @return a copy with the predictor added
     */
    public GroupFits x(String predictor) {
        List<String> xs = new ArrayList<>(x);
        xs.add(predictor);
        return new GroupFits(spec, by, xs, y, sigma, weight, rowNumbers, source, partitions);
    }

    /**
     * @param column the response column
     * @return a copy with that response
     */
    public GroupFits y(String column) {
        return new GroupFits(spec, by, x, column, sigma, weight, rowNumbers, source, partitions);
    }

    /**
     * The standard deviation of each y, as {@code --sigma} (weights 1/σ², absolute standard errors).
     *
     * @param column the sigma column
     * @return a copy with that sigma column
     */
    public GroupFits sigma(String column) {
        return new GroupFits(spec, by, x, y, column, weight, rowNumbers, source, partitions);
    }

    /**
     * A per-point weight, as {@code --weight}.
     *
     * @param column the weight column
     * @return a copy with that weight column
     */
    public GroupFits weight(String column) {
        return new GroupFits(spec, by, x, y, sigma, column, rowNumbers, source, partitions);
    }

    /**
     * An integer column that names each row in messages and warnings ("possible outlier: row 17 …"), e.g. the
     * row number of the file the table came from. Without it, rows are numbered 1, 2, … within their group in
     * the canonical order.
     *
     * @param column the row-number column
     * @return a copy that names rows by it
     */
    public GroupFits rowNumbers(String column) {
        return new GroupFits(spec, by, x, y, sigma, weight, column, source, partitions);
    }

    /**
     * @param name what the data are called in messages (as a file name is on the command line)
     * @return a copy with that name
     */
    public GroupFits source(String name) {
        return new GroupFits(spec, by, x, y, sigma, weight, rowNumbers, Objects.requireNonNull(name, "name"), partitions);
    }

    /**
     * @param count how many partitions the groups are spread over (default: {@code spark.sql.shuffle.partitions});
     *              it changes how the work is spread, never a result
     * @return a copy with that partition count
     */
    public GroupFits partitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("partitions must be ≥ 1, got " + count);
        }
        return new GroupFits(spec, by, x, y, sigma, weight, rowNumbers, source, count);
    }

    /**
     * The output schema: the group keys as they are in {@code input}, then the table columns.
     *
     * @param input the input schema
     * @return the schema of {@link #fit}'s result
     * @throws InvalidDataException for a missing column, an unknown law or a column name clash
     */
    public StructType outputSchema(StructType input) {
        return plan(input).output;
    }

    /**
     * Fits every group. The work runs when an action (write, collect, count) asks for the result.
     *
     * @param input the rows
     * @return one row per group: the keys, then the table columns (see the class comment)
     * @throws InvalidDataException at once, for a missing column, an unknown law, an option that does not
     *                              parse, or a result column that would clash with a group column
     */
    public Dataset<Row> fit(Dataset<Row> input) {
        Plan plan = plan(input.schema());
        Column[] keys = by.stream().map(functions::col).toArray(Column[]::new);
        Dataset<Row> rows = input.select(plan.selected);
        Dataset<Row> grouped = partitions > 0 ? rows.repartition(partitions, keys) : rows.repartition(keys);
        return grouped.sortWithinPartitions(keys).mapPartitions(plan.task, Encoders.row(plan.output));
    }

    /** What the driver works out before any task runs. */
    private record Plan(Column[] selected, StructType output, GroupTask task) {
    }

    private Plan plan(StructType input) {
        if (by.isEmpty()) {
            throw new InvalidDataException("fitting each group needs at least one group column (by)");
        }
        spec.toOptions();
        RowLayout layout = RowLayout.of(spec, x, y, sigma, weight, null, null, rowNumbers);
        Column[] selected = layout.select(input, by);
        List<StructField> out = new ArrayList<>();
        for (String key : by) {
            out.add(input.apply(key));
        }
        GroupTable table = new GroupTable(Predictors.parameterNames(spec, layout.predictors()));
        for (String column : table.columnNames()) {
            if (by.contains(column)) {
                throw new InvalidDataException("group column \"" + column + "\" has the name of a result column; rename it "
                        + "(e.g. withColumnRenamed(\"" + column + "\", \"" + column + "_key\"))");
            }
        }
        out.addAll(table.fields());
        return new Plan(selected, DataTypes.createStructType(out), new GroupTask(spec, by.size(), layout, source, table));
    }

    /**
     * The executors' side: streams a partition sorted by the group keys, one group at a time, and fits each.
     * Row layout: keys, predictors, response, [sigma or weight], [row number].
     */
    static final class GroupTask implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final FitSpec spec;
        private final int keys;
        private final RowLayout layout;
        private final String source;
        private final GroupTable table;

        GroupTask(FitSpec spec, int keys, RowLayout layout, String source, GroupTable table) {
            this.spec = spec;
            this.keys = keys;
            this.layout = layout;
            this.source = source;
            this.table = table;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            FitOptions options = spec.toOptions();
            return new Iterator<>() {
                private Row pending = rows.hasNext() ? rows.next() : null;

                @Override
                public boolean hasNext() {
                    return pending != null;
                }

                @Override
                public Row next() {
                    if (pending == null) {
                        throw new NoSuchElementException();
                    }
                    List<Row> group = new ArrayList<>();
                    Row first = pending;
                    group.add(first);
                    pending = null;
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        if (sameKeys(first, r)) {
                            group.add(r);
                        } else {
                            pending = r;
                            break;
                        }
                    }
                    return fitGroup(first, group, options);
                }
            };
        }

        private boolean sameKeys(Row a, Row b) {
            for (int k = 0; k < keys; k++) {
                if (!Objects.equals(a.get(k), b.get(k))) {
                    return false;
                }
            }
            return true;
        }

        private Row fitGroup(Row first, List<Row> group, FitOptions options) {
            GroupRow row;
            try {
                Observations data = layout.observations(group, source, keys, true);
                // The core's lean path, as fit --by --output takes it: the row alone, no Fit object.
                row = GroupFit.of(Group.of(0, List.of(), data), spec::createLaw, options, table.parameters(), false).row();
            } catch (ScalefitException e) {
                row = GroupRow.failed(List.of(), table.parameters(), group.size(), e.template(), true);
            }
            Object[] values = table.values(row);
            Object[] out = new Object[keys + values.length];
            for (int k = 0; k < keys; k++) {
                out[k] = first.get(k);
            }
            System.arraycopy(values, 0, out, keys, values.length);
            return RowFactory.create(out);
        }
    }
}

package org.scalefit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.scalefit.InvalidDataException;
import org.scalefit.horizon.HorizonOptions;
import org.scalefit.horizon.HorizonResult;
import org.scalefit.horizon.Horizons;
import org.scalefit.horizon.RunColumns;
import org.scalefit.horizon.Runs;

/**
 * METR time horizons ({@code scalefit horizon}) from a run table of any size: Spark reduces the table to the
 * distinct (model, task, family, minutes, score) combinations with their counts — for binarized scores at
 * most two rows per model and task, whatever the number of runs — and the driver rebuilds the runs and fits
 * them with the core's {@link Horizons}: the per-model logistic regressions and the hierarchical bootstrap
 * (families → tasks → runs) on the driver's cores. Optionally the rows are samples of runs ({@link #perRun}):
 * Spark first averages each run's samples into the run's score.
 *
 * <p>The runs are handed to the core in one canonical order — by model, then task, then score — so the result
 * does not depend on Spark's partitioning, and equals {@code scalefit horizon FILE} on a run file listed in that
 * order (the bootstrap draws families, tasks and runs by their order of appearance, so another order of the
 * same runs draws other, equally valid, replicates). The driver holds the runs as the core does (about 20
 * bytes a run while they are gathered: some 2 GB for 10⁸ runs); what crosses the network is the aggregate.
 *
 * <p>As the run reader does, rows whose model is the human alias are counted and left out; a row without a
 * family is its own task's family. A row with an empty model or task, a non-positive or non-finite length or a
 * score outside [0, 1] stops the fit with a message naming it, or is left out and counted with
 * {@link #skipInvalid}.
 *
 * <pre>{@code
 * Dataset<Row> runs = spark.read().parquet("s3://bucket/eval-runs/");     // alias, task_id, task_family, …
 * HorizonResult h = SparkHorizons.of(HorizonOptions.defaults().withBootstrap(1000).withSeed(7)).fit(runs);
 * double p50 = h.model("o1").p50();
 * Interval ci = h.interval("o1", 0.5);
 * }</pre>
 */
public final class SparkHorizons {
    private final HorizonOptions options;
    private final RunColumns columns;
    private final String run;
    private final boolean skipInvalid;
    private final String source;

    private SparkHorizons(HorizonOptions options, RunColumns columns, String run, boolean skipInvalid, String source) {
        this.options = options;
        this.columns = columns;
        this.run = run;
        this.skipInvalid = skipInvalid;
        this.source = source;
    }

    /**
     * @param options the fit and bootstrap options, as {@code scalefit horizon}'s ({@code --bootstrap}, {@code --seed},
     *                {@code --weighting}, …; the thread count is the driver's)
     * @return a horizon fit reading METR's column names
     */
    public static SparkHorizons of(HorizonOptions options) {
        return new SparkHorizons(Objects.requireNonNull(options, "options"), RunColumns.metr(), null, false, "runs");
    }

    /**
     * @param names which columns hold the model, task, family, minutes and score, and the human alias
     * @return a copy reading those columns
     */
    public SparkHorizons columns(RunColumns names) {
        return new SparkHorizons(options, Objects.requireNonNull(names, "names"), run, skipInvalid, source);
    }

    /**
     * Rows are samples (e.g. per-sample evaluation results) and {@code column} names the run they belong to:
     * a run's score is the mean of its samples' scores, per (model, task, run).
     *
     * @param column the run id column
     * @return a copy that aggregates samples into runs first
     */
    public SparkHorizons perRun(String column) {
        return new SparkHorizons(options, columns, Objects.requireNonNull(column, "column"), skipInvalid, source);
    }

    /**
     * @param skip true to leave out (and count in the result's notes) rows that cannot be used, as
     *             {@code --skip-invalid}; false to stop at the first
     * @return a copy with that choice
     */
    public SparkHorizons skipInvalid(boolean skip) {
        return new SparkHorizons(options, columns, run, skip, source);
    }

    /**
     * @param name what the runs are called in messages and in the result
     * @return a copy with that name
     */
    public SparkHorizons source(String name) {
        return new SparkHorizons(options, columns, run, skipInvalid, Objects.requireNonNull(name, "name"));
    }

    /**
     * Aggregates in Spark, then fits on the driver.
     *
     * @param runs the run (or sample) table
     * @return the horizons per model, in the canonical (sorted) model order, with bootstrap intervals when the
     *         options ask for them; {@link HorizonResult#humanRuns()} counts the human rows left out
     * @throws InvalidDataException for a missing column, a row that cannot be used (unless skipped), a task seen
     *                              with two lengths or families, or a table without model runs
     */
    public HorizonResult fit(Dataset<Row> runs) {
        List<String> names = Arrays.asList(runs.schema().fieldNames());
        String score = columns.score() != null ? columns.score()
                : names.contains(RunColumns.SCORE_BINARIZED) ? RunColumns.SCORE_BINARIZED : RunColumns.SCORE_CONTINUOUS;
        List<Column> selected = new ArrayList<>(List.of(
                functions.col(Predictors.column(names, columns.model(), "model")).cast(DataTypes.StringType).as("m"),
                functions.col(Predictors.column(names, columns.task(), "task")).cast(DataTypes.StringType).as("t"),
                names.contains(columns.family()) ? functions.col(columns.family()).cast(DataTypes.StringType).as("f")
                        : functions.lit(null).cast(DataTypes.StringType).as("f"),
                functions.col(Predictors.column(names, columns.minutes(), "minutes")).cast(DataTypes.DoubleType).as("min"),
                functions.col(Predictors.column(names, score, "score")).cast(DataTypes.DoubleType).as("s")));
        if (run != null) {
            selected.add(functions.col(Predictors.column(names, run, "run")).as("r"));
        }
        Dataset<Row> rows = runs.select(selected.toArray(new Column[0]));
        if (run != null) {
            rows = rows.groupBy("m", "t", "f", "min", "r").agg(functions.avg("s").as("s"));
        }
        List<Row> counts = new ArrayList<>(rows.groupBy("m", "t", "f", "min", "s").count().collectAsList());
        counts.sort(SparkHorizons::canonical);
        Runs.Builder builder = Runs.builder(source);
        int human = 0;
        long skipped = 0;
        for (Row r : counts) {
            long n = r.getLong(5);
            String model = r.isNullAt(0) ? null : r.getString(0);
            if (model != null && model.equals(columns.humanAlias())) {
                human += Math.toIntExact(n);
                continue;
            }
            String problem = problem(r);
            if (problem != null) {
                if (!skipInvalid) {
                    throw new InvalidDataException(source + ": " + n + " run" + (n == 1 ? "" : "s") + " of model "
                            + quote(model) + " on task " + quote(r.isNullAt(1) ? null : r.getString(1)) + ": " + problem
                            + " (leave such rows out with skipInvalid)");
                }
                skipped += n;
                continue;
            }
            for (long k = 0; k < n; k++) {
                builder.add(model, r.getString(1), r.isNullAt(2) ? null : r.getString(2), r.getDouble(3), r.getDouble(4));
            }
        }
        HorizonResult result = Horizons.fit(builder.build(), options);
        if (skipped > 0) {
            // The count travels in the source name, as the result has no field for it.
            result = new HorizonResult(source + " (" + skipped + " invalid runs left out)", result.runs(), human,
                    result.tasks(), result.families(), result.options(), result.models(), result.bootstrap());
        } else {
            result = new HorizonResult(result.source(), result.runs(), human, result.tasks(), result.families(),
                    result.options(), result.models(), result.bootstrap());
        }
        return result;
    }

    /** Model, task, then score: the order the runs reach the core. */
    private static int canonical(Row a, Row b) {
        int c = compare(a, b, 0);
        if (c == 0) {
            c = compare(a, b, 1);
        }
        if (c == 0) {
            c = compare(a, b, 2);
        }
        if (c == 0) {
            c = Double.compare(a.isNullAt(3) ? Double.NaN : a.getDouble(3), b.isNullAt(3) ? Double.NaN : b.getDouble(3));
        }
        return c != 0 ? c : Double.compare(a.isNullAt(4) ? Double.NaN : a.getDouble(4), b.isNullAt(4) ? Double.NaN : b.getDouble(4));
    }

    private static int compare(Row a, Row b, int i) {
        String x = a.isNullAt(i) ? "" : a.getString(i);
        String y = b.isNullAt(i) ? "" : b.getString(i);
        return x.compareTo(y);
    }

    /** Why an aggregated row cannot be used, or null. */
    private static String problem(Row r) {
        if (r.isNullAt(0) || r.getString(0).isEmpty()) {
            return "the model is empty";
        }
        if (r.isNullAt(1) || r.getString(1).isEmpty()) {
            return "the task is empty";
        }
        double minutes = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
        if (!(minutes > 0) || !Double.isFinite(minutes)) {
            return "human minutes is " + (r.isNullAt(3) ? "empty" : minutes) + "; task lengths must be finite and > 0";
        }
        double score = r.isNullAt(4) ? Double.NaN : r.getDouble(4);
        if (!(score >= 0 && score <= 1)) {
            return "score is " + (r.isNullAt(4) ? "empty" : score) + "; scores must lie in [0, 1]";
        }
        return null;
    }

    private static String quote(String s) {
        return s == null ? "(empty)" : "\"" + s + "\"";
    }
}

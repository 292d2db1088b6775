package org.scalefit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scalefit.InvalidDataException;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Refit;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;
import org.scalefit.fit.Starts;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/**
 * The bootstrap of one big fit with its replicates spread over Spark's executors —
 * {@code scalefit fit FILE --bootstrap N --seed S} when N refits are more than one machine should do.
 *
 * <p>How it runs. The driver collects the data (one fit's data must fit in one JVM), puts the points in the
 * canonical order (group, item, predictors, response, weight, row number; see {@link GroupFits}) and fits the
 * law. The points are broadcast; every task rebuilds the same observations, refits the same full-data fit
 * (and checks it is bit-identical to the driver's: a cluster running another scalefit version fails loudly),
 * and refits its share of the replicate indices. Replicate i is drawn exactly as the core's {@link Bootstrap}
 * draws it — from {@code Seeds.random(seed, Stream.BOOTSTRAP, i)} through the same {@link Resampler} — and
 * refitted from the full-data optimum ({@link Fitter#refitNear}), so the replicates, and therefore the
 * intervals, are the command line's. The BCa acceleration comes from the core's own jackknife, which the
 * driver runs (at most {@value Bootstrap#MAX_JACKKNIFE_UNITS} refits, on the driver's cores); that run also
 * recomputes replicate 0 on the driver, which must equal the executors' replicate 0 bit for bit.
 *
 * <p>The result equals {@code scalefit fit FILE … --bootstrap N --seed S} on a file whose rows are in the
 * canonical order (the command line resamples rows in file order, so another order draws other replicates —
 * equally valid, but not the same numbers).
 *
 * <pre>{@code
 * BootstrapSummary boot = DistributedBootstrap.of(FitSpec.law("offset-power-law").withSeed(42))
 *         .x("compute").y("loss")
 *         .replicates(10_000)
 *         .run(spark.read().parquet("runs.parquet"));
 * Estimate alpha = boot.parameter("alpha", IntervalMethod.BCA);     // as --bootstrap 10000 --seed 42
 * }</pre>
 *
 * @serial exclude (it travels to the executors as Java serialization; it is no published format)
 */
public final class DistributedBootstrap implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final StructType REPLICATE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("index", DataTypes.IntegerType, false),
            DataTypes.createStructField("values", DataTypes.createArrayType(DataTypes.DoubleType, false), true),
            DataTypes.createStructField("failure", DataTypes.StringType, true)));

    private final FitSpec spec;
    private final List<String> x;
    private final String y;
    private final String sigma;
    private final String weight;
    private final String group;
    private final String item;
    private final String rowNumbers;
    private final String resample;
    private final int replicates;
    private final int partitions;
    private final String source;

    private DistributedBootstrap(FitSpec spec, List<String> x, String y, String sigma, String weight, String group,
                                 String item, String rowNumbers, String resample, int replicates, int partitions,
                                 String source) {
        this.spec = spec;
        this.x = List.copyOf(x);
        this.y = y;
        this.sigma = sigma;
        this.weight = weight;
        this.group = group;
        this.item = item;
        this.rowNumbers = rowNumbers;
        this.resample = resample;
        this.replicates = replicates;
        this.partitions = partitions;
        this.source = source;
    }

    /**
     * Starts a bootstrap of one fit; its seed is the spec's ({@link FitSpec#withSeed}), as {@code --seed} is
     * both the fit's and the bootstrap's on the command line.
     *
     * @param spec the law and the fit options
     * @return a configuration with 1,000 replicates and no columns chosen yet
     */
    public static DistributedBootstrap of(FitSpec spec) {
        return new DistributedBootstrap(Objects.requireNonNull(spec, "spec"), List.of(), null, null, null, null, null,
                null, null, 1000, 0, "dataset");
    }

    /**
     * @param predictor {@code COLUMN} or {@code NAME=COLUMN}, as {@link GroupFits#x}
     * @return a copy with the predictor added
     */
    public DistributedBootstrap x(String predictor) {
        List<String> xs = new ArrayList<>(x);
        xs.add(predictor);
        return new DistributedBootstrap(spec, xs, y, sigma, weight, group, item, rowNumbers, resample, replicates,
                partitions, source);
    }

    /**
     * @param column the response column
     * @return a copy with that response
     */
    public DistributedBootstrap y(String column) {
        return new DistributedBootstrap(spec, x, column, sigma, weight, group, item, rowNumbers, resample, replicates,
                partitions, source);
    }

    /**
     * @param column the standard deviation of each y, as {@code --sigma}
     * @return a copy with that sigma column
     */
    public DistributedBootstrap sigma(String column) {
        return new DistributedBootstrap(spec, x, y, column, weight, group, item, rowNumbers, resample, replicates,
                partitions, source);
    }

    /**
     * @param column a per-point weight, as {@code --weight}
     * @return a copy with that weight column
     */
    public DistributedBootstrap weight(String column) {
        return new DistributedBootstrap(spec, x, y, sigma, column, group, item, rowNumbers, resample, replicates,
                partitions, source);
    }

    /**
     * @param column the group of each point (as {@code --group}): the {@code groups} plan draws whole groups
     * @return a copy with that group column
     */
    public DistributedBootstrap group(String column) {
        return new DistributedBootstrap(spec, x, y, sigma, weight, column, item, rowNumbers, resample, replicates,
                partitions, source);
    }

    /**
     * @param column the item of each point within its group (as {@code --item}), for the {@code hierarchical} plan
     * @return a copy with that item column
     */
    public DistributedBootstrap item(String column) {
        return new DistributedBootstrap(spec, x, y, sigma, weight, group, column, rowNumbers, resample, replicates,
                partitions, source);
    }

    /**
     * @param column an integer column naming each row in messages, as {@link GroupFits#rowNumbers}
     * @return a copy that names rows by it
     */
    public DistributedBootstrap rowNumbers(String column) {
        return new DistributedBootstrap(spec, x, y, sigma, weight, group, item, column, resample, replicates,
                partitions, source);
    }

    /**
     * @param plan {@code rows}, {@code groups}, {@code hierarchical}, {@code residuals} or {@code parametric}
     *             (default as {@code --resample}: hierarchical with an item column, groups with a group column,
     *             else rows)
     * @return a copy with that plan
     */
    public DistributedBootstrap resample(String plan) {
        return new DistributedBootstrap(spec, x, y, sigma, weight, group, item, rowNumbers, plan, replicates,
                partitions, source);
    }

    /**
     * @param count replicates (≥ 1), as {@code --bootstrap N}
     * @return a copy with that many replicates
     */
    public DistributedBootstrap replicates(int count) {
        if (count < 1) {
            throw new InvalidDataException("a bootstrap needs at least 1 replicate, got " + count);
        }
        return new DistributedBootstrap(spec, x, y, sigma, weight, group, item, rowNumbers, resample, count,
                partitions, source);
    }

    /**
     * @param count Spark partitions over the replicate indices (default: the cluster's default parallelism);
     *              it spreads the work, never changes a result
     * @return a copy with that partition count
     */
    public DistributedBootstrap partitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("partitions must be ≥ 1, got " + count);
        }
        return new DistributedBootstrap(spec, x, y, sigma, weight, group, item, rowNumbers, resample, replicates,
                count, source);
    }

    /**
     * @param name what the data are called in messages
     * @return a copy with that name
     */
    public DistributedBootstrap source(String name) {
        return new DistributedBootstrap(spec, x, y, sigma, weight, group, item, rowNumbers, resample, replicates,
                partitions, Objects.requireNonNull(name, "name"));
    }

    /**
     * Fits the data on the driver, refits the replicates on the executors and assembles the result.
     *
     * @param input the data of the one fit
     * @return the replicates, failures and intervals
     * @throws InvalidDataException    for a missing column, unusable data or an option that does not parse
     * @throws org.scalefit.FitFailedException when the full-data fit fails
     * @throws IllegalStateException   when an executor's full-data fit differs from the driver's (another
     *                                 scalefit version on the cluster)
     */
    public BootstrapSummary run(Dataset<Row> input) {
        FitOptions options = spec.toOptions();
        RowLayout layout = RowLayout.of(spec, x, y, sigma, weight, group, item, rowNumbers);
        List<Row> rows = input.select(layout.select(input.schema(), List.of())).collectAsList();
        Observations data = layout.observations(rows, source, 0, false);
        int threads = Runtime.getRuntime().availableProcessors();
        Fit fit = Fitter.fit(spec.createLaw(data), data, options.toBuilder().threads(threads).build());
        String plan = resample != null ? resample : (data.hasItems() ? "hierarchical" : (data.hasGroups() ? "groups" : "rows"));
        Resampler resampler = Resampler.named(plan, fit);

        SparkSession spark = input.sparkSession();
        Broadcast<List<Row>> points = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new ArrayList<>(rows));
        int slices = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
        ReplicateTask task = new ReplicateTask(points, layout, spec, source, plan, fit.values());
        List<Row> out;
        try {
            out = spark.range(0, replicates, 1, Math.min(slices, replicates))
                    .mapPartitions(task, Encoders.row(REPLICATE)).collectAsList();
        } finally {
            points.destroy();
        }
        double[][] values = new double[replicates][];
        String[] failure = new String[replicates];
        for (Row r : out) {
            int i = r.getInt(0);
            if (r.isNullAt(1)) {
                failure[i] = r.getString(2);
            } else {
                values[i] = r.getList(1).stream().mapToDouble(v -> (Double) v).toArray();
            }
        }
        // The core's jackknife for the BCa acceleration; its one replicate is replicate 0, computed here again.
        BootstrapResult jackknife = Bootstrap.run(fit, resampler, 1, spec.seed(), threads);
        double[] zero = jackknife.succeeded() == 1 ? jackknife.replicates()[0] : null;
        if (!Arrays.equals(zero, values[0])) {
            throw new IllegalStateException("replicate 0 on the executors " + Arrays.toString(values[0])
                    + " differs from the driver's " + Arrays.toString(zero) + ": the executors run another scalefit version");
        }
        return new BootstrapSummary(fit, plan, replicates, spec.seed(), values, failure, jackknife);
    }

    /** The executors' side: the same full-data fit, then replicate i for each index of the partition. */
    static final class ReplicateTask implements MapPartitionsFunction<Long, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<List<Row>> points;
        private final RowLayout layout;
        private final FitSpec spec;
        private final String source;
        private final String plan;
        private final double[] expected;

        ReplicateTask(Broadcast<List<Row>> points, RowLayout layout, FitSpec spec, String source, String plan,
                      double[] expected) {
            this.points = points;
            this.layout = layout;
            this.spec = spec;
            this.source = source;
            this.plan = plan;
            this.expected = expected.clone();
        }

        @Override
        public Iterator<Row> call(Iterator<Long> indices) {
            Observations data = layout.observations(points.value(), source, 0, false);
            Fit fit = Fitter.fit(spec.createLaw(data), data, spec.toOptions());
            if (!Arrays.equals(fit.values(), expected)) {
                throw new IllegalStateException("the executor's full-data fit " + Arrays.toString(fit.values())
                        + " differs from the driver's " + Arrays.toString(expected)
                        + ": the executors run another scalefit version");
            }
            Resampler resampler = Resampler.named(plan, fit);
            FitOptions warm = warmOptions(fit);
            List<Row> out = new ArrayList<>();
            while (indices.hasNext()) {
                int i = Math.toIntExact(indices.next());
                try {
                    Observations replicate = resampler.resample(data, Seeds.random(spec.seed(), Stream.BOOTSTRAP, i));
                    Refit r = Fitter.refitNear(fit, replicate, warm);
                    out.add(r.converged() ? RowFactory.create(i, boxed(r.values()), null)
                            : RowFactory.create(i, null, "replicate " + i + ": " + r.convergenceReason()));
                } catch (ScalefitException e) {
                    out.add(RowFactory.create(i, null, "replicate " + i + ": " + e.getMessage()));
                }
            }
            return out.iterator();
        }

        /**
         * The options of a replicate's refit, as the core's bootstrap sets them: a warm start at the full-data
         * optimum, one thread, the refit stall test unless the fit set its own. (The core keeps this in a
         * package-private method; the intervals test checks that the replicates equal the core's.)
         */
        private static FitOptions warmOptions(Fit fit) {
            double stall = fit.options().stallTolerance() > 0 ? fit.options().stallTolerance()
                    : FitOptions.REFIT_STALL_TOLERANCE;
            return fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).stallTolerance(stall).build();
        }

        /** A Spark array value: the external type of an array column is a Scala sequence. */
        private static scala.collection.Seq<Double> boxed(double[] v) {
            List<Double> out = new ArrayList<>(v.length);
            for (double d : v) {
                out.add(d);
            }
            return scala.jdk.javaapi.CollectionConverters.asScala(out).toSeq();
        }
    }
}

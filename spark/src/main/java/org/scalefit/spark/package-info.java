/**
 * scalefit on Apache Spark: the core's fits over {@link org.apache.spark.sql.Dataset}s too large for one
 * machine, with results equal to the command line's for the same rows.
 *
 * <ul>
 *   <li>{@link org.scalefit.spark.GroupFits}: one law fitted to every group of a Dataset in the executors
 *       ({@code scalefit fit --by}), one row per group out with the compact {@code --by} table's columns;</li>
 *   <li>{@link org.scalefit.spark.DistributedBootstrap}: the bootstrap of one big fit with its replicates
 *       (and jackknife refits) spread over the executors, drawn exactly as {@code scalefit fit --bootstrap};</li>
 *   <li>{@link org.scalefit.spark.SparkHorizons}: METR time horizons from a huge run table, aggregated in
 *       Spark, then fitted and bootstrapped by the core's {@code horizon} package on the driver.</li>
 * </ul>
 *
 * <p>What to fit is a {@link org.scalefit.spark.FitSpec}: the law and the options in the command line's
 * words, which Spark ships to the executors. The executors need the core on their class path (the module's
 * {@code scalefit-spark-app.jar} carries it); Spark itself is the cluster's. On Java 17 a JVM started
 * outside {@code spark-submit} needs Spark's {@code --add-opens} flags (README, "Scaling out").
 *
 * <pre>{@code
 * Dataset<Row> table = GroupFits.of(FitSpec.law("power-law")).by("run").x("compute").y("loss").fit(runs);
 * }</pre>
 */
package org.scalefit.spark;

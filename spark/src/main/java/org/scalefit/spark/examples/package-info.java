/**
 * Runnable Spark programs on scalefit: submit them with {@code spark-submit --class
 * org.scalefit.spark.examples.NAME spark/target/scalefit-spark-app.jar ARGS}.
 *
 * <pre>{@code
 * spark-submit --master 'local[2]' --class org.scalefit.spark.examples.FitSweepsOnSpark \
 *     spark/target/scalefit-spark-app.jar datasets/kaplan2020-learning-curves.csv /tmp/curve-fits
 * }</pre>
 */
package org.scalefit.spark.examples;
